import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cacheEntry, toolPath } from './cache-entry.js';
import { runTool } from './run-tool.js';

/** One finding of gitleaks' JSON report (the fields tests read). */
export interface GitleaksFinding {
  readonly RuleID: string;
  readonly File: string;
  readonly StartLine: number;
  readonly Secret: string;
  readonly Match: string;
}

/**
 * `gitleaks dir` (the pinned v8 build) over a directory or file, with gitleaks' default rules
 * whatever the environment or the scanned tree says (no GITLEAKS_CONFIG, no `.gitleaks.toml`,
 * no `.gitleaksignore`), decoding to gitleaks' default depth.
 */
export async function gitleaks(
  path: string,
): Promise<{ ok: boolean; findings: readonly GitleaksFinding[]; output: string }> {
  const work = await mkdtemp(join(tmpdir(), 'sugarkube-gitleaks-'));
  try {
    const report = join(work, 'report.json');
    const { GITLEAKS_CONFIG: _config, GITLEAKS_CONFIG_TOML: _toml, ...env } = process.env;
    const args = [
      'dir',
      resolve(path),
      '--config',
      cacheEntry('gitleaks-config.toml'),
      '--gitleaks-ignore-path',
      work,
      '--report-format',
      'json',
      '--report-path',
      report,
      '--no-banner',
      '--no-color',
      '--log-level',
      'warn',
      '--exit-code',
      '0',
    ];
    const run = await runTool(toolPath('gitleaks'), args, { cwd: work, env, timeoutMs: 300_000 });
    if (run.code !== 0) throw new Error(`gitleaks failed (exit ${run.code}):\n${run.stderr}${run.stdout}`);
    const findings = JSON.parse(await readFile(report, 'utf8')) as GitleaksFinding[];
    return { ok: findings.length === 0, findings, output: `${run.stdout}${run.stderr}` };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
