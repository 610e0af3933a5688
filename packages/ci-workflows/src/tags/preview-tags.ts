import { formatDate } from './moment-format.js';
import { isRawStatement, renderTemplate, type HelperCall, type TemplateContext } from './handlebars-lite.js';
import { defaultTagRules, inputList, parseFlavor, parseImages, parseTagRule, sortTagRules, type Flavor, type TagRule } from './metadata-inputs.js';
import { parseSemver } from './semver-lite.js';

/**
 * One push (or other event) and the docker/metadata-action inputs exactly as
 * the workflow passes them.
 */
export interface PreviewTagsInput {
  /** `github.event_name`: `push`, `pull_request`, `schedule`, `workflow_dispatch`, … */
  readonly eventName: string;
  /** `github.ref`: `refs/heads/main`, `refs/tags/v1.2.3`, `refs/pull/15/merge`. */
  readonly ref: string;
  /** The full commit SHA. */
  readonly sha: string;
  /** The repository's default branch. */
  readonly defaultBranch: string;
  /** When the workflow runs (`{{date}}`): a Date, an ISO string, or Unix seconds. */
  readonly timestamp: Date | string | number;
  /**
   * The commit time (`{{commit_date}}`).
   * @default - the timestamp
   */
  readonly commitTimestamp?: Date | string | number;
  /**
   * `{{base_ref}}`: the pull request's base branch, or a tag push's `base_ref`.
   * @default ''
   */
  readonly baseRef?: string;
  /** The `images` input (multi-line string). */
  readonly images: string;
  /**
   * The `tags` input (multi-line string).
   * @default - metadata-action's defaults (schedule, ref branch/tag/pr)
   */
  readonly tags?: string;
  /**
   * The `flavor` input (multi-line string).
   * @default 'latest=auto'
   */
  readonly flavor?: string;
  /**
   * Length of `{{sha}}` and `type=sha` short form (`DOCKER_METADATA_SHORT_SHA_LENGTH`).
   * @default 7
   */
  readonly shortShaLength?: number;
}

/** metadata-action's `Version`: the main tag, the others in order, and whether `latest` is added. */
export interface TagVersion {
  readonly main: string | undefined;
  readonly partial: readonly string[];
  readonly latest: boolean;
}

export interface TagPreview {
  readonly version: TagVersion;
  /** Full image references (`ghcr.io/owner/app:tag`), as metadata-action's `tags` output. */
  readonly tags: readonly string[];
  /** What metadata-action would log as warnings (e.g. a tag that is not semver). */
  readonly warnings: readonly string[];
}

function toDate(value: Date | string | number): Date {
  const date = value instanceof Date ? value : typeof value === 'number' ? new Date(value * 1000) : new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`invalid timestamp ${JSON.stringify(String(value))}, expected a Date, an ISO string or Unix seconds`);
  return date;
}

const sanitizeTag = (tag: string) => tag.replace(/[^a-zA-Z0-9._-]+/g, '-');

/**
 * Computes what docker/metadata-action would output for this event: the
 * version (main, partial, latest) and the full image references, following
 * upstream `src/meta.ts` (priority order, enable conditions, prefix/suffix,
 * de-duplication, sanitization). Supported rule types: schedule, semver,
 * match, edge, ref, raw, sha (pep440 is refused).
 * @see https://github.com/docker/metadata-action/blob/master/src/meta.ts
 */
