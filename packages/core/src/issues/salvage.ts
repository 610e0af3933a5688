import type { z } from 'zod';

/**
 * What survives of an input that failed its schema: every part that is well-formed, parsed (with
 * its defaults), and nothing else. Objects keep their well-formed fields, lists keep their
 * positions (a malformed item is `undefined`, so paths such as `services[2]` still point at it),
 * maps keep their well-formed entries.
 */
export type Salvaged<T> = T extends readonly (infer U)[]
  ? (Salvaged<U> | undefined)[]
  : T extends string | number | boolean | null | undefined
    ? T
    : T extends object
      ? { [K in keyof T]?: Salvaged<T[K]> }
      : T;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The well-formed parts of `input` by `schema` (see {@link Salvaged}), or `undefined` when nothing
 * of it is. Cross-field checks run on this, so a mistake in one field does not hide the mistakes
 * that need another: each check runs when the fields it reads survived.
 */
export function salvage<S extends z.ZodType>(schema: S, input: unknown): Salvaged<z.output<S>> | undefined {
  return salvageAny(schema, input) as Salvaged<z.output<S>> | undefined;
}

function salvageAny(schema: z.ZodType, input: unknown): unknown {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const def = (schema as unknown as z.core.$ZodTypes)._zod.def;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
      return input === undefined || input === null ? undefined : salvageAny(def.innerType as z.ZodType, input);
    case 'object': {
      if (!isRecord(input)) return undefined;
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(def.shape)) {
        if (!(key in input)) continue;
        const value = salvageAny(field as z.ZodType, input[key]);
        if (value !== undefined) out[key] = value;
      }
      return out;
    }
    case 'array':
      return Array.isArray(input) ? input.map((item) => salvageAny(def.element as z.ZodType, item)) : undefined;
    case 'record': {
      if (!isRecord(input)) return undefined;
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(input)) {
        if (!(def.keyType as z.ZodType).safeParse(key).success) continue;
        const kept = salvageAny(def.valueType as z.ZodType, value);
        if (kept !== undefined) out[key] = kept;
      }
      return out;
    }
    default:
      // Scalars, unions and custom checks are whole or nothing.
      return undefined;
  }
}

/** `a` and `b` are the same path, or one lies inside the other (`routes[0]` and `routes[0].apex`). */
function related(a: string, b: string): boolean {
  const inside = (outer: string, inner: string) =>
    outer === '' || inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
  return inside(a, b) || inside(b, a);
}

/**
 * The cross-field issues that a schema issue does not already explain: a check that ran on
 * salvaged input may miss a field that is there but malformed (`routes[0]` has no host because
 * `routes[0].apex` is not a hostname); the schema's issue is the one to report.
 */
export function unexplainedIssues<I extends { readonly path: string }>(
  cross: readonly I[],
  schemaIssues: readonly { readonly path: string }[],
): I[] {
  return cross.filter((c) => !schemaIssues.some((s) => s.path !== '' && related(s.path, c.path)));
}
