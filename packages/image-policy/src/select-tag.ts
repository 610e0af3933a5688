/**
 * The tag Flux's image-reflector-controller would record as an ImagePolicy's `status.latestRef.tag`,
 * computed locally with the controller's exact rules:
 *
 * - `applyPolicy` in internal/controller/imagepolicy_controller.go: build the policer (an invalid
 *   policy stalls with reason `InvalidPolicy`), fail when the repository has no tags, apply
 *   `filterTags` (an invalid pattern is `InvalidPolicy`), pick the latest, map an extracted value
 *   back to its original tag;
 * - internal/policy/filter.go: `FindStringSubmatchIndex`, `ExpandString(extract)` when `extract`
 *   is set, results kept in a map keyed by the extracted value (a later tag with the same value
 *   replaces an earlier one);
 * - internal/policy/semver.go: tags parsed by fluxcd/pkg/version `ParseVersion`, checked against a
 *   Masterminds/semver v3 constraint, strictly greatest wins (`Original()` is returned);
 * - internal/policy/numerical.go: `strconv.ParseFloat` on every candidate (one that does not
 *   parse fails the whole policy), `ASC` keeps the greatest, ties go to the later candidate;
 * - internal/policy/alphabetical.go: Go's bytewise `sort.Strings`, `ASC` takes the last.
 *
 * Where the controller's answer depends on input order (ties, and Go's random map order after
 * `filterTags`), this evaluator fixes the order to bytewise-sorted tags, the order a
 * distribution registry lists them in, so the result does not depend on how `tags` is ordered.
 *
 * @see https://github.com/fluxcd/image-reflector-controller/tree/main/internal/policy
 */
import { compareBytewise } from './bytewise.js';
import { compileGoRegexp, findStringSubmatch, GoRegexpError } from './go/go-regexp.js';
import { expandString } from './go/go-expand.js';
import { goParseFloat } from './go/go-parse-float.js';
import { ConstraintError, parseConstraints, satisfies } from './semver/constraints.js';
import { compareVersions, parseFluxVersion, type SemverVersion } from './semver/version.js';

/** `spec.policy` of an ImagePolicy (exactly one member is set). */
export type PolicyChoice =
  | { readonly semver: { readonly range: string } }
  | { readonly numerical: { readonly order?: string } }
  | { readonly alphabetical: { readonly order?: string } };

/** `spec.filterTags` of an ImagePolicy. */
export interface TagFilter {
  /** A Go (RE2) regular expression; unanchored, as in Flux. */
  readonly pattern?: string;
  /**
   * A Go `ExpandString` template (`$ts`, `${ts}`, `$1`) whose result the policy orders.
   * @default '' (order the whole tag)
   */
  readonly extract?: string;
}

/** The parts of an ImagePolicy `spec` that select a tag. */
export interface SelectTagSpec {
  readonly policy: PolicyChoice;
  readonly filterTags?: TagFilter;
}

/** Why no tag was selected; Flux's condition reason where it has one. */
export type SelectTagReason =
  /** the policy or its filter cannot be built: Flux marks the ImagePolicy Stalled, reason InvalidPolicy */
  | 'InvalidPolicy'
  /** the repository has no tags: Flux reports Ready=False, reason DependencyNotReady ("no tags in database") */
  | 'NoTags'
  /** no tag passes the filter and range: Flux reports Ready=False, reason Failure, and retries */
  | 'NoMatch'
  /** a numerical policy met a candidate that is not a number: Flux reports Ready=False, reason Failure */
  | 'NotNumeric';

const BRAND: unique symbol = Symbol.for('sugarkube.SelectTagError') as never;

/** Thrown by {@link selectTag}: the reason and the controller's message. */
export class SelectTagError extends Error {
  override readonly name = 'SelectTagError';
  readonly [BRAND] = true;
  constructor(
    readonly reason: SelectTagReason,
    message: string,
  ) {
    super(message);
  }
}

