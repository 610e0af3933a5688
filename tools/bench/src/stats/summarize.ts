/** Median, min and max of a set of samples (the statistic every table reports). */
export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** How many samples. */
  readonly n: number;
}

/**
 * Summarizes samples. The median of an even count is the mean of the two middle values.
 * @throws Error for no samples (a scenario that measured nothing must say so, not print 0)
 */
export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('summarize: expected at least one sample, received none');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, n: sorted.length };
}

/** The ratio of two medians, `a / b`. */
export function ratio(a: Summary, b: Summary): number {
  return a.median / b.median;
}
