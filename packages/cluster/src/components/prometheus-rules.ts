import { kubeObject, managedByLabel, type KubeObject } from '../plan/kube-object.js';
import { monitorLabels } from './monitor-labels.js';

/** Ingress requests over a window, from Traefik's entrypoint counters (the tunnel and MetalLB both enter on `web`). */
const ratio = (window: string) =>
  `sum(rate(traefik_entrypoint_requests_total{code=~"5.."}[${window}])) / clamp_min(sum(rate(traefik_entrypoint_requests_total[${window}])), 1e-9)`;

/**
 * The alert baseline of the plan (cert expiry < 15 days, ingress 5xx, CPU
 * throttling, restart bursts) plus multi-window burn-rate alerts for the
 * ingress success SLO (Google SRE workbook, chapter 5: 14.4× over 1h/5m pages, 6× over 6h/30m warns).
 * @see https://sre.google/workbook/alerting-on-slos/
 */
export function planPrometheusRules(sloTarget: number): KubeObject {
  const budget = Number((1 - sloTarget).toFixed(6));
  const windows = ['5m', '30m', '1h', '6h'];
  return kubeObject(
    'monitoring.coreos.com/v1',
    'PrometheusRule',
    { name: 'sugarkube', namespace: 'monitoring', labels: { ...managedByLabel, ...monitorLabels } },
    {
      spec: {
        groups: [
          {
            name: 'sugarkube.slo.recording',
            rules: windows.map((w) => ({ record: `sugarkube:ingress_error_ratio:rate${w}`, expr: ratio(w) })),
          },
          {
            name: 'sugarkube.alerts',
            rules: [
              {
                alert: 'CertificateExpiresSoon',
                expr: '(certmanager_certificate_expiration_timestamp_seconds - time()) < 15 * 24 * 3600',
                for: '1h',
                labels: { severity: 'warning' },
                annotations: {
                  summary: 'Certificate {{ $labels.namespace }}/{{ $labels.name }} expires in less than 15 days',
                  description:
                    'cert-manager renews 30 days ahead; renewal is failing. Check `kubectl describe certificate` and the DNS-01 challenge.',
                },
              },
              {
                alert: 'IngressHigh5xxRatio',
                expr: `sugarkube:ingress_error_ratio:rate5m > 0.05 and sum(rate(traefik_entrypoint_requests_total[5m])) > 0.1`,
                for: '10m',
                labels: { severity: 'warning' },
                annotations: { summary: 'More than 5 % of ingress requests answer 5xx' },
              },
              {
                alert: 'ContainerCpuThrottled',
                expr: 'sum by (namespace, pod, container) (increase(container_cpu_cfs_throttled_periods_total{container!=""}[5m])) / sum by (namespace, pod, container) (increase(container_cpu_cfs_periods_total{container!=""}[5m])) > 0.25',
                for: '15m',
                labels: { severity: 'info' },
                annotations: {
                  summary:
                    '{{ $labels.namespace }}/{{ $labels.pod }} {{ $labels.container }} is CPU-throttled in more than 25 % of periods; raise or drop its CPU limit',
                },
              },
              {
                alert: 'PodRestartBurst',
                expr: 'increase(kube_pod_container_status_restarts_total[15m]) > 3',
                for: '0m',
                labels: { severity: 'warning' },
                annotations: {
                  summary: '{{ $labels.namespace }}/{{ $labels.pod }} restarted more than 3 times in 15 minutes',
                },
              },
              {
                alert: 'IngressSloFastBurn',
                expr: `sugarkube:ingress_error_ratio:rate1h > (14.4 * ${budget}) and sugarkube:ingress_error_ratio:rate5m > (14.4 * ${budget})`,
                for: '2m',
                labels: { severity: 'critical' },
                annotations: {
                  summary: `Ingress success SLO ${sloTarget * 100} %: error budget burning 14.4× (2 % of the 30-day budget per hour)`,
                },
              },
              {
                alert: 'IngressSloSlowBurn',
                expr: `sugarkube:ingress_error_ratio:rate6h > (6 * ${budget}) and sugarkube:ingress_error_ratio:rate30m > (6 * ${budget})`,
                for: '15m',
                labels: { severity: 'warning' },
                annotations: {
                  summary: `Ingress success SLO ${sloTarget * 100} %: error budget burning 6× (5 % of the 30-day budget in 6 hours)`,
                },
              },
              {
                alert: 'IngressMedianLatencyHigh',
                expr: 'histogram_quantile(0.5, sum by (le, service) (rate(traefik_service_request_duration_seconds_bucket[10m]))) > 0.7',
                for: '15m',
                labels: { severity: 'info' },
                annotations: {
                  summary:
                    'Median response time of {{ $labels.service }} above 700 ms (dynamic budget; static sites aim for 300 ms)',
                },
              },
            ],
          },
        ],
      },
    },
  );
}
