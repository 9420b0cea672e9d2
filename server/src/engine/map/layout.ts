// Lays the workload map out: boxes in rows by tier inside each group, groups on shelves, legend below; no box or label overlaps.
import { CATEGORY_TIERS } from './kinds';
import { fitText, textWidth } from './text';
import type { MapEdgeKind, MapNode, WorkloadMap } from './types';

/** A line of text with the box it takes: `x`, `y` its top-left corner, drawn with its baseline at `baseline`. */
export interface LaidOutLabel {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  baseline: number;
  size: number;
  bold: boolean;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LaidOutNode extends Box {
  id: string;
  kind: LaidOutLabel;
  name: LaidOutLabel;
  /** Public endpoint, private endpoints, copies, …; absent when there is nothing to say. */
  tags?: LaidOutLabel;
  /** The finding count's pill, top right, and its number. */
  badge: Box & { label: LaidOutLabel };
}

export interface LaidOutGroup extends Box {
  id: string;
  title: LaidOutLabel;
}

export interface LaidOutEdge {
  from: string;
  to: string;
  kind: MapEdgeKind;
  /** An SVG path: a cubic curve from the side of one box to the side of the other. */
  path: string;
}

/** One entry of the legend: a sample (a swatch, a public box, or a line of an edge kind) and its words. */
export interface LegendItem {
  sample: { kind: 'severity'; severity: 'error' | 'warning' | 'note' | 'none' } | { kind: 'public' } | { kind: 'edge'; edge: MapEdgeKind };
  box: Box;
  label: LaidOutLabel;
}

export interface MapLayout {
  width: number;
  height: number;
  groups: LaidOutGroup[];
  nodes: LaidOutNode[];
  edges: LaidOutEdge[];
  legend: LegendItem[];
}

export interface LayoutOptions {
  /** The widest the drawing may be, in pixels (default 1040, the report's column). */
  width?: number;
}

/** Sizes, in pixels: chosen so the map reads at the report's width without zooming. */
export const SIZES = {
  margin: 8,
  nodeHeight: 60,
  nodeMinWidth: 136,
  nodeMaxWidth: 236,
  stripe: 6,
  padLeft: 16,
  padRight: 10,
  nodeGap: 18,
  rowGap: 24,
  tierGap: 36,
  groupPad: 14,
  groupTitle: 28,
  groupGap: 22,
  font: { kind: 11, name: 13, tags: 10.5, badge: 11, group: 12.5, legend: 12 },
} as const;

const EDGE_WORDS: Readonly<Record<MapEdgeKind, string>> = {
  privateEndpoint: 'private endpoint',
  diagnostics: 'logs to',
  roleAssignment: 'role granted',
  customerManagedKey: 'encryption key in',
  keyAccess: 'given its access key',
  reference: 'refers to',
  parent: 'part of',
  module: 'passed to a module not analysed',
};

/** How the legend and tooltips name a connection. */
export function edgeWords(kind: MapEdgeKind): string {
  return EDGE_WORDS[kind];
}

/** The words under a box's name: what a reader should notice first (public exposure), then the rest. */
export function tagsOf(node: MapNode): string {
  const tags: string[] = [];
  if (node.exposure === 'public') tags.push('PUBLIC ENDPOINT');
  else if (node.privateEndpoints > 0) tags.push('private endpoint');
  else if (node.exposure === 'private') tags.push('public access off');
  else if (node.exposure === 'restricted') tags.push('firewall denies by default');
  else if (node.exposure === 'unknown') tags.push('public access unknown');
  if (node.copies > 1) tags.push(`×${node.copies}`);
  if (node.existing) tags.push('declared elsewhere');
  if (node.conditional) tags.push('conditional');
  return tags.join(' · ');
}

function label(text: string, x: number, y: number, size: number, bold: boolean): LaidOutLabel {
  const height = Math.ceil(size * 1.3);
  return { text, x, y, width: Math.ceil(textWidth(text, size, bold)), height, baseline: y + Math.round(size * 1.02), size, bold };
}

/** A box's size, before it has a place: wide enough for its longest line, within the bounds. */
function measure(node: MapNode): { width: number; badgeWidth: number } {
  const f = SIZES.font;
  const badgeWidth = Math.max(20, Math.ceil(textWidth(String(node.findings.count), f.badge, true)) + 12);
  const inner = SIZES.padLeft + SIZES.padRight;
  const wanted = Math.max(
    inner + textWidth(node.label, f.name, true),
    inner + textWidth(node.kindLabel, f.kind) + 6 + badgeWidth,
    inner + textWidth(tagsOf(node), f.tags, node.exposure === 'public'),
  );
  return { width: Math.ceil(Math.min(SIZES.nodeMaxWidth, Math.max(SIZES.nodeMinWidth, wanted))), badgeWidth };
}

/** Places a box's lines, cutting any that would leave it. */
function placeNode(node: MapNode, x: number, y: number, width: number, badgeWidth: number): LaidOutNode {
  const f = SIZES.font;
  const left = x + SIZES.padLeft;
  const badge: Box = { x: x + width - SIZES.padRight - badgeWidth, y: y + 7, width: badgeWidth, height: 17 };
  const kindRoom = badge.x - 6 - left;
  const nameRoom = width - SIZES.padLeft - SIZES.padRight;
  const tags = tagsOf(node);
  const laid: LaidOutNode = {
    id: node.id,
    x,
    y,
    width,
    height: SIZES.nodeHeight,
    kind: label(fitText(node.kindLabel, f.kind, kindRoom), left, y + 8, f.kind, false),
    name: label(fitText(node.label, f.name, nameRoom, true), left, y + 24, f.name, true),
    badge: { ...badge, label: label(String(node.findings.count), 0, badge.y + 1, f.badge, true) },
  };
  // The count is centred in its pill.
  laid.badge.label.x = Math.round(badge.x + (badge.width - laid.badge.label.width) / 2);
  if (tags) laid.tags = label(fitText(tags, f.tags, nameRoom, node.exposure === 'public'), left, y + 42, f.tags, node.exposure === 'public');
  return laid;
}

/**
 * Lays a map out. Inside a group, resources stack in tiers (gateways and apps, AI services, models and compute, data,
 * keys, monitoring, network), each tier in rows that wrap at the drawing's width; within a tier, a box sits near the boxes
 * it connects to above it (the mean of their positions orders the tier), ties kept in declaration order. Groups fill
 * shelves left to right. Deterministic: the same map gives the same layout. Linear in boxes plus edges, but for ordering.
 */
export function layoutMap(map: WorkloadMap, options: LayoutOptions = {}): MapLayout {
  const maxWidth = Math.max(options.width ?? 1040, SIZES.nodeMaxWidth + 2 * (SIZES.groupPad + SIZES.margin));
  const innerMax = maxWidth - 2 * SIZES.margin - 2 * SIZES.groupPad;
  const tierOf = new Map<string, number>();
  CATEGORY_TIERS.forEach((tier, i) => tier.forEach((c) => tierOf.set(c, i)));
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string): void => {
    const list = neighbours.get(a);
    if (list) list.push(b);
    else neighbours.set(a, [b]);
  };
  for (const edge of map.edges) {
    link(edge.from, edge.to);
    link(edge.to, edge.from);
  }
  const byGroup = new Map<string, MapNode[]>();
  for (const node of map.nodes) {
    const list = byGroup.get(node.group);
    if (list) list.push(node);
    else byGroup.set(node.group, [node]);
  }
  const order = new Map(map.nodes.map((n, i) => [n.id, i]));

