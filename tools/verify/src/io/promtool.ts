import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toolPath } from './cache-entry.js';
import { runTool } from './run-tool.js';

/** What promtool said: `ok` is its exit status 0; `output` is everything it printed. */
export interface PromtoolResult {
  readonly ok: boolean;
  readonly output: string;
}

async function inTempDir<T>(files: Readonly<Record<string, string>>, run: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'sugarkube-promtool-'));
  try {
    for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
    return await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function promtool(args: readonly string[], cwd: string): Promise<PromtoolResult> {
  const run = await runTool(toolPath('promtool'), args, { cwd });
  if (run.code > 1) throw new Error(`promtool ${args.join(' ')} failed to run (exit ${run.code}):\n${run.stderr}${run.stdout}`);
  return { ok: run.code === 0, output: `${run.stdout}${run.stderr}` };
}

/**
 * `promtool check rules` on a Prometheus rule file (`groups:` YAML, the `spec` of a
 * PrometheusRule): PromQL parses, names and labels are valid, templates compile.
 */
export function promtoolCheckRules(rulesYaml: string): Promise<PromtoolResult> {
  return inTempDir({ 'rules.yaml': rulesYaml }, (dir) => promtool(['check', 'rules', 'rules.yaml'], dir));
}

/**
 * `promtool test rules`: runs Prometheus' rule unit tests (`tests:` YAML with input series,
 * `alert_rule_test` and `promql_expr_test`) against the rule file, which the test file names
 * as `rules.yaml`.
 * @see https://prometheus.io/docs/prometheus/latest/configuration/unit_testing_rules/
 */
export function promtoolTestRules(rulesYaml: string, testsYaml: string): Promise<PromtoolResult> {
  return inTempDir({ 'rules.yaml': rulesYaml, 'tests.yaml': testsYaml }, (dir) => promtool(['test', 'rules', 'tests.yaml'], dir));
}
