/** The only image automation API Sugarkube emits (Flux 2.6+; GA). */
export const IMAGE_API_VERSION = 'image.toolkit.fluxcd.io/v1';

/** The image automation kinds. */
export type ImageKind = 'ImageRepository' | 'ImagePolicy' | 'ImageUpdateAutomation';

/**
 * Refuses the removed `image.toolkit.fluxcd.io/v1alpha*`/`v1beta*` APIs (Flux 2.9 no longer
 * serves them) and anything else that is not `image.toolkit.fluxcd.io/v1`.
 */
export function assertImageApiVersion(apiVersion: string, kind: string): void {
  if (apiVersion === IMAGE_API_VERSION) return;
  const removed = /^image\.toolkit\.fluxcd\.io\/v1(alpha|beta)\d+$/.test(apiVersion);
  throw new Error(
    removed
      ? `${kind}: ${apiVersion} was removed from Flux; emit ${IMAGE_API_VERSION}`
      : `${kind}: expected apiVersion ${IMAGE_API_VERSION}, received ${JSON.stringify(apiVersion)}`,
  );
}
