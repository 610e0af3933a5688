import { chartEntry } from './chart-table.js';
import { kubeObject, managedByLabel, type KubeObject } from '../plan/kube-object.js';

const labels = { 'app.kubernetes.io/name': 'cloudflared', 'app.kubernetes.io/part-of': 'sugarkube', ...managedByLabel };
const selector = { 'app.kubernetes.io/name': 'cloudflared' };

/**
 * The Cloudflare Tunnel connector in token mode (routes are managed in
 * Cloudflare and point at `http://traefik.kube-system.svc.cluster.local:80`).
 * Two replicas on different nodes, `/ready` on the metrics port, restricted
 * security context; egress is limited by its NetworkPolicy.
 * @see https://developers.cloudflare.com/cloudflare-one/connections/connect-networks/deploy-tunnels/deployment-guides/kubernetes/
 */
export function planCloudflared(replicas: number, nodeLabels: Readonly<Record<string, string>> = {}): KubeObject[] {
  const image = `${chartEntry('cloudflared').source.url}:${chartEntry('cloudflared').version}`;
  const probe = (failureThreshold: number) => ({
    httpGet: { path: '/ready', port: 'metrics' },
    initialDelaySeconds: 10, periodSeconds: 10, failureThreshold,
  });
  return [
    kubeObject('v1', 'ServiceAccount', { name: 'cloudflared', namespace: 'cloudflared', labels }, { automountServiceAccountToken: false }),
    kubeObject('apps/v1', 'Deployment', { name: 'cloudflared', namespace: 'cloudflared', labels }, {
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
            securityContext: { runAsNonRoot: true, runAsUser: 65532, runAsGroup: 65532, seccompProfile: { type: 'RuntimeDefault' } },
            topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: selector } }],
            containers: [{
              name: 'cloudflared',
              image,
              args: ['tunnel', '--no-autoupdate', '--metrics', '0.0.0.0:2000', 'run'],
              env: [{ name: 'TUNNEL_TOKEN', valueFrom: { secretKeyRef: { name: 'cloudflared-token', key: 'token' } } }],
              ports: [{ name: 'metrics', containerPort: 2000, protocol: 'TCP' }],
              readinessProbe: probe(3),
              livenessProbe: probe(6),
              resources: { requests: { cpu: '50m', memory: '48Mi' }, limits: { memory: '128Mi' } },
              securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
            }],
          },
        },
      },
    }),
    kubeObject('policy/v1', 'PodDisruptionBudget', { name: 'cloudflared', namespace: 'cloudflared', labels }, {
      spec: { minAvailable: 1, selector: { matchLabels: selector } },
    }),
    kubeObject('monitoring.coreos.com/v1', 'PodMonitor', { name: 'cloudflared', namespace: 'cloudflared', labels: { ...labels, release: 'kube-prometheus-stack' } }, {
      spec: { selector: { matchLabels: selector }, podMetricsEndpoints: [{ port: 'metrics', interval: '60s' }] },
    }),
  ];
}