  // Each group laid out at the origin first, then moved onto its shelf.
  const local: Array<{ group: LaidOutGroup; nodes: LaidOutNode[] }> = [];
  for (const group of map.groups) {
    const members = byGroup.get(group.id) ?? [];
    if (members.length === 0) continue;
    const placedX = new Map<string, number>();
    const rows: Array<Array<{ node: MapNode; width: number; badgeWidth: number }>> = [];
    const rowTier: number[] = [];
    for (let tier = 0; tier < CATEGORY_TIERS.length; tier++) {
      const inTier = members.filter((n) => tierOf.get(n.category) === tier);
      if (inTier.length === 0) continue;
      // Order by where the boxes they connect to already sit; boxes with no placed neighbour keep declaration order, after.
      const key = (n: MapNode): number => {
        const xs = (neighbours.get(n.id) ?? []).map((id) => placedX.get(id)).filter((x): x is number => x !== undefined);
        return xs.length === 0 ? Number.POSITIVE_INFINITY : xs.reduce((a, b) => a + b, 0) / xs.length;
      };
      const keyed = inTier.map((n) => ({ n, k: key(n) }));
      keyed.sort((a, b) => (a.k === b.k ? 0 : a.k < b.k ? -1 : 1) || order.get(a.n.id)! - order.get(b.n.id)!);
      let row: Array<{ node: MapNode; width: number; badgeWidth: number }> = [];
      let used = 0;
      for (const { n } of keyed) {
        const m = measure(n);
        if (row.length > 0 && used + SIZES.nodeGap + m.width > innerMax) {
          rows.push(row);
          rowTier.push(tier);
          row = [];
          used = 0;
        }
        used += (row.length > 0 ? SIZES.nodeGap : 0) + m.width;
        // Approximate centre for ordering the tiers below: position within the row so far.
        placedX.set(n.id, used - m.width / 2);
        row.push({ node: n, ...m });
      }
      rows.push(row);
      rowTier.push(tier);
    }
    const rowWidth = (row: ReadonlyArray<{ width: number }>): number => row.reduce((a, r) => a + r.width, 0) + SIZES.nodeGap * (row.length - 1);
    const f = SIZES.font;
    const titleText = fitText(group.label, f.group, innerMax, true);
    const contentWidth = Math.max(...rows.map(rowWidth), Math.ceil(textWidth(titleText, f.group, true)));
    const width = contentWidth + 2 * SIZES.groupPad;
    const nodes: LaidOutNode[] = [];
    let y = SIZES.groupTitle + 6;
    rows.forEach((row, i) => {
      if (i > 0) y += rowTier[i] === rowTier[i - 1] ? SIZES.rowGap : SIZES.tierGap;
      // Rows are centred, so a tier of one box sits under the middle of a wide tier.
      let x = SIZES.groupPad + Math.floor((contentWidth - rowWidth(row)) / 2);
      for (const item of row) {
        nodes.push(placeNode(item.node, x, y, item.width, item.badgeWidth));
        x += item.width + SIZES.nodeGap;
      }
      y += SIZES.nodeHeight;
    });
    const height = y + SIZES.groupPad;
    const title = label(titleText, SIZES.groupPad, 7, f.group, true);
    local.push({ group: { id: group.id, x: 0, y: 0, width, height, title }, nodes });
  }

