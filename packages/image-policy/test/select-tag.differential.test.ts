// Differential tests: selectTag against test/oracle, i.e. against the real Masterminds/semver
// v3.5.0, Go's regexp (RE2) and Go's strconv.ParseFloat, on generated ranges, tags and patterns.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectTag, SelectTagError, type SelectTagSpec } from '../src/index.js';
import { buildOracle, runOracle } from './go-oracle.js';

// ORACLE_RUNS / ORACLE_SEED widen a local hunt for differences; CI runs the pinned sample.
const RUNS = Number(process.env.ORACLE_RUNS ?? 4000);
const SEED = Number(process.env.ORACLE_SEED ?? 6);

let oracle: string;
beforeAll(() => {
  oracle = buildOracle();
}, 300_000);

function local(spec: SelectTagSpec, tags: readonly string[]): { tag?: string; reason?: string } {
  try {
    return { tag: selectTag(spec, tags) };
  } catch (error) {
    if (error instanceof SelectTagError) return { reason: error.reason };
    throw error;
  }
}

/** Runs the cases through both, expects no mismatch, and that the sample reached every outcome. */
function compareWithOracle(specs: readonly { spec: SelectTagSpec; tags: readonly string[] }[], outcomes: readonly string[]): void {
  const expected = runOracle(oracle, specs);
  const mismatches = specs
    .map((c, i) => ({ ...c, got: local(c.spec, c.tags), want: { tag: expected[i]!.tag, reason: expected[i]!.reason } }))
    .filter((m) => m.got.tag !== m.want.tag || m.got.reason !== m.want.reason);
  expect(mismatches.slice(0, 5)).toEqual([]);
  // The sample must exercise all outcomes, or the comparison proves little.
  expect([...new Set(expected.map((e) => e.reason ?? 'tag'))].sort()).toEqual(outcomes);
}

const num = fc.oneof(fc.constantFrom('0', '1', '2', '3', '10', '01', '00', '18446744073709551615', '18446744073709551616'), fc.nat(12).map(String));
const ident = fc.oneof(fc.constantFrom('alpha', 'beta', 'rc', '0', '1', '01', '-1', 'x', 'a-b', ''), fc.nat(20).map(String));
const pre = fc.array(ident, { minLength: 1, maxLength: 3 }).map((p) => p.join('.'));
const version = fc
  .record({
    v: fc.constantFrom('', 'v', 'V'),
    parts: fc.array(num, { minLength: 1, maxLength: 4 }),
    pre: fc.option(pre, { nil: undefined }),
    meta: fc.option(fc.constantFrom('build', 'b.1', 'sha.e8fc5e5', '', '001'), { nil: undefined }),
  })
  .map(({ v, parts, pre, meta }) => `${v}${parts.join('.')}${pre === undefined ? '' : `-${pre}`}${meta === undefined ? '' : `+${meta}`}`);
const xpart = fc.oneof(num, fc.constantFrom('x', 'X', '*'));
const cv = fc
  .record({ v: fc.constantFrom('', 'v'), parts: fc.array(xpart, { minLength: 1, maxLength: 3 }), pre: fc.option(pre, { nil: undefined }) })
  .map(({ v, parts, pre }) => `${v}${parts.join('.')}${pre === undefined ? '' : `-${pre}`}`);
const op = fc.constantFrom('', '=', '!=', '>', '<', '>=', '=>', '<=', '=<', '~', '~>', '^');
const ws = fc.constantFrom('', ' ', '  ', '\t');
const single = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(op, ws, cv).map(([o, w, c]) => `${o}${w}${c}`) },
  { weight: 1, arbitrary: fc.tuple(cv, cv).map(([a, b]) => `${a} - ${b}`) },
);
const andGroup = fc.array(fc.tuple(single, fc.constantFrom(', ', ',', ' ', ' ,')), { minLength: 1, maxLength: 3 }).map((xs) => xs.map(([c, sep], i) => (i === 0 ? c : `${sep}${c}`)).join(''));
const range = fc.oneof(
  { weight: 8, arbitrary: fc.array(andGroup, { minLength: 1, maxLength: 3 }).map((gs) => gs.join(' || ')) },
  { weight: 1, arbitrary: fc.constantFrom('', '*', 'x', '1.0.0p', '>= bar', '1 - ', '|| 1', '~>', '^0.0', '>=1.0.0-0') },
);

