// Generators of ties of every kind (see tie-kinds.ts): variants of one version or number (build
// metadata, prefix, leading zeros, equal values, NaN), duplicates, and filters whose extracted
// values collide or tie, mixed with other tags in any order. Shared by the differential and the
// property tests.
import fc from 'fast-check';
import type { SelectTagSpec } from '../../src/index.js';

// Ties of every kind: variants of one version or number mixed with others, in any order.
const core = fc.tuple(fc.nat(3), fc.nat(3), fc.nat(3));
interface SemverForm {
  readonly v: string;
  readonly zeros: readonly number[];
  readonly pre: string;
  readonly meta: string;
}
const semverForm = fc.record({
  v: fc.constantFrom('', 'v'),
  zeros: fc.constantFrom([0, 0, 0], [1, 0, 0], [0, 1, 0]),
  pre: fc.constantFrom('', '', '-rc.1'),
  meta: fc.constantFrom('', '+abc'),
});
// A variant of the same version that changes one thing: build metadata, the prefix or the zeros.
const semverChange = fc.constantFrom<(f: SemverForm) => SemverForm>(
  (f) => ({ ...f, meta: f.meta === '' ? '+abc' : '' }),
  (f) => ({ ...f, meta: `${f.meta === '' ? '+' : `${f.meta}.`}001` }),
  (f) => ({ ...f, meta: '+sha.e8fc5e5' }),
  (f) => ({ ...f, v: f.v === '' ? 'v' : '' }),
  (f) => ({ ...f, zeros: f.zeros.map((z, i) => (i === 2 ? z + 1 : z)) }),
  (f) => ({ ...f, zeros: f.zeros.map((z, i) => (i === 1 ? z + 1 : z)) }),
);
const semverTies = fc
  .tuple(
    core,
    semverForm,
    fc.array(semverChange, { minLength: 1, maxLength: 4 }),
    fc.array(core, { maxLength: 3 }),
    fc.constantFrom('*', '>=0.0.0', '1.x || 2.x', '>=0.0.0-0', '<3'),
  )
  .map(([c, form, changes, others, range]) => {
    const render = (f: SemverForm) =>
      `${f.v}${c.map((n, i) => `${'0'.repeat(f.zeros[i]!)}${n}`).join('.')}${f.pre}${f.meta}`;
    return {
      policy: { semver: { range } },
      tags: [render(form), ...changes.map((change) => render(change(form))), ...others.map((o) => o.join('.'))],
    };
  });
const numberVariant = fc.constantFrom('', '0', '00', '+', '.0', 'e0', '.00', '_0');
const numericalTies = fc
  .tuple(
    fc.nat(20),
    fc.array(numberVariant, { minLength: 1, maxLength: 4 }),
    fc.array(fc.oneof(fc.nat(20).map(String), fc.constantFrom('NaN', 'nan', '+Inf', '-inf')), { maxLength: 4 }),
    fc.constantFrom('asc', 'desc', ''),
  )
  .map(([n, variants, others, order]) => ({
    policy: { numerical: { order } },
    tags: [
      String(n),
      ...variants.map((v) =>
        v === '0' || v === '00' ? `${v}${n}` : v === '+' ? `+${n}` : v === '_0' ? `${n}_0` : `${n}${v}`,
      ),
      ...others,
    ],
  }));
const alphabeticalDuplicates = fc
  .tuple(
    fc.array(fc.constantFrom('a', 'b', 'edge', 'latest', 'main'), { minLength: 1, maxLength: 6 }),
    fc.constantFrom('asc', 'desc'),
  )
  .map(([tags, order]) => ({ policy: { alphabetical: { order } }, tags: [...tags, ...tags.slice(0, 2)] }));
// Filters that keep or extract, so ties meet Go's map and extracted values collide.
const filterOf = (...filters: ({ pattern: string; extract?: string } | undefined)[]) => fc.constantFrom(...filters);
const semverFilter = filterOf(
  undefined,
  undefined,
  { pattern: '' },
  { pattern: '^v?(?P<v>[0-9.]+)', extract: '$v' },
  { pattern: '^(?P<core>[^+]*)', extract: '${core}' },
);
const numericalFilter = filterOf(
  undefined,
  undefined,
  { pattern: '' },
  { pattern: '^(?:v|0)?(?P<n>[0-9]+)', extract: '$n' },
  { pattern: '^[+]?(?P<n>.*)', extract: 'v$n' },
);
const alphabeticalFilter = filterOf(
  undefined,
  undefined,
  { pattern: '^[a-z]', extract: 'x' },
  { pattern: '^(?P<c>[a-z])', extract: '$c' },
);
const buildFilter = filterOf(
  { pattern: '^(?P<b>main|dev)-(?P<ts>[0-9]+)-[0-9a-f]{7}$', extract: '$ts' },
  { pattern: '^main-(?P<ts>[0-9]+)', extract: '$ts' },
);
const branchBuilds = fc
  .tuple(
    fc.array(
      fc.tuple(
        fc.constantFrom('main', 'dev'),
        fc.integer({ min: 1_700_000_000, max: 1_700_000_003 }),
        fc.stringMatching(/^[0-9a-f]{7}$/),
      ),
      { minLength: 1, maxLength: 6 },
    ),
    fc.constantFrom('asc', 'desc'),
  )
  .map(([builds, order]) => ({
    policy: { numerical: { order } },
    tags: builds.map(([b, t, sha]) => `${b}-${t}-${sha}`),
  }));
const withFilter = <T extends { policy: unknown; tags: string[] }>(
  base: fc.Arbitrary<T>,
  filter: fc.Arbitrary<{ pattern: string; extract?: string } | undefined>,
) =>
  fc.tuple(base, filter).map(([b, f]) => ({
    spec: (f === undefined ? { policy: b.policy } : { policy: b.policy, filterTags: f }) as SelectTagSpec,
    tags: b.tags,
  }));
/** A tie case: the spec and the registry's tags, in any order. */
export const tieCase: fc.Arbitrary<{ spec: SelectTagSpec; tags: string[] }> = fc.oneof(
  { weight: 4, arbitrary: withFilter(semverTies, semverFilter) },
  { weight: 3, arbitrary: withFilter(numericalTies, numericalFilter) },
  { weight: 1, arbitrary: withFilter(alphabeticalDuplicates, alphabeticalFilter) },
  { weight: 1, arbitrary: withFilter(branchBuilds, buildFilter) },
);
