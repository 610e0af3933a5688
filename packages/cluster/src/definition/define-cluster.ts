import type { Issue } from '@sugarkube/core';
import type { GeneratedFile } from '@sugarkube/core';
import type { ClusterDefinition } from './cluster-definition.js';
import { parseClusterDefinition } from './parse-cluster-definition.js';
import type { ResolvedCluster } from './resolve-cluster.js';
import { synthesizeClusterTree } from '../render/synthesize-cluster-tree.js';

/** Thrown by `defineCluster` with every problem found. */
export class ClusterValidationError extends Error {
  override readonly name = 'ClusterValidationError';
  constructor(readonly issues: readonly Issue[]) {
    super(`invalid cluster definition (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${issues.map((i) => `  ${i.message}`).join('\n')}`);
  }
}

/**
 * Declares a cluster in TypeScript: typed input, validated at once.
 * @throws ClusterValidationError listing every problem
 */
export function defineCluster(definition: ClusterDefinition): ResolvedCluster & { readonly warnings: readonly Issue[] } {
  const parsed = parseClusterDefinition(definition);
  if (!parsed.value) throw new ClusterValidationError(parsed.errors);
  return { ...parsed.value, warnings: parsed.warnings };
}

/** The GitOps tree of a cluster definition (validated first). */
export function synthesizeCluster(definition: ClusterDefinition | ResolvedCluster): GeneratedFile[] {
  const cluster = 'environments' in definition && Array.isArray(definition.environments) ? (definition as ResolvedCluster) : defineCluster(definition as ClusterDefinition);
  return synthesizeClusterTree(cluster);
}
