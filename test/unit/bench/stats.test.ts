// Tests the bench's statistics: nearest-rank percentiles, latency summaries, least-squares fits and the growth verdict.
import * as assert from 'node:assert/strict';
import { growthExponent, isSuperLinear, linearFit, median, percentile, summarize } from '../../../scripts/bench/stats';

/** Compares numbers to a few decimals, so the float arithmetic of a fit does not make a test brittle. */
function near(actual: number | null | undefined, expected: number, digits = 9): void {
  assert.ok(actual !== null && actual !== undefined, `expected ${expected}, got ${actual}`);
  assert.ok(Math.abs(actual - expected) < Math.pow(10, -digits), `expected ${expected}, got ${actual}`);
}

interface PercentileCase {
  name: string;
  values: number[];
  p: number;
  expected: number;
}

const ONE_TO_TWENTY = Array.from({ length: 20 }, (_, i) => 20 - i);

const PERCENTILES: PercentileCase[] = [
  { name: 'p50 of an odd count is the middle value', values: [5, 1, 3], p: 50, expected: 3 },
  { name: 'p50 of an even count is the lower middle value (a latency that happened, not a blend)', values: [4, 1, 3, 2], p: 50, expected: 2 },
  { name: 'p95 of 20 samples is the second worst', values: ONE_TO_TWENTY, p: 95, expected: 19 },
  { name: 'p100 is the maximum', values: ONE_TO_TWENTY, p: 100, expected: 20 },
  { name: 'a tiny percentile is the minimum', values: ONE_TO_TWENTY, p: 0.1, expected: 1 },
  { name: 'p95 of fewer than 20 samples is the maximum', values: [3, 9, 1, 7], p: 95, expected: 9 },
  { name: 'one sample is every percentile', values: [42], p: 95, expected: 42 },
  { name: 'ties are kept', values: [1, 1, 1, 10], p: 75, expected: 1 },
];

function checkPercentile(c: PercentileCase): void {
  assert.equal(percentile(c.values, c.p), c.expected);
}

describe('bench statistics: percentiles', () => {
  for (const c of PERCENTILES) it(c.name, () => checkPercentile(c));

  it('is NaN for no samples and refuses a percentile outside (0, 100]', () => {
    assert.ok(Number.isNaN(percentile([], 50)));
    assert.throws(() => percentile([1], 0), RangeError);
    assert.throws(() => percentile([1], 101), RangeError);
  });

  it('does not reorder the caller’s samples', () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    median(values);
    assert.deepEqual(values, [3, 1, 2]);
  });

  it('takes the median as the mean of the middle two for an even count, as the throughput passes always have', () => {
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(median([7]), 7);
    assert.ok(Number.isNaN(median([])));
  });

  it('summarises a series as p50, p95 and max, and no series as null (JSON has no NaN)', () => {
    assert.deepEqual(summarize(ONE_TO_TWENTY), { samples: 20, p50: 10, p95: 19, max: 20 });
    assert.equal(summarize([]), null);
  });
});

interface FitCase {
  name: string;
  points: [number, number][];
  slope: number;
  intercept: number;
  r2: number;
}

const FITS: FitCase[] = [
  { name: 'points on a line give that line and r² 1', points: [[100, 150], [1000, 1050], [5000, 5050]], slope: 1, intercept: 50, r2: 1 },
  { name: 'a flat series has slope 0 and r² 1 (nothing to explain)', points: [[1, 7], [2, 7], [3, 7]], slope: 0, intercept: 7, r2: 1 },
  // Through (0,0), (1,1), (2,1), (3,3): x̄ 1.5, ȳ 1.25, Sxy 4.5, Sxx 5, so slope 0.9 and intercept −0.1; the residuals leave 0.70 of Syy 4.75.
  { name: 'scattered points give the least-squares line', points: [[0, 0], [1, 1], [2, 1], [3, 3]], slope: 0.9, intercept: -0.1, r2: 4.05 / 4.75 },
];

describe('bench statistics: least-squares fit', () => {
  for (const c of FITS) {
    it(c.name, () => {
      const fit = linearFit(c.points);
      near(fit?.slope, c.slope);
      near(fit?.intercept, c.intercept);
      near(fit?.r2, c.r2);
    });
  }

  it('needs two distinct x values', () => {
    assert.equal(linearFit([]), null);
    assert.equal(linearFit([[1, 2]]), null);
    assert.equal(linearFit([[1, 2], [1, 3]]), null);
  });
});

interface GrowthCase {
  name: string;
  points: [number, number][];
  exponent: number;
  superLinear: boolean;
}

const sizes = [100, 500, 1000, 2500, 5000];

const GROWTH: GrowthCase[] = [
  { name: 'linear cost has exponent 1 and is linear', points: sizes.map((n) => [n, 2 * n]), exponent: 1, superLinear: false },
  { name: 'quadratic cost has exponent 2 and is super-linear', points: sizes.map((n) => [n, n * n]), exponent: 2, superLinear: true },
  {
    name: 'a large fixed start-up cost hides a quadratic tail from the overall exponent, but not from the tail check',
    points: sizes.map((n) => [n, 5000 + (n * n) / 1000]),
    exponent: 0.42,
    superLinear: true,
  },
  { name: 'linear cost on top of a fixed start-up cost is linear', points: sizes.map((n) => [n, 300 + 0.8 * n]), exponent: 0.62, superLinear: false },
  { name: 'noise of a few per cent on linear cost is still linear', points: [[100, 88], [500, 410], [1000, 790], [2500, 2100], [5000, 4100]], exponent: 0.98, superLinear: false },
];

describe('bench statistics: growth', () => {
  for (const c of GROWTH) {
    it(c.name, () => {
      const exponent = growthExponent(c.points);
      assert.ok(exponent !== null && Math.abs(exponent - c.exponent) < 0.05, `exponent ${exponent}, expected about ${c.exponent}`);
      assert.equal(isSuperLinear(c.points), c.superLinear);
    });
  }

  it('leaves out points it cannot take the logarithm of, and needs two left', () => {
    near(growthExponent([[0, 5], [10, 0], [10, 20], [20, 40]]), 1);
    assert.equal(growthExponent([[10, 20]]), null);
    assert.equal(isSuperLinear([[10, 20]]), false);
  });
});
