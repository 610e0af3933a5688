import type { ResolvedCluster, ResolvedEnvironment } from '../definition/resolve-cluster.js';
import type { InfraComponent } from './infra-component.js';
import { infraComponents } from './infra-components.js';

/** The components that run in one environment, in install order. */
export function enabledComponents(cluster: ResolvedCluster, env: ResolvedEnvironment): InfraComponent[] {
  return infraComponents.filter((component) => component.enabled(cluster, env));
}
