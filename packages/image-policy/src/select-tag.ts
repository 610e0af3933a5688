/**
 * The tag Flux's image-reflector-controller would record as an ImagePolicy's `status.latestRef.tag`,
 * computed locally with the controller's exact rules, in the controller's order:
 *
 * - the scan stores the tags minus the ImageRepository's `exclusionList`, sorted descending by
 *   bytes ({@link storedTags}); the policy reads them back in that order;
 * - `applyPolicy` in internal/controller/imagepolicy_controller.go: build the policer (an invalid
 *   policy stalls with reason `InvalidPolicy`), fail when the repository has no tags, apply
 *   `filterTags` (an invalid pattern is `InvalidPolicy`), pick the latest, map an extracted value
 *   back to its original tag;
 * - internal/policy/filter.go: `FindStringSubmatchIndex`, `ExpandString(extract)` when `extract`
 *   is set, results kept in a map keyed by the extracted value (a later tag with the same value
 *   replaces an earlier one), handed to the policer in Go's random map order;
 * - internal/policy/semver.go: tags parsed by fluxcd/pkg/version `ParseVersion`, checked against a
 *   Masterminds/semver v3 constraint, strictly greatest wins (`Original()` is returned);
 * - internal/policy/numerical.go: `strconv.ParseFloat` on every candidate (one that does not
 *   parse fails the whole policy), `ASC` keeps the greatest, ties go to the later candidate;
 * - internal/policy/alphabetical.go: Go's bytewise `sort.Strings`, `ASC` takes the last.
 *
 * @see https://github.com/fluxcd/image-reflector-controller/tree/v1.2.0/internal/policy
 */
import { compareBytewise } from './bytewise.js';
import { compileGoRegexp, findStringSubmatch, GoRegexpError } from './go/go-regexp.js';
import { expandString } from './go/go-expand.js';
import { goParseFloat } from './go/go-parse-float.js';
import { ConstraintError, parseConstraints, satisfies } from './semver/constraints.js';
import { compareVersions, parseFluxVersion, type SemverVersion } from './semver/version.js';
import { SelectTagError } from './select-tag-error.js';
import { storedTags } from './stored-tags.js';

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

/** The parts of the ImagePolicy's ImageRepository that decide which tags the policy sees. */
export interface SelectTagOptions {
  /**
   * The ImageRepository's `spec.exclusionList`: tags matching any of these Go regular
   * expressions are never stored. An empty list means Flux's default, as in the controller.
   * @default FLUX_DEFAULT_EXCLUSION_LIST (`['^.*\\.sig$']`)
   * @see https://fluxcd.io/flux/components/image/imagerepositories/#exclusion-list
   */
  readonly exclusionList?: readonly string[];
}

type Policer = (candidates: readonly string[]) => string;

function orderOf(order: string | undefined): 'ASC' | 'DESC' {
  const upper = (order ?? '').toUpperCase();
  if (upper === '') return 'ASC';
  if (upper === 'ASC' || upper === 'DESC') return upper;
  throw new SelectTagError(
    'InvalidPolicy',
    `invalid policy: invalid order argument provided: '${upper}', must be one of: ASC, DESC`,
  );
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
      if (error instanceof ConstraintError)
        throw new SelectTagError('InvalidPolicy', `invalid policy: ${error.message}`);
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
        if (cv === undefined)
          throw new SelectTagError('NotNumeric', `failed to parse invalid numeric value '${version}'`);
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
 * Selects the tag Flux would pick from `tags` (the registry's tag list, in any order) for an
 * ImagePolicy `spec`. Throws {@link SelectTagError} (with `reason`) where the controller fails.
 *
 * The tags are evaluated in the controller's storage order, descending by bytes, so every tie
 * resolves as it does in Flux:
 *
 * - **semver**, equal precedence (build metadata `1.0.0` vs `1.0.0+abc`, leading zeros `1.1.0` vs
 *   `1.01.0`, prefix `v1.0.0` vs `1.0.0`): the first one stored wins, i.e. the bytewise-greatest
 *   tag: `1.0.0+abc`, `1.1.0`, `v1.0.0`.
 * - **numerical**, equal values (`1` vs `01`, `1.0`, `1e0`): the last one stored wins, i.e. the
 *   bytewise-smallest tag: `01`, in either order.
 * - **numerical with `NaN`**: a comparison with NaN is false, so a NaN and the candidate after it
 *   are always taken; the answer follows the storage order (`1 NaN 2` is stored `NaN 2 1`:
 *   ascending selects `2`, descending `1`).
 * - **alphabetical**: distinct tags never tie; duplicates in `tags` are the same string.
 * - **filterTags extracts that collide** (two tags, one extracted value): the later stored tag
 *   replaces the earlier, so the bytewise-smallest original tag wins
 *   (`main-1700000000-aaaaaaa` over `main-1700000000-bbbbbbb` for `$ts`).
 * - **ties between different values after filterTags**: Flux hands the values to the policy in
 *   Go's random map order, so the controller's answer can change from one reconcile to the next.
 *   `selectTag` evaluates them in descending byte order, the same order as without a filter:
 *   the answer is one Flux can give, not the only one.
 */
export function selectTag(spec: SelectTagSpec, tags: readonly string[], options: SelectTagOptions = {}): string {
  const policer = policerFromSpec(spec.policy);
  const ordered = storedTags(tags, options.exclusionList);
  if (ordered.length === 0) throw new SelectTagError('NoTags', 'no tags in database');
  if (spec.filterTags === undefined) return policer(ordered);

  const pattern = spec.filterTags.pattern ?? '';
  const extract = spec.filterTags.extract ?? '';
  let re;
  try {
    re = compileGoRegexp(pattern);
  } catch (error) {
    if (error instanceof GoRegexpError) {
      throw new SelectTagError(
        'InvalidPolicy',
        `failed to filter tags: invalid regular expression pattern '${pattern}': ${error.message}`,
      );
    }
    throw error;
  }
  const filtered = new Map<string, string>();
  for (const item of ordered) {
    const groups = findStringSubmatch(re, item);
    if (!groups) continue;
    filtered.set(extract !== '' ? expandString(re, extract, groups) : item, item);
  }
  const latest = policer([...filtered.keys()].sort((a, b) => compareBytewise(b, a)));
  return filtered.get(latest) ?? '';
}
