// The bench's statistics: percentiles of latency samples, least-squares line fits and a growth check for scaling runs.

/** The median of a set of samples (the mean of the middle two for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * The `p`-th percentile (0 < p ≤ 100) by the nearest-rank method: the smallest sample with at least p % of the samples
 * at or below it. Latency percentiles are reported this way because the result is always a latency that really happened,
 * and a p95 of 20 samples is then the second worst one rather than a blend of two. NaN for no samples.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  if (!(p > 0 && p <= 100)) throw new RangeError(`A percentile lies in (0, 100], not ${p}.`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

/** What a latency table shows for one series of samples, in milliseconds. */
export interface LatencySummary {
  samples: number;
  p50: number;
  p95: number;
  max: number;
}

/** p50, p95 and max of a series; null for an empty series, so JSON never carries NaN. */
export function summarize(values: readonly number[]): LatencySummary | null {
  if (values.length === 0) return null;
  return { samples: values.length, p50: percentile(values, 50), p95: percentile(values, 95), max: Math.max(...values) };
}

/** A straight line fitted to points: y ≈ intercept + slope · x, and how much of the variation it explains. */
export interface LinearFit {
  slope: number;
  intercept: number;
  /** The coefficient of determination; 1 when the points lie on the line (and when they are all equal). */
  r2: number;
}

/** The ordinary least-squares line through the points; null for fewer than two distinct x values. */
export function linearFit(points: readonly (readonly [number, number])[]): LinearFit | null {
  const n = points.length;
  if (n < 2) return null;
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / n;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const [x, y] of points) {
    sxx += (x - meanX) ** 2;
    sxy += (x - meanX) * (y - meanY);
    syy += (y - meanY) ** 2;
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  const residual = points.reduce((sum, [x, y]) => sum + (y - (intercept + slope * x)) ** 2, 0);
  return { slope, intercept, r2: syy === 0 ? 1 : 1 - residual / syy };
}

/**
 * The exponent b of the power law y ≈ a · x^b that best fits the points (a least-squares line through log y against log x):
 * 1 for linear growth, 2 for quadratic. Points with a non-positive coordinate are left out; null when fewer than two remain.
 */
export function growthExponent(points: readonly (readonly [number, number])[]): number | null {
  const logs = points.filter(([x, y]) => x > 0 && y > 0).map(([x, y]) => [Math.log(x), Math.log(y)] as const);
  return linearFit(logs)?.slope ?? null;
}

/** How far above 1 the growth exponent over all sizes may go before growth counts as super-linear; below it, noise and warm-up explain it. */
export const SUPER_LINEAR_EXPONENT = 1.15;
/** The same for the exponent between the two largest sizes alone, which is noisier and so given more room. */
export const SUPER_LINEAR_TAIL_EXPONENT = 1.3;

/**
 * Whether cost grows faster than linearly with size.
 * The exponent over all sizes alone misleads when a fixed start-up cost dominates the small sizes (it then comes out
 * below 1 even for a quadratic tail), so the growth between the two largest sizes is judged as well.
 */
export function isSuperLinear(points: readonly (readonly [number, number])[]): boolean {
  const exponent = growthExponent(points);
  if (exponent !== null && exponent > SUPER_LINEAR_EXPONENT) return true;
  const sorted = points.filter(([x, y]) => x > 0 && y > 0).sort((a, b) => a[0] - b[0]);
  if (sorted.length < 2) return false;
  const tail = growthExponent(sorted.slice(-2));
  return tail !== null && tail > SUPER_LINEAR_TAIL_EXPONENT;
}
