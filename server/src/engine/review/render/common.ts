// Wording the review's renderers share, so the Markdown, HTML and text reports say the same things the same way.
import type { CheckCounts, CostFact, ReviewLocation, WorkloadReview } from '../types';

/** The outcomes in the order every report lists them, with the words used for them. */
export const OUTCOMES: ReadonlyArray<{ key: keyof CheckCounts; label: string }> = [
  { key: 'passed', label: 'passed' },
  { key: 'advisory', label: 'advisory' },
  { key: 'failed', label: 'failed' },
  { key: 'undetermined', label: 'undetermined' },
  { key: 'accepted', label: 'accepted' },
];

/** `3 passed, 1 failed, 2 undetermined`: the non-zero counts, or `no checks`. */
export function countsText(counts: CheckCounts): string {
  const parts = OUTCOMES.filter((o) => counts[o.key] > 0).map((o) => `${counts[o.key]} ${o.label}`);
  return parts.length > 0 ? parts.join(', ') : 'no checks';
}

export function plural(n: number, noun: string, many = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : many}`;
}

/** `infra/main.bicep:12:5`. */
export function locationText(location: ReviewLocation): string {
  return `${location.file}:${location.line}:${location.column}`;
}

/** A fact's value as the report shows it: the value, `1 (default)`, `unknown: <expression>` or `not set`. */
export function factText(fact: CostFact): string {
  switch (fact.state) {
    case 'known':
      return fact.value ?? '';
    case 'default':
      return `${fact.value ?? ''} (default)`;
    case 'unknown':
      return fact.written ? `unknown: ${fact.written}` : 'unknown';
    case 'unset':
      return 'not set';
  }
}

/** The one-sentence scope of a review: how much code it read. */
export function scopeText(review: WorkloadReview): string {
  return `${plural(review.files.length, 'file')}, ${plural(review.resources, 'resource')}, ${plural(review.checks, 'check')}`;
}

/** How the score works, in the sentences every report ends with (the README says the same at more length). */
export const METHOD: readonly string[] = [
  'A check is one rule judging one resource it applies to; resources declared elsewhere (`existing`, `data`) or broken by a parse error are not checked.',
  'A check fails on a warning or error finding, is advisory when it has only notes about the setting, is undetermined when the code does not state the setting, and passes otherwise.',
  'Each check weighs its rule\'s default severity: error 3, warning 2, note 1.',
  'A principle\'s score is 100 × the weight of passed and advisory checks over the weight of passed, advisory and failed checks of the rules that serve it; a pillar\'s score is the same over the rules of that pillar.',
  'Undetermined checks and findings accepted with a reasoned `waf-ai-lens-ignore` stay out of the score and are counted apart.',
  'The overall score is the mean of the pillar scores that have evidence from code; scores are rounded to whole numbers.',
];
