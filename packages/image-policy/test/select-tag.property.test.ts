import fc from 'fast-check';
import { expect, it } from 'vitest';
import { compileGoRegexp } from '../src/go/go-regexp.js';
import { compareBytewise } from '../src/bytewise.js';
import { selectTag, SelectTagError, storedTags, type SelectTagSpec } from '../src/index.js';
import { tieCase } from './support/tie-cases.js';
import { candidates, tieKinds, topTie } from './support/tie-kinds.js';

const tag = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'abz019-._'), minLength: 1, maxLength: 8 }),
  fc
    .tuple(fc.nat(3), fc.nat(12), fc.nat(12), fc.option(fc.constantFrom('rc.1', 'beta', 'alpha.2'), { nil: undefined }))
    .map(([a, b, c, p]) => `v${a}.${b}.${c}${p ? `-${p}` : ''}`),
  fc.integer({ min: 1_600_000_000, max: 1_800_000_000 }).map((ts) => `main-${ts}-abcdef0`),
);
const spec: fc.Arbitrary<SelectTagSpec> = fc.oneof(
  fc
    .constantFrom('>=0.0.0', '^1.0.0', '>=1.0.0-0, <3', '~2.1', '1.x || 3.x')
    .map((range) => ({ policy: { semver: { range } } })),
  fc.constantFrom('asc', 'desc').map((order) => ({ policy: { alphabetical: { order } } })),
  fc.constantFrom('asc', 'desc').map((order) => ({
    policy: { numerical: { order } },
    filterTags: { pattern: '^main-(?P<ts>[0-9]+)-[0-9a-f]{7}$', extract: '$ts' },
  })),
  fc.constant({ policy: { alphabetical: {} }, filterTags: { pattern: '^v', extract: '' } }),
);

function attempt(s: SelectTagSpec, tags: readonly string[]): string | SelectTagError {
  try {
    return selectTag(s, tags);
  } catch (error) {
    if (error instanceof SelectTagError) return error;
    throw error;
  }
}

it('the selected tag is always one of the tags, and one the filter admits', () => {
  fc.assert(
    fc.property(spec, fc.array(tag, { maxLength: 15 }), (s, tags) => {
      const got = attempt(s, tags);
      if (typeof got !== 'string') return;
      expect(tags).toContain(got);
      if (s.filterTags?.pattern) expect(compileGoRegexp(s.filterTags.pattern).js.test(got)).toBe(true);
    }),
    { numRuns: 500 },
  );
});

// A spec with tags, or a tie case with other tags mixed in, and the same tags shuffled.
const anyCase = fc.oneof(
  fc.tuple(spec, fc.array(tag, { maxLength: 15 })).map(([s, tags]) => ({ spec: s, tags })),
  fc
    .tuple(tieCase, fc.array(tag, { maxLength: 5 }))
    .map(([t, extra]) => ({ spec: t.spec, tags: [...t.tags, ...extra] })),
);
const withShuffle = anyCase.chain((c) =>
  fc
    .shuffledSubarray(c.tags, { minLength: c.tags.length, maxLength: c.tags.length })
    .map((shuffled) => ({ ...c, shuffled })),
);

it('the result does not depend on the order of the tags (the controller sorts them before any policy)', () => {
  fc.assert(
    fc.property(withShuffle, ({ spec: s, tags, shuffled }) => {
      const x = attempt(s, tags);
      const y = attempt(s, shuffled);
      expect(typeof x === 'string' ? x : x.reason).toEqual(typeof y === 'string' ? y : y.reason);
    }),
    { numRuns: 500 },
  );
});

const greatest = (xs: readonly string[]) => [...xs].sort(compareBytewise).at(-1)!;
const smallest = (xs: readonly string[]) => [...xs].sort(compareBytewise)[0]!;

it('every tie resolves as the API docs say', () => {
  const seen = new Set<string>();
  fc.assert(
    fc.property(tieCase, ({ spec: s, tags }) => {
      const got = attempt(s, tags);
      if (typeof got !== 'string') return;
      const stored = storedTags(tags);
      const values = candidates(s, stored)!;
      const { tied } = topTie(s, [...values.keys()]);
      const distinct = [...new Set(tied)];
      const kinds = tieKinds(s, stored, got);
      kinds.forEach((k) => seen.add(k));
      // The value the policy picked, and the tags it was extracted from.
      const [key, originals] = [...values].find(([, t]) => t.includes(got))!;
      // Extracted values that collide: the bytewise-smallest original tag.
      expect(got).toBe(smallest(originals));
      if (distinct.length > 1) {
        // semver, equal precedence: the bytewise-greatest; numerical, equal values: the bytewise-smallest.
        expect(key).toBe('semver' in s.policy ? greatest(distinct) : smallest(distinct));
      }
    }),
    { numRuns: 2000, seed: 13 },
  );
  expect([...seen].sort()).toEqual(
    [
      'build metadata',
      'equal numbers',
      'extract collision',
      'leading zeros',
      'map order',
      'v prefix',
      'alphabetical duplicates',
      'NaN',
    ].sort(),
  );
});

it('adding a tag that the policy ranks lower never changes a numerical pick', () => {
  const s: SelectTagSpec = {
    policy: { numerical: {} },
    filterTags: { pattern: '^main-(?P<ts>[0-9]+)-[0-9a-f]{7}$', extract: '$ts' },
  };
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.integer({ min: 1_600_000_000, max: 1_800_000_000 }), { minLength: 1, maxLength: 10 }),
      (ts) => {
        const tags = ts.map((t) => `main-${t}-abcdef0`);
        const best = selectTag(s, tags);
        expect(best).toBe(`main-${Math.max(...ts)}-abcdef0`);
        expect(selectTag(s, [...tags, `main-${Math.min(...ts) - 1}-abcdef0`, 'edge', 'v9.9.9'])).toBe(best);
      },
    ),
    { numRuns: 300 },
  );
});
