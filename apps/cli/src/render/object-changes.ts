import { parseAllDocuments } from 'yaml';

/** One Kubernetes object added, changed or removed between two versions of a YAML file. */
export interface ObjectChange {
  readonly kind: string;
  /** `namespace/name`, or `name` for cluster-scoped objects and when no namespace is set. */
  readonly name: string;
  readonly change: 'added' | 'changed' | 'removed';
}

function objects(text: string | undefined): Map<string, { kind: string; name: string; json: string }> {
  const found = new Map<string, { kind: string; name: string; json: string }>();
  if (text === undefined) return found;
  for (const doc of parseAllDocuments(text)) {
    if (!('errors' in doc) || doc.errors.length > 0) continue;
    const value = doc.toJS() as { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } } | null;
    if (!value || typeof value.kind !== 'string' || typeof value.metadata?.name !== 'string') continue;
    const name =
      typeof value.metadata.namespace === 'string'
        ? `${value.metadata.namespace}/${value.metadata.name}`
        : value.metadata.name;
    found.set(`${value.kind} ${name}`, { kind: value.kind, name, json: JSON.stringify(value) });
  }
  return found;
}

/** The objects (by kind and name) a file change adds, changes or removes; none for non-Kubernetes files. */
export function objectChanges(before: string | undefined, after: string | undefined): ObjectChange[] {
  const old = objects(before);
  const next = objects(after);
  const changes: ObjectChange[] = [];
  for (const [key, o] of next) {
    const was = old.get(key);
    if (!was) changes.push({ kind: o.kind, name: o.name, change: 'added' });
    else if (was.json !== o.json) changes.push({ kind: o.kind, name: o.name, change: 'changed' });
  }
  for (const [key, o] of old) if (!next.has(key)) changes.push({ kind: o.kind, name: o.name, change: 'removed' });
  return changes.sort((a, b) => `${a.kind} ${a.name}`.localeCompare(`${b.kind} ${b.name}`));
}
