// Builds the workload review from per-file analyses: scores, findings by pillar and principle, checklists, cost drivers, trade-offs.
import { ruleDocsUrl, type PillarId } from '../catalog';
import type { WorkloadGraph } from '../graph/graph';
import { buildMap } from '../map/build';
import { article, articleUrl, pillar as pillarById, pillars, principlesOf, type Principle } from '../principles';
import { LineMap } from '../text/lines';
import type { Finding, Span } from '../types';
import { collectChecks, type Check, type CheckSource } from './checks';
import { costDriversOf } from './costDrivers';
import { overallOf, scoreOf } from './score';
import {
  REVIEW_FORMAT_VERSION,
  type AcceptedRisk,
  type ApplicableTradeoff,
  type ChecklistItem,
  type CostDriver,
  type PillarReview,
  type PrincipleReview,
  type ResourceFindings,
  type ReviewedFileSummary,
  type ReviewFinding,
  type ReviewInput,
  type ReviewLocation,
  type Score,
  type WorkloadReview,
} from './types';

/** What the review counts with (by default the rule registry and the catalog's metadata), and what it draws the map from. */
export interface ReviewOptions extends CheckSource {
  /**
   * The workload graph of each workspace analysed (`analyzeWorkspace(…).graph`): given, the review holds the workload map
   * (`WorkloadReview.map`), with the findings of the inputs on it.
   */
  graphs?: readonly WorkloadGraph[];
}

/**
 * The principles a workload's cost drivers are evidence for, and which drivers: any driver for knowing and sizing the bill;
 * only capacity that can sit idle (GPU pools, ML compute, provisioned throughput) for minimising waste.
 */
const COST_DRIVER_PRINCIPLES: ReadonlyMap<string, (driver: CostDriver) => boolean> = new Map([
  ['cost.cost-drivers', () => true],
  ['cost.pay-for-intended-use', () => true],
  ['performance.resource-needs', () => true],
  ['cost.minimize-waste', (d: CostDriver) => ['gpu-node-pool', 'ml-compute-cluster', 'ml-compute-instance', 'provisioned-throughput'].includes(d.kind)],
]);

/**
 * Builds the review of a workload from the analyses of its files (and their texts, for line numbers).
 * Pure and deterministic: the same inputs give the same review, in file, position and catalog order.
 */
export function buildReview(inputs: readonly ReviewInput[], options: ReviewOptions = {}): WorkloadReview {
  const locate = locator(inputs);
  const checks = collectChecks(inputs, options);
  const fileOrder = new Map(inputs.map((input, i) => [input.analysis.file, i]));
  const byPosition = (a: { file: string; span: Span }, b: { file: string; span: Span }): number =>
    (fileOrder.get(a.file) ?? Number.MAX_SAFE_INTEGER) - (fileOrder.get(b.file) ?? Number.MAX_SAFE_INTEGER) || a.span.start - b.span.start;
  const declarations = new Map(inputs.flatMap((input) => input.analysis.model.resources.map((r) => [`${r.file}\u0000${r.name}`, r] as const)));

  const principleReview = (principle: Principle): PrincipleReview => {
    const own = checks.filter((c) => c.meta.principles.includes(principle.id));
    const score = scoreOf(own);
    return {
      id: principle.id,
      key: principle.key,
      pillar: principle.pillar,
      title: principle.title,
      summary: principle.summary,
      url: articleUrl(principle),
      codeEvidence: principle.codeEvidence,
      score,
      resources: findingsByResource(own, locate, byPosition, (file, name) => declarations.get(`${file}\u0000${name}`)?.nameSpan),
      checklist: principle.codeEvidence !== 'strong' || score.possible === 0 ? checklistOf(principle) : [],
    };
  };

  const pillarReviews: PillarReview[] = pillars().map((p) => ({
    id: p.id,
    title: p.title,
    summary: p.summary,
    url: articleUrl(p),
    score: scoreOf(checks.filter((c) => c.meta.pillar === p.id)),
    principles: principlesOf(p.id).map(principleReview),
  }));

  const costDrivers = inputs.flatMap((input) => costDriversOf(input.analysis.model, input.text, locate));
  const resources = inputs.reduce((n, input) => n + input.analysis.model.resources.filter((r) => !r.existing).length, 0);
  const map = options.graphs ? buildMap({ graphs: options.graphs, findings: inputs.flatMap((input) => input.analysis.findings), locate }) : undefined;
  return {
    version: REVIEW_FORMAT_VERSION,
    article: article(),
    overall: { ...overallOf(pillarReviews.map((p) => p.score)), counts: scoreOf(checks).counts },
    pillars: pillarReviews,
    costDrivers,
    tradeoffs: tradeoffsFor(pillarReviews, costDrivers),
    accepted: acceptedRisks(checks, locate).sort((a, b) => byPosition(a.location, b.location)),
    files: inputs.map((input) => fileSummary(input, checks, locate)),
    resources,
    checks: checks.length,
    ...(map ? { map } : {}),
  };
}

