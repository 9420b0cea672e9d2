// Moves a folder workspace's analyses and graph from its engine paths to the paths a review report shows.
import { WorkloadGraph, type FileAnalysis, type Finding, type FileNotice, type RelatedLocation } from '../engine';
import type { GraphNode } from '../engine/graph/types';
import type { Resource } from '../engine/model/types';
import type { SuppressedFinding } from '../engine/suppress';

/** Maps an engine path to the report's path for it. */
export type PathMap = (file: string) => string;

/**
 * A file's analysis with every path the review reads moved by `to`: the file's own, its resources', and those of its
 * findings, their related places and fix edits, its notices and its suppressed findings. The engine makes the same
 * analysis under either form of path (its messages name no absolute path), so this is the analysis a review of the
 * report's paths would have made. Nothing is shared with the input that a caller could change.
 */
export function relocateAnalysis(analysis: FileAnalysis, to: PathMap): FileAnalysis {
  const model = analysis.model;
  const moved: FileAnalysis = {
    file: to(analysis.file),
    model: { ...model, file: to(model.file), resources: model.resources.map((r) => relocateResource(r, to)) },
    findings: analysis.findings.map((f) => relocateFinding(f, to)),
    notices: analysis.notices.map((n): FileNotice => ({ ...n, file: to(n.file) })),
  };
  if (analysis.suppressed) moved.suppressed = analysis.suppressed.map((f): SuppressedFinding => ({ ...relocateFinding(f, to), suppression: f.suppression }));
  return moved;
}

/** The graph with its nodes, edges and opaque modules placed by `to`; node ids stay as they are (they only join the graph). */
export function relocateGraph(graph: WorkloadGraph, to: PathMap): WorkloadGraph {
  const nodes = graph.nodes.map((n): GraphNode => ({ ...n, file: to(n.file), resource: relocateResource(n.resource, to), copies: n.copies.map((c) => relocateResource(c, to)) }));
  const edges = graph.edges.map((e) => ({ ...e, file: to(e.file) }));
  const opaque = graph.opaque.map((o) => ({ ...o, file: to(o.file) }));
  return new WorkloadGraph(nodes, edges, opaque);
}

function relocateResource(resource: Resource, to: PathMap): Resource {
  return { ...resource, file: to(resource.file) };
}

function relocateFinding<T extends Finding>(finding: T, to: PathMap): Finding {
  return {
    ...finding,
    file: to(finding.file),
    related: finding.related.map((r): RelatedLocation => ({ ...r, file: to(r.file) })),
    fixes: finding.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => (e.file === undefined ? { ...e } : { ...e, file: to(e.file) })) })),
  };
}
