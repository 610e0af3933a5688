import { parseImageReference } from '../oci/image-reference.js';
import { IMAGE_API_VERSION } from './api-version.js';
import { Issues } from './validation.js';

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

/** A Flux ImageRepository (`image.toolkit.fluxcd.io/v1`): which image's tags to scan. */
export function imageRepository(options: ImageRepositoryOptions) {
  const issues = new Issues();
  issues.name('name', options.name);
  issues.name('namespace', options.namespace);
  try {
    const ref = parseImageReference(options.image);
    if (ref.tag !== undefined || ref.digest !== undefined) issues.add('image', 'an image without tag or digest (the policy picks the tag), e.g. ghcr.io/owner/app', options.image);
  } catch {
    issues.add('image', 'an image reference without tag or digest, e.g. ghcr.io/owner/app', options.image);
  }
  const interval = options.interval ?? '5m';
  issues.duration('interval', interval);
  if (options.secretRef !== undefined) issues.name('secretRef', options.secretRef);
  const exclusionList = options.exclusionList ?? DEFAULT_EXCLUSION_LIST;
  exclusionList.forEach((p, i) => issues.pattern(`exclusionList[${i}]`, p));
  issues.done();
  return {
    apiVersion: IMAGE_API_VERSION,
    kind: 'ImageRepository' as const,
    metadata: { name: options.name, namespace: options.namespace },
    spec: {
      image: options.image,
      interval,
      ...(options.secretRef === undefined ? {} : { secretRef: { name: options.secretRef } }),
      exclusionList: [...exclusionList],
    },
  };
}

/** The object {@link imageRepository} returns. */
export type ImageRepositoryObject = ReturnType<typeof imageRepository>;
