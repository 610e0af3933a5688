import { checkArguments } from '@sugarkube/core';
import { parseImageReference } from '../oci/image-reference.js';
import { imageReferenceText } from '../options/policy-fields.js';
import { platformListSchema, registryClientOptionsSchema } from '../options/registry-schemas.js';
import { formatPlatform, missingPlatforms, type Platform } from '../oci/manifest.js';
import { RegistryClient, type RegistryClientOptions } from './registry-client.js';

/** The answer of {@link checkImagePlatforms}. */
export interface PlatformCheck {
  readonly reference: string;
  readonly digest: string;
  /** `index` for a multi-platform image, `image` for a single-platform one. */
  readonly kind: 'index' | 'image';
  readonly available: readonly Platform[];
  readonly missing: readonly Platform[];
}

/**
 * The arm64 guard: fetches `reference` (`registry/repo:tag` or `@digest`) and reports which of
 * `wanted` it does not provide. A single-platform image provides only its config's platform.
 */
export async function checkImagePlatforms(
  reference: string,
  wanted: readonly Platform[],
  options: RegistryClientOptions = {},
): Promise<PlatformCheck> {
  checkArguments('platform check', [
    [['reference'], imageReferenceText, reference],
    [['wanted'], platformListSchema, wanted],
    [['options'], registryClientOptionsSchema, options],
  ]);
  const ref = parseImageReference(reference);
  const client = new RegistryClient(ref.registry, options);
  const target = ref.digest ?? ref.tag ?? 'latest';
  const { digest, kind, platforms } = await client.platforms(ref.repository, target);
  return { reference, digest, kind, available: platforms, missing: missingPlatforms(wanted, platforms) };
}

/** One line per platform, for messages. */
export function describePlatforms(platforms: readonly Platform[]): string {
  checkArguments('platforms', [[['platforms'], platformListSchema, platforms]]);
  return platforms.length === 0 ? 'none' : platforms.map(formatPlatform).join(', ');
}
