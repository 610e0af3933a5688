import type { KubeObject } from '../plan/kube-object.js';
import type { ResolvedCluster, ResolvedEnvironment } from '../definition/resolve-cluster.js';
import { planClusterSecrets } from './cluster-secrets.js';
import type { ConfigContext } from './infra-component.js';
import { enabledComponents } from './enabled-components.js';

/**
 * The objects of `infrastructure/configs/<env>`, grouped by file name: what needs the
 * controllers' CRDs (issuers, pools, the Gateway, rules, monitors, sealed secrets) and what
 * reads those secrets (cloudflared). Each enabled component adds its configs and network
 * policies; files several components add to (`monitoring.yaml`) list them in install order.
 */
export function planConfigs(
  cluster: ResolvedCluster,
  env: ResolvedEnvironment,
  helmReleaseNamespaces: readonly string[],
): Record<string, KubeObject[]> {
  const ctx: ConfigContext = { cluster, env, helmReleaseNamespaces };
  const enabled = enabledComponents(cluster, env);
  const files: Record<string, KubeObject[]> = {
    'secrets.yaml': planClusterSecrets(cluster, env),
    'network-policies.yaml': enabled.flatMap((component) => component.networkPolicies?.(ctx) ?? []),
  };
  for (const component of enabled) {
    for (const [name, objects] of Object.entries(component.configs?.(ctx) ?? {}))
      files[name] = [...(files[name] ?? []), ...objects];
  }
  for (const [name, objects] of Object.entries(files)) if (objects.length === 0) delete files[name];
  return files;
}
