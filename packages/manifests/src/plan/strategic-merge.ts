import { checkArguments, issueWithMessage, ValidationError } from '@sugarkube/core';
import { z } from 'zod';
import { takeDirective } from './merge-directive.js';
import { mergeKeyedList } from './merge-lists.js';
import { isMap, isMissingOrNull, nodeText, wrongKind, type Node } from './merge-nodes.js';
import { schemaOfField, schemaOfObject, type PatchSchema } from './patch-schema.js';

/** Go's sort.Strings order (UTF-8 bytes, i.e. code points), the order kyaml visits fields in. */
function byCodePoint(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** A target field that was `null` and that the patch does not mention: kyaml keeps it. */
const keptNull = Symbol('kept null');

function walkMap(dest: Node, origin: Node, schema: PatchSchema | undefined, path: readonly string[]): Node {
  let target: Node;
  if (isMissingOrNull(dest)) {
    let directive: string = 'unknown';
    try {
      directive = takeDirective(origin, path);
    } catch {
      // kyaml ignores a bad directive when the target has nothing here: the patch is added as written
    }
    if (directive === 'delete') return undefined;
    if (origin === undefined && dest === null) return keptNull;
    target = origin;
  } else if (origin === null) {
    return undefined;
  } else {
    const directive = takeDirective(origin, path);
    if (directive === 'delete') return undefined;
    target = directive === 'replace' ? origin : dest;
  }
  if (!isMap(target)) return target;
  const names = new Set([...Object.keys(target), ...(isMap(origin) ? Object.keys(origin) : [])]);
  for (const key of [...names].sort(byCodePoint)) {
    const value = walk(
      Object.hasOwn(target, key) ? target[key] : undefined,
      isMap(origin) && Object.hasOwn(origin, key) ? origin[key] : undefined,
      schemaOfField(schema, key),
      [...path, key],
    );
    if (value === keptNull) target[key] = null;
    else if (isMissingOrNull(value)) delete target[key];
    else target[key] = value;
  }
  return target;
}

function walk(dest: Node, origin: Node, schema: PatchSchema | undefined, path: readonly string[]): Node {
  const known = schema ?? schemaOfObject(isMissingOrNull(dest) ? origin : dest) ?? schemaOfObject(origin);
  const first = [dest, origin].find((n) => !isMissingOrNull(n));
  if (first === undefined || isMap(first)) {
    for (const n of [dest, origin]) if (!isMissingOrNull(n) && !isMap(n)) throw wrongKind(path, {}, n);
    return walkMap(dest, origin, known, path);
  }
  if (Array.isArray(first)) {
    for (const n of [dest, origin]) if (!isMissingOrNull(n) && !Array.isArray(n)) throw wrongKind(path, [], n);
    if (known?.keys) return mergeKeyedList(dest, origin, known, path, walk);
    return origin !== undefined ? origin : dest;
  }
  for (const n of [dest, origin])
    if (!isMissingOrNull(n) && (isMap(n) || Array.isArray(n))) throw wrongKind(path, '', n);
  return origin !== undefined ? origin : dest;
}

/**
 * kustomize reads a patch as a resource, whose labels and annotations are maps of strings: each
 * value becomes its text ('' for a map or a list, "null" for null, so null does not remove a label)
 * and an empty or null map is dropped. Nested label maps (the pod template's) are not affected.
 */
function asKustomizeLoadsIt(patch: Node): Node {
  if (!isMap(patch) || !isMap(patch.metadata)) return patch;
  const metadata = patch.metadata;
  for (const field of ['labels', 'annotations']) {
    if (!Object.hasOwn(metadata, field)) continue;
    const values = metadata[field];
    if (values === null || (isMap(values) && Object.keys(values).length === 0)) delete metadata[field];
    else if (isMap(values))
      for (const [key, value] of Object.entries(values))
        values[key] = isMap(value) || Array.isArray(value) ? '' : nodeText(value);
  }
  return patch;
}

// Built once: zod constructs and compiles a schema on its first parse, which per call cost
// more than the check (docs/benchmarks.md, (c)).
const jsonDocument = z.json({ error: 'a JSON document' });

/**
 * Strategic merge of `patch` into `target`, as kustomize applies a strategic-merge patch (and so
 * as Flux applies the overlay): maps merge field by field, `null` removes a field, a list merges
 * element by element on the merge keys the Kubernetes OpenAPI schema gives its field (`containers`
 * and `env` by `name`, `ports` by `containerPort` and `protocol`, `volumeMounts` by `mountPath`,
 * `finalizers` as a set…), and every other list is replaced. Like kustomize, the patch's own
 * labels and annotations are read as strings: `null` there sets the value "null" (applyPatches refuses it). Patched elements come first, then the
 * target's other elements. `$patch: delete` removes a map or a list element, `$patch: replace`
 * replaces a map or a list. Kinds kustomize has no schema for (custom resources) replace every list.
 * Returns `undefined` when the patch deletes the whole object. Pure: neither input is modified.
 * @see https://kubectl.docs.kubernetes.io/references/kustomize/glossary/#patchstrategicmerge
 */
export function strategicMerge(target: unknown, patch: unknown): unknown {
  checkArguments('strategic merge patch', [
    [['target'], jsonDocument, target],
    [['patch'], jsonDocument, patch],
  ]);
  try {
    return mergeStrategic(target, patch);
  } catch (error) {
    throw new ValidationError('strategic merge patch', [
      issueWithMessage(['patch'], 'a patch that merges into the target', 'a patch', (error as Error).message),
    ]);
  }
}

/** {@link strategicMerge} on checked arguments; a patch that cannot merge throws a plain `Error`. */
export function mergeStrategic(target: unknown, patch: unknown): unknown {
  const result = walk(structuredClone(target), asKustomizeLoadsIt(structuredClone(patch)), undefined, []);
  if (result === keptNull) return null;
  return isMap(target) ? keepIdentity(result, target) : result;
}

/**
 * kustomize puts the target's kind, name and namespace back after the merge (a patch cannot
 * rename), and writes no empty `metadata.annotations` (it strips its own internal ones there).
 */
function keepIdentity(result: Node, target: Record<string, Node>): Node {
  if (!isMap(result) || Object.keys(result).length === 0) return result;
  const metadata = isMap(target.metadata) ? target.metadata : {};
  if (typeof target.kind === 'string') result.kind = target.kind;
  if (!isMap(result.metadata)) result.metadata = {};
  const out = result.metadata as Record<string, Node>;
  if (typeof metadata.name === 'string') out.name = metadata.name;
  if (typeof metadata.namespace === 'string' && metadata.namespace !== '') out.namespace = metadata.namespace;
  else delete out.namespace;
  if (isMap(out.annotations) && Object.keys(out.annotations).length === 0) delete out.annotations;
  return result;
}
