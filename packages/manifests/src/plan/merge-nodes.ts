/**
 * The node model of kustomize's strategic merge (kyaml), on plain JSON: `undefined` is a
 * missing node, `null` a node tagged null. kyaml compares scalars by their YAML text.
 */
export type Node = unknown;

export const isMap = (node: Node): node is Record<string, Node> =>
  node !== null && typeof node === 'object' && !Array.isArray(node);

/** kyaml's IsMissingOrNull. */
export const isMissingOrNull = (node: Node): node is null | undefined => node === undefined || node === null;

/** kyaml's IsEmptyMap: missing, null, or a map with no fields. */
export const isEmptyMap = (node: Node) => isMissingOrNull(node) || (isMap(node) && Object.keys(node).length === 0);

/** The text of a node as yaml.Node.Value holds it: a scalar's text, '' for maps and lists. */
export function nodeText(node: Node): string {
  if (node === null) return 'null';
  if (typeof node === 'string') return node;
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  return '';
}

/** kyaml's value of a merge key in an element (ElementValuesList): '' when missing, null or empty. */
export function keyValue(element: Node, key: string): string {
  if (!isMap(element) || !Object.hasOwn(element, key)) return '';
  const value = element[key];
  if (
    value === null ||
    (Array.isArray(value) && value.length === 0) ||
    (isMap(value) && Object.keys(value).length === 0)
  )
    return '';
  return nodeText(value);
}

/** What a plain YAML scalar written with this text reads back as (kyaml writes merge keys it restores that way). */
export function plainScalar(text: string): Node {
  if (/^-?(0|[1-9]\d*)$/.test(text)) return Number(text);
  if (/^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?$/.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  if (text === 'null' || text === '~' || text === '') return null;
  return text;
}

/** A path for error messages: `spec.template.spec.containers`. */
export const pathText = (path: readonly string[]) => (path.length ? path.join('.') : '(the object)');

const kindName = (node: Node) =>
  isMap(node) ? 'a map' : Array.isArray(node) ? 'a list' : `a scalar (${JSON.stringify(node)})`;

/** kyaml's "wrong node kind" error, with the path. */
export function wrongKind(path: readonly string[], expected: Node, received: Node): Error {
  return new Error(
    `${pathText(path)}: expected ${kindName(expected).replace(/ \(.*/, '')} as in the target, received ${kindName(received)}`,
  );
}
