import { checkArguments, issue, ValidationError } from '@sugarkube/core';
import { platformListSchema, platformSchema } from '../options/registry-schemas.js';

/** Manifest media types a registry may serve (OCI and Docker schema 2). */
export const MEDIA_TYPES = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
} as const;

/** The `Accept` header for manifest requests: indexes first, then single-image manifests. */
export const MANIFEST_ACCEPT = [
  MEDIA_TYPES.ociIndex,
  MEDIA_TYPES.dockerList,
  MEDIA_TYPES.ociManifest,
  MEDIA_TYPES.dockerManifest,
].join(', ');

/** An OS/architecture pair, `linux/arm64/v8` style. */
export interface Platform {
  readonly os: string;
  readonly architecture: string;
  readonly variant?: string;
}

/** A descriptor in a manifest. */
export interface Descriptor {
  readonly mediaType: string;
  readonly digest: string;
  readonly size: number;
  readonly platform?: Platform;
  readonly annotations?: Readonly<Record<string, string>>;
}

/** A parsed manifest: an index (multi-platform) or a single image. */
export type Manifest =
  | { readonly kind: 'index'; readonly mediaType: string; readonly manifests: readonly Descriptor[] }
  | {
      readonly kind: 'image';
      readonly mediaType: string;
      readonly config: Descriptor;
      readonly layers: readonly Descriptor[];
    };

function descriptor(value: unknown, where: string): Descriptor {
  const d = value as Record<string, unknown> | null;
  if (!d || typeof d.digest !== 'string' || typeof d.size !== 'number')
    throw new Error(`${where}: expected a descriptor with digest and size`);
  const p = d.platform as Record<string, unknown> | undefined;
  return {
    mediaType: typeof d.mediaType === 'string' ? d.mediaType : '',
    digest: d.digest,
    size: d.size,
    ...(p && typeof p.os === 'string' && typeof p.architecture === 'string'
      ? {
          platform: {
            os: p.os,
            architecture: p.architecture,
            ...(typeof p.variant === 'string' ? { variant: p.variant } : {}),
          },
        }
      : {}),
    ...(d.annotations && typeof d.annotations === 'object'
      ? { annotations: d.annotations as Record<string, string> }
      : {}),
  };
}

/**
 * Parses a manifest body. The kind comes from the `Content-Type` (or the body's `mediaType`),
 * falling back to the shape (`manifests` → index, `config` → image), as OCI allows.
 */
export function parseManifest(body: string, contentType?: string | null): Manifest {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(body) as Record<string, unknown>;
  } catch {
    throw new Error('manifest: expected JSON');
  }
  const mediaType =
    (contentType?.split(';')[0]?.trim() || (typeof json.mediaType === 'string' ? json.mediaType : '')) ?? '';
  const isIndex =
    mediaType === MEDIA_TYPES.ociIndex ||
    mediaType === MEDIA_TYPES.dockerList ||
    (mediaType === '' && Array.isArray(json.manifests));
  if (isIndex) {
    if (!Array.isArray(json.manifests)) throw new Error('manifest: expected an index with "manifests"');
    return { kind: 'index', mediaType, manifests: json.manifests.map((m, i) => descriptor(m, `manifests[${i}]`)) };
  }
  if (mediaType !== '' && mediaType !== MEDIA_TYPES.ociManifest && mediaType !== MEDIA_TYPES.dockerManifest)
    throw new Error(`manifest: unsupported media type "${mediaType}"`);
  return {
    kind: 'image',
    mediaType,
    config: descriptor(json.config, 'config'),
    layers: Array.isArray(json.layers) ? json.layers.map((l, i) => descriptor(l, `layers[${i}]`)) : [],
  };
}

/** `os/architecture[/variant]`. */
export function formatPlatform(p: Platform): string {
  checkArguments('platform', [[[], platformSchema, p]]);
  return `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`;
}

/** Parses `linux/arm64[/v8]`. */
export function parsePlatform(text: string): Platform {
  const expected = 'a platform os/architecture[/variant] such as "linux/arm64"';
  if (typeof text !== 'string') throw new ValidationError('platform', [issue([], expected, text)]);
  const [os, architecture, variant, extra] = text.split('/');
  if (!os || !architecture || extra !== undefined) throw new ValidationError('platform', [issue([], expected, text)]);
  return { os, architecture, ...(variant ? { variant } : {}) };
}

/**
 * Whether `available` satisfies `wanted`: same os and architecture, and the same variant when
 * `wanted` names one (`linux/arm64` accepts `linux/arm64/v8`). Attestation entries
 * (`unknown/unknown`) never count.
 */
export function platformMatches(wanted: Platform, available: Platform): boolean {
  checkArguments('platforms', [
    [['wanted'], platformSchema, wanted],
    [['available'], platformSchema, available],
  ]);
  return matches(wanted, available);
}

function matches(wanted: Platform, available: Platform): boolean {
  return (
    wanted.os === available.os &&
    wanted.architecture === available.architecture &&
    (wanted.variant === undefined || wanted.variant === available.variant)
  );
}

/** The platforms an index lists, without attestation manifests. */
export function indexPlatforms(manifest: Manifest): Platform[] {
  if (manifest.kind !== 'index') return [];
  return manifest.manifests
    .filter(
      (d) =>
        d.platform &&
        d.platform.os !== 'unknown' &&
        d.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest',
    )
    .map((d) => d.platform!);
}

/** The platform of an image config blob (`os`, `architecture`, `variant`). */
export function configPlatform(body: string): Platform {
  const json = JSON.parse(body) as Record<string, unknown>;
  if (typeof json.os !== 'string' || typeof json.architecture !== 'string')
    throw new Error('image config: expected os and architecture');
  return {
    os: json.os,
    architecture: json.architecture,
    ...(typeof json.variant === 'string' ? { variant: json.variant } : {}),
  };
}

/** The wanted platforms that none of the available ones satisfies. */
export function missingPlatforms(wanted: readonly Platform[], available: readonly Platform[]): Platform[] {
  checkArguments('platforms', [
    [['wanted'], platformListSchema, wanted],
    [['available'], platformListSchema, available],
  ]);
  return wanted.filter((w) => !available.some((a) => matches(w, a)));
}
