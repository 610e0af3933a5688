import { kubeObject, managedByLabel, type KubeObject } from '../plan/kube-object.js';
import type { ResolvedCluster } from '../definition/resolve-cluster.js';
import type { InfraComponent } from './infra-component.js';
import { kubePrometheusStack } from './kube-prometheus-stack.js';
import { monitorLabels } from './monitor-labels.js';
import { podResources } from './pod-resources.js';

/** The cert-manager release: its chart (in the module's tree) and CRDs come from it. */
const release = { module: 'github.com/cert-manager/cert-manager', version: 'v1.21.2' } as const;

const acmeServers = {
  'letsencrypt-staging': 'https://acme-staging-v02.api.letsencrypt.org/directory',
  'letsencrypt-production': 'https://acme-v02.api.letsencrypt.org/directory',
} as const;

/**
 * ClusterIssuers `letsencrypt-staging` and `letsencrypt-production`, DNS-01
 * through Cloudflare with the token from the secret `cloudflare-api-token`.
 * @see https://cert-manager.io/docs/configuration/acme/dns01/cloudflare/
 */
function clusterIssuers(cluster: ResolvedCluster): KubeObject[] {
  return (Object.keys(acmeServers) as (keyof typeof acmeServers)[]).map((name) =>
    kubeObject(
      'cert-manager.io/v1',
      'ClusterIssuer',
      { name, labels: { ...managedByLabel } },
      {
        spec: {
          acme: {
            email: cluster.acmeEmail,
            server: acmeServers[name],
            privateKeySecretRef: { name: `${name}-account-key` },
            solvers: [
              {
                selector: { dnsZones: [...cluster.dnsZones] },
                dns01: { cloudflare: { apiTokenSecretRef: { name: 'cloudflare-api-token', key: 'api-token' } } },
              },
            ],
          },
        },
      },
    ),
  );
}

/**
 * cert-manager with Let's Encrypt DNS-01 through Cloudflare; it checks propagation against
 * public resolvers, not the LAN's.
 * @see https://cert-manager.io/docs/
 */
export const certManager: InfraComponent = {
  id: 'cert-manager',
  namespace: { name: 'cert-manager', podSecurity: 'restricted' },
  chart: {
    version: release.version,
    source: { kind: 'helm', url: 'https://charts.jetstack.io' },
    pinnedBecause: 'cert-manager v1.21.2 seen installed in public repos late 2026',
    values: () => ({
      crds: { enabled: true, keep: true },
      resources: podResources('20m', '48Mi', '160Mi'),
      webhook: { resources: podResources('10m', '24Mi', '64Mi') },
      cainjector: { resources: podResources('10m', '48Mi', '160Mi') },
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
    sourceModule: { ...release, path: 'deploy/charts/cert-manager' },
  },
  // Its ServiceMonitor needs the CRD kube-prometheus-stack installs.
  dependsOn: [kubePrometheusStack],
  secrets: [
    {
      name: 'cloudflare-api-token',
      keys: ['api-token'],
      purpose: 'Cloudflare API token (Zone:DNS:Edit) for the DNS-01 ClusterIssuers',
    },
  ],
  configs: ({ cluster }) => ({ 'cluster-issuers.yaml': clusterIssuers(cluster) }),
  crds: [{ kind: 'files', ...release, paths: ['deploy/crds/*.yaml'] }],
  enabled: () => true,
};
