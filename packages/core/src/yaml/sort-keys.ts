import { isCommented } from './commented.js';

const topFirst = ['apiVersion', 'kind', 'metadata'];
const nestedFirst = ['name', 'namespace'];

function compareKeys(first: readonly string[], a: string, b: string): number {
  const ia = first.indexOf(a);
  const ib = first.indexOf(b);
  if (ia >= 0 || ib >= 0) return (ia < 0 ? first.length : ia) - (ib < 0 ? first.length : ib);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** How `orderKeys` orders a document. */
export type KeyOrder =
  /** `apiVersion, kind, metadata` first at the top, `name, namespace` first below, the rest by code point. */
  | 'kubernetes'
  /** As given (workflows, where `name`, `on`, `jobs` read best in the author's order; SOPS documents). */
  | 'given';

/**
 * Stable key order for a document. A SOPS-encrypted document (a top-level
 * `sops` and `kind`) keeps its order entirely: the SOPS MAC covers values in order.
 * Undefined values are dropped.
 */
export function orderKeys(value: unknown, order: KeyOrder = 'kubernetes'): unknown {
  return visit(value, order === 'given', true);
}

function visit(value: unknown, keepOrder: boolean, top: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => visit(v, keepOrder, false));
  if (value === null || typeof value !== 'object' || isCommented(value)) return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((k) => record[k] !== undefined);
  const verbatim = keepOrder || (top && 'sops' in record && 'kind' in record);
  if (!verbatim) keys.sort((a, b) => compareKeys(top ? topFirst : nestedFirst, a, b));
  return Object.fromEntries(keys.map((k) => [k, visit(record[k], verbatim, false)]));
}
