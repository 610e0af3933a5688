import { delimiter, join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { toolPath } from './cache-entry.js';
import { runTool } from './run-tool.js';

/** Debian's shellcheck (tools/ci/apt-packages.txt): actionlint checks every `run:` script with it. */
function shellcheckPath(): string {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'shellcheck');
    if (dir !== '' && existsSync(candidate)) return candidate;
  }
  throw new Error('shellcheck is not installed: run `bash tools/ci/apt-install.sh` (Debian package shellcheck)');
}

/**
 * actionlint on workflow files, with shellcheck on `run:` scripts (required, so results
 * do not depend on the machine) and pyflakes off.
 */
export async function actionlint(files: readonly string[]): Promise<{ ok: boolean; output: string }> {
  if (files.length === 0) throw new Error('actionlint: no files given');
  const args = ['-no-color', `-shellcheck=${shellcheckPath()}`, '-pyflakes=', ...files.map((f) => resolve(f))];
  const run = await runTool(toolPath('actionlint'), args);
  if (run.code > 1) throw new Error(`actionlint failed to run (exit ${run.code}):\n${run.stderr}${run.stdout}`);
  return { ok: run.code === 0, output: `${run.stdout}${run.stderr}` };
}
