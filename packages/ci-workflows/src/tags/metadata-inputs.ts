/**
 * Parsing of docker/metadata-action's `images`, `tags` and `flavor` entries, ported
 * from its `src/image.ts`, `src/tag.ts` and `src/flavor.ts` (v6.0.0) onto the same
 * csv-parse. Each entry is one line of the input after `inputList`.
 * @see https://github.com/docker/metadata-action#inputs
 */
import { parse } from 'csv-parse/sync';

export type TagRuleType = 'schedule' | 'semver' | 'pep440' | 'match' | 'edge' | 'ref' | 'raw' | 'sha';

export interface TagRule {
  readonly type: TagRuleType;
  /** Attributes after defaults (`enable`, `priority`, `prefix`, …), as upstream's `Tag.attrs`. */
  readonly attrs: Readonly<Record<string, string>>;
  /** The entry, for messages. */
  readonly source: string;
  /** Position of the entry in the `tags` input (or in the default rules). */
  readonly index: number;
}

export interface Flavor {
  readonly latest: 'auto' | 'true' | 'false';
  readonly prefix: string;
  readonly prefixLatest: boolean;
  readonly suffix: string;
  readonly suffixLatest: boolean;
}

export interface ImageInput {
  /** As written; metadata-action lower-cases it when it builds the references. */
  readonly name: string;
  readonly enable: boolean;
}

const defaultPriorities: Record<TagRuleType, string> = {
  schedule: '1000',
  semver: '900',
  pep440: '900',
  match: '800',
  edge: '700',
  ref: '600',
  raw: '200',
  sha: '100',
};

/** The default rules when `tags` is empty (upstream `Transform`). */
export const defaultTagRules = [
  'type=schedule',
  'type=ref,event=branch',
  'type=ref,event=tag',
  'type=ref,event=pr',
] as const;

/** One entry's comma-separated fields, as upstream reads them (csv-parse, no relaxed quotes). */
function fields(entry: string): string[] {
  let records: string[][];
  try {
    records = parse(entry, { relaxColumnCount: true, skipEmptyLines: true }) as string[][];
  } catch (e) {
    throw new Error(
      `not comma-separated fields as metadata-action reads them, and it fails on it too (a double quote may only enclose a whole field, e.g. "pattern=v(.*)"): ${(e as Error).message}`,
    );
  }
  return records[0] ?? [];
}

const has = (attrs: Record<string, string>, key: string) => Object.prototype.hasOwnProperty.call(attrs, key);

/** Parses one `tags` entry into a rule with upstream's defaults. Throws with the reason. */
export function parseTagRule(source: string, index = 0): TagRule {
  const attrs: Record<string, string> = {};
  let type: TagRuleType | undefined;
  for (const field of fields(source)) {
    // Split at the first `=` only (upstream: `split(/(?<=^[^=]+?)=/)`).
    const parts = field.split(/(?<=^[^=]+?)=/).map((item) => item.trim());
    if (parts.length === 1) {
      attrs['value'] = parts[0]!;
      continue;
    }
    const key = parts[0]!.toLowerCase();
    const value = parts[1]!;
    if (key === 'type') {
      if (!has(defaultPriorities, value))
        throw new Error(
          `unknown tag type ${JSON.stringify(value)}, expected one of ${Object.keys(defaultPriorities).join(', ')}`,
        );
      type = value as TagRuleType;
    } else {
      attrs[key] = value;
    }
  }
  type ??= 'raw';
  const setDefault = (key: string, value: string) => {
    if (!has(attrs, key)) attrs[key] = value;
  };
  switch (type) {
    case 'schedule':
      setDefault('pattern', 'nightly');
      break;
    case 'semver':
    case 'pep440':
      if (!has(attrs, 'pattern'))
        throw new Error(`missing pattern attribute, expected e.g. "type=${type},pattern={{version}}"`);
      setDefault('value', '');
      setDefault('match', '');
      break;
    case 'match':
      if (!has(attrs, 'pattern'))
        throw new Error('missing pattern attribute, expected e.g. "type=match,pattern=v(.*),group=1"');
      setDefault('group', '0');
      if (Number.isNaN(+attrs['group']!))
        throw new Error(`invalid match group ${JSON.stringify(attrs['group'])}, expected a number`);
      setDefault('value', '');
      break;
    case 'edge':
      setDefault('branch', '');
      break;
    case 'ref':
      if (!has(attrs, 'event'))
        throw new Error('missing event attribute, expected event=branch, event=tag or event=pr');
      if (!['branch', 'tag', 'pr'].includes(attrs['event']!))
        throw new Error(`invalid event ${JSON.stringify(attrs['event'])}, expected branch, tag or pr`);
      if (attrs['event'] === 'pr') setDefault('prefix', 'pr-');
      break;
    case 'raw':
      if (!has(attrs, 'value')) throw new Error('missing value attribute, expected e.g. "type=raw,value=stable"');
      break;
    case 'sha':
      setDefault('prefix', 'sha-');
      setDefault('format', 'short');
      if (!['short', 'long'].includes(attrs['format']!))
        throw new Error(`invalid format ${JSON.stringify(attrs['format'])}, expected short or long`);
      break;
  }
  setDefault('enable', 'true');
  setDefault('priority', defaultPriorities[type]);
  return { type, attrs, source, index };
}

