import { kubeObject, managedByLabel, type KubeObject } from '../plan/kube-object.js';
import type { ConfigFiles, InfraComponent } from './infra-component.js';
import { monitorLabels } from './monitor-labels.js';
import { defaultDeny, dnsEgress, fromMonitoring, networkPolicy } from './network-policy.js';

const image = { repository: 'docker.io/cloudflare/cloudflared', tag: '2026.9.3' } as const;
const labels = { 'app.kubernetes.io/name': 'cloudflared', 'app.kubernetes.io/part-of': 'sugarkube', ...managedByLabel };
const selector = { 'app.kubernetes.io/name': 'cloudflared' };

/**
 * Cloudflare's tunnel edge: region1/region2.v2.argotunnel.com, port 7844 (QUIC and HTTP/2).
 * @see https://developers.cloudflare.com/cloudflare-one/connections/connect-networks/configure-tunnels/tunnel-with-firewall/
 */
export const cloudflareTunnelEdge = [
  '198.41.192.0/24',
  '198.41.200.0/24',
  '2606:4700:a0::/44',
  '2606:4700:a8::/44',
] as const;

/**
 * The connector's Deployment: two replicas on different nodes, `/ready` on the metrics port,
 * restricted security context.
 */
function connector(replicas: number, nodeLabels: Readonly<Record<string, string>>): KubeObject[] {
  const probe = (failureThreshold: number) => ({
    httpGet: { path: '/ready', port: 'metrics' },
    initialDelaySeconds: 10,
    periodSeconds: 10,
    failureThreshold,
  });
  return [
    kubeObject(
      'v1',
      'ServiceAccount',
      { name: 'cloudflared', namespace: 'cloudflared', labels },
      { automountServiceAccountToken: false },
    ),
    kubeObject(
      'apps/v1',
      'Deployment',
      { name: 'cloudflared', namespace: 'cloudflared', labels },
      {
        spec: {
          replicas,
          selector: { matchLabels: selector },
          strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
          template: {
            metadata: { labels },
            spec: {
              serviceAccountName: 'cloudflared',
              automountServiceAccountToken: false,
              ...(Object.keys(nodeLabels).length > 0 ? { nodeSelector: { ...nodeLabels } } : {}),
              securityContext: {
                runAsNonRoot: true,
                runAsUser: 65532,
                runAsGroup: 65532,
                seccompProfile: { type: 'RuntimeDefault' },
              },
              topologySpreadConstraints: [
                {
                  maxSkew: 1,
                  topologyKey: 'kubernetes.io/hostname',
                  whenUnsatisfiable: 'DoNotSchedule',
                  labelSelector: { matchLabels: selector },
                },
              ],
              containers: [
                {
                  name: 'cloudflared',
                  image: `${image.repository}:${image.tag}`,
                  args: ['tunnel', '--no-autoupdate', '--metrics', '0.0.0.0:2000', 'run'],
                  env: [
                    { name: 'TUNNEL_TOKEN', valueFrom: { secretKeyRef: { name: 'cloudflared-token', key: 'token' } } },
                  ],
                  ports: [{ name: 'metrics', containerPort: 2000, protocol: 'TCP' }],
                  readinessProbe: probe(3),
                  livenessProbe: probe(6),
                  resources: { requests: { cpu: '50m', memory: '48Mi' }, limits: { memory: '128Mi' } },
                  securityContext: {
                    allowPrivilegeEscalation: false,
                    readOnlyRootFilesystem: true,
                    capabilities: { drop: ['ALL'] },
                  },
                },
              ],
            },
          },
        },
      },
    ),
    kubeObject(
      'policy/v1',
      'PodDisruptionBudget',
      { name: 'cloudflared', namespace: 'cloudflared', labels },
      {
        spec: { minAvailable: 1, selector: { matchLabels: selector } },
      },
    ),
    kubeObject(
      'monitoring.coreos.com/v1',
      'PodMonitor',
      { name: 'cloudflared', namespace: 'cloudflared', labels: { ...labels, ...monitorLabels } },
      {
        spec: { selector: { matchLabels: selector }, podMetricsEndpoints: [{ port: 'metrics', interval: '60s' }] },
      },
    ),
  ];
}

/**
 * The Cloudflare Tunnel connector in token mode (routes are managed in Cloudflare and point at
 * `http://traefik.kube-system.svc.cluster.local:80`): a plain Deployment in the configs, since it
 * reads a sealed secret. Only where the exposure is `cloudflareTunnel`.
 * @see https://developers.cloudflare.com/cloudflare-one/connections/connect-networks/deploy-tunnels/deployment-guides/kubernetes/
 */
export const cloudflared: InfraComponent = {
  id: 'cloudflared',
  namespace: { name: 'cloudflared', podSecurity: 'restricted' },
  chart: {
    version: image.tag,
    source: { kind: 'image', url: image.repository },
    pinnedBecause: 'cloudflared 2026.9.3 seen pinned in public repos (supports token mode and /ready)',
  },
  secrets: [{ name: 'cloudflared-token', keys: ['token'], purpose: 'Cloudflare Tunnel connector token' }],
  /** No ingress but metrics scrapes; egress only to DNS, the Cloudflare edge on 7844 and Traefik. */
  networkPolicies: () => [
    defaultDeny('cloudflared'),
    networkPolicy('cloudflared', 'cloudflared', {
      podSelector: { matchLabels: selector },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [fromMonitoring(2000)],
      egress: [
        dnsEgress,
        {
          to: cloudflareTunnelEdge.map((cidr) => ({ ipBlock: { cidr } })),
          ports: [
            { protocol: 'TCP', port: 7844 },
            { protocol: 'UDP', port: 7844 },
          ],
        },
        {
          to: [
            {
              namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
              podSelector: { matchLabels: { 'app.kubernetes.io/name': 'traefik' } },
            },
          ],
          // Traefik's container ports behind its Service's 80/443.
          ports: [
            { protocol: 'TCP', port: 8000 },
            { protocol: 'TCP', port: 8443 },
          ],
        },
      ],
    }),
  ],
  configs: ({ env }): ConfigFiles =>
    env.exposure.kind === 'cloudflare-tunnel'
      ? { 'cloudflared.yaml': connector(env.exposure.replicas, env.nodeLabels) }
      : {},
  enabled: (_, env) => env.exposure.kind === 'cloudflare-tunnel',
};