  // Shelves: groups left to right while they fit, then a new shelf below the tallest group of the last.
  const groups: LaidOutGroup[] = [];
  const nodes: LaidOutNode[] = [];
  let x = SIZES.margin;
  let y = SIZES.margin;
  let shelf = 0;
  let right = 0;
  for (const { group, nodes: members } of local) {
    if (x > SIZES.margin && x + group.width > maxWidth - SIZES.margin) {
      x = SIZES.margin;
      y += shelf + SIZES.groupGap;
      shelf = 0;
    }
    const dx = x;
    const dy = y;
    groups.push({ ...group, x: dx, y: dy, title: move(group.title, dx, dy) });
    for (const n of members) nodes.push(moveNode(n, dx, dy));
    x += group.width + SIZES.groupGap;
    shelf = Math.max(shelf, group.height);
    right = Math.max(right, dx + group.width);
  }
  const bottom = groups.length > 0 ? y + shelf : SIZES.margin;

  const edges = routeEdges(map, nodes, groups);

  const legend = layoutLegend(map, bottom + 18, maxWidth);
  const legendRight = Math.max(0, ...legend.map((l) => l.label.x + l.label.width));
  const legendBottom = Math.max(bottom, ...legend.map((l) => Math.max(l.box.y + l.box.height, l.label.y + l.label.height)));
  return { width: Math.ceil(Math.max(right, legendRight) + SIZES.margin), height: Math.ceil(legendBottom + SIZES.margin), groups, nodes, edges, legend };
}

function move(l: LaidOutLabel, dx: number, dy: number): LaidOutLabel {
  return { ...l, x: l.x + dx, y: l.y + dy, baseline: l.baseline + dy };
}

