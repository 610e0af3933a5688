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
import { optionIssues, strictObject, ValidationError } from '@sugarkube/core';
import { z } from 'zod';
import { SelectTagError } from './select-tag-error.js';
import { exclusionListSchema, storedTagsOf, tagListSchema } from './stored-tags.js';

/**
 * `spec.policy` of an ImagePolicy: exactly one member is set (the CRD's shape, so an
 * ImagePolicy's own `spec` can be passed; Flux reads `order` in any case).
 */
export interface PolicyChoice {
  readonly semver?: { readonly range: string };
  readonly numerical?: { readonly order?: string };
  readonly alphabetical?: { readonly order?: string };
}

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

/**
 * The shape of the arguments (the policy's values are Flux's to judge: a range Masterminds
 * refuses is `InvalidPolicy`, as in the controller). The spec may be a whole ImagePolicy spec.
 */
const specSchema = z.looseObject({
  policy: strictObject({
    semver: strictObject({ range: z.string({ error: 'a semver range' }) }).optional(),
    numerical: strictObject({ order: z.string({ error: 'asc or desc' }).optional() }).optional(),
    alphabetical: strictObject({ order: z.string({ error: 'asc or desc' }).optional() }).optional(),
  }),
  filterTags: strictObject({
    pattern: z.string({ error: 'a Go regular expression' }).optional(),
    extract: z.string({ error: 'an extract template such as "$ts"' }).optional(),
  }).optional(),
});
const optionsSchema = strictObject({ exclusionList: exclusionListSchema.optional() });

function orderOf(kind: 'numerical' | 'alphabetical', order: string | undefined): 'ASC' | 'DESC' {
  const upper = (order ?? '').toUpperCase();
  if (upper === '') return 'ASC';
  if (upper === 'ASC' || upper === 'DESC') return upper;
  throw new SelectTagError(
    'InvalidPolicy',
    `invalid policy: invalid order argument provided: '${upper}', must be one of: ASC, DESC`,
    { path: ['spec', 'policy', kind, 'order'], expected: 'asc or desc (any case)', received: order },
  );
}

/** The filter left no candidate (the stored list was not empty): the filter is what to look at. */
function emptyList(spec: SelectTagSpec): never {
  throw new SelectTagError('NoMatch', 'version list argument cannot be empty', {
    path: ['spec', 'filterTags', 'pattern'],
    expected: 'a pattern at least one tag matches',
    received: spec.filterTags?.pattern,
  });
}

/** `PolicerFromSpec` and the three policers' `Latest`; the whole spec names the field to fix in errors. */
function policerFromSpec(spec: SelectTagSpec): Policer {
  const choice = spec.policy;
  if ('semver' in choice && choice.semver) {
    const range = choice.semver.range;
    let constraints;
    try {
      constraints = parseConstraints(choice.semver.range);
    } catch (error) {
      if (error instanceof ConstraintError)
        throw new SelectTagError('InvalidPolicy', `invalid policy: ${error.message}`, {
          path: ['spec', 'policy', 'semver', 'range'],
          expected: 'a Masterminds/semver range Flux accepts',
          received: choice.semver.range,
        });
      throw error;
    }
    return (candidates) => {
      if (candidates.length === 0) emptyList(spec);
      let latest: SemverVersion | undefined;
      for (const tag of candidates) {
        const v = parseFluxVersion(tag);
        if (v && satisfies(constraints, v) && (latest === undefined || compareVersions(v, latest) > 0)) latest = v;
      }
      if (!latest)
        throw new SelectTagError('NoMatch', 'unable to determine latest version from provided list', {
          path: ['spec', 'policy', 'semver', 'range'],
          expected: `a range one of the ${candidates.length} candidate tag(s) satisfies`,
          received: range,
        });
      return latest.original;
    };
  }
  if ('alphabetical' in choice && choice.alphabetical) {
    const order = orderOf('alphabetical', choice.alphabetical.order);
    return (candidates) => {
      if (candidates.length === 0) emptyList(spec);
      const sorted = [...candidates].sort(compareBytewise);
      return order === 'DESC' ? sorted[0]! : sorted[sorted.length - 1]!;
    };
  }
  if ('numerical' in choice && choice.numerical) {
    const order = orderOf('numerical', choice.numerical.order);
    return (candidates) => {
      if (candidates.length === 0) emptyList(spec);
      let latest = '';
      let pv = 0;
      candidates.forEach((version, i) => {
        const cv = goParseFloat(version);
        if (cv === undefined)
          throw new SelectTagError('NotNumeric', `failed to parse invalid numeric value '${version}'`, {
            // What to fix: the filter that let a non-number through to a numerical policy.
            path:
              spec.filterTags === undefined
                ? ['spec', 'filterTags']
                : ['spec', 'filterTags', spec.filterTags.extract ? 'extract' : 'pattern'],
            expected: 'a filter that leaves only numbers for a numerical policy (e.g. extract "$ts")',
            received: version,
          });
        if (i !== 0 && ((order === 'ASC' && cv < pv) || (order === 'DESC' && cv > pv))) return;
        latest = version;
        pv = cv;
      });
      return latest;
    };
  }
  throw new SelectTagError('InvalidPolicy', 'invalid policy: given ImagePolicyChoice object is invalid', {
    path: ['spec', 'policy'],
    expected: 'one of semver, numerical, alphabetical',
    received: choice,
  });
}

/**
 * Selects the tag Flux would pick from `tags` (the registry's tag list, in any order) for an
 * ImagePolicy `spec` (a whole spec is fine). Arguments of the wrong shape throw a `ValidationError`
 * (from `@sugarkube/core`); where the controller fails it throws {@link SelectTagError}, a
 * `ValidationError` with the path of the input that decides it and Flux's `reason`.
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
  const issues = [
    ...optionIssues(specSchema, spec, [], ['spec']),
    ...optionIssues(tagListSchema, tags, [], ['tags']),
    ...optionIssues(optionsSchema, options, [], ['options']),
  ];
  if (issues.length > 0) throw new ValidationError('tag selection', issues);
  const policer = policerFromSpec(spec);
  const ordered = storedTagsOf(tags, options.exclusionList, ['options', 'exclusionList']);
  if (ordered.length === 0)
    throw new SelectTagError('NoTags', 'no tags in database', {
      path: ['tags'],
      expected: 'at least one tag (after the exclusion list)',
      received: tags,
    });
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
        {
          path: ['spec', 'filterTags', 'pattern'],
          expected: `a Go regular expression (${error.message})`,
          received: pattern,
        },
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
