import { kubeObject, managedByLabel, type KubeObject } from '../plan/kube-object.js';

interface Panel {
  readonly title: string;
  readonly expr: string;
  readonly unit: string;
  readonly kind: 'timeseries' | 'stat';
}

function dashboard(uid: string, title: string, panels: readonly Panel[]): string {
  const json = {
    uid,
    title,
    tags: ['sugarkube'],
    timezone: 'utc',
    schemaVersion: 39,
    time: { from: 'now-24h', to: 'now' },
    templating: { list: [{ name: 'datasource', type: 'datasource', query: 'prometheus' }] },
    panels: panels.map((p, i) => ({
      id: i + 1,
      type: p.kind,
      title: p.title,
      datasource: { type: 'prometheus', uid: '${datasource}' },
      gridPos: { h: 8, w: 12, x: (i % 2) * 12, y: Math.floor(i / 2) * 8 },
      fieldConfig: { defaults: { unit: p.unit }, overrides: [] },
      targets: [{ refId: 'A', expr: p.expr }],
    })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

function dashboardConfigMap(name: string, json: string): KubeObject {
  return kubeObject(
    'v1',
    'ConfigMap',
    { name: `dashboard-${name}`, namespace: 'monitoring', labels: { ...managedByLabel, grafana_dashboard: '1' } },
    {
      data: { [`${name}.json`]: json },
    },
  );
}

/** Two small hand-written dashboards, picked up by Grafana's sidecar (label `grafana_dashboard: "1"`). */
export function planDashboards(sloTarget: number): KubeObject[] {
  const budget = Number((1 - sloTarget).toFixed(6));
  return [
    dashboardConfigMap(
      'sugarkube-ingress',
      dashboard('sugarkube-ingress', 'Sugarkube / Ingress and SLO', [
        {
          title: 'Requests per second by code',
          expr: 'sum by (code) (rate(traefik_entrypoint_requests_total[5m]))',
          unit: 'reqps',
          kind: 'timeseries',
        },
        {
          title: '5xx ratio (5m)',
          expr: 'sugarkube:ingress_error_ratio:rate5m',
          unit: 'percentunit',
          kind: 'timeseries',
        },
        {
          title: `Error budget left (30d, SLO ${sloTarget * 100} %)`,
          expr: `1 - (avg_over_time(sugarkube:ingress_error_ratio:rate1h[30d]) / ${budget})`,
          unit: 'percentunit',
          kind: 'stat',
        },
        {
          title: 'Median response time by service',
          expr: 'histogram_quantile(0.5, sum by (le, service) (rate(traefik_service_request_duration_seconds_bucket[5m])))',
          unit: 's',
          kind: 'timeseries',
        },
      ]),
    ),
    dashboardConfigMap(
      'sugarkube-cluster',
      dashboard('sugarkube-cluster', 'Sugarkube / Cluster health', [
        {
          title: 'Node CPU busy',
          expr: '1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[5m]))',
          unit: 'percentunit',
          kind: 'timeseries',
        },
        {
          title: 'Node memory used',
          expr: '1 - node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes',
          unit: 'percentunit',
          kind: 'timeseries',
        },
        {
          title: 'Container restarts (1h)',
          expr: 'sum by (namespace, pod) (increase(kube_pod_container_status_restarts_total[1h])) > 0',
          unit: 'short',
          kind: 'timeseries',
        },
        {
          title: 'CPU throttled share',
          expr: 'sum by (namespace, pod) (increase(container_cpu_cfs_throttled_periods_total[5m])) / sum by (namespace, pod) (increase(container_cpu_cfs_periods_total[5m]))',
          unit: 'percentunit',
          kind: 'timeseries',
        },
        {
          title: 'Days until certificate expiry',
          expr: 'min by (namespace, name) (certmanager_certificate_expiration_timestamp_seconds - time()) / 86400',
          unit: 'd',
          kind: 'stat',
        },
        {
          title: 'Longhorn volume robustness (1 healthy, 2 degraded)',
          expr: 'longhorn_volume_robustness',
          unit: 'short',
          kind: 'timeseries',
        },
      ]),
    ),
  ];
}
