import { describe, expect, it } from 'vitest';
import { parseOptions, reproduceArgs } from '../src/index.js';

const defaults = { out: '/repo/docs/benchmarks.md', smokeOut: '/tmp/smoke.md', beforeRef: '9f030be' };

describe('parseOptions', () => {
  it('defaults: every scenario, 5 runs, the docs file, main at 9f030be as "before"', () => {
    expect(parseOptions([], defaults)).toEqual({
      only: ['imports', 'a', 'b', 'c', 'd', 'e', 'f', 'g'],
      runs: 5,
      smoke: false,
      out: '/repo/docs/benchmarks.md',
      before: { ref: '9f030be' },
      keepWork: false,
    });
  });
  it('smoke: one run, a temp file', () => {
    expect(parseOptions(['--smoke', '--only', 'a,g', '--no-before'], defaults)).toMatchObject({
      only: ['a', 'g'],
      runs: 1,
      out: '/tmp/smoke.md',
      before: undefined,
    });
  });
  it('reports every problem at once, with the usage', () => {
    expect(() => parseOptions(['--only', 'a,h', '--runs', '0', '--no-before', '--before-dir', '/x'], defaults)).toThrow(
      /--only: expected scenario ids among imports, a, b, c, d, e, f, g, received "h"\n--runs: expected a whole number of runs, at least 1 \(5 for figures to quote\), received "0"\n--before, --before-dir and --no-before: expected at most one of them\n\nUsage: npm run bench/,
    );
  });
  it('names the settings that reproduce a table', () => {
    expect(reproduceArgs(parseOptions(['--runs', '7'], defaults), '--only b')).toBe(
      'npm run bench -- --only b --runs 7',
    );
    expect(reproduceArgs(parseOptions([], defaults), '--only b')).toBe('npm run bench -- --only b');
  });
});
