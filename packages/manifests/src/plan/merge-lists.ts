import { takeDirective } from './merge-directive.js';
import { removeMatching, setElement } from './merge-element-setter.js';
import { isEmptyMap, isMap, isMissingOrNull, keyValue, nodeText, plainScalar, type Node } from './merge-nodes.js';
import { schemaOfElements, type PatchSchema } from './patch-schema.js';

/** Merges two nodes (the walk of strategic-merge.ts, passed in to keep the modules acyclic). */
export type Walk = (dest: Node, origin: Node, schema: PatchSchema | undefined, path: readonly string[]) => Node;

/** The first map element whose merge keys have exactly these texts (kyaml's ElementList). */
function findElement(list: Node, keys: readonly string[], values: readonly string[]): Node {
  if (!Array.isArray(list)) return undefined;
  if (keys.length === 0 || keys[0] === '')
    return list.find((e) => !isMap(e) && !Array.isArray(e) && nodeText(e) === values[0]);
  return list.find((e) => isMap(e) && keys.every((k, i) => Object.hasOwn(e, k) && nodeText(e[k]) === values[i]));
}

/** kyaml's validateKeys: the keys some element has a value for (all keys when none has). */
function validKeys(
  valuesList: readonly string[][],
  values: readonly string[],
  keys: readonly string[],
): [string[], string[]] {
  const valid = new Set<string>();
  for (const list of valuesList) list.forEach((v, i) => v !== '' && valid.add(keys[i]!));
  if (valid.size === 0) return [[...keys], [...values]];
  return [keys.filter((k) => valid.has(k)), values.filter((v, i) => v !== '' || valid.has(keys[i]!))];
}

/** kyaml's mergeValues: key tuples that agree except where one is empty are the same element. */
function unify(valuesList: string[][]): void {
  for (let i = 0; i < valuesList.length; i++) {
    for (let j = 0; j < valuesList.length; j++) {
      const a = valuesList[i]!;
      const b = valuesList[j]!;
      if (a.length !== b.length) continue;
      let common = false;
      let conflict = false;
      const merged = a.map((v, k) => {
        if (v === b[k]) return ((common = true), v);
        if (v !== '' && b[k] !== '') conflict = true;
        return v !== '' ? v : b[k]!;
      });
      if (common && !conflict) {
        valuesList[i] = merged;
        valuesList[j] = merged;
      }
    }
  }
}

/** Puts the target's elements back over the merged ones (kyaml's appendListNode, "prepend" mode). */
function appendTarget(items: Node[], target: Node, keys: readonly string[]): Node[] {
  for (const element of Array.isArray(target) ? target : []) {
    if (keys[0] === '') {
      setElement(items, [''], [nodeText(element)], element);
      continue;
    }
    const values: string[] = [];
    for (const key of keys) {
      if (!isMap(element)) throw new Error(`a list merged by ${key} holds a scalar (${JSON.stringify(element)})`);
      if (!Object.hasOwn(element, key)) items.push(element);
      else values.push(nodeText(element[key]));
    }
    if (keys.length > 1) removeMatching(items, keys, values);
    setElement(items, keys, values, element);
  }
  return items;
}

/**
 * A list whose field merges by key, as kustomize does it (kyaml's walkAssociativeSequence with
 * ListIncreaseDirection prepend): the patch's elements come first in the patch's order, merged
 * with the target's element of the same keys; then the target's other elements. An element
 * `{$patch: delete}` (with its keys) removes one; `null` for an element's body removes it too.
 */
export function mergeKeyedList(
  dest: Node,
  origin: Node,
  schema: PatchSchema,
  path: readonly string[],
  walk: Walk,
): Node {
  let target: Node;
  if (isMissingOrNull(dest)) target = origin;
  else if (origin === null) return undefined;
  else {
    const directive = takeDirective(origin, path);
    if (directive === 'delete') return undefined;
    target = directive === 'replace' ? origin : dest;
  }
  if (target === undefined) return undefined;
  const sources = [origin, target];
  const keys = schema.keys ?? [];
  const valuesList: string[][] = [];
  const seen = new Set<string>();
  const remember = (values: string[]) => {
    const id = JSON.stringify(values);
    if (values.length === 0 || seen.has(id)) return;
    seen.add(id);
    valuesList.push(values);
  };
  for (const source of sources)
    if (Array.isArray(source)) for (const element of source) remember(keys.map((k) => keyValue(element, k)));
  if (valuesList.length === 0 && keys.length === 0) {
    for (const source of sources)
      if (Array.isArray(source)) for (const element of source) remember([nodeText(element)]);
    return mergeElements(valuesList, [''], target, origin, schema, path, walk);
  }
  return mergeElements(valuesList, keys, target, origin, schema, path, walk);
}

function mergeElements(
  valuesList: string[][],
  keys: readonly string[],
  target: Node,
  origin: Node,
  schema: PatchSchema,
  path: readonly string[],
  walk: Walk,
): Node {
  const items: Node[] = [];
  const elementSchema = schemaOfElements(schema);
  if (keys.length > 1) unify(valuesList);
  let lastKeys: string[] = [];
  for (const values of valuesList) {
    if (values.length === 0) continue;
    const [validKeyList, validValues] = validKeys(valuesList, values, keys);
    lastKeys = validKeyList;
    const [findKeys, findValues] = validKeys([validValues], validValues, validKeyList);
    const at = [...path, `[${validKeyList.map((k, i) => (k ? `${k}=${validValues[i]}` : validValues[i])).join(',')}]`];
    const merged = walk(
      findElement(target, findKeys, findValues),
      findElement(origin, findKeys, findValues),
      elementSchema,
      at,
    );
    let removed = false;
    validKeyList.forEach((key, i) => {
      if (isMissingOrNull(merged) || isEmptyMap(merged)) {
        if (Array.isArray(target)) removeMatching(target, validKeyList, validValues);
        removed = true;
      } else if (key !== '' && isMap(merged) && !Object.hasOwn(merged, key) && validValues[i] !== '') {
        merged[key] = plainScalar(validValues[i]!); // in place: it may be the target's element, which appendTarget puts back
      }
    });
    if (removed) continue;
    setElement(items, validKeyList, validValues, merged);
  }
  const result = valuesList.length > 0 ? appendTarget(items, target, lastKeys) : target;
  return isMissingOrNull(result) ? undefined : result;
}
