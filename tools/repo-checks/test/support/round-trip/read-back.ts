import { parseAllDocuments } from 'yaml';

/** Where one written string must come back: a finder over the documents read from the output. */
export interface Probe {
  /** What the string is in the input, for messages (e.g. `env RT_3`). */
  readonly what: string;
  readonly value: string;
  /** The string is a mapping key (kustomize drops a `<<` key, not a `<<` value). @default false */
  readonly isKey?: boolean;
  /** Every value at the probe's place in these documents (empty when the place is missing). */
  readonly find: (docs: readonly unknown[]) => unknown[];
}

/** The readers every output is read back with. */
export const yamlReaders = [
  { name: 'YAML 1.1', version: '1.1' },
  { name: 'YAML 1.2', version: '1.2' },
] as const;

/** The documents of a YAML stream as a reader of that version takes them; throws on any error. */
export function readDocuments(text: string, version: '1.1' | '1.2'): unknown[] {
  return parseAllDocuments(text, { version, prettyErrors: true }).map((doc) => {
    if (doc.errors.length > 0) throw new Error(doc.errors.map((e) => e.message).join('\n'));
    return doc.toJS({ maxAliasCount: -1 }) as unknown;
  });
}

function show(value: unknown): string {
  if (value instanceof Date) return `the timestamp ${value.toISOString()}`;
  if (typeof value === 'string') return JSON.stringify(value);
  return `${value === null ? 'null' : typeof value} ${String(value)}`;
}

/** Every probe whose place is missing or holds anything but its string, as messages. */
export function probeFailures(source: string, docs: readonly unknown[], probes: readonly Probe[]): string[] {
  return probes.flatMap((p) => {
    const found = p.find(docs);
    if (found.length === 0) return [`${source}: ${p.what}: ${JSON.stringify(p.value)} not found`];
    return found
      .filter((f) => f !== p.value)
      .map((f) => `${source}: ${p.what}: wrote ${JSON.stringify(p.value)}, read ${show(f)}`);
  });
}

/** Reads YAML text with every reader and checks the probes; parse errors are failures too. */
export function readBackFailures(source: string, text: string, probes: readonly Probe[]): string[] {
  return yamlReaders.flatMap(({ name, version }) => {
    let docs: unknown[];
    try {
      docs = readDocuments(text, version);
    } catch (error) {
      return [`${source} (${name}): ${(error as Error).message}`];
    }
    return probeFailures(`${source} (${name})`, docs, probes);
  });
}

type Visit = (node: Record<string, unknown>) => void;

function walk(value: unknown, visit: Visit): void {
  if (Array.isArray(value)) for (const item of value) walk(item, visit);
  else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    visit(value as Record<string, unknown>);
    for (const child of Object.values(value)) walk(child, visit);
  }
}

function collect(docs: readonly unknown[], pick: (node: Record<string, unknown>) => unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const doc of docs) walk(doc, (node) => out.push(...pick(node)));
  return out;
}

/** The value of every mapping entry with this key. */
export const underKey = (key: string) => (docs: readonly unknown[]) =>
  collect(docs, (n) => (Object.hasOwn(n, key) ? [n[key]] : []));

/** The `value` of every `{name, value}` entry with this name (container env). */
export const namedValue = (name: string) => (docs: readonly unknown[]) =>
  collect(docs, (n) => (n.name === name && Object.hasOwn(n, 'value') ? [n.value] : []));

/** The key of every mapping entry holding this (unique) marker value: how keys are probed. */
export const keyOf = (marker: string) => (docs: readonly unknown[]) =>
  collect(docs, (n) => Object.entries(n).flatMap(([k, v]) => (v === marker ? [k] : [])));

/** The part after `prefix` of every string under `key` that starts with it (an image's tag). */
export const suffixUnderKey = (key: string, prefix: string) => (docs: readonly unknown[]) =>
  underKey(key)(docs).flatMap((v) => (typeof v === 'string' && v.startsWith(prefix) ? [v.slice(prefix.length)] : []));

/** In multi-line strings under `key`, the rest of every line starting with `name=` (build arguments). */
export const lineUnderKey = (key: string, name: string) => (docs: readonly unknown[]) =>
  underKey(key)(docs).flatMap((v) =>
    typeof v === 'string'
      ? v.split('\n').flatMap((line) => (line.startsWith(`${name}=`) ? [line.slice(name.length + 1)] : []))
      : [],
  );

/** The value at a fixed path of the first document. */
export const atPath =
  (...path: (string | number)[]) =>
  (docs: readonly unknown[]) => {
    let node: unknown = docs[0];
    for (const step of path) {
      if (node === null || typeof node !== 'object' || !Object.hasOwn(node, step)) return [];
      node = (node as Record<string | number, unknown>)[step];
    }
    return [node];
  };

/** The value at `path` in every document of this kind (and name, when given). */
export const objectField =
  (kind: string, name: string | undefined, ...path: string[]) =>
  (docs: readonly unknown[]) =>
    docs.flatMap((doc) => {
      const o = doc as { kind?: unknown; metadata?: { name?: unknown } } | null;
      if (o?.kind !== kind || (name !== undefined && o.metadata?.name !== name)) return [];
      return atPath(...path)([doc]);
    });
