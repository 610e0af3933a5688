import { z } from 'zod';
import type { GeneratedFile } from '@sugarkube/core';
import type { ResolvedCluster } from './resolve-cluster.js';

/**
 * The argument rules of the package's public functions. A function of one argument reports
 * paths into it; one of several reports each argument under its parameter name.
 */

const resolvedBrand = Symbol.for('@sugarkube/cluster.ResolvedCluster');

/** Marks a cluster `resolveCluster` made (kept by a spread, as `defineCluster`'s result is one). */
export function brandResolved(cluster: ResolvedCluster): ResolvedCluster {
  Object.defineProperty(cluster, resolvedBrand, { value: true, enumerable: true });
  return cluster;
}

/** A cluster from `defineCluster`, `parseClusterDefinition` or `resolveCluster` (from any copy of the package). */
export const resolvedClusterArgument = z.custom<ResolvedCluster>(
  (v) => typeof v === 'object' && v !== null && (v as Record<symbol, unknown>)[resolvedBrand] === true,
  { error: 'a cluster from defineCluster, parseClusterDefinition or resolveCluster' },
);

/** Generated files `{ path, content }`, as synth returns them. */
export const generatedFilesArgument = z.array(
  z.looseObject({ path: z.string({ error: 'a file path' }), content: z.string({ error: 'the file text' }) }),
  { error: 'a list of generated files {path, content}' },
) as z.ZodType<readonly GeneratedFile[]>;
