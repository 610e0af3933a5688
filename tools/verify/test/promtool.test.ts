import { expect, it } from 'vitest';
import { promtoolCheckRules, promtoolTestRules } from '../src/index.js';

const rules = 'groups:\n  - name: g\n    rules:\n      - alert: Up\n        expr: up == 0\n        for: 1m\n';

it('promtool check rules accepts a valid rule file and names the broken expression in a bad one', async () => {
  expect(await promtoolCheckRules(rules)).toMatchObject({
    ok: true,
    output: expect.stringContaining('SUCCESS: 1 rules found'),
  });
  const bad = await promtoolCheckRules(rules.replace('up == 0', 'sum(rate(up[5m]) by'));
  expect(bad.ok).toBe(false);
  expect(bad.output).toMatch(/FAILED:[\s\S]*parse error/);
});

it('promtool test rules passes a true expectation and fails a false one', async () => {
  const tests = (exp: string) =>
    `rule_files: [rules.yaml]\ntests:\n  - interval: 1m\n    input_series:\n      - series: 'up{job="a"}'\n        values: '0x10'\n    alert_rule_test:\n      - eval_time: 5m\n        alertname: Up\n        exp_alerts: ${exp}\n`;
  expect((await promtoolTestRules(rules, tests('[{exp_labels: {job: a}}]'))).ok).toBe(true);
  const failed = await promtoolTestRules(rules, tests('[]'));
  expect(failed.ok).toBe(false);
  expect(failed.output).toContain('alertname: Up');
});
