import type { PatchDescriptor } from '../descriptor/app-schema.js';
import type { KubeObject } from './kube-object.js';

/** A patch that cannot apply (missing target or path). */
export class PatchError extends Error {
  constructor(readonly index: number, message: string) {
    super(message);
    this.name = 'PatchError';
  }
}

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => v !== null && typeof v === 'object' && !Array.isArray(v);

function tokens(pointer: string): string[] {
  return pointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(root: Json, pointer: string): [Json, string] {
  const parts = tokens(pointer);
  const last = parts.pop()!;
  let node = root;
  for (const part of parts) {
    if (Array.isArray(node)) node = node[Number(part)];
    else if (isObject(node)) node = node[part];
    else node = undefined;
    if (node === undefined) throw new Error(`path ${pointer} does not exist`);
  }
  return [node, last];
}

function get(root: Json, pointer: string): Json {
  const [parent, key] = parentOf(root, pointer);
  const value = Array.isArray(parent) ? parent[Number(key)] : isObject(parent) ? parent[key] : undefined;
  if (value === undefined) throw new Error(`path ${pointer} does not exist`);
  return value;
}

function remove(root: Json, pointer: string) {
  get(root, pointer);
  const [parent, key] = parentOf(root, pointer);
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete (parent as Record<string, Json>)[key];
}

function put(root: Json, pointer: string, value: Json, insert: boolean) {
  const [parent, key] = parentOf(root, pointer);
  if (Array.isArray(parent)) {
    const index = key === '-' ? parent.length : Number(key);
    if (!Number.isInteger(index) || index < 0 || index > parent.length) throw new Error(`path ${pointer} is out of range`);
    if (insert) parent.splice(index, 0, value);
    else parent[index] = value;
  } else if (isObject(parent)) {
    parent[key] = value;
  } else {
    throw new Error(`path ${pointer} does not exist`);
  }
}

/** Applies RFC 6902 operations to a copy of a document. */
export function applyJson6902(document: Json, operations: NonNullable<PatchDescriptor['json6902']>): Json {
  const root = structuredClone(document);
  for (const op of operations) {
    const value = structuredClone(op.value);
    switch (op.op) {
      case 'add': put(root, op.path, value, true); break;
      case 'remove': remove(root, op.path); break;
      case 'replace': get(root, op.path); put(root, op.path, value, false); break;
      case 'move': { const moved = get(root, op.from ?? ''); remove(root, op.from ?? ''); put(root, op.path, moved, true); break; }
      case 'copy': put(root, op.path, structuredClone(get(root, op.from ?? '')), true); break;
      case 'test': if (JSON.stringify(get(root, op.path)) !== JSON.stringify(value)) throw new Error(`test failed at ${op.path}`); break;
    }
  }
  return root;
}

/**
 * Strategic merge as Kustomize does it for the common cases: maps merge,
 * `null` deletes, lists of named items merge by `name`, other lists replace.
 */
export function strategicMerge(base: Json, patch: Json): Json {
  if (Array.isArray(base) && Array.isArray(patch)) {
    const named = (list: Json[]) => list.every((item) => isObject(item) && typeof item.name === 'string');
    if (!named(base) || !named(patch)) return structuredClone(patch);
    const out = base.map((item) => structuredClone(item)) as Record<string, Json>[];
    for (const item of patch as Record<string, Json>[]) {
      const index = out.findIndex((existing) => existing.name === item.name);
      if (index >= 0) out[index] = strategicMerge(out[index], item) as Record<string, Json>;
      else out.push(structuredClone(item));
    }
    return out;
  }
  if (isObject(base) && isObject(patch)) {
    const out: Record<string, Json> = structuredClone(base);
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) delete out[key];
      else out[key] = key in out ? strategicMerge(out[key], value) : structuredClone(value);
    }
    return out;
  }
  return structuredClone(patch);
}

/** Applies an environment's patches in order; each must name a planned object. */
export function applyPatches(objects: readonly KubeObject[], patches: readonly PatchDescriptor[]): KubeObject[] {
  const out = [...objects];
  patches.forEach((patch, index) => {
    const at = out.findIndex((o) => o.kind === patch.target.kind && o.metadata.name === patch.target.name);
    if (at < 0) {
      const known = out.map((o) => `${o.kind}/${o.metadata.name}`).join(', ');
      throw new PatchError(index, `target ${patch.target.kind}/${patch.target.name} is not planned; planned objects: ${known}`);
    }
    try {
      let next: Json = out[at];
      if (patch.json6902) next = applyJson6902(next, patch.json6902);
      if (patch.strategicMerge) next = strategicMerge(next, patch.strategicMerge);
      out[at] = next as KubeObject;
    } catch (error) {
      throw new PatchError(index, (error as Error).message);
    }
  });
  return out;
}
