import { isMap, nodeText, pathText, type Node } from './merge-nodes.js';
import { removeMatching } from './merge-element-setter.js';

/** A strategic-merge `$patch` directive. */
export type Directive = 'merge' | 'replace' | 'delete';

const directives: readonly string[] = ['merge', 'replace', 'delete'];

/**
 * Reads the `$patch` directive of a patch node and removes it from the patch, as kyaml does
 * (`determineSmpDirective`): on a map, its `$patch` key; on a list, an element that is only
 * `{$patch: …}` (removing it drops the list's empty elements too). Throws for an unknown
 * directive and for a scalar patch.
 * @see https://github.com/kubernetes/community/blob/master/contributors/devel/sig-api-machinery/strategic-merge-patch.md
 */
export function takeDirective(patch: Node, path: readonly string[]): Directive {
  if (patch === undefined) return 'merge';
  if (Array.isArray(patch)) {
    const element = patch.find((e) => isMap(e) && Object.hasOwn(e, '$patch')) as Record<string, Node> | undefined;
    if (!element || Object.keys(element).length > 1) return 'merge';
    const value = nodeText(element.$patch);
    if (!directives.includes(value))
      throw new Error(`${pathText(path)}: unknown patch strategy '${value}' (expected merge, replace or delete)`);
    removeMatching(patch, ['$patch'], [value]);
    return value as Directive;
  }
  if (isMap(patch)) {
    if (!Object.hasOwn(patch, '$patch')) return 'merge';
    const value = nodeText(patch.$patch);
    if (!directives.includes(value))
      throw new Error(`${pathText(path)}: unknown patch strategy '${value}' (expected merge, replace or delete)`);
    delete patch.$patch;
    return value as Directive;
  }
  throw new Error(`${pathText(path)}: no strategic merge patch strategy for a scalar (${JSON.stringify(patch)})`);
}