function moveNode(n: LaidOutNode, dx: number, dy: number): LaidOutNode {
  const moved: LaidOutNode = {
    ...n,
    x: n.x + dx,
    y: n.y + dy,
    kind: move(n.kind, dx, dy),
    name: move(n.name, dx, dy),
    badge: { ...n.badge, x: n.badge.x + dx, y: n.badge.y + dy, label: move(n.badge.label, dx, dy) },
  };
  if (n.tags) moved.tags = move(n.tags, dx, dy);
  return moved;
}

type Side = 'top' | 'bottom' | 'left' | 'right';

/** Which sides of two boxes a connection joins: bottom to top when one is above the other, else side to side. */
function sides(a: Box, b: Box): [Side, Side] {
  if (a.y + a.height <= b.y) return ['bottom', 'top'];
  if (b.y + b.height <= a.y) return ['top', 'bottom'];
  return a.x < b.x ? ['right', 'left'] : ['left', 'right'];
}

/**
 * Routes every connection as a curve between the facing sides of its boxes. The ends that meet one side of a box are
 * spread along it in the order of the boxes at their other ends, so lines neither cross at the box nor meet in one point.
 */
function routeEdges(map: WorkloadMap, nodes: readonly LaidOutNode[], groups: readonly LaidOutGroup[]): LaidOutEdge[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const corridors = new Corridors(map, nodes, groups);
  const routed = map.edges.flatMap((edge) => {
    const a = byId.get(edge.from);
    const b = byId.get(edge.to);
    return a && b ? [{ edge, a, b, sides: sides(a, b) }] : [];
  });
  // The ends meeting each side of each box (keyed by box, then side: an id may hold any character).
  const ends = new Map<LaidOutNode, Map<Side, Array<{ i: number; end: 0 | 1; other: number }>>>();
  routed.forEach((r, i) => {
    for (const end of [0, 1] as const) {
      const own = end === 0 ? r.a : r.b;
      const other = end === 0 ? r.b : r.a;
      const side = r.sides[end];
      const along = side === 'top' || side === 'bottom' ? other.x + other.width / 2 : other.y + other.height / 2;
      const bySide = ends.get(own) ?? new Map<Side, Array<{ i: number; end: 0 | 1; other: number }>>();
      ends.set(own, bySide);
      const list = bySide.get(side);
      if (list) list.push({ i, end, other: along });
      else bySide.set(side, [{ i, end, other: along }]);
    }
  });
  const points: Array<[[number, number], [number, number]]> = routed.map(() => [[0, 0], [0, 0]]);
  for (const [box, bySide] of ends) {
    for (const [side, list] of bySide) {
      list.sort((p, q) => p.other - q.other || p.i - q.i || p.end - q.end);
      list.forEach((p, k) => {
        // Spread over the middle of the side; a lone end sits at its centre.
        const t = (k + 1) / (list.length + 1);
        const horizontal = side === 'top' || side === 'bottom';
        const span = (horizontal ? box.width : box.height) * 0.7;
        const start = (horizontal ? box.x + box.width / 2 : box.y + box.height / 2) - span / 2;
        const along = start + span * t;
        points[p.i]![p.end] =
          side === 'top' ? [along, box.y] : side === 'bottom' ? [along, box.y + box.height] : side === 'left' ? [box.x, along] : [box.x + box.width, along];
      });
    }
  }
  const index = new BoxIndex(nodes);
  return routed.map((r, i) => {
    const [p1, p2] = points[i]!;
    const around = r.sides[0] === 'bottom' ? corridors.route(r.a, r.b, p1, p2) : r.sides[0] === 'top' ? corridors.route(r.b, r.a, p2, p1)?.reverse() : undefined;
    if (around) return { from: r.edge.from, to: r.edge.to, kind: r.edge.kind, path: orthogonal(around) };
    // A curve that would pass behind another box (between groups, or along a row) goes under or over the boxes instead,
    // so a line never seems to start or end at a box it only passes.
    const direct = controls(p1, p2, r.sides[0]);
    let best = { path: curvePath(direct), hits: index.hits(sampleCurve(direct), r.a, r.b) };
    if (best.hits > 0) {
      const shift = ((i % 5) - 2) * 5;
      const ax = r.a.x + r.a.width / 2 + shift;
      const bx = r.b.x + r.b.width / 2 + shift;
      const below = Math.max(r.a.y + r.a.height, r.b.y + r.b.height) + 10 + corridors.lane(`u${Math.round(Math.max(r.a.y + r.a.height, r.b.y + r.b.height))}`) / 2 + 2;
      const above = Math.min(r.a.y, r.b.y) - 10 + corridors.lane(`o${Math.round(Math.min(r.a.y, r.b.y))}`) / 2 - 2;
      const detours: Point[][] = [
        [[ax, r.a.y + r.a.height], [ax, below], [bx, below], [bx, r.b.y + r.b.height]],
        [[ax, r.a.y], [ax, above], [bx, above], [bx, r.b.y]],
      ];
      for (const detour of detours) {
        const hits = index.hits(samplePolyline(detour), r.a, r.b);
        if (hits < best.hits) best = { path: orthogonal(detour), hits };
      }
    }
    return { from: r.edge.from, to: r.edge.to, kind: r.edge.kind, path: best.path };
  });
}

