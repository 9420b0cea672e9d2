// Applies the user's rule and pillar settings to findings: turns rules off and sets their severity. Pure.
import { ruleMeta, type PillarId } from '../catalog';
import type { Finding, Severity } from '../types';

/** What a setting may say about one rule: a severity, or `off`. */
export type RuleLevel = Severity | 'off';

export const RULE_LEVELS: readonly RuleLevel[] = ['error', 'warning', 'note', 'off'];

/**
 * The settings the engine honours, as a plain object (the CLI reads them from `.waf-ai-lens.json`,
 * the language server merges that file with the editor's settings).
 */
export interface AnalyzeOptions {
  /** Per rule id: the severity its findings get, or `off`. Wins over `pillars`. */
  rules?: Readonly<Record<string, RuleLevel>>;
  /** Per pillar: `false` turns off every rule of the pillar that `rules` does not name. */
  pillars?: Readonly<Partial<Record<PillarId, boolean>>>;
}

/** Whether a rule runs under these options: not `off`, and its pillar not turned off (unless the rule is named). */
export function ruleEnabled(ruleId: string, options: AnalyzeOptions = {}): boolean {
  const level = options.rules?.[ruleId];
  if (level !== undefined) return level !== 'off';
  const pillar = ruleMeta(ruleId)?.pillar;
  return !(pillar && options.pillars?.[pillar] === false);
}

/**
 * Drops the findings of rules that are off and gives the others their configured severity.
 * A "could not determine" note stays a note whatever the rule's severity: it reports what the tool cannot know,
 * and a team that raises a rule to `error` must not fail its build on that.
 */
export function applyPolicy(findings: readonly Finding[], options: AnalyzeOptions = {}): Finding[] {
  const out: Finding[] = [];
  for (const finding of findings) {
    if (!ruleEnabled(finding.ruleId, options)) continue;
    const level = options.rules?.[finding.ruleId];
    out.push(level && level !== 'off' && !finding.undetermined && level !== finding.severity ? { ...finding, severity: level } : finding);
  }
  return out;
}
