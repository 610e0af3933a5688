import { patchDefinitions, patchKinds } from './patch-strategies.js';

/**
 * Where a strategic merge is in the Kubernetes schema: the definition of the map being merged
 * (`definition`), of the values of a map field (`mapOf`), or a list field (`keys` when it
 * merges by key, `items` for its elements). `undefined` means no schema: lists are replaced.
 */
export interface PatchSchema {
  readonly definition?: string;
  readonly mapOf?: string;
  readonly keys?: readonly string[];
  readonly items?: string;
}

const isMap = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The schema of an object by its `apiVersion` and `kind`, as kustomize looks it up (both must be set). */
export function schemaOfObject(value: unknown): PatchSchema | undefined {
  if (!isMap(value) || typeof value.apiVersion !== 'string' || typeof value.kind !== 'string') return undefined;
  if (value.apiVersion === '' || value.kind === '') return undefined;
  const definition = patchKinds[`${value.apiVersion}/${value.kind}`];
  return definition ? { definition } : undefined;
}

/** The schema of one field of a map. */
export function schemaOfField(schema: PatchSchema | undefined, key: string): PatchSchema | undefined {
  if (schema?.mapOf) return { definition: schema.mapOf };
  if (!schema?.definition) return undefined;
  const field = Object.hasOwn(patchDefinitions[schema.definition] ?? {}, key)
    ? patchDefinitions[schema.definition]![key]
    : undefined;
  if (!field) return undefined;
  if (field.keys) return { keys: field.keys, ...(field.type ? { items: field.type } : {}) };
  if (field.map) return { mapOf: field.type };
  return { definition: field.type };
}

/** The schema of a list's elements. */
export function schemaOfElements(schema: PatchSchema | undefined): PatchSchema | undefined {
  return schema?.items ? { definition: schema.items } : undefined;
}
