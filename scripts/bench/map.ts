// Measures the workload map on a generated workload of about 200 resources: building it from the graph, laying it out, drawing it.
import { performance } from 'node:perf_hooks';
import { analyzeWorkspace, type ReviewLocation, type Span } from '../../server/src/engine';
import { buildMap, layoutMap, renderMapSvg, type WorkloadMap } from '../../server/src/engine/map';
import { generateBicep, generateTerraform } from './generate';
import { check, measurement } from './measurement';
import { deriveSeed } from './prng';
import { median } from './stats';
import { count, fixed, formatTable } from './table';

export interface MapResults {
  /** Resources on the map (boxes), connections, groups. */
  nodes: number;
  edges: number;
  groups: number;
  passes: number;
  /** Medians over the passes, ms. */
  buildMs: number;
  layoutMs: number;
  svgMs: number;
  svgKb: number;
}

/** The target: a 200-resource workload lays out in under a second. */
export const MAP_LAYOUT_TARGET_MS = 1000;
const TARGET_NODES = 200;

/** Lines per generated file: large enough that a handful of files make 200 resources. */
const FILE_LINES = 600;

function locate(file: string, span: Span): ReviewLocation {
  return { file, span, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

/** Generated Bicep and Terraform files, added one at a time until the map holds at least 200 resources. */
function generatedWorkload(seed: number): { inputs: Array<{ file: string; text: string }>; map: () => WorkloadMap } {
  const inputs: Array<{ file: string; text: string }> = [];
  for (let i = 0; ; i++) {
    const bicep = i % 2 === 0;
    const fileSeed = deriveSeed(seed, `map-${i}`);
    inputs.push(bicep ? { file: `infra/bicep/part${i}.bicep`, text: generateBicep(fileSeed, FILE_LINES) } : { file: `infra/terraform/part${i}/main.tf`, text: generateTerraform(fileSeed, FILE_LINES) });
    const analysis = analyzeWorkspace(inputs);
    const graph = analysis.graph;
    const findings = analysis.files.flatMap((f) => f.findings);
    const map = (): WorkloadMap => buildMap({ graphs: [graph], findings, locate });
    if (map().nodes.length >= TARGET_NODES || i > 200) return { inputs, map };
  }
}

export const mapLayout = measurement<MapResults>({
  key: 'map',
  title: 'Workload map of a generated workload of about 200 resources (build from the graph, layout, SVG), ms',
  run(context) {
    const { map } = generatedWorkload(context.options.seed);
    const passes = Math.max(3, context.options.passes);
    const build: number[] = [];
    const layout: number[] = [];
    const svg: number[] = [];
    let last: WorkloadMap | undefined;
    let size = 0;
    for (let i = 0; i < context.options.warmup + passes; i++) {
      const t0 = performance.now();
      const built = map();
      const t1 = performance.now();
      const laid = layoutMap(built);
      const t2 = performance.now();
      const drawn = renderMapSvg(built, { layout: laid });
      const t3 = performance.now();
      if (i < context.options.warmup) continue;
      build.push(t1 - t0);
      layout.push(t2 - t1);
      svg.push(t3 - t2);
      last = built;
      size = drawn.length;
    }
    return {
      nodes: last?.nodes.length ?? 0,
      edges: last?.edges.length ?? 0,
      groups: last?.groups.length ?? 0,
      passes,
      buildMs: median(build),
      layoutMs: median(layout),
      svgMs: median(svg),
      svgKb: size / 1024,
    };
  },
  format(result) {
    return formatTable(
      [{ title: 'resources' }, { title: 'connections', align: 'right' }, { title: 'groups', align: 'right' }, { title: 'build', align: 'right' }, { title: 'layout', align: 'right' }, { title: 'SVG', align: 'right' }, { title: 'SVG KB', align: 'right' }],
      [[count(result.nodes), count(result.edges), count(result.groups), fixed(result.buildMs), fixed(result.layoutMs), fixed(result.svgMs), fixed(result.svgKb, 0)]],
    );
  },
  targets(result) {
    return [
      check('map-layout', `a ${TARGET_NODES}-resource workload lays out in < ${MAP_LAYOUT_TARGET_MS} ms`, result.nodes >= TARGET_NODES ? result.layoutMs + result.buildMs : null, (v) => v < MAP_LAYOUT_TARGET_MS, (v) => `${fixed(v)} ms (${count(result.nodes)} resources)`),
    ];
  },
});
