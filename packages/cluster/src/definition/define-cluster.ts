import { ValidationError, type GeneratedFile, type Issue } from '@sugarkube/core';
import type { ClusterDefinition } from './cluster-definition.js';
import { parseClusterDefinition } from './parse-cluster-definition.js';
import type { PinsInput } from './pins.js';
import type { ResolvedCluster } from './resolve-cluster.js';
import { synthesizeClusterTree } from '../render/synthesize-cluster-tree.js';

/**
 * Declares a cluster in TypeScript: typed input, validated at once with its pins.
 * @throws ValidationError (from `@sugarkube/core`) listing every problem
 */
export function defineCluster(
  definition: ClusterDefinition,
  pins: PinsInput = {},
): ResolvedCluster & { readonly warnings: readonly Issue[] } {
  const parsed = parseClusterDefinition(definition, pins);
  if (!parsed.value) throw new ValidationError('cluster definition', parsed.errors);
  return { ...parsed.value, warnings: parsed.warnings };
}

/** The GitOps tree of a cluster definition (validated first). */
export function synthesizeCluster(definition: ClusterDefinition, pins: PinsInput = {}): GeneratedFile[] {
  return synthesizeClusterTree(defineCluster(definition, pins));
}
