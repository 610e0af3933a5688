import { resolve } from 'node:path';
import { toolPath } from './cache-entry.js';
import { runTool } from './run-tool.js';

/**
 * actionlint on workflow files. shellcheck checks `run:` scripts when it is on PATH
 * (CI installs Debian's shellcheck); pyflakes is off, so results do not depend on it.
 */
export async function actionlint(files: readonly string[]): Promise<{ ok: boolean; output: string }> {
  if (files.length === 0) throw new Error('actionlint: no files given');
  const run = await runTool(toolPath('actionlint'), ['-no-color', '-pyflakes=', ...files.map((f) => resolve(f))]);
  if (run.code > 1) throw new Error(`actionlint failed to run (exit ${run.code}):\n${run.stderr}${run.stdout}`);
  return { ok: run.code === 0, output: `${run.stdout}${run.stderr}` };
}
