// Renders a review as the workload report (Markdown or self-contained HTML) through the engine's shared renderers.
import * as path from 'node:path';
import { buildReview, renderHtmlDocument, renderMarkdown, tickedIds, type ReviewLocation, type WorkloadReview } from '../../engine';
import type { ReviewReport } from '../review';
import { TOOL_NAME, TOOL_VERSION } from '../version';

/** The workload review of a CLI run: scores, findings by pillar, checklists, cost drivers and trade-offs. */
export function workloadReviewOf(report: ReviewReport): WorkloadReview {
  return buildReview(
    report.files.map((f) => ({ analysis: f.analysis, text: f.text, ...(report.options ? { options: report.options } : {}) })),
    report.graph ? { graphs: [report.graph] } : {},
  );
}

/** Where the report is read from, so that its links to the code resolve: the folder of `--output`, or the working folder. */
export interface ReportPlace {
  cwd: string;
  /** The absolute path of the file the report is written to, when it is not stdout. */
  output?: string;
}

/**
 * Links from the report to a place in the code: the file's path relative to the report's folder, `/`-separated and
 * URI-encoded, with a `#L<line>` fragment (code hosts jump to the line; a browser opens the file).
 */
export function linkFrom(place: ReportPlace): (location: ReviewLocation) => string {
  const base = place.output ? path.dirname(place.output) : place.cwd;
  return (location) => {
    const relative = path.relative(base, path.resolve(place.cwd, location.file)).split(path.sep).join('/');
    return `${relative.split('/').map(encodeURIComponent).join('/')}#L${location.line}`;
  };
}

/** The report as Markdown. */
export function formatMarkdown(report: ReviewReport, place: ReportPlace): string {
  return renderMarkdown(workloadReviewOf(report), { href: linkFrom(place), answers: answersOf(report) });
}

/** The report as one self-contained HTML file. */
export function formatHtml(report: ReviewReport, place: ReportPlace): string {
  return renderHtmlDocument(workloadReviewOf(report), { href: linkFrom(place), generator: `${TOOL_NAME} ${TOOL_VERSION}`, answers: answersOf(report) });
}

/** The questions to show ticked: those the team answered in the editor (see `readAnswers`). */
function answersOf(report: ReviewReport): Record<string, boolean> {
  return report.answers ? tickedIds(report.answers) : {};
}
