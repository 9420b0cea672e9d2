// Runs the engine over the inputs and sums up the outcome: the report every formatter renders, and the exit code.
import * as path from 'node:path';
import { isExcluded, SEVERITY_RANK, type AnalyzeOptions, type AnswersFile, type FileAnalysis, type Finding, type WorkloadGraph } from '../engine';
import { LineMap } from '../engine/text/lines';
import { answersFolder, readAnswers } from './answers';
import type { FailOn } from './args';
import type { ReviewSettings } from './config';
import { compareCodeUnits } from './paths';
import type { InputProblem } from './problems';
import { readInputs } from './readInputs';
import { analyzeInputs } from './analyzeInputs';
import { collectFiles } from './walk';

/** One reviewed file: its text (kept for line and column numbers) and its analysis. */
export interface ReviewedFile {
  /** The cwd-relative, `/`-separated path; also the `file` of its findings and notices. */
  path: string;
  text: string;
  bytes: number;
  analysis: FileAnalysis;
}

/** The outcome of `review`: reviewed files in shown-path order, and the problems with the other inputs. */
export interface ReviewReport {
  files: ReviewedFile[];
  problems: InputProblem[];
  /** The settings the files were analysed with; the workload review does not count the checks of rules they turn off. */
  options?: AnalyzeOptions;
  /** The workload graph of the files analysed together (absent when the workspace analysis failed): the map is drawn from it. */
  graph?: WorkloadGraph;
  /** The review questions already answered, from the reviewed folder's `.waf-ai-lens/review-answers.json`; absent when none or invalid. */
  answers?: AnswersFile;
  /** What was wrong with that file, one line each (`path:line:col: error: message`); the review went on without its answers. */
  answerProblems?: string[];
}

/** Counts every formatter's summary shows. */
export interface ReviewSummary {
  /** Files reviewed. */
  files: number;
  /** Inputs not reviewed: missing, unreadable, too large, binary, not Bicep or Terraform. */
  skipped: number;
  findings: number;
  errors: number;
  warnings: number;
  notes: number;
  /** Reviewed files that did not parse cleanly (their recovered resources were still analysed). */
  unparsed: number;
}

/**
 * Collects, reads and analyses the files under `paths` (relative to `cwd`), and reads the review answers saved for
 * them (see `answersFolder`). Never throws on bad input.
 * With settings, files their `exclude` globs match (relative to the config file's folder) are left out, named or found.
 */
export function reviewPaths(paths: readonly string[], cwd: string, settings?: ReviewSettings): ReviewReport {
  const walked = collectFiles(paths, cwd);
  const exclude = settings?.config.exclude ?? [];
  const kept = walked.files.filter((f) => !isExcluded(path.relative(settings?.root ?? cwd, f.path).split(path.sep).join('/'), exclude));
  const options: AnalyzeOptions = { rules: settings?.config.rules ?? {}, pillars: settings?.config.pillars ?? {} };
  const read = readInputs(kept);
  const problems = [...walked.problems, ...read.problems];
  // All inputs together: parameter files, modules and the workload graph span files.
  const allowed = (absolute: string): boolean => !isExcluded(path.relative(settings?.root ?? cwd, absolute).split(path.sep).join('/'), exclude);
  const analysed = analyzeInputs(read.inputs, { cwd, named: paths, options, allowed });
  const answers = readAnswers(answersFolder(paths, cwd), cwd);
  return {
    files: analysed.files,
    problems: [...problems, ...analysed.problems],
    options,
    ...(analysed.graph ? { graph: analysed.graph } : {}),
    ...(answers.answers ? { answers: answers.answers } : {}),
    ...(answers.problems.length > 0 ? { answerProblems: answers.problems } : {}),
  };
}

/** Every finding of the report, ordered by file, then position, then rule id, so that output is reproducible. */
export function sortedFindings(report: ReviewReport): Finding[] {
  const fileOrder = new Map(report.files.map((f, i) => [f.path, i]));
  const all = report.files.flatMap((f) => f.analysis.findings);
  return all.sort(
    (a, b) =>
      (fileOrder.get(a.file) ?? Number.MAX_SAFE_INTEGER) - (fileOrder.get(b.file) ?? Number.MAX_SAFE_INTEGER) ||
      compareCodeUnits(a.file, b.file) ||
      a.span.start - b.span.start ||
      a.span.end - b.span.end ||
      compareCodeUnits(a.ruleId, b.ruleId) ||
      compareCodeUnits(a.message, b.message),
  );
}

/** The counts shown in every format's summary. */
export function summarize(report: ReviewReport): ReviewSummary {
  const findings = report.files.flatMap((f) => f.analysis.findings);
  const count = (severity: Finding['severity']): number => findings.filter((f) => f.severity === severity).length;
  return {
    files: report.files.length,
    skipped: report.problems.filter((p) => p.reason !== 'outside-root').length,
    findings: findings.length,
    errors: count('error'),
    warnings: count('warning'),
    notes: count('note'),
    unparsed: report.files.filter((f) => f.analysis.model.parseErrors.length > 0).length,
  };
}

/**
 * True when the run as a whole failed: a path named on the command line does not exist (most likely a typo that
 * would otherwise pass CI silently), or not a single file could be reviewed.
 */
export function runFailed(report: ReviewReport): boolean {
  return report.files.length === 0 || report.problems.some((p) => p.reason === 'missing');
}

/**
 * The process exit code: 2 when the run failed, else 1 when a finding is at or above `failOn`, else 0.
 * Parse errors and skipped files are reported but do not by themselves fail the run: the exit code is about findings.
 */
export function exitCodeFor(report: ReviewReport, failOn: FailOn): 0 | 1 | 2 {
  if (runFailed(report)) return 2;
  if (failOn === 'none') return 0;
  const threshold = SEVERITY_RANK[failOn];
  const failing = report.files.some((f) => f.analysis.findings.some((x) => SEVERITY_RANK[x.severity] >= threshold));
  return failing ? 1 : 0;
}

/** Line maps per file path, built once per file on first use. */
export class LineMaps {
  private readonly maps = new Map<string, LineMap>();
  private readonly texts: Map<string, string>;

  constructor(report: ReviewReport) {
    this.texts = new Map(report.files.map((f) => [f.path, f.text]));
  }

  /** The line map of a reviewed file, or undefined for a file not among them (e.g. a related location elsewhere). */
  get(file: string): LineMap | undefined {
    let map = this.maps.get(file);
    if (!map) {
      const text = this.texts.get(file);
      if (text === undefined) return undefined;
      map = new LineMap(text);
      this.maps.set(file, map);
    }
    return map;
  }
}
