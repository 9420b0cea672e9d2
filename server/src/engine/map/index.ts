// The workload map's public face: build it from the graph and the findings, lay it out, draw it as SVG or Mermaid.
export { buildMap, type MapInput } from './build';
export { layoutMap, SIZES, type Box, type LaidOutLabel, type LaidOutNode, type LayoutOptions, type MapLayout } from './layout';
export { escapeMermaid, renderMermaid } from './mermaid';
export { renderMapSvg, type MapSvgOptions } from './svg';
export * from './types';
