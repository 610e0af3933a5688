import { planDashboards } from './grafana-dashboards.js';
import type { InfraComponent } from './infra-component.js';
import { longhorn } from './longhorn.js';
import { podResources } from './pod-resources.js';
import { planPrometheusRules } from './prometheus-rules.js';

/** The prometheus-operator release the chart ships (its `appVersion`); its CRDs subchart carries this release's CRD files unchanged. */
const operator = { module: 'github.com/prometheus-operator/prometheus-operator', version: 'v0.93.0' } as const;

/**
 * Prometheus, Alertmanager, Grafana, kube-state-metrics and node-exporter, tuned for Pis and
 * k3s: retention bounded by time and size, one replica each, k3s control-plane targets off
 * (k3s runs them inside its one process). Its configs: the alert rules and two dashboards.
 * @see https://github.com/prometheus-community/helm-charts/tree/main/charts/kube-prometheus-stack
 */
export const kubePrometheusStack: InfraComponent = {
  id: 'kube-prometheus-stack',
  // node-exporter needs the host's network and PID namespaces.
  namespace: { name: 'monitoring', podSecurity: 'privileged' },
  chart: {
    version: '88.1.3',
    source: { kind: 'helm', url: 'https://prometheus-community.github.io/helm-charts' },
    pinnedBecause: 'kube-prometheus-stack 88.1.3 seen deployed in public repos late 2026 (88.x current)',
    values: ({ cluster, env }) => {
      const o = cluster.observability;
      return {
        crds: { enabled: true },
        cleanPrometheusOperatorObjectNames: true,
        // k3s runs the controller-manager, scheduler, proxy and etcd inside the k3s process:
        // the chart's Services find no pods, and their targets would be down forever.
        kubeControllerManager: { enabled: false },
        kubeScheduler: { enabled: false },
        kubeProxy: { enabled: false },
        kubeEtcd: { enabled: false },
        defaultRules: {
          create: true,
          rules: {
            etcd: false,
            kubeControllerManager: false,
            kubeSchedulerAlerting: false,
            kubeSchedulerRecording: false,
            kubeProxy: false,
          },
        },
        alertmanager: {
          enabled: o.alertmanager,
          alertmanagerSpec: { replicas: 1, retention: '120h', resources: podResources('10m', '32Mi', '64Mi') },
        },
        grafana: {
          enabled: o.grafana,
          replicas: 1,
          defaultDashboardsTimezone: 'utc',
          persistence: { enabled: false },
          resources: podResources('25m', '96Mi', '256Mi'),
          sidecar: {
            resources: podResources('5m', '32Mi', '96Mi'),
            dashboards: { enabled: true, label: 'grafana_dashboard', labelValue: '1', searchNamespace: 'ALL' },
          },
        },
        prometheusOperator: {
          resources: podResources('20m', '48Mi', '128Mi'),
          prometheusConfigReloader: { resources: podResources('5m', '16Mi', '32Mi') },
        },
        prometheus: {
          prometheusSpec: {
            replicas: 1,
            retention: o.retention,
            retentionSize: o.retentionSize,
            scrapeInterval: o.scrapeInterval,
            evaluationInterval: o.scrapeInterval,
            externalLabels: { cluster: env.clusterLabel },
            resources: podResources('150m', '384Mi', '1Gi'),
            // Select every ServiceMonitor, PodMonitor and rule, not only this release's.
            serviceMonitorSelectorNilUsesHelmValues: false,
            podMonitorSelectorNilUsesHelmValues: false,
            ruleSelectorNilUsesHelmValues: false,
            probeSelectorNilUsesHelmValues: false,
            storageSpec: {
              volumeClaimTemplate: {
                spec: {
                  storageClassName: cluster.storage.defaultClass,
                  accessModes: ['ReadWriteOnce'],
                  resources: { requests: { storage: o.storage } },
                },
              },
            },
          },
        },
        'kube-state-metrics': { resources: podResources('10m', '48Mi', '128Mi') },
        'prometheus-node-exporter': { resources: podResources('10m', '24Mi', '64Mi') },
      };
    },
    workloads: [
      {
        name: 'prometheus',
        replicas: 1,
        replicasPath: 'prometheus.prometheusSpec.replicas',
        requestsPath: 'prometheus.prometheusSpec.resources.requests',
      },
      {
        name: 'alertmanager',
        replicas: 1,
        replicasPath: 'alertmanager.alertmanagerSpec.replicas',
        requestsPath: 'alertmanager.alertmanagerSpec.resources.requests',
      },
      {
        name: 'config-reloader (prometheus, alertmanager)',
        replicas: 2,
        requestsPath: 'prometheusOperator.prometheusConfigReloader.resources.requests',
      },
      { name: 'prometheus-operator', replicas: 1, requestsPath: 'prometheusOperator.resources.requests' },
      { name: 'grafana', replicas: 1, replicasPath: 'grafana.replicas', requestsPath: 'grafana.resources.requests' },
      {
        name: 'grafana sidecars (dashboards, datasources)',
        replicas: 1,
        requestsPath: 'grafana.sidecar.resources.requests',
        times: 2,
      },
      { name: 'kube-state-metrics', replicas: 1, requestsPath: 'kube-state-metrics.resources.requests' },
      { name: 'node-exporter', replicas: 'per-node', requestsPath: 'prometheus-node-exporter.resources.requests' },
    ],
  },
  // Prometheus' volume is a Longhorn volume (when Longhorn runs).
  dependsOn: [longhorn],
  // Prometheus on a fresh Longhorn volume takes a while on a Pi.
  timeout: '20m',
  configs: ({ cluster }) => ({
    'monitoring.yaml': [
      planPrometheusRules(cluster.observability.sloTarget),
      ...(cluster.observability.grafana ? planDashboards(cluster.observability.sloTarget) : []),
    ],
  }),
  crds: [{ kind: 'files', ...operator, paths: ['example/prometheus-operator-crd/*.yaml'] }],
  enabled: () => true,
};
