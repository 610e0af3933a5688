import moment from 'moment-timezone';
import type { HelperOptions } from 'handlebars';
import { NotPreviewable } from './tag-preview-error.js';

/** What the global expressions read: metadata-action's context, reduced to the inputs the preview takes. */
export interface ExpressionContext {
  readonly eventName: string;
  readonly ref: string;
  readonly fullSha: string;
  /** `{{sha}}` and `type=sha` short form (`DOCKER_METADATA_SHORT_SHA_LENGTH`). */
  readonly shortSha: string;
  readonly defaultBranch: string;
  /** `undefined`: not given, so `{{base_ref}}` on a tag or pull request cannot be previewed. */
  readonly baseRef: string | undefined;
  readonly date: Date;
  /** `undefined`: not given, so `{{commit_date}}` cannot be previewed. */
  readonly commitDate: Date | undefined;
}

type DateHelper = (format: unknown, options?: HelperOptions) => string;

/**
 * The `{{date}}` / `{{commit_date}}` helper of metadata-action's `src/meta.ts`, on the
 * same moment-timezone: `moment(date).tz(tz).format(format)` with `tz` the only hash
 * attribute (default UTC). Refuses what it cannot reproduce.
 */
export function dateHelper(name: string, date: Date | undefined, missing: string): DateHelper {
  return (format, options) => {
    if (date === undefined) throw new NotPreviewable(`{{${name}}} needs ${missing}`);
    // `{{date}}` without a format: the action calls Object.keys(options.hash) on undefined and fails.
    if (options === undefined) throw new Error(`{{${name}}} needs a format, e.g. {{${name} 'YYYYMMDD'}}`);
    let tz: unknown = 'UTC';
    for (const key of Object.keys(options.hash as object)) {
      if (key !== 'tz') throw new Error(`Unknown ${key} attribute`);
      tz = (options.hash as Record<string, unknown>)[key];
    }
    // An unknown zone makes moment-timezone log an error and keep the runner's local time.
    if (typeof tz === 'string' && moment.tz.zone(tz) === null) {
      throw new NotPreviewable(
        `{{${name}}}: tz=${JSON.stringify(tz)} is not a time zone moment-timezone knows; metadata-action would format in the runner's local time zone, which the preview cannot know`,
      );
    }
    // Locale pinned to the action's default ('en'), whatever this process set globally.
    return moment(date)
      .locale('en')
      .tz(tz as string)
      .format(format as string);
  };
}

/**
 * The context of metadata-action's `setGlobalExp`, key for key in its order (so
 * `{{#each this}}` sees the same): branch, tag, sha, base_ref, commit_date,
 * is_default_branch, is_not_default_branch, date.
 */
export function globalExpressions(ctx: ExpressionContext): Record<string, DateHelper | (() => string)> {
  const { ref, eventName } = ctx;
  return {
    branch: () => (/^refs\/heads\//.test(ref) ? ref.replace(/^refs\/heads\//g, '') : ''),
    tag: () => (/^refs\/tags\//.test(ref) ? ref.replace(/^refs\/tags\//g, '') : ''),
    sha: () => ctx.shortSha,
    base_ref: () => {
      if (!/^refs\/tags\//.test(ref) && !/^refs\/pull\//.test(ref)) return '';
      if (ctx.baseRef === undefined) {
        throw new NotPreviewable(
          `{{base_ref}} on ${ref} needs the baseRef input: metadata-action reads it from the event payload (base_ref of a tag push, pull_request.base.ref of a pull request); pass '' when the payload has none`,
        );
      }
      // A tag push carries refs/heads/<branch>; a pull request carries the bare branch.
      return /^refs\/tags\//.test(ref) ? ctx.baseRef.replace(/^refs\/heads\//g, '') : ctx.baseRef;
    },
    commit_date: dateHelper(
      'commit_date',
      ctx.commitDate,
      'the commitTimestamp input: metadata-action takes the commit time from the event or the GitHub API',
    ),
    is_default_branch: () => {
      const branch = ref.replace(/^refs\/heads\//g, '');
      if (branch.length === 0) return 'false';
      if (branch === ctx.defaultBranch) return 'true';
      // These events always run on the default branch's last commit.
      return /create/.test(eventName) ||
        /discussion/.test(eventName) ||
        /issues/.test(eventName) ||
        /schedule/.test(eventName)
        ? 'true'
        : 'false';
    },
    // Upstream calls this.is_default_branch(): `this` is the Handlebars context, as here.
    is_not_default_branch: function (this: { is_default_branch: () => string }) {
      return this.is_default_branch() === 'false' ? 'true' : 'false';
    },
    date: dateHelper('date', ctx.date, 'a timestamp'),
  };
}

/** The context of a `type=schedule` pattern: only the two date helpers (upstream `procSchedule`). */
export function scheduleExpressions(ctx: ExpressionContext): Record<string, DateHelper> {
  return {
    date: dateHelper('date', ctx.date, 'a timestamp'),
    commit_date: dateHelper(
      'commit_date',
      ctx.commitDate,
      'the commitTimestamp input: metadata-action takes the commit time from the event or the GitHub API',
    ),
  };
}
