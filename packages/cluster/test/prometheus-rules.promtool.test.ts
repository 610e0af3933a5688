// The PrometheusRule the cluster tree ships, checked by Prometheus' own promtool: the rule file
// is valid (`promtool check rules`), and unit tests on synthetic series (`promtool test rules`)
// show each alert fires when it should and stays quiet when it should not. Thresholds below are
// those of the default 99.5 % SLO: error budget 0.5 %, fast burn 14.4 × 0.5 % = 7.2 %, slow burn
// 6 × 0.5 % = 3 %; 5xx ratio alert above 5 %.
// @see https://prometheus.io/docs/prometheus/latest/configuration/unit_testing_rules/
import { promtoolCheckRules, promtoolTestRules } from '@sugarkube/verify';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments, stringify } from 'yaml';
import { parseClusterDefinition, synthesizeClusterTree } from '../src/index.js';
import { testCluster, testPins } from './fixture.js';

let rules: string;

beforeAll(() => {
  const files = synthesizeClusterTree(parseClusterDefinition(testCluster(), testPins).value!);
  const file = files.find((f) => f.path === 'infrastructure/configs/prod/monitoring.yaml');
  const rule = parseAllDocuments(file!.content)
    .map((d) => d.toJS() as { kind: string; spec: { groups: unknown[] } })
    .find((o) => o.kind === 'PrometheusRule');
  // The PrometheusRule's spec is a Prometheus rule file: promtool reads it as it is.
  rules = stringify({ groups: rule!.spec.groups });
});

/** One `tests:` entry: input series at 1 m steps, then the alerts expected at `at`. */
const group = (
  series: Record<string, string>,
  alerts: { at: string; alertname: string; exp: unknown[] }[],
  exprs: unknown[] = [],
) => ({
  interval: '1m',
  input_series: Object.entries(series).map(([s, values]) => ({ series: s, values })),
  alert_rule_test: alerts.map((a) => ({ eval_time: a.at, alertname: a.alertname, exp_alerts: a.exp })),
  promql_expr_test: exprs,
});

/** Ingress traffic at 1,000 requests a minute, `errorsPerMille` of them 5xx, for 7 hours. */
const ingress = (errorsPerMille: number) => ({
  'traefik_entrypoint_requests_total{entrypoint="web",code="200"}': `0+${1000 - errorsPerMille}x420`,
  'traefik_entrypoint_requests_total{entrypoint="web",code="503"}': `0+${errorsPerMille}x420`,
});

const fastBurn = {
  exp_labels: { severity: 'critical' },
  exp_annotations: {
    summary: 'Ingress success SLO 99.5 %: error budget burning 14.4× (2 % of the 30-day budget per hour)',
  },
};
const slowBurn = {
  exp_labels: { severity: 'warning' },
  exp_annotations: {
    summary: 'Ingress success SLO 99.5 %: error budget burning 6× (5 % of the 30-day budget in 6 hours)',
  },
};
const high5xx = {
  exp_labels: { severity: 'warning' },
  exp_annotations: { summary: 'More than 5 % of ingress requests answer 5xx' },
};