/** Highest priority first; equal priorities keep their input order (upstream `Transform`'s stable sort). */
export function sortTagRules(rules: readonly TagRule[]): TagRule[] {
  return [...rules].sort((a, b) => Number(b.attrs['priority']) - Number(a.attrs['priority']));
}

/** Upstream splits flavor and image fields at every `=` and keeps the first two parts. */
const splitAll = (field: string) => field.split('=').map((item) => item.trim());

/** Parses the flavor entries (upstream `flavor.ts`). Throws with the reason. */
export function parseFlavor(entries: readonly string[]): Flavor {
  let latest: Flavor['latest'] = 'auto';
  let prefix = '';
  let suffix = '';
  let prefixLatest = false;
  let suffixLatest = false;
  for (const entry of entries) {
    let onLatestFor: 'prefix' | 'suffix' | '' = '';
    for (const field of fields(entry)) {
      const parts = splitAll(field);
      if (parts.length === 1)
        throw new Error(`invalid flavor entry ${JSON.stringify(entry)}, expected key=value fields`);
      const [key, value] = [parts[0]!.toLowerCase(), parts[1]!];
      switch (key) {
        case 'latest':
          if (value !== 'auto' && value !== 'true' && value !== 'false')
            throw new Error(`invalid latest flavor ${JSON.stringify(value)}, expected auto, true or false`);
          latest = value;
          break;
        case 'prefix':
          prefix = value;
          onLatestFor = 'prefix';
          break;
        case 'suffix':
          suffix = value;
          onLatestFor = 'suffix';
          break;
        case 'onlatest':
          if (value !== 'true' && value !== 'false')
            throw new Error(`invalid onlatest ${JSON.stringify(value)}, expected true or false`);
          if (onLatestFor === 'prefix') prefixLatest = value === 'true';
          if (onLatestFor === 'suffix') suffixLatest = value === 'true';
          break;
        default:
          throw new Error(`unknown flavor entry ${JSON.stringify(entry)}, expected latest, prefix, suffix, onlatest`);
      }
    }
  }
  return { latest, prefix, prefixLatest, suffix, suffixLatest };
}

/** Parses the images entries (upstream `image.ts`, including the one-line comma-separated legacy form). */
export function parseImages(entries: readonly string[]): ImageInput[] {
  if (entries.length === 1) {
    const legacy = fields(entries[0]!).map(splitAll);
    if (legacy.every((parts) => parts.length === 1)) return legacy.map((parts) => ({ name: parts[0]!, enable: true }));
  }
  return entries.map((entry) => {
    let name = '';
    let enable = true;
    for (const field of fields(entry)) {
      const parts = splitAll(field);
      if (parts.length === 1) {
        name = parts[0]!;
        continue;
      }
      const key = parts[0]!.toLowerCase();
      if (key === 'name') name = parts[1]!;
      else if (key === 'enable') {
        if (parts[1] !== 'true' && parts[1] !== 'false')
          throw new Error(`invalid enable attribute in ${JSON.stringify(entry)}, expected true or false`);
        enable = parts[1] === 'true';
      } else
        throw new Error(
          `unknown image attribute ${JSON.stringify(key)} in ${JSON.stringify(entry)}, expected name or enable`,
        );
    }
    if (name.length === 0) throw new Error(`empty image name in ${JSON.stringify(entry)}`);
    return { name, enable };
  });
}
