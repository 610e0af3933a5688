import { planClusterIssuers } from './cluster-issuers.js';
import { planClusterSecrets } from './cluster-secrets.js';
import { planCloudflared } from './cloudflared.js';
import { planFluxNotifications } from './flux-notifications.js';
import { gatewayHosts, planGateway } from '../plan/gateway.js';
import { planDashboards } from './grafana-dashboards.js';
import { cloudflaredPolicies, externalDnsPolicies } from './infra-network-policies.js';
import type { KubeObject } from '../plan/kube-object.js';
import { planPrometheusRules } from './prometheus-rules.js';
import type { ResolvedCluster, ResolvedEnvironment } from '../definition/resolve-cluster.js';
import { planLonghornMonitor, planMetallbPool, planRecurringJobs, planStorageClasses, planTraefikMonitor } from './storage-objects.js';

/**
 * The objects of `infrastructure/configs/<env>`, grouped by file name: what
 * needs the controllers' CRDs (issuers, pools, the Gateway, rules, monitors,
 * sealed secrets) and what reads those secrets (cloudflared).
 */
export function planConfigs(cluster: ResolvedCluster, env: ResolvedEnvironment, helmReleaseNamespaces: readonly string[]): Record<string, KubeObject[]> {
  const namespaces = ['cert-manager', 'flux-system',
    ...(env.exposure.kind === 'cloudflare-tunnel' ? ['cloudflared'] : []),
    ...(cluster.externalDns ? ['external-dns'] : []),
    ...(cluster.storage.longhorn !== false ? ['longhorn-system'] : [])];
  const files: Record<string, KubeObject[]> = {
    'cluster-issuers.yaml': planClusterIssuers(cluster),
    'secrets.yaml': planClusterSecrets(cluster, env, namespaces),
    // Helm-path apps bring their own Ingress and certificate; only descriptor apps attach to the Gateway.
    'gateway.yaml': [
      planGateway(
        gatewayHosts(
          cluster.apps.filter((a) => !a.helm && a.environments.includes(env.name)).map((a) => a.app.descriptor),
          env.name,
        ),
      ),
    ],
    'monitoring.yaml': [
      planTraefikMonitor(),
      ...(cluster.storage.longhorn !== false ? [planLonghornMonitor()] : []),
      planPrometheusRules(cluster.observability.sloTarget),
      ...(cluster.observability.grafana ? planDashboards(cluster.observability.sloTarget) : []),
    ],
    'network-policies.yaml': [
      ...(env.exposure.kind === 'cloudflare-tunnel' ? cloudflaredPolicies() : []),
      ...(cluster.externalDns ? externalDnsPolicies() : []),
    ],
    'flux-notifications.yaml': planFluxNotifications(cluster, helmReleaseNamespaces),
  };
  if (cluster.storage.longhorn !== false) {
    files['storage.yaml'] = [...planStorageClasses(cluster.storage.longhorn), ...planRecurringJobs(cluster.storage.longhorn, env)];
  }
  if (env.exposure.kind === 'metallb') files['metallb.yaml'] = planMetallbPool(env.exposure.addresses);
  if (env.exposure.kind === 'cloudflare-tunnel') files['cloudflared.yaml'] = planCloudflared(env.exposure.replicas, env.nodeLabels);
  for (const [name, objects] of Object.entries(files)) if (objects.length === 0) delete files[name];
  return files;
}
