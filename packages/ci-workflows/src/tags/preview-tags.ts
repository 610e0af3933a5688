import { inputList } from './input-list.js';
import {
  defaultTagRules,
  parseFlavor,
  parseImages,
  parseTagRule,
  sortTagRules,
  type Flavor,
  type ImageInput,
  type TagRule,
} from './metadata-inputs.js';
import { AttributeError, TagPreviewError, type TagPreviewProblem } from './tag-preview-error.js';
import { sanitizeTag, TagEvaluation, type TagVersion } from './tag-evaluation.js';

/**
 * One event and the docker/metadata-action inputs exactly as the workflow passes them.
 * `ref` and `sha` are those of metadata-action's context: for `pull_request_target` it
 * uses `refs/pull/<number>/merge`, and with `DOCKER_METADATA_PR_HEAD_SHA=true` the pull
 * request's head SHA.
 */
export interface PreviewTagsInput {
  /** `github.event_name`: `push`, `pull_request`, `schedule`, `workflow_dispatch`, … */
  readonly eventName: string;
  /** `github.ref`: `refs/heads/main`, `refs/tags/v1.2.3`, `refs/pull/15/merge`. */
  readonly ref: string;
  /** The full commit SHA. */
  readonly sha: string;
  /** The repository's default branch (`type=edge`, `{{is_default_branch}}`). */
  readonly defaultBranch: string;
  /** When the workflow runs (`{{date}}`): a Date, an ISO string, or Unix seconds. */
  readonly timestamp: Date | string | number;
  /**
   * The commit time (`{{commit_date}}`).
   * @default - none: a template using `{{commit_date}}` is refused
   */
  readonly commitTimestamp?: Date | string | number;
  /**
   * `{{base_ref}}` on a tag or pull request: the event payload's `base_ref` (tag push) or
   * `pull_request.base.ref`; `''` when the payload has none.
   * @default - none: a template using `{{base_ref}}` on a tag or pull request is refused
   */
  readonly baseRef?: string;
  /**
   * The `images` input: the multi-line string the workflow passes, or the entries
   * metadata-action's list parsing makes of it (see `tags`).
   */
  readonly images: ActionList;
  /**
   * The `tags` input: the multi-line string the workflow passes (parsed as the action
   * parses list inputs), or already-split entries (metadata-action's `Inputs.tags`).
   * @default - metadata-action's defaults (schedule, ref branch/tag/pr)
   */
  readonly tags?: ActionList;
  /**
   * The `flavor` input, as `tags`.
   * @default 'latest=auto'
   */
  readonly flavor?: ActionList;
  /**
   * Length of `{{sha}}` and the `type=sha` short form (`DOCKER_METADATA_SHORT_SHA_LENGTH`).
   * @default 7
   */
  readonly shortShaLength?: number;
}

export type { TagVersion };

/** A list input: the workflow's multi-line string, or its entries after the action's list parsing. */
export type ActionList = string | readonly string[];

const entries = (list: ActionList | undefined): string[] =>
  typeof list === 'string' || list === undefined ? inputList(list) : [...list];

export interface TagPreview {
  readonly version: TagVersion;
  /** Full image references (`ghcr.io/owner/app:tag`), as metadata-action's `tags` output. */
  readonly tags: readonly string[];
  /** What metadata-action would log as warnings (e.g. a tag that is not semver). */
  readonly warnings: readonly string[];
}

function toDate(value: Date | string | number): Date {
  const date = value instanceof Date ? value : typeof value === 'number' ? new Date(value * 1000) : new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new Error(`expected a Date, an ISO string or Unix seconds, received ${JSON.stringify(String(value))}`);
  return date;
}

/**
 * Computes what docker/metadata-action v6.0.0 outputs for this event: the version (main,
 * partial, latest), the full image references and its warnings, by running its
 * `src/meta.ts` logic on the libraries it uses (handlebars, semver, @renovate/pep440,
 * moment-timezone, csv-parse). Throws a `TagPreviewError` listing every problem: an
 * input or template the action would fail on, or anything the preview cannot know.
 * @see https://github.com/docker/metadata-action/blob/master/src/meta.ts
 */
