import type { ResolvedCluster, ResolvedEnvironment } from '../definition/resolve-cluster.js';

/** Where a chart (or image) comes from. */
export type UpstreamSource =
  | { readonly kind: 'helm'; readonly url: string }
  | { readonly kind: 'oci'; readonly url: string }
  /** Installed by k3s itself; synth only configures it (HelmChartConfig). */
  | { readonly kind: 'k3s'; readonly url: string }
  /** A plain container image synth deploys with its own manifests. */
  | { readonly kind: 'image'; readonly url: string };

/** One pod-level workload of a chart and where its resource requests are set in the values. */
export interface ChartWorkload {
  readonly name: string;
  /** Pods: a number, or "per-node" for DaemonSets. Read from `replicasPath` when that is set. */
  readonly replicas: number | 'per-node';
  readonly replicasPath?: string;
  /** Dotted path of `{cpu, memory}` requests in the values; repeated `times` per pod (sidecars). */
  readonly requestsPath?: string;
  /** Requests the chart sets itself (not configurable from values). */
  readonly fixed?: { readonly cpu: string; readonly memory: string };
  /** A CPU reservation as a share of each node's CPU (Longhorn's guaranteed instance-manager CPU). */
  readonly nodeCpuShare?: number;
  readonly times?: number;
}

export interface ChartContext {
  readonly cluster: ResolvedCluster;
  readonly env: ResolvedEnvironment;
}

/** One upstream component: source, pinned version, namespace and its Pi-tuned values. */
export interface ChartEntry {
  readonly id: string;
  readonly chart: string;
  /** Pinned; chart versions move monthly: bump here, regenerate, review the diff. */
  readonly version: string;
  readonly source: UpstreamSource;
  readonly namespace: string;
  readonly releaseName: string;
  /** Why this version: where it was seen current. */
  readonly pinnedBecause: string;
  readonly values: (ctx: ChartContext) => Record<string, unknown>;
  readonly workloads: readonly ChartWorkload[];
}

const requests = (cpu: string, memory: string, memoryLimit: string) => ({ requests: { cpu, memory }, limits: { memory: memoryLimit } });
const monitorLabels = { release: 'kube-prometheus-stack' };
const storageClassOf = (ctx: ChartContext) => ctx.cluster.storage.defaultClass;

/**
 * Every chart and image the clusters run, in ONE table. Values are tuned for
 * 3 × Raspberry Pi 5 (4 cores, 8 GiB) per cluster: small requests, memory
 * limits, no CPU limits, two Longhorn replicas, Prometheus retention bounded
 * by time and size, k3s control-plane targets off (k3s runs them in one process).
 */