/** The boxes by the cells of a coarse grid, so a line's points are tested against the boxes near them only. */
class BoxIndex {
  private static readonly CELL = 120;
  private readonly cells = new Map<string, LaidOutNode[]>();

  constructor(nodes: readonly LaidOutNode[]) {
    const c = BoxIndex.CELL;
    for (const node of nodes) {
      for (let cx = Math.floor(node.x / c); cx <= Math.floor((node.x + node.width) / c); cx++) {
        for (let cy = Math.floor(node.y / c); cy <= Math.floor((node.y + node.height) / c); cy++) {
          const key = `${cx},${cy}`;
          const list = this.cells.get(key);
          if (list) list.push(node);
          else this.cells.set(key, [node]);
        }
      }
    }
  }

  /** How many of the points lie inside a box other than the line's own two. */
  hits(points: readonly Point[], a: LaidOutNode, b: LaidOutNode): number {
    let n = 0;
    for (const [x, y] of points) {
      const cell = this.cells.get(`${Math.floor(x / BoxIndex.CELL)},${Math.floor(y / BoxIndex.CELL)}`) ?? [];
      if (cell.some((box) => box !== a && box !== b && x > box.x && x < box.x + box.width && y > box.y && y < box.y + box.height)) n++;
    }
    return n;
  }
}

function sampleCurve([p0, p1, p2, p3]: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (let k = 1; k < 32; k++) {
    const t = k / 32;
    const u = 1 - t;
    const w = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
    out.push([w[0]! * p0![0] + w[1]! * p1![0] + w[2]! * p2![0] + w[3]! * p3![0], w[0]! * p0![1] + w[1]! * p1![1] + w[2]! * p2![1] + w[3]! * p3![1]]);
  }
  return out;
}

function samplePolyline(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i - 1]!;
    const [x2, y2] = points[i]!;
    // Every 6 px, but no more than 48 points a segment: a line across a very tall map is judged by a sample, so the
    // routing stays linear in lines rather than in their length.
    const steps = Math.max(1, Math.min(48, Math.ceil(Math.hypot(x2 - x1, y2 - y1) / 6)));
    for (let k = 0; k <= steps; k++) out.push([x1 + ((x2 - x1) * k) / steps, y1 + ((y2 - y1) * k) / steps]);
  }
  return out;
}

type Point = [number, number];

/**
 * The free vertical corridors of each group: where a line from a box to one several rows below can run without passing
 * behind the boxes in between. A line takes the corridor nearest its ends, in a lane of its own.
 */
class Corridors {
  /** Each group's rows, top to bottom: the row's top and bottom and the spans its boxes take (with room to spare). */
  private readonly rows = new Map<string, Array<{ top: number; bottom: number; taken: Array<[number, number]> }>>();
  private readonly groupOf = new Map<string, LaidOutGroup>();
  /** How many lines already run in a gap (by its y) or a corridor (by its x), so the next one takes the next lane. */
  private readonly lanes = new Map<string, number>();

