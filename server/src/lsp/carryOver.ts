// Keeps the folder's workload findings on a document answered alone while typing, so they do not flicker off and on.
import type { FileAnalysis, Finding, Span } from '../engine';
import { RULES } from '../engine/rules/registry';
import { isWorkloadRule } from '../engine/rules/workloadRule';

/** The rules that read the whole workload's graph: a document analysed alone cannot run them. */
const WORKLOAD_RULE_IDS: ReadonlySet<string> = new Set(RULES.filter(isWorkloadRule).map((rule) => rule.id));

/** A finding of a workload rule, which a document analysed alone cannot produce. */
export const isWorkloadFinding = (finding: Finding): boolean => WORKLOAD_RULE_IDS.has(finding.ruleId);

const sameSpan = (a: Span, b: Span): boolean => a.start === b.start && a.end === b.end;

/**
 * A lone analysis with the workload findings of the folder's last analysis of the same file added back.
 * In a folder slow to analyse, a keystroke is answered by the document alone first (see diagnostics.ts), and the
 * workload rules (private endpoint, diagnostic logs, budget, …) need every file of the folder, so without this they would
 * vanish at each keystroke and come back once typing pauses. A workload finding points at its resource's name; it is
 * kept while a resource of that name and type is still in the new text, moved to where its name now is, and dropped
 * otherwise. The folder's own analysis replaces all of this once typing pauses.
 */
export function withWorkloadFindings(alone: FileAnalysis, previous: FileAnalysis | undefined): FileAnalysis {
  if (!previous) return alone;
  const carried: Finding[] = [];
  for (const finding of previous.findings) {
    if (!WORKLOAD_RULE_IDS.has(finding.ruleId)) continue;
    const before = previous.model.resources.find((r) => r.name === finding.resourceName && sameSpan(r.nameSpan, finding.span));
    const after = before && alone.model.resources.find((r) => r.name === before.name && r.type === before.type);
    if (!before || !after) continue;
    // Related places in this file other than the resource's name cannot be placed in the new text; others stay.
    const related = finding.related.flatMap((r) => (r.file !== finding.file ? [r] : sameSpan(r.span, before.nameSpan) ? [{ ...r, file: alone.file, span: after.nameSpan }] : []));
    // Fixes were computed against the old text; the folder's next analysis brings them back.
    carried.push({ ...finding, file: alone.file, span: after.nameSpan, related, fixes: [] });
  }
  if (carried.length === 0) return alone;
  const findings = [...alone.findings, ...carried].sort((a, b) => a.span.start - b.span.start || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  return { ...alone, findings };
}

/**
 * The per-resource findings of two analyses of one text agree (same rules, places, severities, messages and related
 * places), workload findings aside: then the lone analysis can stand in for the folder's while typing.
 */
export function sameFindings(alone: FileAnalysis, folder: FileAnalysis): boolean {
  const own = (analysis: FileAnalysis): string[] =>
    analysis.findings
      .filter((f) => !isWorkloadFinding(f) && f.file === analysis.file)
      .map((f) => `${f.ruleId}|${f.span.start}|${f.span.end}|${f.severity}|${f.message}|${f.related.map((r) => `${r.file}:${r.span.start}`).join(',')}`)
      .sort();
  const a = own(alone);
  const b = own(folder);
  return a.length === b.length && a.every((key, i) => key === b[i]);
}
