// The scoring arithmetic: weighted share of passed checks per principle and pillar, and the mean of the pillars overall.
import type { Check } from './checks';
import type { CheckCounts, Score } from './types';

/** Counts with every outcome at zero. */
export function emptyCounts(): CheckCounts {
  return { passed: 0, advisory: 0, failed: 0, undetermined: 0, accepted: 0 };
}

/**
 * Scores a set of checks: 100 × Σ weight(passed + advisory) / Σ weight(passed + advisory + failed), rounded to a whole number.
 * Undetermined and accepted checks are counted but stay out of both sums; with no determinate check the value is null.
 */
export function scoreOf(checks: readonly Check[]): Score {
  const counts = emptyCounts();
  let earned = 0;
  let possible = 0;
  for (const check of checks) {
    counts[check.outcome]++;
    if (check.outcome === 'passed' || check.outcome === 'advisory') {
      earned += check.weight;
      possible += check.weight;
    } else if (check.outcome === 'failed') {
      possible += check.weight;
    }
  }
  return { value: possible > 0 ? Math.round((100 * earned) / possible) : null, earned, possible, counts };
}

/**
 * The overall score: the mean of the pillar scores that have a value, each taken unrounded (earned / possible) so that
 * rounding happens once, at the end. Null when no pillar has a determinate check.
 */
export function overallOf(pillars: readonly Score[]): { score: number | null; pillarsScored: number } {
  const scored = pillars.filter((s) => s.possible > 0);
  if (scored.length === 0) return { score: null, pillarsScored: 0 };
  const mean = scored.reduce((sum, s) => sum + (100 * s.earned) / s.possible, 0) / scored.length;
  return { score: Math.round(mean), pillarsScored: scored.length };
}