describe('semver policies match Masterminds/semver v3.5.0 + fluxcd/pkg/version', () => {
  it(`on ${RUNS} generated ranges and tag lists`, { timeout: 120_000 }, () => {
    const cases = fc.sample(fc.record({ range, tags: fc.array(version, { maxLength: 12 }) }), { numRuns: RUNS, seed: SEED });
    const specs = cases.map(({ range, tags }) => ({ spec: { policy: { semver: { range } } } as SelectTagSpec, tags }));
    compareWithOracle(specs, ['InvalidPolicy', 'NoMatch', 'NoTags', 'tag']);
  });
});

const tagChar = fc.constantFrom(...'abcmnz019-._AZ');
const tag = fc.oneof(
  fc.string({ unit: tagChar, minLength: 1, maxLength: 10 }),
  fc.tuple(fc.constantFrom('main', 'dev', 'feat'), fc.integer({ min: 1_600_000_000, max: 1_800_000_000 }), fc.stringMatching(/^[0-9a-f]{7}$/)).map(([b, t, s]) => `${b}-${t}-${s}`),
  fc.constantFrom('1', '1.0', '-3', '1e3', '1_000', '0x1p4', 'inf', 'NaN', '+nan', '1e400', '.5', '5.', '00012', 'latest', 'edge'),
);
const patternPiece = fc.constantFrom(
  '^', '$', '.', '[0-9]+', '[a-z]*', '\\d+', '\\w', '(?P<ts>[0-9]+)', '(?<n>\\d+)', '(main|dev)', '-', '[0-9a-f]{7}', '(?i)A', '(?:a|b)?', '\\.', '[^-]+',
  '[[:digit:]]+', '\\Qa.b\\E', 'a{2,}', 'x*?', '\\pL', '\\b', '(?s).', '(?U)a+', '[]a]', // valid in Go
  '(?=a)', '\\1', '\\x{41}', '\\101', '[\\d-z]', '[a-]', '(?m)^a$', '(?-i:a)', 'a{,2}', '{', '\\S+', '[[:^alpha:]]', '\\p{Greek}', '\\PN', '(a*)*', '(a|)+', '(?i)[^a-c]', '(', 'a{1001}', '\\Z', '[z-a]', '*', '(?P<1x>a)', 'a**', // rejected by Go (some only in context)
);
const pattern = fc.array(patternPiece, { minLength: 0, maxLength: 5 }).map((p) => p.join(''));
const extract = fc.constantFrom('', '$ts', '${ts}', '$1', '${1}', '$n', '$0', '$01', '$$', '$', '${ts', '$tsx', 'v$1-$2', '$2');
const policy = fc.oneof(
  fc.constantFrom('asc', 'desc', 'ASC', '', 'Desc').map((order) => ({ numerical: { order } })),
  fc.constantFrom('asc', 'desc', '').map((order) => ({ alphabetical: { order } })),
  fc.constantFrom('>=0.0.0', '1.x', '^1.0.0-0').map((r) => ({ semver: { range: r } })),
);

describe('filterTags, extract, numerical and alphabetical match Go regexp/strconv', () => {
  it(`on ${RUNS} generated policies, patterns and tag lists`, { timeout: 120_000 }, () => {
    const cases = fc.sample(fc.record({ policy, pattern, extract, tags: fc.array(tag, { maxLength: 10 }), filter: fc.boolean() }), { numRuns: RUNS, seed: SEED + 1 });
    const specs = cases.map(({ policy, pattern, extract, tags, filter }) => ({
      spec: (filter ? { policy, filterTags: { pattern, extract } } : { policy }) as SelectTagSpec,
      tags,
    }));
    compareWithOracle(specs, ['InvalidPolicy', 'NoMatch', 'NoTags', 'NotNumeric', 'tag']);
  });
});
