// Enumerates a workload's checks, the (rule, resource) pairs a rule judges, and decides what became of each.
import { ruleMeta as catalogMeta, type RuleMeta } from '../catalog';
import type { Resource } from '../model/types';
import type { Rule } from '../rules/rule';
import { rulesFor } from '../rules/runRules';
import type { Finding, Severity } from '../types';
import { ruleEnabled } from '../config/policy';
import type { SuppressedFinding } from '../suppress';
import type { CheckOutcome, ReviewInput } from './types';

/** Which rules and metadata the review counts with; the defaults are the registry and the catalog, tests pass their own. */
export interface CheckSource {
  /** When given, these rules instead of the registry's. */
  rules?: readonly Rule[];
  /** When given, this metadata instead of the catalog's. */
  ruleMeta?: (id: string) => RuleMeta | undefined;
}

/** One rule judging one resource, with the findings it produced there. */
export interface Check {
  ruleId: string;
  meta: RuleMeta;
  file: string;
  resourceName: string;
  resourceType: string;
  findings: Finding[];
  suppressed: SuppressedFinding[];
  outcome: CheckOutcome;
  weight: number;
}

/** The weight of a check: its rule's default severity, error 3, warning 2, note 1. */
export const WEIGHT: Record<Severity, number> = { error: 3, warning: 2, note: 1 };

/**
 * Decides a check from its findings: a warning or error fails it; otherwise a note about the setting makes it advisory;
 * otherwise a "could not determine" note leaves it undetermined; a check whose only findings were suppressed is
 * accepted; a check without findings passed.
 */
export function outcomeOf(findings: readonly Finding[], suppressed: readonly Finding[]): CheckOutcome {
  if (findings.some((f) => f.severity !== 'note')) return 'failed';
  if (findings.some((f) => !f.undetermined)) return 'advisory';
  if (findings.length > 0) return 'undetermined';
  return suppressed.length > 0 ? 'accepted' : 'passed';
}

/** True when the rule judges the resource: its types include the resource's type in its language, and `appliesTo` agrees. */
function judges(rule: Rule, resource: Resource): boolean {
  const type = resource.type.toLowerCase();
  const listed = (rule.resourceTypes[resource.language] ?? []).some((t) => t.toLowerCase() === type);
  return listed && (rule.appliesTo?.(resource) ?? true);
}

const keyOf = (file: string, resourceName: string, ruleId: string): string => `${file}\u0000${resourceName}\u0000${ruleId}`;

/**
 * Every check of the workload, in file, resource and rule order. A resource that is `existing` (declared elsewhere) or
 * broken (a parse error inside) has no checks, as the rules skip it. A finding whose (rule, resource) pair is not among the
 * checks, say from a rule that reads the workload as a whole, makes a check of its own: a rule that reported on a
 * resource has judged it; a finding of no rule in the catalog makes none.
 * Suppressed findings come from `analysis.suppressed`: a check with nothing else is `accepted`.
 */
export function collectChecks(inputs: readonly ReviewInput[], source: CheckSource = {}): Check[] {
  const metaOf = source.ruleMeta ?? catalogMeta;
  const checks = new Map<string, Check>();
  // A rule outside the catalog (the findings about suppression comments themselves, say) has no pillar or principle
  // to count under, so it makes no check.
  const add = (ruleId: string, file: string, name: string, type: string): Check | undefined => {
    const key = keyOf(file, name, ruleId);
    let check = checks.get(key);
    if (!check) {
      const meta = metaOf(ruleId);
      if (!meta) return undefined;
      check = { ruleId, meta, file, resourceName: name, resourceType: type, findings: [], suppressed: [], outcome: 'passed', weight: WEIGHT[meta.severity] };
      checks.set(key, check);
    }
    return check;
  };
  for (const input of inputs) {
    const { model, file } = input.analysis;
    for (const resource of model.resources) {
      if (resource.existing || resource.hasError) continue;
      const candidates = source.rules ?? rulesFor(resource);
      for (const rule of candidates) {
        // A rule the team turned off is not part of their review: it neither passes nor fails.
        if (judges(rule, resource) && ruleEnabled(rule.id, input.options)) add(rule.id, file, resource.name, resource.type);
      }
    }
    for (const finding of input.analysis.findings) {
      add(finding.ruleId, finding.file, finding.resourceName, finding.resourceType)?.findings.push(finding);
    }
    for (const finding of input.analysis.suppressed ?? []) {
      add(finding.ruleId, finding.file, finding.resourceName, finding.resourceType)?.suppressed.push(finding);
    }
  }
  for (const check of checks.values()) check.outcome = outcomeOf(check.findings, check.suppressed);
  return [...checks.values()];
}