/** Brand check that works across package copies. */
export function isSelectTagError(error: unknown): error is SelectTagError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[BRAND] === true;
}

type Policer = (candidates: readonly string[]) => string;

function orderOf(order: string | undefined): 'ASC' | 'DESC' {
  const upper = (order ?? '').toUpperCase();
  if (upper === '') return 'ASC';
  if (upper === 'ASC' || upper === 'DESC') return upper;
  throw new SelectTagError('InvalidPolicy', `invalid policy: invalid order argument provided: '${upper}', must be one of: ASC, DESC`);
}

function emptyList(): never {
  throw new SelectTagError('NoMatch', 'version list argument cannot be empty');
}

/** `PolicerFromSpec` and the three policers' `Latest`. */
function policerFromSpec(choice: PolicyChoice): Policer {
  if ('semver' in choice && choice.semver) {
    let constraints;
    try {
      constraints = parseConstraints(choice.semver.range);
    } catch (error) {
      if (error instanceof ConstraintError) throw new SelectTagError('InvalidPolicy', `invalid policy: ${error.message}`);
      throw error;
    }
    return (candidates) => {
      if (candidates.length === 0) emptyList();
      let latest: SemverVersion | undefined;
      for (const tag of candidates) {
        const v = parseFluxVersion(tag);
        if (v && satisfies(constraints, v) && (latest === undefined || compareVersions(v, latest) > 0)) latest = v;
      }
      if (!latest) throw new SelectTagError('NoMatch', 'unable to determine latest version from provided list');
      return latest.original;
    };
  }
  if ('alphabetical' in choice && choice.alphabetical) {
    const order = orderOf(choice.alphabetical.order);
    return (candidates) => {
      if (candidates.length === 0) emptyList();
      const sorted = [...candidates].sort(compareBytewise);
      return order === 'DESC' ? sorted[0]! : sorted[sorted.length - 1]!;
    };
  }
  if ('numerical' in choice && choice.numerical) {
    const order = orderOf(choice.numerical.order);
    return (candidates) => {
      if (candidates.length === 0) emptyList();
      let latest = '';
      let pv = 0;
      candidates.forEach((version, i) => {
        const cv = goParseFloat(version);
        if (cv === undefined) throw new SelectTagError('NotNumeric', `failed to parse invalid numeric value '${version}'`);
        if (i !== 0 && ((order === 'ASC' && cv < pv) || (order === 'DESC' && cv > pv))) return;
        latest = version;
        pv = cv;
      });
      return latest;
    };
  }
  throw new SelectTagError('InvalidPolicy', 'invalid policy: given ImagePolicyChoice object is invalid');
}

/**
 * Selects the tag Flux would pick from `tags` for an ImagePolicy `spec`. Throws
 * {@link SelectTagError} (with `reason`) where the controller fails.
 */
export function selectTag(spec: SelectTagSpec, tags: readonly string[]): string {
  const policer = policerFromSpec(spec.policy);
  if (tags.length === 0) throw new SelectTagError('NoTags', 'no tags in database');
  const ordered = [...tags].sort(compareBytewise);
  if (spec.filterTags === undefined) return policer(ordered);

  const pattern = spec.filterTags.pattern ?? '';
  const extract = spec.filterTags.extract ?? '';
  let re;
  try {
    re = compileGoRegexp(pattern);
  } catch (error) {
    if (error instanceof GoRegexpError) {
      throw new SelectTagError('InvalidPolicy', `failed to filter tags: invalid regular expression pattern '${pattern}': ${error.message}`);
    }
    throw error;
  }
  const filtered = new Map<string, string>();
  for (const item of ordered) {
    const groups = findStringSubmatch(re, item);
    if (!groups) continue;
    filtered.set(extract !== '' ? expandString(re, extract, groups) : item, item);
  }
  const latest = policer([...filtered.keys()].sort(compareBytewise));
  return filtered.get(latest) ?? '';
}
