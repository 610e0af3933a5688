import pep440 from '@renovate/pep440';
import semver from 'semver';
import { globalExpressions, scheduleExpressions, type ExpressionContext } from './global-expressions.js';
import type { Flavor, TagRule } from './metadata-inputs.js';
import { AttributeError } from './tag-preview-error.js';
import { isRawStatement, renderTemplate } from './template.js';

/** metadata-action's `Version`: the main tag, the others in order, and whether `latest` is added. */
export interface TagVersion {
  readonly main: string | undefined;
  readonly partial: readonly string[];
  readonly latest: boolean;
}

/** metadata-action's tag sanitization. */
export const sanitizeTag = (tag: string) => tag.replace(/[^a-zA-Z0-9._-]+/g, '-');

const has = (attrs: Readonly<Record<string, string>>, key: string) => Object.prototype.hasOwnProperty.call(attrs, key);

/**
 * One run of metadata-action's `Meta.getVersion` (src/meta.ts, v6.0.0), rule by rule,
 * on the same handlebars, semver, @renovate/pep440 and moment-timezone. Warnings are
 * the messages the action logs with `core.warning`.
 */
export class TagEvaluation {
  private main: string | undefined;
  private readonly partial: string[] = [];
  private latest: boolean | undefined;
  readonly warnings: string[] = [];

  constructor(
    private readonly ctx: ExpressionContext,
    private readonly flavor: Flavor,
  ) {}

  /** The version after every rule, as the action outputs it. */
  version(): TagVersion {
    return {
      main: this.main,
      partial: this.partial.filter((p, i, all) => all.indexOf(p) === i),
      latest: this.latest ?? false,
    };
  }

