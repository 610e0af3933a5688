import { isEmptyMap, isMap, isMissingOrNull, nodeText, type Node } from './merge-nodes.js';

/** kyaml's FieldMatcher on one element: whether it has `key` (with this text, unless the text is ''). */
function matchesField(element: Node, key: string, text: string): boolean {
  if (isMissingOrNull(element)) return false;
  if (key === '') {
    if (isMap(element) || Array.isArray(element))
      throw new Error('a list merged as a set of scalars holds a map or a list');
    return nodeText(element) === text;
  }
  if (!isMap(element)) throw new Error(`a list merged by ${key} holds a scalar (${JSON.stringify(element)})`);
  return Object.hasOwn(element, key) && (text === '' || nodeText(element[key]) === text);
}

/**
 * kyaml's ElementSetter, in place: replaces the elements matching every key's text with
 * `element` (appending it when none matches), or removes them when `element` is undefined.
 * Like kyaml it drops null and empty-map elements on the way, and, with no values, every
 * element that does not match.
 */
export function setElement(list: Node[], keys: readonly string[], values: readonly string[], element?: Node): void {
  const names = keys.length ? keys : [''];
  const mappingSetter = names[0] !== '' && values.length > 0 && values[0] !== '';
  const kept: Node[] = [];
  let found = false;
  for (const existing of list) {
    if (isEmptyMap(existing)) continue;
    if (!isMap(existing) && mappingSetter) {
      kept.push(existing);
      continue;
    }
    let matches = true;
    for (let j = 0; j < names.length; j++) {
      if (j >= values.length) {
        if (values.length === 0) matches = false;
        if (!matches) break;
        continue;
      }
      if (!matchesField(existing, names[j]!, values[j]!)) {
        matches = false;
        break;
      }
    }
    if (!matches) {
      if (values.length > 0) kept.push(existing);
      continue;
    }
    found = true;
    if (element !== undefined) kept.push(element);
  }
  list.splice(0, list.length, ...kept);
  if (isMissingOrNull(element)) return;
  if (!found) list.push(element);
}

/** Removes the elements matching every key's text (kyaml's ElementSetter with no element). */
export function removeMatching(list: Node[], keys: readonly string[], values: readonly string[]): void {
  setElement(list, keys, values, undefined);
}
