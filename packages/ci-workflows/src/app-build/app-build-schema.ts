import { runtimeNames, strictObject, type RuntimeName } from '@sugarkube/core';
import type { z } from 'zod';
import { nodeServerBuildShape } from '../dockerfile/node-dockerfile.js';
import { pythonBuildShape } from '../dockerfile/python-dockerfile.js';
import { staticNginxBuildShape } from '../dockerfile/static-nginx-dockerfile.js';
import { staticNodeBuildShape } from '../dockerfile/static-node-dockerfile.js';

/** The build fields of each runtime: the one place that says which field belongs to which runtime. */
export const buildShapes = {
  node: nodeServerBuildShape,
  python: pythonBuildShape,
  'static-nginx': staticNginxBuildShape,
  'static-node': staticNodeBuildShape,
} as const satisfies Record<RuntimeName, z.core.$ZodLooseShape>;

type Union = typeof nodeServerBuildShape &
  typeof pythonBuildShape &
  typeof staticNginxBuildShape &
  typeof staticNodeBuildShape;
type OptionalShape<T> = { [K in keyof T]: T[K] extends z.ZodType ? z.ZodOptional<T[K]> : never };

/** The runtimes whose build has `key`. */
export function runtimesWithField(key: string): RuntimeName[] {
  return runtimeNames.filter((name) => Object.hasOwn(buildShapes[name], key));
}

/** A field's description, also when it was described before `.optional()` wrapped it. */
function descriptionOf(schema: z.ZodType): string {
  if (schema.description !== undefined) return schema.description;
  const inner = (schema as { unwrap?: () => z.ZodType }).unwrap?.();
  return inner?.description ?? '';
}

function unionShape(): OptionalShape<Union> {
  const all: Record<string, z.ZodType> = {};
  for (const name of runtimeNames) Object.assign(all, buildShapes[name]);
  const entries = Object.entries(all).map(([key, schema]) => {
    const owners = runtimesWithField(key);
    const scope =
      owners.length === runtimeNames.length
        ? 'Every runtime.'
        : `Runtime${owners.length > 1 ? 's' : ''}: ${owners.join(', ')}.`;
    return [key, schema.optional().describe(`${descriptionOf(schema)} ${scope}`.trim())];
  });
  return Object.fromEntries(entries.sort(([a], [b]) => (String(a) < String(b) ? -1 : 1))) as OptionalShape<Union>;
}

/**
 * The `build` section of one service in `sugarkube.yaml`: the union of every runtime's build
 * fields, each described with the runtimes it belongs to, unknown keys refused. Which fields a
 * given runtime takes (and requires) is checked by `checkAppBuild`.
 */
export const appBuildSchema = strictObject(unionShape());
export type AppBuildSection = z.input<typeof appBuildSchema>;
