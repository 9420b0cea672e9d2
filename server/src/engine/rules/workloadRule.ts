// The contract of workload rules, which read the graph of a whole workspace, and the runner that isolates each of them.
import { ruleMeta } from '../catalog';
import type { WorkloadGraph } from '../graph/graph';
import type { GraphNode } from '../graph/types';
import type { FileNotice, Finding, Fix, RelatedLocation, Span } from '../types';
import type { Rule } from './rule';

/** Fills `{{name}}` placeholders (as the per-resource runner does; not imported from it, which would make an import cycle). */
function formatMessage(template: string, data: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => data[key] ?? whole);
}

/** What a workload rule reports: a finding about one resource (a node), at a place in any file. */
export interface WorkloadReport {
  messageId: string;
  /** Values for `{{name}}` placeholders; `{{name}}` and `{{type}}` of the node are always known. */
  data?: Record<string, string>;
  /** The resource the finding is about (it names the finding's resource and, by default, its place). */
  node: GraphNode;
  /** Where to point: a span of `file` (default: the node's own file). Default: the node's name. */
  at?: Span;
  file?: string;
  fixes?: Fix[];
  related?: RelatedLocation[];
  /** A "could not determine" report: a note whatever the rule's severity. */
  undetermined?: boolean;
}

/** What a workload rule sees: the graph of every deployed resource of the workspace, the files' texts, and `report`. */
export interface WorkloadRuleContext {
  graph: WorkloadGraph;
  /** The text of a file of the workspace, for fixes that edit it (a finding here may be fixed in another file). */
  text(file: string): string | undefined;
  report(report: WorkloadReport): void;
}

/**
 * A rule of the `workload` family. It is a `Rule` (metadata, types, messages, parity), whose per-resource `check` does
 * nothing; `checkWorkload` runs once per workspace analysis, on the graph. `resourceTypes` are the types it judges,
 * so a review counts a resource of those types without a finding as a passed check.
 */
export interface WorkloadRule extends Rule {
  checkWorkload(ctx: WorkloadRuleContext): void;
}

/** Makes a workload rule from its parts (the per-resource `check` is a no-op). */
export function workloadRule(spec: Omit<WorkloadRule, 'check'>): WorkloadRule {
  return { ...spec, check: () => undefined };
}

/** True for a rule of the workload family (it has `checkWorkload`). */
export function isWorkloadRule(rule: Rule): rule is WorkloadRule {
  return typeof (rule as Partial<WorkloadRule>).checkWorkload === 'function';
}

/**
 * True when the node's declaration does not parse cleanly (a parse error lies inside it). Its settings, and the
 * references it makes, are not known well enough to judge, so nothing is reported about it: its findings are held back,
 * as the per-resource rules hold back theirs. Every copy of a loop comes from one declaration, but each is checked.
 */
export function isBroken(node: GraphNode): boolean {
  return node.resource.hasError === true || node.copies.some((c) => c.hasError === true);
}

/** A workload finding and the node it is about (whose instance tells the deployment it holds in). */
export interface WorkloadFinding {
  finding: Finding;
  node: GraphNode;
}

/**
 * Runs workload rules on a graph. Each rule runs in isolation: one that throws loses its own findings only, and the
 * failure becomes a notice (on `noticeFile`, the workspace's first file) so a user can tell us.
 * A finding about a broken resource (see `isBroken`) is held back here, whatever the rule. What a broken resource means
 * for the others (an endpoint that may connect them, a vault whose settings are not known) each rule decides: it reports
 * them undetermined, since a finding merely dropped would let a review count their check as passed.
 */
export function runWorkloadRules(graph: WorkloadGraph, text: (file: string) => string | undefined, rules: readonly Rule[], noticeFile: string): { findings: WorkloadFinding[]; failures: FileNotice[] } {
  const findings: WorkloadFinding[] = [];
  const failures: FileNotice[] = [];
  for (const rule of rules) {
    if (!isWorkloadRule(rule)) continue;
    const own: WorkloadFinding[] = [];
    const report = (r: WorkloadReport): void => {
      if (isBroken(r.node)) return;
      const meta = ruleMeta(rule.id);
      const template = rule.messages[r.messageId] ?? r.messageId;
      const finding: Finding = {
        ruleId: rule.id,
        severity: r.undetermined ? 'note' : (meta?.severity ?? 'warning'),
        message: formatMessage(template, { name: r.node.resource.name, type: r.node.type, ...r.data }),
        file: r.file ?? r.node.file,
        span: r.at ?? r.node.nameSpan,
        resourceName: r.node.resource.name,
        resourceType: r.node.type,
        fixes: r.fixes ?? [],
        related: r.related ?? [],
      };
      if (r.undetermined) finding.undetermined = true;
      own.push({ finding, node: r.node });
    };
    try {
      rule.checkWorkload({ graph, text, report });
      findings.push(...own);
    } catch (error) {
      failures.push({
        file: noticeFile,
        level: 'warning',
        message: `Rule ${rule.id} failed on the workload and was skipped: ${error instanceof Error ? error.message : String(error)}`,
        span: { start: 0, end: 0 },
      });
    }
  }
  return { findings, failures };
}

