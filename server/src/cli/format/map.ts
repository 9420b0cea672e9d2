// Draws the workload map of a CLI run: a standalone SVG file or a Mermaid flowchart, with links relative to where it is written.
import { buildMap, renderMapSvg, renderMermaid, type ReviewLocation, type Span, type WorkloadMap } from '../../engine';
import type { MapFormat } from '../args';
import { LineMaps, type ReviewReport } from '../review';
import { linkFrom, type ReportPlace } from './report';

/** The map of the reviewed files, from the graph of their workspace analysis (undefined when there is no graph). */
export function workloadMapOf(report: ReviewReport): WorkloadMap | undefined {
  if (!report.graph) return undefined;
  const lines = new LineMaps(report);
  const locate = (file: string, span: Span): ReviewLocation => {
    const map = lines.get(file);
    const start = map?.lineColumn(span.start) ?? { line: 1, column: 1 };
    const end = map?.lineColumn(span.end) ?? start;
    return { file, span: { start: span.start, end: span.end }, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  };
  return buildMap({ graphs: [report.graph], findings: report.files.flatMap((f) => f.analysis.findings), locate });
}

/** The map in the asked format: SVG (a file of its own, links relative to it) or a Mermaid flowchart. */
export function formatMap(map: WorkloadMap, format: MapFormat, place: ReportPlace): string {
  return format === 'mermaid' ? renderMermaid(map) : `${renderMapSvg(map, { href: linkFrom(place), standalone: true })}\n`;
}