const tests = [
  // 10 % errors: every ingress alert fires.
  group(
    ingress(100),
    [
      { at: '30m', alertname: 'IngressHigh5xxRatio', exp: [high5xx] },
      { at: '30m', alertname: 'IngressSloFastBurn', exp: [fastBurn] },
      { at: '30m', alertname: 'IngressSloSlowBurn', exp: [slowBurn] },
    ],
    [
      {
        expr: 'round(sugarkube:ingress_error_ratio:rate5m, 0.001)',
        eval_time: '30m',
        exp_samples: [{ labels: '{}', value: 0.1 }],
      },
    ],
  ),
  // 4 % errors: above the slow-burn 3 %, under the fast-burn 7.2 % and the 5xx alert's 5 %.
  group(ingress(40), [
    { at: '1h', alertname: 'IngressSloSlowBurn', exp: [slowBurn] },
    { at: '1h', alertname: 'IngressSloFastBurn', exp: [] },
    { at: '1h', alertname: 'IngressHigh5xxRatio', exp: [] },
  ]),
  // 0.4 % errors: within the 0.5 % budget, nothing fires.
  group(ingress(4), [
    { at: '6h', alertname: 'IngressSloSlowBurn', exp: [] },
    { at: '6h', alertname: 'IngressSloFastBurn', exp: [] },
    { at: '6h', alertname: 'IngressHigh5xxRatio', exp: [] },
  ]),
  // A certificate 14 days from expiry fires after its 1 h `for`; one 30 days out does not.
  group(
    {
      'certmanager_certificate_expiration_timestamp_seconds{namespace="apps",name="web-tls"}': `${14 * 86_400}x180`,
      'certmanager_certificate_expiration_timestamp_seconds{namespace="apps",name="api-tls"}': `${30 * 86_400}x180`,
    },
    [
      { at: '30m', alertname: 'CertificateExpiresSoon', exp: [] },
      {
        at: '2h',
        alertname: 'CertificateExpiresSoon',
        exp: [
          {
            exp_labels: { severity: 'warning', namespace: 'apps', name: 'web-tls' },
            exp_annotations: {
              summary: 'Certificate apps/web-tls expires in less than 15 days',
              description:
                'cert-manager renews 30 days ahead; renewal is failing. Check `kubectl describe certificate` and the DNS-01 challenge.',
            },
          },
        ],
      },
    ],
  ),
  // A container restarting every minute fires; one that restarted twice long ago does not.
  group(
    {
      'kube_pod_container_status_restarts_total{namespace="apps",pod="web-1",container="web"}': '0+1x40',
      'kube_pod_container_status_restarts_total{namespace="apps",pod="api-1",container="api"}': '2x40',
    },
    [
      {
        at: '20m',
        alertname: 'PodRestartBurst',
        exp: [
          {
            exp_labels: { severity: 'warning', namespace: 'apps', pod: 'web-1', container: 'web' },
            exp_annotations: { summary: 'apps/web-1 restarted more than 3 times in 15 minutes' },
          },
        ],
      },
    ],
  ),
  // Throttled in 30 % of CFS periods fires after 15 m; 10 % does not.
  group(
    {
      'container_cpu_cfs_periods_total{namespace="apps",pod="web-1",container="web"}': '0+600x60',
      'container_cpu_cfs_throttled_periods_total{namespace="apps",pod="web-1",container="web"}': '0+180x60',
      'container_cpu_cfs_periods_total{namespace="apps",pod="api-1",container="api"}': '0+600x60',
      'container_cpu_cfs_throttled_periods_total{namespace="apps",pod="api-1",container="api"}': '0+60x60',
    },
    [
      { at: '10m', alertname: 'ContainerCpuThrottled', exp: [] },
      {
        at: '40m',
        alertname: 'ContainerCpuThrottled',
        exp: [
          {
            exp_labels: { severity: 'info', namespace: 'apps', pod: 'web-1', container: 'web' },
            exp_annotations: {
              summary: 'apps/web-1 web is CPU-throttled in more than 25 % of periods; raise or drop its CPU limit',
            },
          },
        ],
      },
    ],
  ),
  // Every request of `web` between 0.3 s and 1.2 s: median 0.75 s > 0.7 s fires; `docs` under 0.1 s does not.
  group(
    {
      'traefik_service_request_duration_seconds_bucket{service="web",le="0.1"}': '0x60',
      'traefik_service_request_duration_seconds_bucket{service="web",le="0.3"}': '0x60',
      'traefik_service_request_duration_seconds_bucket{service="web",le="1.2"}': '0+60x60',
      'traefik_service_request_duration_seconds_bucket{service="web",le="+Inf"}': '0+60x60',
      'traefik_service_request_duration_seconds_bucket{service="docs",le="0.1"}': '0+60x60',
      'traefik_service_request_duration_seconds_bucket{service="docs",le="0.3"}': '0+60x60',
      'traefik_service_request_duration_seconds_bucket{service="docs",le="1.2"}': '0+60x60',
      'traefik_service_request_duration_seconds_bucket{service="docs",le="+Inf"}': '0+60x60',
    },
    [
      {
        at: '40m',
        alertname: 'IngressMedianLatencyHigh',
        exp: [
          {
            exp_labels: { severity: 'info', service: 'web' },
            exp_annotations: {
              summary: 'Median response time of web above 700 ms (dynamic budget; static sites aim for 300 ms)',
            },
          },
        ],
      },
    ],
  ),
];

describe('the PrometheusRule, run by promtool', () => {
  it('`promtool check rules` accepts the rule file: 4 recording rules and 7 alerts', async () => {
    const result = await promtoolCheckRules(rules);
    expect(result.output).toContain('SUCCESS: 11 rules found');
    expect(result.ok).toBe(true);
  });

  it('`promtool test rules`: each alert fires on the series it is for and stays quiet below its threshold', async () => {
    const result = await promtoolTestRules(
      rules,
      stringify({ rule_files: ['rules.yaml'], evaluation_interval: '1m', tests }),
    );
    expect(result.output).toContain('SUCCESS');
    expect(result.ok).toBe(true);
  });

  it('the unit tests can fail: a 6 % error rate does not fire the fast-burn alert they expect at 10 %', async () => {
    const wrong = [group(ingress(60), [{ at: '30m', alertname: 'IngressSloFastBurn', exp: [fastBurn] }])];
    const result = await promtoolTestRules(
      rules,
      stringify({ rule_files: ['rules.yaml'], evaluation_interval: '1m', tests: wrong }),
    );
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/alertname: IngressSloFastBurn[\s\S]*exp:[\s\S]*got:\s*\[\]/);
  });
});
