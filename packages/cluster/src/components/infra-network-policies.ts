import { kubeObject, managedByLabel, type KubeObject } from '../plan/kube-object.js';

const dnsEgress = {
  to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
  ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
};
const fromMonitoring = (port: number) => ({
  from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }],
  ports: [{ protocol: 'TCP', port }],
});

function policy(namespace: string, name: string, spec: Record<string, unknown>): KubeObject {
  return kubeObject('networking.k8s.io/v1', 'NetworkPolicy', { name, namespace, labels: { ...managedByLabel } }, { spec });
}

/**
 * Cloudflare's tunnel edge: region1/region2.v2.argotunnel.com, port 7844 (QUIC and HTTP/2).
 * @see https://developers.cloudflare.com/cloudflare-one/connections/connect-networks/configure-tunnels/tunnel-with-firewall/
 */
export const cloudflareTunnelEdge = ['198.41.192.0/24', '198.41.200.0/24', '2606:4700:a0::/44', '2606:4700:a8::/44'] as const;

/** cloudflared: no ingress but metrics scrapes; egress only to DNS, the Cloudflare edge on 7844 and Traefik. */
export function cloudflaredPolicies(): KubeObject[] {
  return [
    policy('cloudflared', 'default-deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }),
    policy('cloudflared', 'cloudflared', {
      podSelector: { matchLabels: { 'app.kubernetes.io/name': 'cloudflared' } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [fromMonitoring(2000)],
      egress: [
        dnsEgress,
        { to: cloudflareTunnelEdge.map((cidr) => ({ ipBlock: { cidr } })), ports: [{ protocol: 'TCP', port: 7844 }, { protocol: 'UDP', port: 7844 }] },
        {
          to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'app.kubernetes.io/name': 'traefik' } } }],
          // Traefik's container ports behind its Service's 80/443.
          ports: [{ protocol: 'TCP', port: 8000 }, { protocol: 'TCP', port: 8443 }],
        },
      ],
    }),
  ];
}

/**
 * external-dns: egress only to DNS, HTTPS (the Cloudflare API; its addresses are
 * anycast and change, so the port is the limit) and the API server (6443 on the k3s servers).
 */
export function externalDnsPolicies(): KubeObject[] {
  return [
    policy('external-dns', 'default-deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }),
    policy('external-dns', 'external-dns', {
      podSelector: { matchLabels: { 'app.kubernetes.io/name': 'external-dns' } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [fromMonitoring(7979)],
      egress: [
        dnsEgress,
        { to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] } }], ports: [{ protocol: 'TCP', port: 443 }] },
        { ports: [{ protocol: 'TCP', port: 6443 }] },
      ],
    }),
  ];
}
