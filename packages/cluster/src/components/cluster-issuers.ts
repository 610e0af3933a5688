import { kubeObject, managedByLabel, type KubeObject } from '../plan/kube-object.js';
import type { ResolvedCluster } from '../definition/resolve-cluster.js';

const servers = {
  'letsencrypt-staging': 'https://acme-staging-v02.api.letsencrypt.org/directory',
  'letsencrypt-production': 'https://acme-v02.api.letsencrypt.org/directory',
} as const;

/**
 * ClusterIssuers `letsencrypt-staging` and `letsencrypt-production`, DNS-01
 * through Cloudflare with the token from the sealed secret `cloudflare-api-token`.
 * @see https://cert-manager.io/docs/configuration/acme/dns01/cloudflare/
 */
export function planClusterIssuers(cluster: ResolvedCluster): KubeObject[] {
  return (Object.keys(servers) as (keyof typeof servers)[]).map((name) =>
    kubeObject('cert-manager.io/v1', 'ClusterIssuer', { name, labels: { ...managedByLabel } }, {
      spec: {
        acme: {
          email: cluster.acmeEmail,
          server: servers[name],
          privateKeySecretRef: { name: `${name}-account-key` },
          solvers: [{
            selector: { dnsZones: [...cluster.dnsZones] },
            dns01: { cloudflare: { apiTokenSecretRef: { name: 'cloudflare-api-token', key: 'api-token' } } },
          }],
        },
      },
    }),
  );
}
