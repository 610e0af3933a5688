import { checkArguments, strictObject } from '@sugarkube/core';
import { z } from 'zod';
import type { ClusterDefinition } from './cluster-definition.js';

const brand = Symbol.for('@sugarkube/cluster.ClusterModule');

/** What a cluster repo's module exports (as its default export) for `sugarkube` to load. */
export interface ClusterModule {
  readonly [brand]: true;
  /** The cluster definition. */
  readonly definition: ClusterDefinition;
  /**
   * The pins file: what runs where (`sugarkube promote` edits it), as a path relative to the
   * module or a `file:` URL.
   */
  readonly pinsFile: string | URL;
}

/**
 * Declares a cluster repo's module: `export default clusterModule({ definition, pinsFile })`.
 * The CLI checks the brand, so a module that exports something else gets a clear error.
 * @example export default clusterModule({ definition: cluster, pinsFile: new URL('./sugarkube.pins.json', import.meta.url) });
 */
export function clusterModule(options: {
  readonly definition: ClusterDefinition;
  readonly pinsFile: string | URL;
}): ClusterModule {
  checkArguments('clusterModule options', [
    [
      [],
      strictObject({
        definition: z.custom<ClusterDefinition>((d) => typeof d === 'object' && d !== null && !Array.isArray(d), {
          error: 'a cluster definition (checked when the CLI loads it)',
        }),
        pinsFile: z.union([z.string().min(1), z.instanceof(URL)], { error: 'the pins file: a path or a file: URL' }),
      }),
      options,
    ],
  ]);
  return Object.freeze({ [brand]: true as const, definition: options.definition, pinsFile: options.pinsFile });
}

/** True for a value made by `clusterModule` (from any copy of the package). */
export function isClusterModule(value: unknown): value is ClusterModule {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}