export function previewMetadata(input: PreviewTagsInput): TagPreview {
  const problems: TagPreviewProblem[] = [];
  /** Problems of `tags` entries, by entry index: reported in input order. */
  const ruleProblems: (TagPreviewProblem & { readonly index: number })[] = [];
  const collect = <T>(path: string, fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (e) {
      problems.push({ path, message: (e as Error).message });
      return undefined;
    }
  };
  const images = collect('images', () => parseImages(entries(input.images))) ?? [];
  const tagEntries = collect('tags', () => entries(input.tags)) ?? [];
  const rules: TagRule[] = [];
  (tagEntries.length > 0 ? tagEntries : [...defaultTagRules]).forEach((entry, index) => {
    try {
      rules.push(parseTagRule(entry, index));
    } catch (e) {
      ruleProblems.push({ index, path: `tags[${index}] ${JSON.stringify(entry)}`, message: (e as Error).message });
    }
  });
  const flavor = collect('flavor', () => parseFlavor(entries(input.flavor)));
  const date = collect('timestamp', () => toDate(input.timestamp));
  const commitDate =
    input.commitTimestamp === undefined ? undefined : collect('commitTimestamp', () => toDate(input.commitTimestamp!));
  const shortShaLength = input.shortShaLength ?? 7;
  if (!Number.isInteger(shortShaLength) || shortShaLength < 1) {
    problems.push({
      path: 'shortShaLength',
      message: `expected a positive integer, received ${JSON.stringify(input.shortShaLength)}`,
    });
  }
  // In input order: images, then tags entry by entry, then the rest.
  const fail = () => {
    const [imageProblems, rest] = [
      problems.filter((p) => p.path === 'images'),
      problems.filter((p) => p.path !== 'images'),
    ];
    const tagProblems = ruleProblems.sort((a, b) => a.index - b.index).map(({ path, message }) => ({ path, message }));
    return new TagPreviewError([...imageProblems, ...tagProblems, ...rest]);
  };
  if (!flavor || !date) throw fail();

  const evaluation = new TagEvaluation(
    {
      eventName: input.eventName,
      ref: input.ref,
      fullSha: input.sha,
      shortSha: shortShaLength >= input.sha.length ? input.sha : input.sha.slice(0, shortShaLength),
      defaultBranch: input.defaultBranch,
      baseRef: input.baseRef,
      date,
      commitDate,
    },
    flavor,
  );
  // Every rule is evaluated, so one run reports every problem (the action stops at the first).
  for (const rule of sortTagRules(rules)) {
    try {
      evaluation.apply(rule);
    } catch (e) {
      if (!(e instanceof AttributeError)) throw e;
      const path = `tags[${rule.index}] ${JSON.stringify(rule.source)}`;
      ruleProblems.push({
        index: rule.index,
        path: e.attribute.startsWith('flavor ') ? `flavor, applied to ${path}` : path,
        message: e.message,
      });
    }
  }
  if (problems.length > 0 || ruleProblems.length > 0) throw fail();

  const version = evaluation.version();
  return { version, tags: imageReferences(version, images, flavor), warnings: evaluation.warnings };
}

/** metadata-action's `getTags`: every enabled image (lower-cased) × main, partials and latest. */
function imageReferences(version: TagVersion, images: readonly ImageInput[], flavor: Flavor): string[] {
  if (version.main === undefined) return [];
  const names = images.filter((image) => image.enable).map((image) => image.name.toLowerCase());
  const tags: string[] = [];
  for (const name of names.length > 0 ? names : ['']) {
    const prefix = name === '' ? '' : `${name}:`;
    tags.push(`${prefix}${version.main}`, ...version.partial.map((p) => `${prefix}${p}`));
    if (version.latest)
      tags.push(
        `${prefix}${sanitizeTag(`${flavor.prefixLatest ? flavor.prefix : ''}latest${flavor.suffixLatest ? flavor.suffix : ''}`)}`,
      );
  }
  return tags;
}

/** The full image references a push publishes (metadata-action's `tags` output). */
export function previewTags(input: PreviewTagsInput): string[] {
  return [...previewMetadata(input).tags];
}