export function previewMetadata(input: PreviewTagsInput): TagPreview {
  const errors: string[] = [];
  const collect = <T>(path: string, fn: () => T): T | undefined => {
    try { return fn(); } catch (e) { errors.push(`${path}: ${(e as Error).message}`); return undefined; }
  };
  const imageEntries = inputList(input.images);
  const images = collect('images', () => parseImages(imageEntries)) ?? [];
  const tagEntries = inputList(input.tags);
  const rules = (tagEntries.length > 0 ? tagEntries : [...defaultTagRules])
    .map((line, i) => collect(`tags[${i}] ${JSON.stringify(line)}`, () => parseTagRule(line)))
    .filter((r): r is TagRule => r !== undefined);
  const flavor = collect('flavor', () => parseFlavor(inputList(input.flavor))) ?? parseFlavor([]);
  const date = collect('timestamp', () => toDate(input.timestamp)) ?? new Date(0);
  const commitDate = collect('commitTimestamp', () => toDate(input.commitTimestamp ?? input.timestamp)) ?? date;
  for (const rule of rules) if (rule.type === 'pep440') errors.push(`tags: ${JSON.stringify(rule.source)}: type=pep440 is not supported by the preview`);
  if (errors.length > 0) throw new Error(`invalid metadata-action inputs:\n  ${errors.join('\n  ')}`);

  const ctx = new Evaluation(input, flavor, date, commitDate);
  for (const rule of sortTagRules(rules)) ctx.apply(rule);
  const version: TagVersion = { main: ctx.main, partial: ctx.partial.filter((p, i, all) => all.indexOf(p) === i), latest: ctx.latest ?? false };

  const tags: string[] = [];
  if (version.main !== undefined) {
    const names = images.filter((i) => i.enable).map((i) => i.name);
    for (const name of names.length > 0 ? names : ['']) {
      const prefix = name === '' ? '' : `${name}:`;
      tags.push(`${prefix}${version.main}`, ...version.partial.map((p) => `${prefix}${p}`));
      if (version.latest) tags.push(`${prefix}${sanitizeTag(`${flavor.prefixLatest ? flavor.prefix : ''}latest${flavor.suffixLatest ? flavor.suffix : ''}`)}`);
    }
  }
  return { version, tags, warnings: ctx.warnings };
}

/** The full image references a push publishes (metadata-action's `tags` output). */
export function previewTags(input: PreviewTagsInput): string[] {
  return [...previewMetadata(input).tags];
}

class Evaluation {
  main: string | undefined;
  readonly partial: string[] = [];
  latest: boolean | undefined;
  readonly warnings: string[] = [];
  private readonly shortShaLength: number;

  constructor(
    private readonly input: PreviewTagsInput,
    private readonly flavor: Flavor,
    private readonly date: Date,
    private readonly commitDate: Date,
  ) {
    this.shortShaLength = input.shortShaLength ?? 7;
  }

