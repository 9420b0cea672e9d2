// The workload review's model: plain, JSON-serialisable objects shared by the renderers, the CLI, the server and the report view.
import type { PillarId } from '../catalog';
import type { CodeEvidence } from '../principles';
import type { AnalyzeOptions } from '../config/policy';
import type { FileAnalysis } from '../index';
import type { WorkloadMap } from '../map/types';
import type { Severity, Span } from '../types';

/** Bumped when a field of `WorkloadReview` is removed or changes meaning (adding fields does not). */
export const REVIEW_FORMAT_VERSION = 1;

/**
 * One file to review: its analysis (whose `suppressed` findings are accepted risks), the text it was made from (for line
 * numbers), and the settings it was analysed with, so that a rule the team turned off is not counted as a passed check.
 */
export interface ReviewInput {
  analysis: FileAnalysis;
  text: string;
  options?: AnalyzeOptions;
}

/** A place in a reviewed file: the span, and its 1-based line and UTF-16 column (end exclusive), as editors count. */
export interface ReviewLocation {
  file: string;
  span: Span;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * What became of one check, a (rule, resource) pair:
 * `failed` a warning or error finding; `advisory` only notes about the setting; `undetermined` only "could not determine"
 * notes; `accepted` only suppressed findings; `passed` no finding at all.
 */
export type CheckOutcome = 'passed' | 'advisory' | 'failed' | 'undetermined' | 'accepted';

export type CheckCounts = Record<CheckOutcome, number>;

/**
 * A score with the arithmetic behind it: `value` = 100 × `earned` / `possible`, rounded; null when no check was
 * determinate (passed, advisory or failed), which the report shows as "no evidence from code".
 */
export interface Score {
  value: number | null;
  /** Σ weight of passed and advisory checks (weight: error 3, warning 2, note 1). */
  earned: number;
  /** Σ weight of passed, advisory and failed checks. */
  possible: number;
  counts: CheckCounts;
}

/** A resource as the report names it. */
export interface ReviewResource {
  /** Bicep symbolic name or Terraform address. */
  name: string;
  type: string;
  location: ReviewLocation;
}

/** One finding in the report, under every principle its rule serves. */
export interface ReviewFinding {
  ruleId: string;
  ruleTitle: string;
  severity: Severity;
  /** `failed`, `advisory` or `undetermined`: what this finding says about its check. */
  kind: Exclude<CheckOutcome, 'passed' | 'accepted'>;
  message: string;
  location: ReviewLocation;
  docsUrl: string;
  /** How many fixes the editor offers for it. */
  fixes: number;
}

/** The findings on one resource under one principle. */
export interface ResourceFindings {
  resource: ReviewResource;
  findings: ReviewFinding[];
}

/** One review question the team answers, because code cannot show it. `id` is stable while the question's text is. */
export interface ChecklistItem {
  id: string;
  principleId: string;
  question: string;
}

export interface PrincipleReview {
  id: string;
  /** R1–R5, S1–S6, C1–C4, O1–O6, P1–P4. */
  key: string;
  pillar: PillarId;
  title: string;
  summary: string;
  url: string;
  codeEvidence: CodeEvidence;
  score: Score;
  /** Findings on this principle, by resource, in file and position order. */
  resources: ResourceFindings[];
  /** Review questions: for principles code cannot prove (evidence `none`/`partial`) or where no check was determinate. */
  checklist: ChecklistItem[];
}

export interface PillarReview {
  id: PillarId;
  title: string;
  summary: string;
  url: string;
  /** Over the checks of rules whose pillar this is. */
  score: Score;
  principles: PrincipleReview[];
}

/** A finding accepted with a reason: out of the score, still on the record. */
export interface AcceptedRisk {
  ruleId: string;
  ruleTitle: string;
  severity: Severity;
  message: string;
  reason: string;
  resource: string;
  location: ReviewLocation;
}

/**
 * One value a cost driver is read from: `known` as written; `default` not written, and the platform's documented default
 * applies; `unknown` written as an expression the code does not resolve (`written` holds it); `unset` not written.
 */
export interface CostFact {
  label: string;
  state: 'known' | 'default' | 'unknown' | 'unset';
  value?: string;
  written?: string;
}

export type CostDriverKind =
  | 'model-deployment'
  | 'provisioned-throughput'
  | 'search'
  | 'gpu-node-pool'
  | 'ml-compute-cluster'
  | 'ml-compute-instance'
  | 'app-service-plan'
  | 'cosmos-throughput'
  | 'api-management';

/** Something in the code that drives the bill, with the values that size it. */
export interface CostDriver {
  kind: CostDriverKind;
  /** What it is, as a person says it: "Provisioned throughput (PTU) deployment". */
  title: string;
  resource: ReviewResource;
  /** An inline node pool's name, when the driver is part of a resource rather than all of it. */
  part?: string;
  facts: CostFact[];
  /** How it is billed, and anything about the declaration that changes the count (a loop, a condition). */
  notes: string[];
}

/** A trade-off from the principles catalog that applies to what the code contains, and why. */
export interface ApplicableTradeoff {
  principleId: string;
  principleTitle: string;
  pillar: PillarId;
  with: PillarId;
  withTitle: string;
  text: string;
  because: string;
}

/** A file reviewed, with what was found in it and what went wrong reading it. */
export interface ReviewedFileSummary {
  path: string;
  language: 'bicep' | 'terraform';
  resources: number;
  checks: number;
  findings: number;
  parsedCleanly: boolean;
  notices: Array<{ level: Severity; message: string; location: ReviewLocation }>;
}

/** The whole review of a workload: scores, findings by pillar and principle, checklists, cost drivers and trade-offs. */
export interface WorkloadReview {
  version: typeof REVIEW_FORMAT_VERSION;
  article: { title: string; url: string };
  /** Mean of the pillar scores that have a value; null when no pillar has one. */
  overall: { score: number | null; pillarsScored: number; counts: CheckCounts };
  pillars: PillarReview[];
  costDrivers: CostDriver[];
  tradeoffs: ApplicableTradeoff[];
  accepted: AcceptedRisk[];
  files: ReviewedFileSummary[];
  /** Resources declared in the files (not `existing`/`data`), and how many checks ran on them. */
  resources: number;
  checks: number;
  /** The workload map, when the review was given the workload graph (`ReviewOptions.graphs`). */
  map?: WorkloadMap;
}
