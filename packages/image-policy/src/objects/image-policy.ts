import {
  branchName,
  dnsLabel,
  fluxDuration,
  issue,
  objectName,
  parseOptions,
  sortableTagPattern,
  strictObject,
  typedObject,
  type Issue,
} from '@sugarkube/core';
import { z } from 'zod';
import { goRegexp, semverRange } from '../options/policy-fields.js';
import type { PolicyChoice, TagFilter } from '../select-tag.js';
import { IMAGE_API_VERSION, type ImageObject } from './api-version.js';

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

const order = z.enum(['asc', 'desc']).optional();
const policyMembers = ['semver', 'numerical', 'alphabetical'] as const;

/** The schema {@link imagePolicy} checks its options with (exactly one policy member is a cross-field check). */
export const imagePolicyOptionsSchema = strictObject({
  name: objectName,
  namespace: dnsLabel,
  imageRepositoryRef: strictObject({ name: objectName, namespace: dnsLabel.optional() }),
  policy: strictObject({
    semver: strictObject({ range: semverRange }).optional(),
    numerical: strictObject({ order }).optional(),
    alphabetical: strictObject({ order }).optional(),
  }),
  filterTags: strictObject({ pattern: goRegexp.optional(), extract: z.string().optional() }).optional(),
  digestReflectionPolicy: z.enum(['Never', 'IfNotPresent', 'Always']).optional(),
  interval: fluxDuration.optional(),
});

/** Checks across fields, on the raw options (they run even when a field fails its schema). */
function policyCrossChecks(input: unknown): Issue[] {
  const o = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const out: Issue[] = [];
  const policy = o['policy'];
  if (typeof policy === 'object' && policy !== null && !Array.isArray(policy)) {
    const set = policyMembers.filter((k) => (policy as Record<string, unknown>)[k] !== undefined);
    if (set.length !== 1)
      out.push(
        issue(['policy'], `exactly one of ${policyMembers.join(', ')}`, set.length === 0 ? 'none' : set.join(' and ')),
      );
  }
  if (o['digestReflectionPolicy'] === 'Always' && o['interval'] === undefined)
    out.push(
      issue(['interval'], 'an interval when digestReflectionPolicy is Always (Flux stalls otherwise)', undefined),
    );
  return out;
}

/** The object {@link imagePolicy} returns. */
export type ImagePolicyObject = ImageObject<'ImagePolicy'>;

/**
 * A Flux ImagePolicy (`image.toolkit.fluxcd.io/v1`): how to pick the latest tag.
 * @throws ValidationError (from `@sugarkube/core`) listing every problem of the options
 */
export function imagePolicy(options: ImagePolicyOptions): ImagePolicyObject {
  const o = parseOptions('ImagePolicy options', imagePolicyOptionsSchema, options, [policyCrossChecks]);
  const ref = o.imageRepositoryRef;
  const filter = o.filterTags;
  const spec: ImageObject<'ImagePolicy'>['spec'] = {
    imageRepositoryRef: { name: ref.name, ...(ref.namespace === undefined ? {} : { namespace: ref.namespace }) },
    ...(filter === undefined
      ? {}
      : {
          filterTags: {
            ...(filter.pattern === undefined ? {} : { pattern: filter.pattern }),
            ...(filter.extract ? { extract: filter.extract } : {}),
          },
        }),
    policy: o.policy,
    ...(o.digestReflectionPolicy === undefined ? {} : { digestReflectionPolicy: o.digestReflectionPolicy }),
    ...(o.interval === undefined ? {} : { interval: o.interval }),
  };
  return { ...typedObject(IMAGE_API_VERSION, 'ImagePolicy', { name: o.name, namespace: o.namespace }, { spec }), spec };
}

/**
 * The staging default: follow the newest default-branch build, whose tags are
 * `<branch>-<unix-ts>-<sha7>` (Flux cannot order `main-<sha>`), numerically on the timestamp.
 */
export function followBranchBuilds(branch = 'main'): { readonly policy: PolicyChoice; readonly filterTags: TagFilter } {
  parseOptions('followBranchBuilds branch', branchName, branch);
  // The one tag scheme: the workflow publishes these tags (branch made tag-safe as metadata-action does).
  return {
    policy: { numerical: { order: 'asc' } },
    filterTags: { pattern: sortableTagPattern(branch), extract: '$ts' },
  };
}

/**
 * The prod default: release tags `vX.Y.Z` within a semver range, with the digest reflected so
 * the promotion pull request can pin `tag@digest`.
 */
export function followReleases(range = '>=0.0.0'): {
  readonly policy: PolicyChoice;
  readonly filterTags: TagFilter;
  readonly digestReflectionPolicy: 'IfNotPresent';
} {
  parseOptions('followReleases range', semverRange, range);
  return {
    policy: { semver: { range } },
    filterTags: { pattern: '^v[0-9]+\\.[0-9]+\\.[0-9]+$' },
    digestReflectionPolicy: 'IfNotPresent',
  };
}