/** Locates spans in the input files, building each file's line map once. A file not among the inputs is placed at 1:1. */
function locator(inputs: readonly ReviewInput[]): (file: string, span: Span) => ReviewLocation {
  const texts = new Map(inputs.map((input) => [input.analysis.file, input.text]));
  const maps = new Map<string, LineMap>();
  return (file, span) => {
    let map = maps.get(file);
    const text = texts.get(file);
    if (!map && text !== undefined) maps.set(file, (map = new LineMap(text)));
    const start = map?.lineColumn(span.start) ?? { line: 1, column: 1 };
    const end = map?.lineColumn(span.end) ?? start;
    return { file, span: { start: span.start, end: span.end }, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  };
}

/** What a finding says about its check. */
function kindOf(finding: Finding): ReviewFinding['kind'] {
  if (finding.severity !== 'note') return 'failed';
  return finding.undetermined ? 'undetermined' : 'advisory';
}

/** The findings of some checks, grouped by resource, resources and findings in position order. */
function findingsByResource(
  checks: readonly Check[],
  locate: (file: string, span: Span) => ReviewLocation,
  byPosition: (a: { file: string; span: Span }, b: { file: string; span: Span }) => number,
  declared: (file: string, name: string) => Span | undefined,
): ResourceFindings[] {
  const groups = new Map<string, ResourceFindings>();
  for (const check of checks) {
    for (const finding of check.findings) {
      const key = `${finding.file}\u0000${finding.resourceName}`;
      let group = groups.get(key);
      if (!group) {
        const at = declared(finding.file, finding.resourceName) ?? finding.span;
        group = { resource: { name: finding.resourceName, type: finding.resourceType, location: locate(finding.file, at) }, findings: [] };
        groups.set(key, group);
      }
      group.findings.push({
        ruleId: finding.ruleId,
        ruleTitle: check.meta.title,
        severity: finding.severity,
        kind: kindOf(finding),
        message: finding.message,
        location: locate(finding.file, finding.span),
        docsUrl: ruleDocsUrl(finding.ruleId),
        fixes: finding.fixes.length,
      });
    }
  }
  const sorted = [...groups.values()].sort((a, b) => byPosition(a.resource.location, b.resource.location));
  for (const group of sorted) group.findings.sort((a, b) => a.location.span.start - b.location.span.start || a.ruleId.localeCompare(b.ruleId));
  return sorted;
}

/** A principle's review questions, each with an id that stays the same while the question's text does. */
export function checklistOf(principle: Principle): ChecklistItem[] {
  return principle.reviewQuestions.map((question) => ({ id: `${principle.id}#${fnv1a(question)}`, principleId: principle.id, question }));
}

/** FNV-1a, 32 bits, as 8 hex digits: short, stable ids for review questions (not a security hash). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * The trade-offs of the principles the code gave evidence for: a principle with at least one check, or, for the
 * principles about sizing and paying, a workload with cost drivers. Catalog order.
 */
function tradeoffsFor(pillarReviews: readonly PillarReview[], costDrivers: readonly CostDriver[]): ApplicableTradeoff[] {
  const result: ApplicableTradeoff[] = [];
  for (const pillar of pillarReviews) {
    for (const principle of pillar.principles) {
      const checked = checkCount(principle.score);
      const drivers = costDrivers.filter((d) => COST_DRIVER_PRINCIPLES.get(principle.id)?.(d)).length;
      const because =
        checked > 0
          ? `${checked} ${checked === 1 ? 'check' : 'checks'} in the code bear on "${principle.title}".`
          : drivers > 0
            ? `The code declares ${drivers} cost ${drivers === 1 ? 'driver' : 'drivers'} that bear on it.`
            : undefined;
      if (!because) continue;
      const source = principlesOf(pillar.id).find((p) => p.id === principle.id)!;
      for (const tradeoff of source.tradeoffs) {
        result.push({
          principleId: principle.id,
          principleTitle: principle.title,
          pillar: pillar.id,
          with: tradeoff.with,
          withTitle: pillarTitle(tradeoff.with),
          text: tradeoff.text,
          because,
        });
      }
    }
  }
  return result;
}

function checkCount(score: Score): number {
  return Object.values(score.counts).reduce((a, b) => a + b, 0);
}

function pillarTitle(id: PillarId): string {
  return pillarById(id)?.title ?? id;
}

function acceptedRisks(checks: readonly Check[], locate: (file: string, span: Span) => ReviewLocation): AcceptedRisk[] {
  return checks.flatMap((check) =>
    check.suppressed.map((finding) => ({
      ruleId: finding.ruleId,
      ruleTitle: check.meta.title,
      severity: finding.severity,
      message: finding.message,
      reason: finding.suppression.reason,
      resource: finding.resourceName,
      location: locate(finding.file, finding.span),
    })),
  );
}

function fileSummary(input: ReviewInput, checks: readonly Check[], locate: (file: string, span: Span) => ReviewLocation): ReviewedFileSummary {
  const { analysis } = input;
  return {
    path: analysis.file,
    language: analysis.model.language,
    resources: analysis.model.resources.filter((r) => !r.existing).length,
    checks: checks.filter((c) => c.file === analysis.file).length,
    findings: analysis.findings.length,
    parsedCleanly: analysis.model.parseErrors.length === 0,
    notices: analysis.notices.map((n) => ({ level: n.level, message: n.message, location: locate(n.file, n.span) })),
  };
}
