import type { InfraComponent } from './infra-component.js';
import { kubePrometheusStack } from './kube-prometheus-stack.js';
import { monitorLabels } from './monitor-labels.js';
import { defaultDeny, dnsEgress, fromMonitoring, networkPolicy } from './network-policy.js';
import { podResources } from './pod-resources.js';

/** The external-dns release whose tree holds chart 1.21.1. */
const release = { module: 'sigs.k8s.io/external-dns', version: 'v0.22.0' } as const;

/**
 * external-dns: Cloudflare DNS records from the apps' routes, in the cluster's zones only,
 * owned per cluster and environment (TXT owner id). Optional: `externalDns: true`.
 * @see https://kubernetes-sigs.github.io/external-dns/
 */
export const externalDns: InfraComponent = {
  id: 'external-dns',
  namespace: { name: 'external-dns', podSecurity: 'restricted' },
  chart: {
    version: '1.21.1',
    source: { kind: 'helm', url: 'https://kubernetes-sigs.github.io/external-dns/' },
    pinnedBecause: 'external-dns chart 1.21.1 seen current in public repos late 2026',
    values: ({ cluster, env }) => ({
      provider: { name: 'cloudflare' },
      env: [
        { name: 'CF_API_TOKEN', valueFrom: { secretKeyRef: { name: 'external-dns-cloudflare', key: 'api-token' } } },
      ],
      sources: ['gateway-httproute', 'ingress'],
      domainFilters: cluster.dnsZones,
      policy: 'sync',
      txtOwnerId: `${cluster.name}-${env.name}`,
      resources: podResources('10m', '32Mi', '96Mi'),
      serviceMonitor: { enabled: true, additionalLabels: monitorLabels },
    }),
    workloads: [{ name: 'external-dns', replicas: 1, requestsPath: 'resources.requests' }],
    sourceModule: { ...release, path: 'charts/external-dns' },
  },
  // Its ServiceMonitor needs the CRD kube-prometheus-stack installs.
  dependsOn: [kubePrometheusStack],
  secrets: [
    {
      name: 'external-dns-cloudflare',
      keys: ['api-token'],
      purpose: 'Cloudflare API token (Zone:DNS:Edit) for external-dns',
    },
  ],
  /**
   * Egress only to DNS, HTTPS (the Cloudflare API; its addresses are anycast and change, so the
   * port is the limit) and the API server (6443 on the k3s servers).
   */
  networkPolicies: () => [
    defaultDeny('external-dns'),
    networkPolicy('external-dns', 'external-dns', {
      podSelector: { matchLabels: { 'app.kubernetes.io/name': 'external-dns' } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [fromMonitoring(7979)],
      egress: [
        dnsEgress,
        {
          to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] } }],
          ports: [{ protocol: 'TCP', port: 443 }],
        },
        { ports: [{ protocol: 'TCP', port: 6443 }] },
      ],
    }),
  ],
  enabled: (cluster) => cluster.externalDns,
};
