/**
 * Parsing of docker/metadata-action's `images`, `tags` and `flavor` inputs,
 * ported from upstream `src/image.ts`, `src/tag.ts` and `src/flavor.ts`.
 * @see https://github.com/docker/metadata-action#inputs
 */

export type TagRuleType = 'schedule' | 'semver' | 'pep440' | 'match' | 'edge' | 'ref' | 'raw' | 'sha';

export interface TagRule {
  readonly type: TagRuleType;
  /** Attributes after defaults (`enable`, `priority`, `prefix`, …), as upstream's `Tag.attrs`. */
  readonly attrs: Readonly<Record<string, string>>;
  /** The input line, for messages. */
  readonly source: string;
}

export interface Flavor {
  readonly latest: 'auto' | 'true' | 'false';
  readonly prefix: string;
  readonly prefixLatest: boolean;
  readonly suffix: string;
  readonly suffixLatest: boolean;
}

export interface ImageInput {
  readonly name: string;
  readonly enable: boolean;
}

const defaultPriorities: Record<TagRuleType, string> = {
  schedule: '1000', semver: '900', pep440: '900', match: '800', edge: '700', ref: '600', raw: '200', sha: '100',
};

/** Splits a multi-line action input into entries: one per line, trimmed, without blanks and `#` comments. */
export function inputList(text: string | undefined): string[] {
  return (text ?? '').split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0 && !l.startsWith('#'));
}

/** Splits one entry into comma-separated fields with CSV double-quote rules (csv-parse, relaxed column count). */
export function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field.trim().length === 0) { field = ''; quoted = true; }
    else if (c === ',') { fields.push(field); field = ''; }
    else field += c;
  }
  fields.push(field);
  return fields;
}

/** `key=value` split at the first `=` (upstream: `split(/(?<=^[^=]+?)=/)`), trimmed. */
function keyValue(field: string): [string] | [string, string] {
  const at = field.indexOf('=');
  if (at <= 0) return [field.trim()];
  return [field.slice(0, at).trim(), field.slice(at + 1).trim()];
}

/** Parses one `tags` entry into a rule with upstream's defaults. Throws with the reason. */
export function parseTagRule(source: string): TagRule {
  const attrs: Record<string, string> = {};
  let type: TagRuleType | undefined;
  for (const field of csvFields(source)) {
    const parts = keyValue(field);
    if (parts.length === 1) { attrs['value'] = parts[0]; continue; }
    const key = parts[0].toLowerCase();
    if (key === 'type') {
      if (!(parts[1] in defaultPriorities)) throw new Error(`unknown tag type ${JSON.stringify(parts[1])}, expected one of ${Object.keys(defaultPriorities).join(', ')}`);
      type = parts[1] as TagRuleType;
    } else {
      attrs[key] = parts[1];
    }
  }
  type ??= 'raw';
  const has = (k: string) => Object.prototype.hasOwnProperty.call(attrs, k);
  switch (type) {
    case 'schedule':
      if (!has('pattern')) attrs['pattern'] = 'nightly';
      break;
    case 'semver':
    case 'pep440':
      if (!has('pattern')) throw new Error(`missing pattern attribute, expected e.g. "type=${type},pattern={{version}}"`);
      if (!has('value')) attrs['value'] = '';
      break;
    case 'match':
      if (!has('pattern')) throw new Error('missing pattern attribute, expected e.g. "type=match,pattern=v(.*),group=1"');
      if (!has('group')) attrs['group'] = '0';
      if (Number.isNaN(+attrs['group']!)) throw new Error(`invalid match group ${JSON.stringify(attrs['group'])}, expected a number`);
      if (!has('value')) attrs['value'] = '';
      break;
    case 'edge':
      if (!has('branch')) attrs['branch'] = '';
      break;
    case 'ref':
      if (!has('event')) throw new Error('missing event attribute, expected event=branch, event=tag or event=pr');
      if (!['branch', 'tag', 'pr'].includes(attrs['event']!)) throw new Error(`invalid event ${JSON.stringify(attrs['event'])}, expected branch, tag or pr`);
      if (attrs['event'] === 'pr' && !has('prefix')) attrs['prefix'] = 'pr-';
      break;
    case 'raw':
      if (!has('value')) throw new Error('missing value attribute, expected e.g. "type=raw,value=stable"');
      break;
    case 'sha':
      if (!has('prefix')) attrs['prefix'] = 'sha-';
      if (!has('format')) attrs['format'] = 'short';
      if (!['short', 'long'].includes(attrs['format']!)) throw new Error(`invalid format ${JSON.stringify(attrs['format'])}, expected short or long`);
      break;
  }
  if (!has('enable')) attrs['enable'] = 'true';
  if (!has('priority')) attrs['priority'] = defaultPriorities[type];
  return { type, attrs, source };
}

