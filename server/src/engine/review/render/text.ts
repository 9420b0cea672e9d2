// The review's plain-text summary: one line per pillar (score and counts) and the overall score, for terminals and logs.
import type { WorkloadReview } from '../types';
import { countsText } from './common';

/** One styling hook per kind of text, so a terminal can colour scores; the identity by default. */
export interface TextStyle {
  score(text: string, value: number | null): string;
  dim(text: string): string;
}

const PLAIN: TextStyle = { score: (t) => t, dim: (t) => t };

/**
 * The per-pillar summary, aligned in columns:
 * ```
 * Reliability              50  4 passed, 2 failed
 * Cost Optimization         –  no evidence from code
 * Overall                  75  mean of 4 pillars
 * ```
 */
export function pillarSummaryLines(review: WorkloadReview, style: TextStyle = PLAIN): string[] {
  const width = Math.max(...review.pillars.map((p) => p.title.length), 'Overall'.length) + 2;
  const scoreText = (value: number | null): string => (value === null ? '–' : String(value)).padStart(3);
  const lines = review.pillars.map((p) => {
    const detail = p.score.value === null ? `no evidence from code${checksBesides(p.score.counts)}` : countsText(p.score.counts);
    return `${p.title.padEnd(width)}${style.score(scoreText(p.score.value), p.score.value)}  ${style.dim(detail)}`;
  });
  const { overall } = review;
  const detail = overall.score === null ? 'no pillar has evidence from code' : `mean of ${overall.pillarsScored} pillar${overall.pillarsScored === 1 ? '' : 's'} with evidence`;
  lines.push(`${'Overall'.padEnd(width)}${style.score(scoreText(overall.score), overall.score)}  ${style.dim(detail)}`);
  return lines;
}

/** `(2 undetermined)` after "no evidence" when the pillar had checks that could not be decided. */
function checksBesides(counts: WorkloadReview['overall']['counts']): string {
  const other = counts.undetermined + counts.accepted;
  return other > 0 ? ` (${countsText(counts)})` : '';
}
