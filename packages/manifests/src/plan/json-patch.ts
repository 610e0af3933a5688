import { checkArguments, issueWithMessage, ValidationError } from '@sugarkube/core';
import { z } from 'zod';
import type { PatchDescriptor } from '../descriptor/app-schema.js';
import { jsonPatchOperationSchema } from '../descriptor/escape-hatch-schema.js';

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Equality of two JSON values as RFC 6902 `test` defines it: objects by their members whatever
 * their order, arrays element by element, numbers by value.
 * @see https://www.rfc-editor.org/rfc/rfc6902#section-4.6
 */
export function jsonEqual(a: Json, b: Json): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  if (isObject(a) || isObject(b)) {
    if (!isObject(a) || !isObject(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
  }
  return a === b;
}

function tokens(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(root: Json, pointer: string): [Json, string] {
  const parts = tokens(pointer);
  const last = parts.pop()!;
  let node = root;
  for (const part of parts) {
    if (Array.isArray(node)) node = node[Number(part)];
    else if (isObject(node)) node = Object.hasOwn(node, part) ? node[part] : undefined;
    else node = undefined;
    if (node === undefined) throw new Error(`path ${pointer} does not exist`);
  }
  return [node, last];
}

function get(root: Json, pointer: string): Json {
  const [parent, key] = parentOf(root, pointer);
  const value = Array.isArray(parent)
    ? parent[Number(key)]
    : isObject(parent) && Object.hasOwn(parent, key)
      ? parent[key]
      : undefined;
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
    if (!Number.isInteger(index) || index < 0 || index > parent.length)
      throw new Error(`path ${pointer} is out of range`);
    if (insert) parent.splice(index, 0, value);
    else parent[index] = value;
  } else if (isObject(parent)) {
    parent[key] = value;
  } else {
    throw new Error(`path ${pointer} does not exist`);
  }
}

// Built once: zod constructs and compiles a schema on its first parse, which per call cost
// more than the check (docs/benchmarks.md, (c)).
const jsonDocument = z.json({ error: 'a JSON document' });
const operationList = z.array(jsonPatchOperationSchema, { error: 'a list of RFC 6902 operations' });

/**
 * Applies RFC 6902 operations to a copy of a document; `test` compares by value (member order does not matter).
 * @throws ValidationError (from `@sugarkube/core`): a malformed argument, or the operation that
 * cannot apply (`operations[1]: path /spec/missing/x does not exist`)
 */
export function applyJson6902(document: Json, operations: NonNullable<PatchDescriptor['json6902']>): Json {
  checkArguments('JSON patch', [
    [['document'], jsonDocument, document],
    [['operations'], operationList, operations],
  ]);
  return applyOperations(document, operations, (index, text) => {
    throw new ValidationError('JSON patch', [
      issueWithMessage(['operations', index], 'an operation that applies', 'an operation', text),
    ]);
  });
}

/** {@link applyJson6902} on checked arguments; `fail` reports the operation that cannot apply. */
export function applyOperations(
  document: Json,
  operations: NonNullable<PatchDescriptor['json6902']>,
  fail: (index: number, text: string) => never = (_, text) => {
    throw new Error(text);
  },
): Json {
  const root = structuredClone(document);
  operations.forEach((op, index) => {
    try {
      applyOperation(root, op);
    } catch (error) {
      fail(index, (error as Error).message);
    }
  });
  return root;
}

function applyOperation(root: Json, op: NonNullable<PatchDescriptor['json6902']>[number]): void {
  const value = structuredClone(op.value);
  switch (op.op) {
    case 'add':
      put(root, op.path, value, true);
      break;
    case 'remove':
      remove(root, op.path);
      break;
    case 'replace':
      get(root, op.path);
      put(root, op.path, value, false);
      break;
    case 'move': {
      const moved = get(root, op.from ?? '');
      remove(root, op.from ?? '');
      put(root, op.path, moved, true);
      break;
    }
    case 'copy':
      put(root, op.path, structuredClone(get(root, op.from ?? '')), true);
      break;
    case 'test': {
      const found = get(root, op.path);
      if (!jsonEqual(found, value))
        throw new Error(`test failed at ${op.path}: expected ${JSON.stringify(value)}, found ${JSON.stringify(found)}`);
      break;
    }
  }
}
