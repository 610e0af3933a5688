/** One RFC 6902 operation produced by `jsonDiff`. */
export type DiffOperation =
  | { readonly op: 'add' | 'replace'; readonly path: string; readonly value: unknown }
  | { readonly op: 'remove'; readonly path: string };

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** Deep equality of JSON data. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && jsonEqual(a[k], b[k]));
  }
  return false;
}

/**
 * The smallest-ish JSON 6902 patch turning `from` into `to`: maps recurse,
 * equal-length lists recurse by index, anything else is replaced whole.
 */
export function jsonDiff(from: unknown, to: unknown, path = ''): DiffOperation[] {
  if (jsonEqual(from, to)) return [];
  if (isObject(from) && isObject(to)) {
    const ops: DiffOperation[] = [];
    for (const key of Object.keys(from).sort())
      if (!(key in to)) ops.push({ op: 'remove', path: `${path}/${escape(key)}` });
    for (const key of Object.keys(to).sort()) {
      if (!(key in from)) ops.push({ op: 'add', path: `${path}/${escape(key)}`, value: to[key] });
      else ops.push(...jsonDiff(from[key], to[key], `${path}/${escape(key)}`));
    }
    return ops;
  }
  if (Array.isArray(from) && Array.isArray(to) && from.length === to.length) {
    return from.flatMap((v, i) => jsonDiff(v, to[i], `${path}/${i}`));
  }
  return [{ op: 'replace', path, value: to }];
}
