// Renders a review as one stable JSON document for scripts; the shape is documented by the types below.
import type { Finding, Severity, Span } from '../../engine';
import { ruleDocsUrl } from '../../engine/catalog';
import type { LineColumn, LineMap } from '../../engine/text/lines';
import { compareCodeUnits } from '../paths';
import { LineMaps, sortedFindings, summarize, type ReviewReport, type ReviewSummary } from '../review';
import { TOOL_NAME, TOOL_VERSION } from '../version';

/** The version of this JSON shape: bumped when a field is removed or changes meaning (adding fields does not). */
export const JSON_FORMAT_VERSION = 1;

/**
 * A position: 1-based line, 1-based column counted in UTF-16 code units (as editors and SARIF `utf16CodeUnits` count).
 * A range's `end` is exclusive: the position just after its last character.
 */
export interface JsonRange {
  start: LineColumn;
  end: LineColumn;
}

/**
 * The document `--format json` writes:
 * ```
 * { version: 1, tool: { name, version },
 *   files:    [{ path, language, kind, findings, parsedCleanly }],
 *   findings: [{ ruleId, severity, message, file, range, span, resource: { name, type }, fixes: [{ title, safe }], related, docsUrl }],
 *   suppressed: [{ ...the same fields as a finding, suppression: { reason, range, span } }],
 *   notices:  [{ source, level, file, message, range, span, reason }],
 *   answers:  [{ id, principle, question }],
 *   summary:  { files, skipped, findings, errors, warnings, notes, unparsed } }
 * ```
 * Paths are relative to the working directory with `/` separators. Arrays are in file order, then position order.
 */
export interface JsonReport {
  version: typeof JSON_FORMAT_VERSION;
  tool: { name: string; version: string };
  /** The files reviewed. */
  files: JsonFile[];
  findings: JsonFinding[];
  /** Findings a `waf-ai-lens-ignore` comment silenced, with its reason, so a review can audit what was waived and why. */
  suppressed: JsonSuppressed[];
  notices: JsonNotice[];
  /** The review questions answered in the editor (`.waf-ai-lens/review-answers.json`), by checklist id; empty when none or invalid. */
  answers: JsonAnswer[];
  summary: ReviewSummary;
}

/** One answered review question: its checklist id (as in the Markdown and HTML reports), principle and wording. */
export interface JsonAnswer {
  id: string;
  principle: string;
  question: string;
}

/** One reviewed file. */
export interface JsonFile {
  path: string;
  language: 'bicep' | 'terraform';
  kind: 'bicep' | 'bicepparam' | 'tf' | 'tfvars';
  /** How many findings the file has. */
  findings: number;
  parsedCleanly: boolean;
}

/** One finding: a rule's verdict on one resource. */
export interface JsonFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  range: JsonRange;
  /** The same place as UTF-16 offsets into the file's text: `start` inclusive, `end` exclusive. */
  span: Span;
  /** The resource judged: Bicep symbolic name or Terraform address, and its type. */
  resource: { name: string; type: string };
  /** Fixes offered; `safe` ones do not change what gets deployed. Apply them in the editor, where edits are shown. */
  fixes: Array<{ title: string; safe: boolean }>;
  /** Other places that explain the finding; `range` is null when the file was not among those reviewed. */
  related: Array<{ file: string; message: string; range: JsonRange | null; span: Span }>;
  /** Where the rule is documented. */
  docsUrl: string;
}

/** A silenced finding: the finding, and the comment that silenced it. */
export interface JsonSuppressed extends JsonFinding {
  suppression: { reason: string; range: JsonRange | null; span: Span };
}

/** Something about a file as a whole: it did not parse cleanly, a rule failed on it, or it was not reviewed. */
export interface JsonNotice {
  /** `analysis`: about a reviewed file (e.g. it did not parse cleanly); `input`: a path that was not reviewed. */
  source: 'analysis' | 'input';
  level: Severity;
  file: string;
  message: string;
  /** Null for input notices, which concern a whole path. */
  range: JsonRange | null;
  span: Span | null;
  /** For input notices, why: `missing`, `unreadable`, `too-large`, `binary`, `not-iac`, `not-a-file`, `outside-root`, `analysis-failed`. */
  reason: string | null;
}

/** Builds the JSON document of a review (as an object, for tests and embedding). */
export function toJsonReport(report: ReviewReport): JsonReport {
  const maps = new LineMaps(report);
  const rangeIn = (file: string, span: Span): JsonRange | null => {
    const map = maps.get(file);
    return map ? rangeOf(map, span) : null;
  };
  const toFinding = (f: Finding): JsonFinding => ({
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    file: f.file,
    // Findings always lie in a reviewed file; the fallback keeps the shape should an engine bug break that.
    range: rangeIn(f.file, f.span) ?? { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
    span: { start: f.span.start, end: f.span.end },
    resource: { name: f.resourceName, type: f.resourceType },
    fixes: f.fixes.map((x) => ({ title: x.title, safe: x.safe })),
    related: f.related.map((r) => ({ file: r.file, message: r.message, range: rangeIn(r.file, r.span), span: { start: r.span.start, end: r.span.end } })),
    docsUrl: ruleDocsUrl(f.ruleId),
  });
  return {
    version: JSON_FORMAT_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    files: report.files.map((f) => ({
      path: f.path,
      language: f.analysis.model.language,
      kind: f.analysis.model.fileKind,
      findings: f.analysis.findings.length,
      parsedCleanly: f.analysis.model.parseErrors.length === 0,
    })),
    findings: sortedFindings(report).map(toFinding),
    suppressed: report.files.flatMap((file) =>
      [...(file.analysis.suppressed ?? [])]
        .sort((a, b) => a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId))
        .map((f): JsonSuppressed => ({
          ...toFinding(f),
          suppression: { reason: f.suppression.reason, range: rangeIn(f.file, f.suppression.span), span: { ...f.suppression.span } },
        })),
    ),
    notices: [
      ...report.files.flatMap((f) =>
        f.analysis.notices.map(
          (n): JsonNotice => ({
            source: 'analysis',
            level: n.level,
            file: n.file,
            message: n.message,
            range: rangeIn(n.file, n.span),
            span: { start: n.span.start, end: n.span.end },
            reason: null,
          }),
        ),
      ),
      ...report.problems.map(
        (p): JsonNotice => ({ source: 'input', level: p.level, file: p.path, message: p.message, range: null, span: null, reason: p.reason }),
      ),
    ],
    answers: Object.entries(report.answers?.answers ?? {})
      .sort(([a], [b]) => compareCodeUnits(a, b))
      .map(([id, answer]) => ({ id, principle: answer.principle, question: answer.question })),
    summary: summarize(report),
  };
}

/** The JSON document as text: two-space indented, ending with a newline. */
export function formatJson(report: ReviewReport): string {
  return `${JSON.stringify(toJsonReport(report), null, 2)}\n`;
}

function rangeOf(map: LineMap, span: Span): JsonRange {
  return { start: map.lineColumn(span.start), end: map.lineColumn(span.end) };
}
