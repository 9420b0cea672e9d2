// Draws the laid-out workload map as SVG with our own code: boxes coloured by worst finding, connections by kind, a legend.
import { escapeHtml, safeHref } from '../review/render/escape';
import type { ReviewLocation } from '../review/types';
import { edgeWords, layoutMap, tagsOf, type Box, type LaidOutLabel, type LayoutOptions, type MapLayout } from './layout';
import type { MapEdgeKind, MapNode, WorkloadMap } from './types';

/** Options of the map's SVG renderer. */
export interface MapSvgOptions extends LayoutOptions {
  /** The `href` of a box: where its declaration is. By default the file's path with a `#L<line>` fragment. */
  href?: (location: ReviewLocation) => string;
  /**
   * A file of its own (`waf-ai-lens map`): an XML declaration and a white background. Inline in the report, the page's
   * theme colours the background and text through the style sheet's classes instead.
   */
  standalone?: boolean;
  /** A layout already made for this map (the bench measures layout and drawing apart). */
  layout?: MapLayout;
}

/** Colours that read on light and dark backgrounds alike, as presentation attributes (no `style` attribute: the CSP holds). */
export const SEVERITY_COLOURS = { error: '#d1453b', warning: '#c98a04', note: '#2f81f7', none: '#8b949e' } as const;
/** Public exposure: a colour no severity uses, always with a dashed border and the words "PUBLIC ENDPOINT". */
export const PUBLIC_COLOUR = '#c026d3';
const FG = '#1f2328';
const MUTED = '#59636e';
const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif';

const EDGE_STYLE: Readonly<Record<MapEdgeKind, { colour: string; width: number; dash?: string; arrow: boolean }>> = {
  privateEndpoint: { colour: '#2f9e57', width: 2.2, arrow: true },
  diagnostics: { colour: '#8957e5', width: 1.8, dash: '2 3', arrow: true },
  roleAssignment: { colour: '#2f81f7', width: 1.6, dash: '7 4', arrow: true },
  customerManagedKey: { colour: '#c98a04', width: 1.8, dash: '9 3 2 3', arrow: true },
  keyAccess: { colour: '#d1453b', width: 2, dash: '5 3', arrow: true },
  reference: { colour: '#8b949e', width: 1.3, arrow: true },
  parent: { colour: '#8b949e', width: 2.4, arrow: false },
  module: { colour: '#8b949e', width: 1.3, dash: '3 3', arrow: true },
};