  apply(rule: TagRule): void {
    const enabled = this.globalExp(rule.attrs['enable']!);
    if (enabled !== 'true' && enabled !== 'false') throw new Error(`${rule.source}: invalid value for enable attribute: ${JSON.stringify(enabled)}, expected true or false`);
    if (enabled !== 'true') return;
    const ref = this.input.ref;
    const a = rule.attrs;
    const auto = (whenAuto: boolean) => (this.flavor.latest === 'auto' ? whenAuto : this.flavor.latest === 'true');
    switch (rule.type) {
      case 'schedule': {
        if (!/schedule/.test(this.input.eventName)) return;
        return this.set(this.value(renderTemplate(a['pattern']!, this.dateHelpers()), rule), auto(false));
      }
      case 'semver': {
        if (!/^refs\/tags\//.test(ref) && a['value']!.length === 0) return;
        const raw = a['value']!.length > 0 ? this.globalExp(a['value']!) : ref.replace(/^refs\/tags\//g, '').replace(/\//g, '-');
        const parsed = parseSemver(raw);
        if (!parsed) { this.warnings.push(`${raw} is not a valid semver. More info: https://semver.org/`); return; }
        const context: TemplateContext = { ...parsed };
        if (parsed.prerelease.length > 0) {
          const pattern = isRawStatement(a['pattern']!) ? a['pattern']! : '{{version}}';
          return this.set(this.value(renderTemplate(pattern, context), rule), auto(false));
        }
        return this.set(this.value(renderTemplate(a['pattern']!, context), rule), auto(true));
      }
      case 'match': {
        if (!/^refs\/tags\//.test(ref) && a['value']!.length === 0) return;
        const raw = a['value']!.length > 0 ? this.globalExp(a['value']!) : ref.replace(/^refs\/tags\//g, '');
        const pattern = a['pattern']!;
        const regex = /^\/(.+)\/(.*)$/.exec(pattern);
        const match = regex ? raw.match(new RegExp(regex[1]!, regex[2])) : raw.match(new RegExp(pattern));
        if (!match) { this.warnings.push(`${pattern} does not match ${raw}.`); return; }
        const group = match[Number(a['group'])];
        if (group === undefined) { this.warnings.push(`Group ${a['group']} does not exist for ${pattern} pattern.`); return; }
        return this.set(this.value(group, rule), auto(true));
      }
      case 'ref': {
        if (a['event'] === 'branch') {
          if (!/^refs\/heads\//.test(ref)) return;
          return this.set(this.value(ref.replace(/^refs\/heads\//g, ''), rule), auto(false));
        }
        if (a['event'] === 'tag') {
          if (!/^refs\/tags\//.test(ref)) return;
          return this.set(this.value(ref.replace(/^refs\/tags\//g, ''), rule), auto(true));
        }
        if (!/^refs\/pull\//.test(ref)) return;
        return this.set(this.value(ref.replace(/^refs\/pull\//g, '').replace(/\/merge$/g, ''), rule), auto(false));
      }
      case 'edge': {
        if (!/^refs\/heads\//.test(ref)) return;
        const branch = a['branch']!.length > 0 ? a['branch']! : this.input.defaultBranch;
        if (branch !== ref.replace(/^refs\/heads\//g, '')) return;
        return this.set(this.value('edge', rule), auto(false));
      }
      case 'raw':
        return this.set(this.value(this.globalExp(a['value']!), rule), auto(false));
      case 'sha': {
        if (!this.input.sha) return;
        const sha = a['format'] === 'short' ? this.shortSha() : this.input.sha;
        return this.set(this.value(sha, rule), auto(false));
      }
      case 'pep440':
        return;
    }
  }

  private set(value: string, latest: boolean): void {
    if (value.length === 0) return;
    const tag = sanitizeTag(value);
    if (this.main === undefined) this.main = tag;
    else if (tag !== this.main) this.partial.push(tag);
    this.latest ??= latest;
  }

  /** Applies the rule's prefix/suffix, else the flavor's (upstream `setValue`). */
  private value(val: string, rule: TagRule): string {
    const has = (k: string) => Object.prototype.hasOwnProperty.call(rule.attrs, k);
    let out = val;
    if (has('prefix')) out = `${this.globalExp(rule.attrs['prefix']!)}${out}`;
    else if (this.flavor.prefix.length > 0) out = `${this.globalExp(this.flavor.prefix)}${out}`;
    if (has('suffix')) out = `${out}${this.globalExp(rule.attrs['suffix']!)}`;
    else if (this.flavor.suffix.length > 0) out = `${out}${this.globalExp(this.flavor.suffix)}`;
    return out;
  }

  private shortSha(): string {
    const sha = this.input.sha;
    return this.shortShaLength >= sha.length ? sha : sha.slice(0, this.shortShaLength);
  }

  private dateHelper(date: Date) {
    return ({ params, hash }: HelperCall): string => {
      let tz = 'UTC';
      for (const [key, value] of Object.entries(hash)) {
        if (key !== 'tz') throw new Error(`Unknown ${key} attribute`);
        tz = String(value);
      }
      const format = params[0];
      return formatDate(date, typeof format === 'string' ? format : undefined, tz);
    };
  }

  private dateHelpers(): TemplateContext {
    return { date: this.dateHelper(this.date), commit_date: this.dateHelper(this.commitDate) };
  }

  /** Evaluates the global expressions (upstream `setGlobalExp`). */
  private globalExp(value: string): string {
    const { ref, eventName, defaultBranch } = this.input;
    return renderTemplate(value, {
      ...this.dateHelpers(),
      branch: () => (/^refs\/heads\//.test(ref) ? ref.replace(/^refs\/heads\//g, '') : ''),
      tag: () => (/^refs\/tags\//.test(ref) ? ref.replace(/^refs\/tags\//g, '') : ''),
      sha: () => this.shortSha(),
      base_ref: () => ((/^refs\/tags\//.test(ref) || /^refs\/pull\//.test(ref)) ? (this.input.baseRef ?? '').replace(/^refs\/heads\//g, '') : ''),
      is_default_branch: () => {
        const branch = ref.replace(/^refs\/heads\//g, '');
        if (branch.length === 0) return 'false';
        if (branch === defaultBranch) return 'true';
        return /create|discussion|issues|schedule/.test(eventName) ? 'true' : 'false';
      },
    });
  }
}
