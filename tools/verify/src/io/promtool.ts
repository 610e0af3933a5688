import { rm } from 'node:fs/promises';
import { toolPath } from './cache-entry.js';
import { runTool } from './run-tool.js';
import { writeTempTree } from './write-temp-tree.js';

/** What promtool said: `ok` is its exit status 0; `output` is everything it printed. */
export interface PromtoolResult {
  readonly ok: boolean;
  readonly output: string;
}

/** Runs promtool in a temp dir holding `files`, then removes the dir. */
async function promtool(args: readonly string[], files: Readonly<Record<string, string>>): Promise<PromtoolResult> {
  const dir = await writeTempTree(Object.entries(files).map(([path, content]) => ({ path, content })));
  try {
    const run = await runTool(toolPath('promtool'), args, { cwd: dir });
    if (run.code > 1)
      throw new Error(`promtool ${args.join(' ')} failed to run (exit ${run.code}):\n${run.stderr}${run.stdout}`);
    return { ok: run.code === 0, output: `${run.stdout}${run.stderr}` };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * `promtool check rules` on a Prometheus rule file (`groups:` YAML, the `spec` of a
 * PrometheusRule): PromQL parses, names and labels are valid, templates compile.
 */
export function promtoolCheckRules(rulesYaml: string): Promise<PromtoolResult> {
  return promtool(['check', 'rules', 'rules.yaml'], { 'rules.yaml': rulesYaml });
}

/**
 * `promtool test rules`: runs Prometheus' rule unit tests (`tests:` YAML with input series,
 * `alert_rule_test` and `promql_expr_test`) against the rule file, which the test file names
 * as `rules.yaml`.
 * @see https://prometheus.io/docs/prometheus/latest/configuration/unit_testing_rules/
 */
export function promtoolTestRules(rulesYaml: string, testsYaml: string): Promise<PromtoolResult> {
  return promtool(['test', 'rules', 'tests.yaml'], { 'rules.yaml': rulesYaml, 'tests.yaml': testsYaml });
}