/** Text for XML: escaped, and without the control characters XML 1.0 cannot hold (a hostile name must not break the file). */
function x(text: string): string {
  return escapeHtml(text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd'));
}

function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function text(l: LaidOutLabel, fill: string, cls: string, extra = ''): string {
  return `<text class="${cls}" x="${n(l.x)}" y="${n(l.baseline)}" font-family="${FONT}" font-size="${l.size}"${l.bold ? ' font-weight="700"' : ''} fill="${fill}"${extra}>${x(l.text)}</text>`;
}

function defaultHref(location: ReviewLocation): string {
  return `${location.file.split('/').map(encodeURIComponent).join('/')}#L${location.line}`;
}

/** The words of a box's tooltip: everything the box abbreviates. */
export function nodeTitle(node: MapNode): string {
  const f = node.findings;
  const counts = [f.error > 0 ? `${f.error} error` : '', f.warning > 0 ? `${f.warning} warning` : '', f.note > 0 ? `${f.note} note` : ''].filter((s) => s !== '');
  const findings = f.count === 0 ? 'No findings.' : `${f.count} ${f.count === 1 ? 'finding' : 'findings'} (${counts.join(', ')}).`;
  const exposure =
    node.exposure === 'public'
      ? ' Reachable from the public internet: public network access is on and no private endpoint connects to it.'
      : node.exposure === 'unknown'
        ? ' Whether it is reachable from the internet is not known from the code.'
        : '';
  const tags = tagsOf(node);
  return `${node.kindLabel} ${node.name}${node.azureName ? ` (${node.azureName})` : ''}: ${node.type}. ${node.location.file}:${node.location.line}. ${findings}${exposure}${tags ? ` ${tags}.` : ''}`;
}

/** The map as one `<svg>` element (or, standalone, a whole SVG file); an empty map draws a short sentence instead. */
export function renderMapSvg(map: WorkloadMap, options: MapSvgOptions = {}): string {
  if (map.nodes.length === 0) {
    const empty = 'No resource to draw: the files declare none the map shows.';
    return [
      ...(options.standalone ? ['<?xml version="1.0" encoding="UTF-8"?>'] : []),
      `<svg class="workload-map" xmlns="http://www.w3.org/2000/svg" width="420" height="40" viewBox="0 0 420 40" role="img" aria-label="${empty}">`,
      `<title>${empty}</title>`,
      `<text class="map-muted" x="8" y="24" font-family="${FONT}" font-size="13" fill="${MUTED}">${empty}</text>`,
      '</svg>',
    ].join('\n');
  }
  const layout = options.layout ?? layoutMap(map, options);
  const href = options.href ?? defaultHref;
  const nodes = new Map(map.nodes.map((node) => [node.id, node]));
  const details = new Map(map.edges.map((e) => [`${e.kind}|${e.from}|${e.to}`, e.detail]));
  const publicCount = map.nodes.filter((node) => node.exposure === 'public').length;
  const summary = `Workload map: ${map.nodes.length} ${map.nodes.length === 1 ? 'resource' : 'resources'} in ${map.groups.length} ${map.groups.length === 1 ? 'group' : 'groups'}, ${map.edges.length} ${map.edges.length === 1 ? 'connection' : 'connections'}, ${publicCount} reachable from the internet`;
  const out: string[] = [];
  if (options.standalone) out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<svg class="workload-map" xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" role="img" aria-label="${x(summary)}">`,
    `<title>${x(summary)}</title>`,
    '<defs>',
    ...(Object.keys(EDGE_STYLE) as MapEdgeKind[])
      .filter((k) => EDGE_STYLE[k].arrow)
      .map(
        (k) =>
          `<marker id="wal-map-arrow-${k}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="${EDGE_STYLE[k].colour}"/></marker>`,
      ),
    '</defs>',
  );
  if (options.standalone) out.push(`<rect width="${layout.width}" height="${layout.height}" fill="#ffffff"/>`);
  for (const group of layout.groups) {
    out.push(
      `<g class="map-group" data-group="${x(group.id)}"><rect class="map-card" x="${n(group.x)}" y="${n(group.y)}" width="${n(group.width)}" height="${n(group.height)}" rx="10" fill="#f6f8fa" stroke="#d0d7de"/>`,
      `${text(group.title, MUTED, 'map-muted')}</g>`,
    );
  }
  // Connections under the boxes, so a line never hides a name.
  for (const edge of layout.edges) {
    const style = EDGE_STYLE[edge.kind];
    const from = nodes.get(edge.from)!;
    const to = nodes.get(edge.to)!;
    const detail = details.get(`${edge.kind}|${edge.from}|${edge.to}`);
    out.push(
      `<g class="map-edge" data-kind="${edge.kind}" data-from="${x(edge.from)}" data-to="${x(edge.to)}"><title>${x(`${from.label} → ${to.label}: ${edgeWords(edge.kind)}${detail ? ` (${detail})` : ''}`)}</title>` +
        `<path d="${edge.path}" fill="none" stroke="${style.colour}" stroke-width="${style.width}"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}${edge.kind === 'parent' ? ' stroke-opacity="0.6"' : ''}${style.arrow ? ` marker-end="url(#wal-map-arrow-${edge.kind})"` : ''}/></g>`,
    );
  }
  for (const box of layout.nodes) {
    const node = nodes.get(box.id)!;
    const severity = node.findings.worst ?? 'none';
    const colour = SEVERITY_COLOURS[severity];
    const isPublic = node.exposure === 'public';
    const l = node.location;
    out.push(
      `<a class="loc map-node" href="${x(safeHref(href(l)))}" data-file="${x(l.file)}" data-line="${l.line}" data-column="${l.column}" data-end-line="${l.endLine}" data-end-column="${l.endColumn}" ` +
        `data-node="${x(node.id)}" data-severity="${severity}" data-findings="${node.findings.count}"${node.exposure ? ` data-exposure="${node.exposure}"` : ''}>`,
      `<title>${x(nodeTitle(node))}</title>`,
      `<rect class="map-bg" x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="6" fill="#ffffff"/>`,
      `<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="6" fill="${colour}" fill-opacity="0.07" stroke="${colour}" stroke-width="1.5"${node.existing ? ' stroke-dasharray="4 3"' : ''}/>`,
      `<rect x="${n(box.x)}" y="${n(box.y)}" width="6" height="${n(box.height)}" rx="3" fill="${colour}"/>`,
      // Public exposure stands out by a dashed outline outside the box and the words in it, not by colour alone.
      isPublic ? `<rect x="${n(box.x - 3.5)}" y="${n(box.y - 3.5)}" width="${n(box.width + 7)}" height="${n(box.height + 7)}" rx="8" fill="none" stroke="${PUBLIC_COLOUR}" stroke-width="2.5" stroke-dasharray="7 4"/>` : '',
      text(box.kind, MUTED, 'map-muted'),
      text(box.name, FG, 'map-fg'),
      box.tags ? text(box.tags, isPublic ? PUBLIC_COLOUR : MUTED, isPublic ? 'map-public' : 'map-muted') : '',
      `<rect x="${n(box.badge.x)}" y="${n(box.badge.y)}" width="${n(box.badge.width)}" height="${n(box.badge.height)}" rx="8.5" fill="${colour}"/>`,
      text(box.badge.label, '#ffffff', 'map-count'),
      '</a>',
    );
  }
  for (const item of layout.legend) out.push(legendSample(item.sample, item.box), text(item.label, MUTED, 'map-muted'));
  out.push('</svg>');
  return out.filter((s) => s !== '').join('\n');
}

function legendSample(sample: MapLayout['legend'][number]['sample'], box: Box): string {
  if (sample.kind === 'severity') {
    return `<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="3" fill="${SEVERITY_COLOURS[sample.severity]}"/>`;
  }
  if (sample.kind === 'public') {
    return `<rect x="${n(box.x + 1)}" y="${n(box.y)}" width="${n(box.width - 2)}" height="${n(box.height)}" rx="3" fill="none" stroke="${PUBLIC_COLOUR}" stroke-width="2.5" stroke-dasharray="5 3"/>`;
  }
  const style = EDGE_STYLE[sample.edge];
  const y = n(box.y + box.height / 2);
  return `<path d="M${n(box.x)} ${y}H${n(box.x + box.width - (style.arrow ? 4 : 0))}" fill="none" stroke="${style.colour}" stroke-width="${style.width}"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}${style.arrow ? ` marker-end="url(#wal-map-arrow-${sample.edge})"` : ''}/>`;
}