/** The default rules when `tags` is empty (upstream `Transform`). */
export const defaultTagRules = ['type=schedule', 'type=ref,event=branch', 'type=ref,event=tag', 'type=ref,event=pr'] as const;

/** Highest priority first; equal priorities keep their input order (upstream `Transform`'s stable sort). */
export function sortTagRules(rules: readonly TagRule[]): TagRule[] {
  return [...rules].sort((a, b) => Number(b.attrs['priority']) - Number(a.attrs['priority']));
}

/** Parses the flavor entries (upstream `flavor.ts`). Throws with the reason. */
export function parseFlavor(entries: readonly string[]): Flavor {
  let latest: Flavor['latest'] = 'auto';
  let prefix = '';
  let suffix = '';
  let prefixLatest = false;
  let suffixLatest = false;
  for (const entry of entries) {
    let onLatestFor: 'prefix' | 'suffix' | '' = '';
    for (const field of csvFields(entry)) {
      const parts = keyValue(field);
      if (parts.length === 1) throw new Error(`invalid flavor entry ${JSON.stringify(entry)}, expected key=value fields`);
      const [key, value] = [parts[0].toLowerCase(), parts[1]];
      switch (key) {
        case 'latest':
          if (value !== 'auto' && value !== 'true' && value !== 'false') throw new Error(`invalid latest flavor ${JSON.stringify(value)}, expected auto, true or false`);
          latest = value;
          break;
        case 'prefix': prefix = value; onLatestFor = 'prefix'; break;
        case 'suffix': suffix = value; onLatestFor = 'suffix'; break;
        case 'onlatest':
          if (value !== 'true' && value !== 'false') throw new Error(`invalid onlatest ${JSON.stringify(value)}, expected true or false`);
          if (onLatestFor === 'prefix') prefixLatest = value === 'true';
          if (onLatestFor === 'suffix') suffixLatest = value === 'true';
          break;
        case 'labelprefix': break;
        default: throw new Error(`unknown flavor entry ${JSON.stringify(entry)}, expected latest, prefix, suffix, onlatest`);
      }
    }
  }
  return { latest, prefix, prefixLatest, suffix, suffixLatest };
}

/** Parses the images entries (upstream `image.ts`, including the one-line comma-separated legacy form). */
export function parseImages(entries: readonly string[]): ImageInput[] {
  if (entries.length === 1) {
    const fields = csvFields(entries[0]!).map((f) => keyValue(f));
    if (fields.every((p) => p.length === 1)) return fields.map((p) => ({ name: p[0].toLowerCase(), enable: true }));
  }
  return entries.map((entry) => {
    let name = '';
    let enable = true;
    for (const field of csvFields(entry)) {
      const parts = keyValue(field);
      if (parts.length === 1) { name = parts[0].toLowerCase(); continue; }
      const key = parts[0].toLowerCase();
      if (key === 'name') name = parts[1].toLowerCase();
      else if (key === 'enable') {
        if (parts[1] !== 'true' && parts[1] !== 'false') throw new Error(`invalid enable attribute in ${JSON.stringify(entry)}, expected true or false`);
        enable = parts[1] === 'true';
      } else throw new Error(`unknown image attribute ${JSON.stringify(key)} in ${JSON.stringify(entry)}, expected name or enable`);
    }
    if (name.length === 0) throw new Error(`empty image name in ${JSON.stringify(entry)}`);
    return { name, enable };
  });
}
