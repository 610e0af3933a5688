import { toolPath } from './cache-entry.js';
import { runTool } from './run-tool.js';

/** Options of {@link zizmor}. */
export interface ZizmorOptions {
  /**
   * Findings below this severity are not reported.
   * @default 'low' (every finding)
   * @see https://docs.zizmor.sh/usage/#filtering-results
   */
  readonly minSeverity?: 'low' | 'medium' | 'high';
}

/** zizmor (offline: no GitHub API calls) on a repo directory holding `.github/workflows`, or on one workflow file. */
export async function zizmor(
  dir: string,
  options: ZizmorOptions = {},
): Promise<{ ok: boolean; findings: readonly unknown[]; output: string }> {
  const args = [
    '--offline',
    '--no-progress',
    '--color=never',
    '--format=json',
    `--min-severity=${options.minSeverity ?? 'low'}`,
    dir,
  ];
  const run = await runTool(toolPath('zizmor'), args, { env: { ...process.env, NO_COLOR: '1' } });
  let findings: unknown[];
  try {
    findings = JSON.parse(run.stdout) as unknown[];
  } catch {
    throw new Error(`zizmor failed (exit ${run.code}):\n${run.stderr}${run.stdout}`);
  }
  if (!Array.isArray(findings)) throw new Error(`zizmor printed no findings array:\n${run.stdout}`);
  return { ok: findings.length === 0, findings, output: `${run.stdout}${run.stderr}` };
}
