// Which kinds of tie a selectTag case meets, so the differential test can count them: a tie is
// two or more candidates the policy ranks equal at the top, where only the order the controller
// hands them over decides. Computed from the controller's stored tags (the oracle's answer).
import { compileGoRegexp, findStringSubmatch } from '../../src/go/go-regexp.js';
import { expandString } from '../../src/go/go-expand.js';
import { goParseFloat } from '../../src/go/go-parse-float.js';
import { parseConstraints, satisfies } from '../../src/semver/constraints.js';
import { compareVersions, parseFluxVersion } from '../../src/semver/version.js';
import type { SelectTagSpec } from '../../src/index.js';

export const TIE_KINDS = [
  /** semver: equal precedence, the tags differ in build metadata (`1.0.0` vs `1.0.0+abc`) */
  'build metadata',
  /** semver: equal precedence, the tags differ in leading zeros (`1.1.0` vs `1.01.0`) */
  'leading zeros',
  /** semver: equal precedence, the tags differ in the `v` prefix (`v1.0.0` vs `1.0.0`) */
  'v prefix',
  /** numerical: equal values (`1` vs `01`, `1.0`, `1e0`) */
  'equal numbers',
  /** numerical: a NaN among the candidates */
  'NaN',
  /** filterTags: the selected value was extracted from two or more tags */
  'extract collision',
  /** alphabetical: the same tag more than once */
  'alphabetical duplicates',
  /** filterTags: a tie between different extracted values, handed over in Go's random map order */
  'map order',
] as const;
export type TieKind = (typeof TIE_KINDS)[number];

/** The values the policy compares and, per value, the stored tags it came from (storage order). */
export function candidates(spec: SelectTagSpec, stored: readonly string[]): Map<string, string[]> | undefined {
  const out = new Map<string, string[]>();
  if (spec.filterTags === undefined) {
    for (const tag of stored) out.set(tag, [...(out.get(tag) ?? []), tag]);
    return out;
  }
  let re;
  try {
    re = compileGoRegexp(spec.filterTags.pattern ?? '');
  } catch {
    return undefined;
  }
  const extract = spec.filterTags.extract ?? '';
  for (const tag of stored) {
    const groups = findStringSubmatch(re, tag);
    if (!groups) continue;
    const key = extract !== '' ? expandString(re, extract, groups) : tag;
    out.set(key, [...(out.get(key) ?? []), tag]);
  }
  return out;
}

/** The distinct candidate values tied at the top of the policy's ranking. */
export function topTie(spec: SelectTagSpec, values: readonly string[]): { tied: string[]; nan: boolean } {
  const policy = spec.policy;
  if ('semver' in policy) {
    let constraints;
    try {
      constraints = parseConstraints(policy.semver!.range);
    } catch {
      return { tied: [], nan: false };
    }
    const parsed = values.flatMap((v) => {
      const version = parseFluxVersion(v);
      return version && satisfies(constraints, version) ? [version] : [];
    });
    const best = parsed.reduce<(typeof parsed)[number] | undefined>(
      (a, v) => (a === undefined || compareVersions(v, a) > 0 ? v : a),
      undefined,
    );
    return {
      tied: best ? parsed.filter((v) => compareVersions(v, best) === 0).map((v) => v.original) : [],
      nan: false,
    };
  }
  if ('numerical' in policy) {
    const numbers = values.map((v) => goParseFloat(v));
    if (numbers.some((n) => n === undefined)) return { tied: [], nan: false };
    if (numbers.some((n) => Number.isNaN(n))) return { tied: [], nan: true };
    const desc = (policy.numerical!.order ?? '').toUpperCase() === 'DESC';
    const best = desc ? Math.min(...(numbers as number[])) : Math.max(...(numbers as number[]));
    return { tied: values.filter((_, i) => numbers[i] === best), nan: false };
  }
  return { tied: [], nan: false };
}

/** A semver tag's parts that can differ between tags of equal precedence. */
function forms(tag: string): { prefix: string; numbers: string; metadata: string } {
  const m = /^([vV]?)([^+]*)(\+.*)?$/.exec(tag)!;
  return { prefix: m[1]!, numbers: m[2]!, metadata: m[3] ?? '' };
}

/**
 * The tie kinds of one case. `stored` is what the controller stored; `selected` the tag the
 * oracle selected (for `extract collision`). Invalid policies and failures meet no tie.
 */
export function tieKinds(spec: SelectTagSpec, stored: readonly string[], selected: string | undefined): TieKind[] {
  const kinds = new Set<TieKind>();
  const values = candidates(spec, stored);
  if (values === undefined || values.size === 0) return [];
  if (
    'alphabetical' in spec.policy &&
    spec.filterTags === undefined &&
    [...values.values()].some((tags) => tags.length > 1)
  )
    kinds.add('alphabetical duplicates');
  if (spec.filterTags !== undefined && selected !== undefined) {
    const key = [...values].find(([, tags]) => tags.includes(selected))?.[0];
    if (key !== undefined && new Set(values.get(key)).size > 1) kinds.add('extract collision');
  }
  const { tied, nan } = topTie(spec, [...values.keys()]);
  if (nan && values.size > 1) kinds.add('NaN');
  const distinct = [...new Set(tied)];
  if ('numerical' in spec.policy && distinct.length > 1) kinds.add('equal numbers');
  if ('semver' in spec.policy) {
    for (const a of distinct.map(forms)) {
      for (const b of distinct.map(forms)) {
        if (a.metadata !== b.metadata) kinds.add('build metadata');
        if (a.prefix !== b.prefix) kinds.add('v prefix');
        if (a.numbers !== b.numbers) kinds.add('leading zeros');
      }
    }
  }
  if (spec.filterTags !== undefined && (distinct.length > 1 || (nan && values.size > 1))) kinds.add('map order');
  return [...kinds];
}
