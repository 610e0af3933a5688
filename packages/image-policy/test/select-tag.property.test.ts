import fc from 'fast-check';
import { expect, it } from 'vitest';
import { compileGoRegexp, selectTag, SelectTagError, type SelectTagSpec } from '../src/index.js';

const tag = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'abz019-._'), minLength: 1, maxLength: 8 }),
  fc.tuple(fc.nat(3), fc.nat(12), fc.nat(12), fc.option(fc.constantFrom('rc.1', 'beta', 'alpha.2'), { nil: undefined })).map(([a, b, c, p]) => `v${a}.${b}.${c}${p ? `-${p}` : ''}`),
  fc.integer({ min: 1_600_000_000, max: 1_800_000_000 }).map((ts) => `main-${ts}-abcdef0`),
);
const spec: fc.Arbitrary<SelectTagSpec> = fc.oneof(
  fc.constantFrom('>=0.0.0', '^1.0.0', '>=1.0.0-0, <3', '~2.1', '1.x || 3.x').map((range) => ({ policy: { semver: { range } } })),
  fc.constantFrom('asc', 'desc').map((order) => ({ policy: { alphabetical: { order } } })),
  fc.constantFrom('asc', 'desc').map((order) => ({ policy: { numerical: { order } }, filterTags: { pattern: '^main-(?P<ts>[0-9]+)-[0-9a-f]{7}$', extract: '$ts' } })),
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

it('the result does not depend on the order of the tags (ties broken by byte order)', () => {
  fc.assert(
    fc.property(spec, fc.array(tag, { maxLength: 15 }).chain((tags) => fc.tuple(fc.constant(tags), fc.shuffledSubarray(tags, { minLength: tags.length, maxLength: tags.length }))), (s, [a, b]) => {
      const x = attempt(s, a);
      const y = attempt(s, b);
      expect(typeof x === 'string' ? x : x.reason).toEqual(typeof y === 'string' ? y : y.reason);
    }),
    { numRuns: 500 },
  );
});

it('adding a tag that the policy ranks lower never changes a numerical pick', () => {
  const s: SelectTagSpec = { policy: { numerical: {} }, filterTags: { pattern: '^main-(?P<ts>[0-9]+)-[0-9a-f]{7}$', extract: '$ts' } };
  fc.assert(
    fc.property(fc.uniqueArray(fc.integer({ min: 1_600_000_000, max: 1_800_000_000 }), { minLength: 1, maxLength: 10 }), (ts) => {
      const tags = ts.map((t) => `main-${t}-abcdef0`);
      const best = selectTag(s, tags);
      expect(best).toBe(`main-${Math.max(...ts)}-abcdef0`);
      expect(selectTag(s, [...tags, `main-${Math.min(...ts) - 1}-abcdef0`, 'edge', 'v9.9.9'])).toBe(best);
    }),
    { numRuns: 300 },
  );
});
