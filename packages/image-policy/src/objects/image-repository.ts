import { dnsLabel, fluxDuration, objectName, parseOptions, strictObject, typedObject } from '@sugarkube/core';
import { z } from 'zod';
import { goRegexp, imageWithoutTag } from '../options/policy-fields.js';
import { IMAGE_API_VERSION, type ImageObject } from './api-version.js';

/** Options for {@link imageRepository}. */
export interface ImageRepositoryOptions {
  readonly name: string;
  readonly namespace: string;
  /** The image without tag, e.g. `ghcr.io/futuroptimist/token.place`. */
  readonly image: string;
  /**
   * How often Flux lists the tags.
   * @default '5m'
   */
  readonly interval?: string;
  /**
   * A `kubernetes.io/dockerconfigjson` Secret for a private registry (GHCR: a PAT with `read:packages`).
   * @default none (anonymous)
   * @see https://fluxcd.io/flux/components/image/imagerepositories/#secret-reference
   */
  readonly secretRef?: string;
  /**
   * Tag patterns Flux never stores (Go regular expressions).
   * @default ['^.*\\.sig$', '^.*\\.att$', '^.*\\.sbom$', '^sha256-'] (cosign artifacts and digest tags)
   * @see https://fluxcd.io/flux/components/image/imagerepositories/#exclusion-list
   */
  readonly exclusionList?: readonly string[];
}

/** The default exclusion list: signatures, attestations, SBOMs and `sha256-…` referrer tags. */
export const DEFAULT_EXCLUSION_LIST: readonly string[] = ['^.*\\.sig$', '^.*\\.att$', '^.*\\.sbom$', '^sha256-'];

/** The schema {@link imageRepository} checks its options with. */
export const imageRepositoryOptionsSchema: z.ZodType<ImageRepositoryOptions> = strictObject({
  name: objectName,
  namespace: dnsLabel,
  image: imageWithoutTag,
  interval: fluxDuration.optional(),
  secretRef: objectName.optional(),
  exclusionList: z.array(goRegexp, { error: 'a list of Go regular expressions' }).optional(),
});

/** The object {@link imageRepository} returns. */
export type ImageRepositoryObject = ImageObject<'ImageRepository'>;

/**
 * A Flux ImageRepository (`image.toolkit.fluxcd.io/v1`): which image's tags to scan.
 * @throws ValidationError (from `@sugarkube/core`) listing every problem of the options
 */
export function imageRepository(options: ImageRepositoryOptions): ImageRepositoryObject {
  const o = parseOptions('ImageRepository options', imageRepositoryOptionsSchema, options);
  const exclusionList = o.exclusionList ?? DEFAULT_EXCLUSION_LIST;
  const spec: ImageObject<'ImageRepository'>['spec'] = {
    image: o.image,
    interval: o.interval ?? '5m',
    ...(o.secretRef === undefined ? {} : { secretRef: { name: o.secretRef } }),
    exclusionList: [...exclusionList],
  };
  return {
    ...typedObject(IMAGE_API_VERSION, 'ImageRepository', { name: o.name, namespace: o.namespace }, { spec }),
    spec,
  };
}
