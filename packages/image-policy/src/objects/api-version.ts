import { issue, ValidationError, type KubeKinds, type TypedObject } from '@sugarkube/core';

/** The only image automation API Sugarkube emits (Flux 2.6+; GA). */
export const IMAGE_API_VERSION = 'image.toolkit.fluxcd.io/v1';

/** The image automation kinds. */
export type ImageKind = 'ImageRepository' | 'ImagePolicy' | 'ImageUpdateAutomation';

/** An object a builder returns: typed from the pinned Flux CRD schema, its `spec` always set. */
export type ImageObject<K extends ImageKind> = TypedObject<typeof IMAGE_API_VERSION, K> & {
  spec: NonNullable<KubeKinds[typeof IMAGE_API_VERSION][K]['spec']>;
};

/**
 * Refuses the removed `image.toolkit.fluxcd.io/v1alpha*`/`v1beta*` APIs (Flux 2.9 no longer
 * serves them) and anything else that is not `image.toolkit.fluxcd.io/v1`.
 * @throws ValidationError (from `@sugarkube/core`) at path `apiVersion`
 */
export function assertImageApiVersion(apiVersion: string, kind: string): void {
  if (apiVersion === IMAGE_API_VERSION) return;
  const removed = typeof apiVersion === 'string' && /^image\.toolkit\.fluxcd\.io\/v1(alpha|beta)\d+$/.test(apiVersion);
  const subject = typeof kind === 'string' ? `${kind} apiVersion` : 'apiVersion';
  throw new ValidationError(subject, [
    issue(
      ['apiVersion'],
      `"${IMAGE_API_VERSION}"`,
      apiVersion,
      removed ? `${String(apiVersion)} was removed from Flux` : undefined,
    ),
  ]);
}
