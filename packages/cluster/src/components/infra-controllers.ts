import { helmRepository } from '../plan/flux-sources.js';
import { namespaceObject, type KubeObject } from '../plan/kube-object.js';
import type { ResolvedCluster, ResolvedEnvironment } from '../definition/resolve-cluster.js';
import type { InfraComponent } from './infra-component.js';
import { enabledComponents } from './enabled-components.js';
import { releaseObjects, type ReleaseDependency } from './release-objects.js';

/** The HelmReleases a component waits for: those of its dependencies that run here. */
function dependsOnOf(
  component: InfraComponent,
  cluster: ResolvedCluster,
  env: ResolvedEnvironment,
): ReleaseDependency[] {
  return (component.dependsOn ?? [])
    .filter((dep) => dep.enabled(cluster, env))
    .map((dep) => ({ name: dep.id, namespace: dep.namespace.name }));
}

/**
 * The objects of `infrastructure/controllers/<env>`, grouped by file name: the namespaces synth
 * creates (with their Pod Security level), the Helm repositories, and per component `<id>.yaml`
 * (HelmRelease, OCIRepository or HelmChartConfig). Flux itself is in `clusters/<env>/flux-system`.
 */
export function planControllers(cluster: ResolvedCluster, env: ResolvedEnvironment): Record<string, KubeObject[]> {
  const enabled = enabledComponents(cluster, env);
  const installed = enabled.filter((component) => !component.bootstrap);
  const namespaces = new Map<string, KubeObject>();
  for (const { namespace } of enabled) {
    if (namespace.podSecurity !== 'existing' && !namespaces.has(namespace.name))
      namespaces.set(namespace.name, namespaceObject(namespace.name, namespace.podSecurity));
  }
  const files: Record<string, KubeObject[]> = {
    'namespaces.yaml': [...namespaces.values()],
    'helm-repositories.yaml': installed
      .filter((c) => c.chart.source.kind === 'helm')
      .map((c) => helmRepository(c.id, c.chart.source.url)),
  };
  for (const component of installed) {
    const objects = releaseObjects(component, { cluster, env }, dependsOnOf(component, cluster, env));
    if (objects.length > 0) files[`${component.id}.yaml`] = objects;
  }
  return files;
}
