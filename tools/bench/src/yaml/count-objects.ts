import { parseAllDocuments } from 'yaml';

/** Kubernetes objects per kind in YAML streams; `total` is their sum. */
export interface ObjectCount {
  readonly total: number;
  readonly byKind: Readonly<Record<string, number>>;
}

/**
 * Counts the Kubernetes objects in YAML streams, the same way for every tool's output: a
 * document with `apiVersion` and `kind` is an object; empty documents and Kustomize's own
 * `kustomization.yaml` files (kustomize.config.k8s.io) are not. A `List` counts its items.
 * @throws Error naming the stream when it is not valid YAML
 */
export function countObjects(streams: readonly { readonly name: string; readonly content: string }[]): ObjectCount {
  const byKind: Record<string, number> = {};
  const add = (value: unknown) => {
    if (typeof value !== 'object' || value === null) return;
    const { apiVersion, kind, items } = value as { apiVersion?: unknown; kind?: unknown; items?: unknown };
    if (typeof apiVersion !== 'string' || typeof kind !== 'string') return;
    if (apiVersion.startsWith('kustomize.config.k8s.io/')) return;
    if (kind === 'List' && Array.isArray(items)) return items.forEach(add);
    byKind[kind] = (byKind[kind] ?? 0) + 1;
  };
  for (const stream of streams) {
    for (const doc of parseAllDocuments(stream.content)) {
      if (doc.errors.length > 0) throw new Error(`${stream.name}: not valid YAML: ${doc.errors[0]!.message}`);
      add(doc.toJS());
    }
  }
  const sorted = Object.fromEntries(Object.entries(byKind).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { total: Object.values(byKind).reduce((a, b) => a + b, 0), byKind: sorted };
}

/** "Deployment 18, Service 18, …" */
export function describeKinds(count: ObjectCount): string {
  return Object.entries(count.byKind)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');
}
