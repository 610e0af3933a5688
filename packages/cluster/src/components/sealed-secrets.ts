import type { InfraComponent } from './infra-component.js';
import { kubePrometheusStack } from './kube-prometheus-stack.js';
import { monitorLabels } from './monitor-labels.js';
import { podResources } from './pod-resources.js';

/** The sealed-secrets release whose tree holds chart 2.19.3 and the SealedSecret CRD. */
const release = { module: 'github.com/bitnami-labs/sealed-secrets', version: 'v0.40.0' } as const;

/**
 * The sealed-secrets controller, where kubeseal looks by default: `sealed-secrets-controller`
 * in kube-system. Only with `secrets: { kind: "sealed-secrets" }` (SOPS needs no controller).
 * @see https://github.com/bitnami-labs/sealed-secrets
 */
export const sealedSecrets: InfraComponent = {
  id: 'sealed-secrets',
  namespace: { name: 'kube-system', podSecurity: 'existing' },
  chart: {
    version: '2.19.3',
    source: { kind: 'helm', url: 'https://bitnami.github.io/sealed-secrets' },
    pinnedBecause:
      'sealed-secrets chart 2.19.3: the newest chart in a release tree (sealed-secrets v0.40.0, helm/sealed-secrets) the tests can render with helm (repo moved to bitnami.github.io/sealed-secrets)',
    values: () => ({
      fullnameOverride: 'sealed-secrets-controller',
      resources: podResources('10m', '48Mi', '128Mi'),
      metrics: { serviceMonitor: { enabled: true, labels: monitorLabels } },
    }),
    workloads: [{ name: 'controller', replicas: 1, requestsPath: 'resources.requests' }],
    sourceModule: { ...release, path: 'helm/sealed-secrets' },
  },
  // Its ServiceMonitor needs the CRD kube-prometheus-stack installs.
  dependsOn: [kubePrometheusStack],
  crds: [{ kind: 'files', ...release, paths: ['helm/sealed-secrets/crds/*.yaml'] }],
  enabled: (cluster) => cluster.secrets.kind === 'sealed-secrets',
};
