/** A least-squares line `y = intercept + slope × x` and how well it fits. */
export interface LineFit {
  readonly slope: number;
  readonly intercept: number;
  /** Coefficient of determination: 1 is a perfect line. */
  readonly r2: number;
}

/**
 * Ordinary least squares over points `[x, y]`: the "time per app" of a scale series is its slope,
 * and r² says whether the series is linear.
 * @throws Error for fewer than two distinct x values
 */
export function fitLine(points: readonly (readonly [number, number])[]): LineFit {
  const n = points.length;
  if (new Set(points.map(([x]) => x)).size < 2) {
    throw new Error(`fitLine: expected points at two or more distinct x values, received ${n} point(s)`);
  }
  const meanX = points.reduce((s, [x]) => s + x, 0) / n;
  const meanY = points.reduce((s, [, y]) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [x, y] of points) {
    sxy += (x - meanX) * (y - meanY);
    sxx += (x - meanX) ** 2;
    syy += (y - meanY) ** 2;
  }
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  const r2 = syy === 0 ? 1 : (sxy * sxy) / (sxx * syy);
  return { slope, intercept, r2 };
}
