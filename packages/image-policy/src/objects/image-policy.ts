import { sortableTagPattern } from '@sugarkube/core/tags';
import type { PolicyChoice, TagFilter } from '../select-tag.js';
import { IMAGE_API_VERSION } from './api-version.js';
import { Issues } from './validation.js';

/** Options for {@link imagePolicy}. */
export interface ImagePolicyOptions {
  readonly name: string;
  readonly namespace: string;
  /** The ImageRepository to read tags from (same namespace unless given). */
  readonly imageRepositoryRef: { readonly name: string; readonly namespace?: string };
  readonly policy: PolicyChoice;
  /**
   * Tag filter and extraction.
   * @default none (every tag is a candidate)
   */
  readonly filterTags?: TagFilter;
  /**
   * Also resolve the selected tag's digest into `status.latestRef.digest` (Flux 2.6+), so
   * `…:digest` setters pin it. `Always` re-resolves every `interval` (needed for mutable tags).
   * @default none (Flux: Never)
   * @see https://fluxcd.io/flux/components/image/imagepolicies/#digest-reflection-policy
   */
  readonly digestReflectionPolicy?: 'Never' | 'IfNotPresent' | 'Always';
  /**
   * Required by Flux when `digestReflectionPolicy` is `Always`.
   * @default none
   */
  readonly interval?: string;
}

/** A Flux ImagePolicy (`image.toolkit.fluxcd.io/v1`): how to pick the latest tag. */
export function imagePolicy(options: ImagePolicyOptions) {
  const issues = new Issues();
  issues.name('name', options.name);
  issues.name('namespace', options.namespace);
  issues.name('imageRepositoryRef.name', options.imageRepositoryRef.name);
  const p = options.policy;
  const members = (['semver', 'numerical', 'alphabetical'] as const).filter((k) => k in p);
  if (members.length !== 1) issues.add('policy', 'exactly one of semver, numerical, alphabetical', Object.keys(p));
  if ('semver' in p) issues.semverRange('policy.semver.range', p.semver.range);
  for (const kind of ['numerical', 'alphabetical'] as const) {
    if (kind in p) {
      const order = (p as Record<string, { order?: string }>)[kind]!.order;
      if (order !== undefined && order !== 'asc' && order !== 'desc') issues.add(`policy.${kind}.order`, 'asc or desc', order);
    }
  }
  if (options.filterTags?.pattern !== undefined) issues.pattern('filterTags.pattern', options.filterTags.pattern);
  if (options.interval !== undefined) issues.duration('interval', options.interval);
  if (options.digestReflectionPolicy === 'Always' && options.interval === undefined) {
    issues.add('interval', 'an interval when digestReflectionPolicy is Always (Flux stalls otherwise)', undefined);
  }
  issues.done();
  const ref = options.imageRepositoryRef;
  return {
    apiVersion: IMAGE_API_VERSION,
    kind: 'ImagePolicy' as const,
    metadata: { name: options.name, namespace: options.namespace },
    spec: {
      imageRepositoryRef: { name: ref.name, ...(ref.namespace === undefined ? {} : { namespace: ref.namespace }) },
      ...(options.filterTags === undefined
        ? {}
        : { filterTags: { ...(options.filterTags.pattern === undefined ? {} : { pattern: options.filterTags.pattern }), ...(options.filterTags.extract ? { extract: options.filterTags.extract } : {}) } }),
      policy: p,
      ...(options.digestReflectionPolicy === undefined ? {} : { digestReflectionPolicy: options.digestReflectionPolicy }),
      ...(options.interval === undefined ? {} : { interval: options.interval }),
    },
  };
}

/** The object {@link imagePolicy} returns. */
export type ImagePolicyObject = ReturnType<typeof imagePolicy>;

/**
 * The staging default: follow the newest default-branch build, whose tags are
 * `<branch>-<unix-ts>-<sha7>` (Flux cannot order `main-<sha>`), numerically on the timestamp.
 */
export function followBranchBuilds(branch = 'main'): { readonly policy: PolicyChoice; readonly filterTags: TagFilter } {
  // The one tag scheme: the workflow publishes these tags (branch made tag-safe as metadata-action does).
  return { policy: { numerical: { order: 'asc' } }, filterTags: { pattern: sortableTagPattern(branch), extract: '$ts' } };
}

/**
 * The prod default: release tags `vX.Y.Z` within a semver range, with the digest reflected so
 * the promotion pull request can pin `tag@digest`.
 */
export function followReleases(range = '>=0.0.0'): { readonly policy: PolicyChoice; readonly filterTags: TagFilter; readonly digestReflectionPolicy: 'IfNotPresent' } {
  return { policy: { semver: { range } }, filterTags: { pattern: '^v[0-9]+\\.[0-9]+\\.[0-9]+$' }, digestReflectionPolicy: 'IfNotPresent' };
}
