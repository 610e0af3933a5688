import type { KubeKinds, ObjectMeta } from './api-types.js';

/** Flattens an intersection into one object type (which also makes it assignable to index signatures). */
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** An `apiVersion` Sugarkube emits, e.g. `apps/v1` or `kustomize.toolkit.fluxcd.io/v1`. */
export type ApiVersion = keyof KubeKinds;
/** A kind of that `apiVersion`. */
export type KindOf<A extends ApiVersion> = keyof KubeKinds[A] & string;
/** Object metadata as Sugarkube emits it: always named. */
export type NamedMetadata = Simplify<ObjectMeta & { name: string }>;
/** Everything of a kind but `apiVersion`, `kind` and `metadata`: `spec`, `data`, `rules`… */
export type KindBody<A extends ApiVersion, K extends KindOf<A>> = Omit<
  KubeKinds[A][K],
  'apiVersion' | 'kind' | 'metadata'
>;

/**
 * A Kubernetes or Flux object typed from the pinned schemas (Kubernetes' OpenAPI document and
 * the CRD schemas of the components): a misspelled or misplaced field is a compile error.
 * Every one is also a plain `KubeObject`. (A YAML comment on a value, such as a Flux setter
 * marker, is added after planning, on the plain object: it is rendering, not a field.)
 */
export type TypedObject<A extends ApiVersion, K extends KindOf<A>> = Simplify<
  { apiVersion: A; kind: K; metadata: NamedMetadata } & KindBody<A, K>
>;

/**
 * Builds a typed object with the wire-order fields first:
 * `typedObject('apps/v1', 'Deployment', { name: 'web' }, { spec: … })`.
 */
export function typedObject<A extends ApiVersion, K extends KindOf<A>>(
  apiVersion: A,
  kind: K,
  metadata: NamedMetadata,
  body: KindBody<A, K>,
): TypedObject<A, K> {
  return { apiVersion, kind, metadata, ...(body as object) } as TypedObject<A, K>;
}