export const chartTable: readonly ChartEntry[] = [
  {
    id: 'flux-operator', chart: 'flux-operator', version: '0.59.0',
    source: { kind: 'oci', url: 'oci://ghcr.io/controlplaneio-fluxcd/charts/flux-operator' },
    namespace: 'flux-system', releaseName: 'flux-operator',
    pinnedBecause: 'flux-operator v0.59.0 released 2026-08-31 (Go module proxy; the chart version follows the operator); installs Flux 2.9 through FluxInstance',
    values: () => ({ resources: requests('50m', '64Mi', '256Mi') }),
    workloads: [{ name: 'flux-operator', replicas: 1, requestsPath: 'resources.requests' }],
  },
  {
    id: 'flux', chart: 'flux', version: '2.9.x',
    source: { kind: 'oci', url: 'oci://ghcr.io/fluxcd' },
    namespace: 'flux-system', releaseName: 'flux',
    pinnedBecause: 'Flux 2.9 is current (BRIEF); the FluxInstance follows 2.9 patch releases',
    values: () => ({}),
    // Flux's own manifests request 100m / 64Mi per controller.
    workloads: [{ name: 'flux-controllers', replicas: 6, fixed: { cpu: '100m', memory: '64Mi' } }],
  },
  {
    id: 'cert-manager', chart: 'cert-manager', version: 'v1.21.2',
    source: { kind: 'helm', url: 'https://charts.jetstack.io' },
    namespace: 'cert-manager', releaseName: 'cert-manager',
    pinnedBecause: 'cert-manager v1.21.2 seen installed in public repos late 2026',
    values: () => ({
      crds: { enabled: true, keep: true },
      resources: requests('20m', '48Mi', '160Mi'),
      webhook: { resources: requests('10m', '24Mi', '64Mi') },
      cainjector: { resources: requests('10m', '48Mi', '160Mi') },
      // Ask Cloudflare's and Quad9's resolvers, not the LAN's, when checking DNS-01 propagation.
      dns01RecursiveNameserversOnly: true,
      dns01RecursiveNameservers: '1.1.1.1:53,9.9.9.9:53',
      prometheus: { enabled: true, servicemonitor: { enabled: true, labels: monitorLabels } },
    }),
    workloads: [
      { name: 'controller', replicas: 1, requestsPath: 'resources.requests' },
      { name: 'webhook', replicas: 1, requestsPath: 'webhook.resources.requests' },
      { name: 'cainjector', replicas: 1, requestsPath: 'cainjector.resources.requests' },
    ],
  },
  {
    id: 'sealed-secrets', chart: 'sealed-secrets', version: '2.19.3',
    source: { kind: 'helm', url: 'https://bitnami.github.io/sealed-secrets' },
    // kubeseal's defaults: controller "sealed-secrets-controller" in kube-system.
    namespace: 'kube-system', releaseName: 'sealed-secrets',
    pinnedBecause: 'sealed-secrets chart 2.19.3: the newest chart in a release tree (sealed-secrets v0.40.0, helm/sealed-secrets) the tests can render with helm (repo moved to bitnami.github.io/sealed-secrets)',
    values: () => ({
      fullnameOverride: 'sealed-secrets-controller',
      resources: requests('10m', '48Mi', '128Mi'),
      metrics: { serviceMonitor: { enabled: true, labels: monitorLabels } },
    }),
    workloads: [{ name: 'controller', replicas: 1, requestsPath: 'resources.requests' }],
  },
  {
    id: 'longhorn', chart: 'longhorn', version: '1.12.1',
    source: { kind: 'helm', url: 'https://charts.longhorn.io' },
    namespace: 'longhorn-system', releaseName: 'longhorn',
    pinnedBecause: 'Longhorn 1.12.1 seen as the upgrade target in public repos late 2026',
    values: (ctx) => {
      const longhorn = ctx.cluster.storage.longhorn;
      const replicas = longhorn === false ? 2 : longhorn.replicas;
      return {
        persistence: {
          defaultClass: ctx.cluster.storage.defaultClass === 'longhorn',
          defaultClassReplicaCount: replicas,
          defaultDataLocality: 'best-effort',
        },
        defaultSettings: {
          defaultReplicaCount: replicas,
          defaultDataLocality: 'best-effort',
          storageMinimalAvailablePercentage: 15,
          nodeDownPodDeletionPolicy: 'delete-both-statefulset-and-deployment-pod',
        },
        ...(ctx.env.backupTarget ? { defaultBackupStore: { backupTarget: ctx.env.backupTarget, backupTargetCredentialSecret: 'longhorn-backup' } } : {}),
        // Three nodes: two of each CSI sidecar is enough (the chart defaults to three).
        csi: { attacherReplicaCount: 2, provisionerReplicaCount: 2, resizerReplicaCount: 2, snapshotterReplicaCount: 2 },
        longhornUI: { replicas: 1 },
        // The pre-upgrade hook Job fails under GitOps controllers; Longhorn's docs disable it for Flux/Argo.
        preUpgradeChecker: { jobEnabled: false },
        // Its ServiceMonitor lives in infrastructure/configs: Prometheus (which needs this storage) installs after Longhorn.
      };
    },
    // Longhorn sets no memory requests; its instance managers reserve 12 % of each node's CPU.
    workloads: [{ name: 'instance-manager (12 % of node CPU)', replicas: 'per-node', nodeCpuShare: 0.12 }],
  },
  {
    id: 'kube-prometheus-stack', chart: 'kube-prometheus-stack', version: '88.1.3',
    source: { kind: 'helm', url: 'https://prometheus-community.github.io/helm-charts' },
    namespace: 'monitoring', releaseName: 'kube-prometheus-stack',
    pinnedBecause: 'kube-prometheus-stack 88.1.3 seen deployed in public repos late 2026 (88.x current)',
    values: (ctx) => {
      const o = ctx.cluster.observability;
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
          rules: { etcd: false, kubeControllerManager: false, kubeSchedulerAlerting: false, kubeSchedulerRecording: false, kubeProxy: false },
        },
        alertmanager: {
          enabled: o.alertmanager,
          alertmanagerSpec: { replicas: 1, retention: '120h', resources: requests('10m', '32Mi', '64Mi') },
        },
        grafana: {
          enabled: o.grafana,
          replicas: 1,
          defaultDashboardsTimezone: 'utc',
          persistence: { enabled: false },
          resources: requests('25m', '96Mi', '256Mi'),
          sidecar: {
            resources: requests('5m', '32Mi', '96Mi'),
            dashboards: { enabled: true, label: 'grafana_dashboard', labelValue: '1', searchNamespace: 'ALL' },
          },
        },
        prometheusOperator: {
          resources: requests('20m', '48Mi', '128Mi'),
          prometheusConfigReloader: { resources: requests('5m', '16Mi', '32Mi') },
        },
        prometheus: {
          prometheusSpec: {
            replicas: 1,
            retention: o.retention,
            retentionSize: o.retentionSize,
            scrapeInterval: o.scrapeInterval,
            evaluationInterval: o.scrapeInterval,
            externalLabels: { cluster: ctx.env.clusterLabel },
            resources: requests('150m', '384Mi', '1Gi'),
            // Select every ServiceMonitor, PodMonitor and rule, not only this release's.
            serviceMonitorSelectorNilUsesHelmValues: false,
            podMonitorSelectorNilUsesHelmValues: false,
            ruleSelectorNilUsesHelmValues: false,
            probeSelectorNilUsesHelmValues: false,
            storageSpec: {
              volumeClaimTemplate: {
                spec: { storageClassName: storageClassOf(ctx), accessModes: ['ReadWriteOnce'], resources: { requests: { storage: o.storage } } },
              },
            },
          },
        },
        'kube-state-metrics': { resources: requests('10m', '48Mi', '128Mi') },
        'prometheus-node-exporter': { resources: requests('10m', '24Mi', '64Mi') },
      };
    },
    workloads: [
      { name: 'prometheus', replicas: 1, replicasPath: 'prometheus.prometheusSpec.replicas', requestsPath: 'prometheus.prometheusSpec.resources.requests' },
      { name: 'alertmanager', replicas: 1, replicasPath: 'alertmanager.alertmanagerSpec.replicas', requestsPath: 'alertmanager.alertmanagerSpec.resources.requests' },
      { name: 'config-reloader (prometheus, alertmanager)', replicas: 2, requestsPath: 'prometheusOperator.prometheusConfigReloader.resources.requests' },
      { name: 'prometheus-operator', replicas: 1, requestsPath: 'prometheusOperator.resources.requests' },
      { name: 'grafana', replicas: 1, replicasPath: 'grafana.replicas', requestsPath: 'grafana.resources.requests' },
      { name: 'grafana sidecars (dashboards, datasources)', replicas: 1, requestsPath: 'grafana.sidecar.resources.requests', times: 2 },
      { name: 'kube-state-metrics', replicas: 1, requestsPath: 'kube-state-metrics.resources.requests' },
      { name: 'node-exporter', replicas: 'per-node', requestsPath: 'prometheus-node-exporter.resources.requests' },
    ],
  },
  {
    id: 'external-dns', chart: 'external-dns', version: '1.21.1',
    source: { kind: 'helm', url: 'https://kubernetes-sigs.github.io/external-dns/' },
    namespace: 'external-dns', releaseName: 'external-dns',
    pinnedBecause: 'external-dns chart 1.21.1 seen current in public repos late 2026',
    values: (ctx) => ({
      provider: { name: 'cloudflare' },
      env: [{ name: 'CF_API_TOKEN', valueFrom: { secretKeyRef: { name: 'external-dns-cloudflare', key: 'api-token' } } }],
      sources: ['gateway-httproute', 'ingress'],
      domainFilters: ctx.cluster.dnsZones,
      policy: 'sync',
      txtOwnerId: `${ctx.cluster.name}-${ctx.env.name}`,
      resources: requests('10m', '32Mi', '96Mi'),
      serviceMonitor: { enabled: true, additionalLabels: monitorLabels },
    }),
    workloads: [{ name: 'external-dns', replicas: 1, requestsPath: 'resources.requests' }],
  },
  {
    id: 'metallb', chart: 'metallb', version: '0.15.3',
    source: { kind: 'helm', url: 'https://metallb.github.io/metallb' },
    namespace: 'metallb-system', releaseName: 'metallb',
    pinnedBecause: 'MetalLB chart 0.15.3 seen current in public repos late 2026',
    values: () => ({
      controller: { resources: requests('10m', '32Mi', '96Mi') },
      speaker: { resources: requests('10m', '32Mi', '96Mi'), frr: { enabled: false } },
    }),
    workloads: [
      { name: 'controller', replicas: 1, requestsPath: 'controller.resources.requests' },
      { name: 'speaker', replicas: 'per-node', requestsPath: 'speaker.resources.requests' },
    ],
  },
  {
    id: 'traefik', chart: 'traefik', version: 'bundled with k3s',
    source: { kind: 'k3s', url: 'https://docs.k3s.io/networking/networking-services#traefik-ingress-controller' },
    namespace: 'kube-system', releaseName: 'traefik',
    pinnedBecause: 'k3s ships and upgrades Traefik; synth only sets values through HelmChartConfig',
    values: (ctx) => ({
      deployment: { replicas: 2 },
      podDisruptionBudget: { enabled: true, minAvailable: 1 },
      resources: requests('100m', '64Mi', '256Mi'),
      providers: { kubernetesIngress: { enabled: true }, kubernetesGateway: { enabled: true } },
      // The Gateway lives in infrastructure/configs, with one HTTPS listener per app host.
      gateway: { enabled: false },
      gatewayClass: { enabled: true, name: 'traefik' },
      // Behind the tunnel nothing needs a LAN address; with MetalLB, Traefik takes one from the pool.
      service: { type: ctx.env.exposure.kind === 'metallb' ? 'LoadBalancer' : 'ClusterIP' },
      metrics: { prometheus: { entryPoint: 'metrics' } },
    }),
    workloads: [{ name: 'traefik', replicas: 2, replicasPath: 'deployment.replicas', requestsPath: 'resources.requests' }],
  },
  {
    id: 'cloudflared', chart: 'cloudflare/cloudflared', version: '2026.9.3',
    source: { kind: 'image', url: 'docker.io/cloudflare/cloudflared' },
    namespace: 'cloudflared', releaseName: 'cloudflared',
    pinnedBecause: 'cloudflared 2026.9.3 seen pinned in public repos (supports token mode and /ready)',
    values: () => ({}),
    workloads: [],
  },
];

/** The table entry of `id`; throws on an unknown id (a programming error). */
export function chartEntry(id: string): ChartEntry {
  const entry = chartTable.find((e) => e.id === id);
  if (!entry) throw new Error(`no chart "${id}" in the chart table`);
  return entry;
}