  /** Applies one rule; throws an `AttributeError` naming the attribute that failed. */
  apply(rule: TagRule): void {
    const enabled = this.globalExp('enable', rule.attrs['enable']!);
    if (enabled !== 'true' && enabled !== 'false') {
      throw new AttributeError(
        'enable',
        rule.attrs['enable']!,
        new Error(`evaluates to ${JSON.stringify(enabled)}, expected true or false`),
      );
    }
    if (enabled !== 'true') return;
    const ref = this.ctx.ref;
    const a = rule.attrs;
    switch (rule.type) {
      case 'schedule':
        if (!/schedule/.test(this.ctx.eventName)) return;
        return this.set(
          this.value(renderTemplate('pattern', a['pattern']!, scheduleExpressions(this.ctx)), rule),
          this.auto(false),
        );
      case 'semver':
      case 'pep440': {
        const raw = this.versionInput(rule);
        if (raw === undefined) return;
        return rule.type === 'semver' ? this.semver(rule, raw) : this.pep440(rule, raw);
      }
      case 'match':
        return this.match(rule);
      case 'ref':
        if (a['event'] === 'branch') {
          if (!/^refs\/heads\//.test(ref)) return;
          return this.set(this.value(ref.replace(/^refs\/heads\//g, ''), rule), this.auto(false));
        }
        if (a['event'] === 'tag') {
          if (!/^refs\/tags\//.test(ref)) return;
          return this.set(this.value(ref.replace(/^refs\/tags\//g, ''), rule), this.auto(true));
        }
        if (!/^refs\/pull\//.test(ref)) return;
        return this.set(this.value(ref.replace(/^refs\/pull\//g, '').replace(/\/merge$/g, ''), rule), this.auto(false));
      case 'edge': {
        if (!/^refs\/heads\//.test(ref)) return;
        const branch = a['branch']!.length > 0 ? a['branch']! : this.ctx.defaultBranch;
        if (branch !== ref.replace(/^refs\/heads\//g, '')) return;
        return this.set(this.value('edge', rule), this.auto(false));
      }
      case 'raw':
        return this.set(this.value(this.globalExp('value', a['value']!), rule), this.auto(false));
      case 'sha':
        if (!this.ctx.fullSha) return;
        return this.set(
          this.value(a['format'] === 'short' ? this.ctx.shortSha : this.ctx.fullSha, rule),
          this.auto(false),
        );
    }
  }

  /** `flavor latest=auto` takes the rule's own answer; true/false override it. */
  private auto(whenAuto: boolean): boolean {
    return this.flavor.latest === 'auto' ? whenAuto : this.flavor.latest === 'true';
  }

  /** The version text of a semver/pep440 rule: `value=`, else the tag; then `match=` group 1; `/` → `-`. */
  private versionInput(rule: TagRule): string | undefined {
    const a = rule.attrs;
    if (!/^refs\/tags\//.test(this.ctx.ref) && a['value']!.length === 0) return undefined;
    let raw =
      a['value']!.length > 0 ? this.globalExp('value', a['value']!) : this.ctx.ref.replace(/^refs\/tags\//g, '');
    const match = a['match']!;
    if (match.length > 0) {
      let found: RegExpMatchArray | null;
      try {
        found = raw.match(match);
      } catch (cause) {
        throw new AttributeError('match', match, cause);
      }
      if (!found) this.warnings.push(`${match} does not match ${raw}.`);
      else if (found[1] === undefined) {
        throw new AttributeError(
          'match',
          match,
          new Error(`takes capture group 1, which ${JSON.stringify(raw)} does not give`),
        );
      } else raw = found[1];
    }
    return raw.replace(/\//g, '-');
  }

  private semver(rule: TagRule, raw: string): void {
    if (!semver.valid(raw)) {
      this.warnings.push(`${raw} is not a valid semver. More info: https://semver.org/`);
      return;
    }
    const parsed = semver.parse(raw, { loose: true })!;
    const pattern = rule.attrs['pattern']!;
    if (semver.prerelease(raw)) {
      // Prereleases keep only {{raw}} or the full version: no major/minor tags, no latest.
      return this.set(
        this.value(renderTemplate('pattern', isRawStatement(pattern) ? pattern : '{{version}}', parsed), rule),
        this.auto(false),
      );
    }
    return this.set(this.value(renderTemplate('pattern', pattern, parsed), rule), this.auto(true));
  }

  private pep440(rule: TagRule, raw: string): void {
    if (!pep440.valid(raw)) {
      this.warnings.push(`${raw} does not conform to PEP 440. More info: https://www.python.org/dev/peps/pep-0440`);
      return;
    }
    const explained = pep440.explain(raw);
    const pattern = rule.attrs['pattern']!;
    if (explained.is_prerelease || explained.is_postrelease || explained.is_devrelease) {
      return this.set(this.value(isRawStatement(pattern) ? raw : pep440.clean(raw), rule), this.auto(false));
    }
    const context = {
      raw: () => raw,
      version: () => pep440.clean(raw),
      major: () => pep440.major(raw),
      minor: () => pep440.minor(raw),
      patch: () => pep440.patch(raw),
    };
    return this.set(this.value(renderTemplate('pattern', pattern, context), rule), this.auto(true));
  }

  private match(rule: TagRule): void {
    const a = rule.attrs;
    if (!/^refs\/tags\//.test(this.ctx.ref) && a['value']!.length === 0) return;
    const raw =
      a['value']!.length > 0 ? this.globalExp('value', a['value']!) : this.ctx.ref.replace(/^refs\/tags\//g, '');
    const pattern = a['pattern']!;
    let found: RegExpMatchArray | null;
    try {
      const literal = /^\/(.+)\/(.*)$/.exec(pattern);
      found = literal ? raw.match(new RegExp(literal[1]!, literal[2])) : raw.match(pattern);
    } catch (cause) {
      throw new AttributeError('pattern', pattern, cause);
    }
    if (!found) {
      this.warnings.push(`${pattern} does not match ${raw}.`);
      return;
    }
    // Indexed by the attribute's text, as upstream does (`tmatch[tag.attrs['group']]`).
    const group = (found as unknown as Record<string, string | undefined>)[a['group']!];
    if (group === undefined) {
      this.warnings.push(`Group ${a['group']} does not exist for ${pattern} pattern.`);
      return;
    }
    return this.set(this.value(group, rule), this.auto(true));
  }

  private set(value: string, latest: boolean): void {
    if (value.length === 0) return;
    const tag = sanitizeTag(value);
    if (this.main === undefined) this.main = tag;
    else if (tag !== this.main) this.partial.push(tag);
    this.latest ??= latest;
  }

  /** Applies the rule's prefix/suffix, else the flavor's (upstream `setValue`). */
  private value(value: string, rule: TagRule): string {
    let out = value;
    if (has(rule.attrs, 'prefix')) out = `${this.globalExp('prefix', rule.attrs['prefix']!)}${out}`;
    else if (this.flavor.prefix.length > 0) out = `${this.globalExp('flavor prefix', this.flavor.prefix)}${out}`;
    if (has(rule.attrs, 'suffix')) out = `${out}${this.globalExp('suffix', rule.attrs['suffix']!)}`;
    else if (this.flavor.suffix.length > 0) out = `${out}${this.globalExp('flavor suffix', this.flavor.suffix)}`;
    return out;
  }

  /** Evaluates the global expressions (upstream `setGlobalExp`). */
  private globalExp(attribute: string, text: string): string {
    return renderTemplate(attribute, text, globalExpressions(this.ctx));
  }
}