  constructor(map: WorkloadMap, nodes: readonly LaidOutNode[], groups: readonly LaidOutGroup[]) {
    const laid = new Map(groups.map((g) => [g.id, g]));
    const groupOfNode = new Map(map.nodes.map((n) => [n.id, n.group]));
    for (const node of nodes) {
      const group = laid.get(groupOfNode.get(node.id) ?? '');
      if (!group) continue;
      this.groupOf.set(node.id, group);
      const rows = this.rows.get(group.id) ?? [];
      this.rows.set(group.id, rows);
      let row = rows.find((r) => r.top === node.y);
      if (!row) rows.push((row = { top: node.y, bottom: node.y + node.height, taken: [] }));
      row.taken.push([node.x - 8, node.x + node.width + 8]);
    }
    for (const rows of this.rows.values()) rows.sort((a, b) => a.top - b.top);
  }

  /** The offset of the next line in a gap or corridor: 0, +4, -4, +8, -8, then again. */
  lane(key: string): number {
    const k = this.lanes.get(key) ?? 0;
    this.lanes.set(key, k + 1);
    // 0, +4, -4, +8, -8, …: lanes alternate around the middle, five wide, then repeat.
    const step = Math.ceil((k % 5) / 2) * 4;
    return k % 2 === 1 ? step : -step;
  }

  /**
   * A route from `upper`'s bottom (at `from`) down to `lower`'s top (at `to`) through a free corridor, when rows of the same
   * group lie between them; undefined when none do (a plain curve is clear then) or the boxes are in different groups.
   */
  route(upper: LaidOutNode, lower: LaidOutNode, from: Point, to: Point): Point[] | undefined {
    const group = this.groupOf.get(upper.id);
    if (!group || group !== this.groupOf.get(lower.id)) return undefined;
    const rows = this.rows.get(group.id)!;
    const between = rows.filter((r) => r.top >= upper.y + upper.height && r.bottom <= lower.y);
    if (between.length === 0) return undefined;
    // The free spans common to every row between, inside the group's padding.
    let free: Array<[number, number]> = [[group.x + 4, group.x + group.width - 4]];
    for (const row of between) free = free.flatMap((span) => subtract(span, row.taken));
    const wanted = (from[0] + to[0]) / 2;
    let x = group.x + 6;
    let best = Number.POSITIVE_INFINITY;
    for (const [a, b] of free) {
      if (b - a < 6) continue;
      const candidate = Math.min(Math.max(wanted, a + 3), b - 3);
      if (Math.abs(candidate - wanted) < best) {
        best = Math.abs(candidate - wanted);
        x = candidate;
      }
    }
    const corridor = free.find(([a, b]) => x >= a && x <= b);
    const laneX = corridor ? Math.min(Math.max(x + this.lane(`x${Math.round(x)}`), corridor[0] + 1), corridor[1] - 1) : x;
    // Leave through the gap under the upper box's row, arrive through the gap over the lower box's row.
    const upperRow = rows.find((r) => r.top === upper.y)!;
    const lowerRow = rows.find((r) => r.top === lower.y)!;
    const gapBelow = (upperRow.bottom + between[0]!.top) / 2;
    const gapAbove = (between[between.length - 1]!.bottom + lowerRow.top) / 2;
    const y1 = gapBelow + this.lane(`y${Math.round(gapBelow)}`);
    const y2 = gapAbove + this.lane(`y${Math.round(gapAbove)}`);
    return [from, [from[0], y1], [laneX, y1], [laneX, y2], [to[0], y2], to];
  }
}

/** The parts of a span not covered by any of `taken`. */
function subtract([a, b]: [number, number], taken: ReadonlyArray<[number, number]>): Array<[number, number]> {
  let parts: Array<[number, number]> = [[a, b]];
  for (const [c, d] of taken) parts = parts.flatMap(([p, q]) => (d <= p || c >= q ? [[p, q] as [number, number]] : ([[p, c], [d, q]] as Array<[number, number]>).filter(([u, v]) => v > u)));
  return parts;
}

