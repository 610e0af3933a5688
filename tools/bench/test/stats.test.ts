import { describe, expect, it } from 'vitest';
import { fitLine, summarize } from '../src/index.js';

describe('summarize', () => {
  it('takes the middle sample of an odd count, with min and max', () => {
    expect(summarize([5, 1, 9, 3, 7])).toEqual({ median: 5, min: 1, max: 9, n: 5 });
  });
  it('averages the two middle samples of an even count', () => {
    expect(summarize([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4, n: 4 });
  });
  it('refuses no samples rather than report 0', () => {
    expect(() => summarize([])).toThrow('expected at least one sample, received none');
  });
});

describe('fitLine', () => {
  it('recovers a line exactly (slope = time per app), r² 1', () => {
    const fit = fitLine([
      [10, 120],
      [100, 300],
      [1000, 2100],
    ]);
    expect(fit.slope).toBeCloseTo(2, 10);
    expect(fit.intercept).toBeCloseTo(100, 10);
    expect(fit.r2).toBeCloseTo(1, 10);
  });
  it('reports a poor fit for a cubic series', () => {
    // y = x³ at 1..5: r² of the best line is 0.8895 (checked with an independent computation)
    const fit = fitLine([1, 2, 3, 4, 5].map((x) => [x, x ** 3] as const));
    expect(fit.r2).toBeCloseTo(0.8895, 4);
  });
  it('needs two distinct x values', () => {
    expect(() =>
      fitLine([
        [5, 1],
        [5, 2],
      ]),
    ).toThrow('two or more distinct x values, received 2 point(s)');
  });
});
