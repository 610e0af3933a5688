import type { App } from '../descriptor/app.js';
import type { KubeObject } from '../plan/kube-object.js';
import { planExtraObjects, planResolved } from '../plan/plan-app.js';
import { resolveEnvironment, type ResolvedEnvironment } from '../plan/resolve-environment.js';
import { jsonDiff, jsonEqual } from './json-diff.js';

/** What an overlay holds relative to the base. */
export interface OverlayPlan {
  readonly env: ResolvedEnvironment;
  /** Objects only this environment has (routes, secrets, HPA, extra objects …). */
  readonly resources: readonly KubeObject[];
  /** Generated JSON 6902 patches of base objects. */
  readonly diffs: readonly { readonly target: KubeObject; readonly operations: ReturnType<typeof jsonDiff> }[];
  /** Base objects this environment does not have. */
  readonly deletions: readonly KubeObject[];
}

const same = (a: KubeObject, b: KubeObject) =>
  a.kind === b.kind && a.metadata.name === b.metadata.name && a.metadata.namespace === b.metadata.namespace;

/**
 * Splits an environment into what the base already has and what the overlay
 * adds. Images are compared with the base's tag: the overlay's `images:`
 * entries set the tag, so they stay the one place automation rewrites.
 */
export function planOverlay(app: App, base: readonly KubeObject[], envName: string): OverlayPlan {
  const env = resolveEnvironment(app.descriptor, envName);
  const baseEnv = resolveEnvironment(app.descriptor);
  const sameImages = { ...env, services: env.services.map((s, i) => ({ ...s, image: baseEnv.services[i]!.image })) };
  const objects = [...planResolved(sameImages), ...planExtraObjects(env)];
  const resources: KubeObject[] = [];
  const diffs: { target: KubeObject; operations: ReturnType<typeof jsonDiff> }[] = [];
  for (const object of objects) {
    const original = base.find((b) => same(b, object));
    if (!original) resources.push(object);
    else if (!jsonEqual(original, object)) diffs.push({ target: original, operations: jsonDiff(original, object) });
  }
  const deletions = base.filter((b) => !objects.some((o) => same(b, o)));
  return { env, resources, diffs, deletions };
}