/** A path through points joined by straight segments, with rounded corners. */
function orthogonal(points: readonly Point[]): string {
  const r = (n: number): number => Math.round(n * 10) / 10;
  const kept = points.filter((p, i) => i === 0 || p[0] !== points[i - 1]![0] || p[1] !== points[i - 1]![1]);
  let d = `M${r(kept[0]![0])} ${r(kept[0]![1])}`;
  for (let i = 1; i < kept.length - 1; i++) {
    const [px, py] = kept[i - 1]!;
    const [x, y] = kept[i]!;
    const [nx, ny] = kept[i + 1]!;
    const radius = Math.min(6, Math.hypot(x - px, y - py) / 2, Math.hypot(nx - x, ny - y) / 2);
    const inX = x - Math.sign(x - px) * radius;
    const inY = y - Math.sign(y - py) * radius;
    const outX = x + Math.sign(nx - x) * radius;
    const outY = y + Math.sign(ny - y) * radius;
    d += ` L${r(inX)} ${r(inY)} Q${r(x)} ${r(y)} ${r(outX)} ${r(outY)}`;
  }
  const last = kept[kept.length - 1]!;
  return `${d} L${r(last[0])} ${r(last[1])}`;
}

/** The control points of a cubic curve leaving its first point square to `side` and arriving square to the facing side. */
function controls([x1, y1]: Point, [x2, y2]: Point, side: Side): Point[] {
  if (side === 'top' || side === 'bottom') {
    const bend = Math.max(18, Math.abs(y2 - y1) / 2) * (side === 'bottom' ? 1 : -1);
    return [[x1, y1], [x1, y1 + bend], [x2, y2 - bend], [x2, y2]];
  }
  const bend = Math.max(18, Math.abs(x2 - x1) / 2) * (side === 'right' ? 1 : -1);
  return [[x1, y1], [x1 + bend, y1], [x2 - bend, y2], [x2, y2]];
}

function curvePath(points: readonly Point[]): string {
  const r = (n: number): number => Math.round(n * 10) / 10;
  const [p0, p1, p2, p3] = points as [Point, Point, Point, Point];
  return `M${r(p0[0])} ${r(p0[1])} C${r(p1[0])} ${r(p1[1])} ${r(p2[0])} ${r(p2[1])} ${r(p3[0])} ${r(p3[1])}`;
}

/** Severity swatches, the public-endpoint sample, and a line for each kind of connection the map has; wrapped in rows. */
function layoutLegend(map: WorkloadMap, top: number, maxWidth: number): LegendItem[] {
  if (map.nodes.length === 0) return [];
  const samples: Array<{ sample: LegendItem['sample']; text: string; width: number }> = [
    { sample: { kind: 'severity', severity: 'error' }, text: 'worst finding: error', width: 14 },
    { sample: { kind: 'severity', severity: 'warning' }, text: 'warning', width: 14 },
    { sample: { kind: 'severity', severity: 'note' }, text: 'note', width: 14 },
    { sample: { kind: 'severity', severity: 'none' }, text: 'no findings', width: 14 },
  ];
  if (map.nodes.some((n) => n.exposure === 'public')) samples.push({ sample: { kind: 'public' }, text: 'reachable from the internet', width: 26 });
  const kinds: MapEdgeKind[] = ['privateEndpoint', 'diagnostics', 'roleAssignment', 'customerManagedKey', 'keyAccess', 'reference', 'parent', 'module'];
  for (const kind of kinds) if (map.edges.some((e) => e.kind === kind)) samples.push({ sample: { kind: 'edge', edge: kind }, text: EDGE_WORDS[kind], width: 30 });
  const size = SIZES.font.legend;
  const items: LegendItem[] = [];
  let x = SIZES.margin;
  let y = top;
  for (const s of samples) {
    const text = label(s.text, 0, 0, size, false);
    const itemWidth = s.width + 6 + text.width;
    if (x > SIZES.margin && x + itemWidth > maxWidth - SIZES.margin) {
      x = SIZES.margin;
      y += 22;
    }
    const box: Box = { x, y: y + 2, width: s.width, height: 12 };
    items.push({ sample: s.sample, box, label: { ...text, x: x + s.width + 6, y, baseline: y + Math.round(size * 1.02) } });
    x += itemWidth + 18;
  }
  return items;
}
