import { issueWithMessage, ValidationError } from '@sugarkube/core';
import type { PatchDescriptor } from '../descriptor/app-schema.js';
import { applyOperations } from './json-patch.js';
import type { KubeObject } from './kube-object.js';
import { mergeStrategic } from './strategic-merge.js';

export { applyJson6902 } from './json-patch.js';
export { strategicMerge } from './strategic-merge.js';

/**
 * A patch that cannot apply (missing target or path): a `ValidationError` (from
 * `@sugarkube/core`) with one issue at `[index]` of the patch list.
 */
export class PatchError extends ValidationError {
  constructor(
    readonly index: number,
    text: string,
  ) {
    super('patches', [issueWithMessage([index], 'a patch that applies', 'a patch', text)]);
  }
}

/**
 * The patch as the overlay writes it: the target's apiVersion, kind, name and namespace win
 * over the patch's (kustomize, too, never lets a strategic-merge patch rename its target).
 */
function pinnedToTarget(patch: Record<string, unknown>, target: KubeObject): Record<string, unknown> {
  const metadata =
    patch.metadata !== null && typeof patch.metadata === 'object' && !Array.isArray(patch.metadata)
      ? patch.metadata
      : {};
  return {
    ...patch,
    apiVersion: target.apiVersion,
    kind: target.kind,
    metadata: {
      ...metadata,
      name: target.metadata.name,
      ...(target.metadata.namespace ? { namespace: target.metadata.namespace } : {}),
    },
  };
}

/** kustomize reads a patch's own labels and annotations as strings: `null` would set "null", not remove. */
function refuseNullLabels(patch: Record<string, unknown>): void {
  const metadata = patch.metadata;
  if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) return;
  for (const field of ['labels', 'annotations'] as const) {
    const values = (metadata as Record<string, unknown>)[field];
    if (values === null || typeof values !== 'object' || Array.isArray(values)) continue;
    for (const [key, value] of Object.entries(values)) {
      if (value !== null) continue;
      const pointer = `/metadata/${field}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      throw new Error(
        `strategicMerge.metadata.${field}[${JSON.stringify(key)}]: null does not remove it (kustomize reads the patch's ${field} as strings and sets "null"); ` +
          `remove it with a json6902 patch instead: [{op: remove, path: ${pointer}}]`,
      );
    }
  }
}

/**
 * Applies an environment's patches in order; each must name a planned object. A strategic-merge
 * patch `$patch: delete` removes its target, as kustomize does.
 */
export function applyPatches(objects: readonly KubeObject[], patches: readonly PatchDescriptor[]): KubeObject[] {
  const out = [...objects];
  patches.forEach((patch, index) => {
    const at = out.findIndex((o) => o.kind === patch.target.kind && o.metadata.name === patch.target.name);
    if (at < 0) {
      const known = out.map((o) => `${o.kind}/${o.metadata.name}`).join(', ');
      throw new PatchError(
        index,
        `target ${patch.target.kind}/${patch.target.name} is not planned; planned objects: ${known}`,
      );
    }
    try {
      let next: unknown = out[at];
      if (patch.json6902) next = applyOperations(next, patch.json6902);
      if (patch.strategicMerge) {
        refuseNullLabels(patch.strategicMerge);
        next = mergeStrategic(next, pinnedToTarget(patch.strategicMerge, out[at]!));
      }
      if (next === undefined || next === null) out.splice(at, 1);
      else out[at] = next as KubeObject;
    } catch (error) {
      throw new PatchError(index, (error as Error).message);
    }
  });
  return out;
}
