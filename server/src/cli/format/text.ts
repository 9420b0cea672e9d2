// Renders a review as compiler-style lines (`path:line:col: severity rule: message [resource]`), a score per pillar and a summary line.
import { pillarSummaryLines, type Finding, type FileNotice } from '../../engine';
import { LineMaps, sortedFindings, summarize, type ReviewReport, type ReviewSummary } from '../review';
import { palette, type Palette } from './color';
import { workloadReviewOf } from './report';

/** Options of the text format. */
export interface TextOptions {
  /** Colour severities and rule ids with ANSI escapes (see `useColor`). */
  color: boolean;
}

/**
 * One line per notice and finding, grouped by file (a blank line between files), notices about a file before its
 * findings so a file that did not parse cleanly says so first, then one line per pillar (its score and how its checks
 * came out, see the README's "How the score works") and the overall score when anything was checked, then a summary line. Input problems (missing,
 * unreadable, skipped files) are not repeated here: the CLI writes them to stderr for every format.
 */
export function formatText(report: ReviewReport, options: TextOptions): string {
  const paint = palette(options.color);
  const maps = new LineMaps(report);
  const findings = sortedFindings(report);
  const groups: string[] = [];
  for (const file of report.files) {
    const map = maps.get(file.path)!;
    const where = (offset: number): string => {
      const { line, column } = map.lineColumn(offset);
      return `${oneLine(file.path)}:${line}:${column}`;
    };
    const lines = [
      ...file.analysis.notices.map((n) => noticeLine(n, where(n.span.start), paint)),
      ...findings.filter((f) => f.file === file.path).map((f) => findingLine(f, where(f.span.start), paint)),
    ];
    if (lines.length > 0) groups.push(lines.join('\n'));
  }
  const summary = [...scoreLines(report, paint), paint.bold(summaryLine(summarize(report)))].join('\n');
  return groups.length > 0 ? `${groups.join('\n\n')}\n\n${summary}\n` : `${summary}\n`;
}

/** One line per pillar and the overall score; none when no rule checked anything, since there is nothing to score. */
function scoreLines(report: ReviewReport, paint: Palette): string[] {
  const review = workloadReviewOf(report);
  if (review.checks === 0) return [];
  const band = (text: string, value: number | null): string =>
    value === null ? paint.dim(text) : paint.bold(value >= 80 ? paint.green(text) : value >= 50 ? paint.yellow(text) : paint.red(text));
  return pillarSummaryLines(review, { score: band, dim: paint.dim });
}

function findingLine(finding: Finding, where: string, paint: Palette): string {
  return `${where}: ${severityWord(finding.severity, paint)} ${paint.dim(finding.ruleId)}: ${oneLine(finding.message)} ${paint.dim(`[${oneLine(finding.resourceName)}]`)}`;
}

function noticeLine(notice: FileNotice, where: string, paint: Palette): string {
  return `${where}: ${severityWord(notice.level, paint)}: ${oneLine(notice.message)}`;
}

function severityWord(severity: Finding['severity'], paint: Palette): string {
  return severity === 'error' ? paint.red('error') : severity === 'warning' ? paint.yellow('warning') : paint.cyan('note');
}

/** `3 findings (1 error, 2 warnings, 0 notes) in 2 files`, plus what did not parse or was skipped. */
export function summaryLine(summary: ReviewSummary): string {
  const parts = [
    `${plural(summary.findings, 'finding')} (${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.notes, 'note')}) in ${plural(summary.files, 'file')}`,
  ];
  if (summary.unparsed > 0) parts.push(`${plural(summary.unparsed, 'file')} did not parse cleanly`);
  if (summary.skipped > 0) parts.push(`${plural(summary.skipped, 'path')} not reviewed`);
  return parts.join('; ');
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Keeps a message or path on its one line and free of terminal control sequences (it came from a file). */
export function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n]/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}
