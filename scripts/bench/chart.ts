// Draws the bench's scaling chart as a self-contained SVG: measured points and their least-squares lines, panel by panel.
import type { LinearFit } from './stats';

/** One measured series of a panel, e.g. the engine's review time against the file count. */
export interface ChartSeries {
  name: string;
  /** A CSS colour. */
  color: string;
  points: readonly (readonly [number, number])[];
  /** Drawn as a dashed line over the x range of the points; absent or null for none. */
  fit?: LinearFit | null;
  /** How the legend states the fit, in the caller's units (`0.88 ms/file + 600 ms`); the bare coefficients when absent. */
  fitLabel?: string;
}

export interface ChartPanel {
  title: string;
  yLabel: string;
  series: readonly ChartSeries[];
}

export interface ChartSpec {
  title: string;
  /** A line under the title: what was measured, where and when. */
  subtitle?: string;
  xLabel: string;
  panels: readonly ChartPanel[];
}

/** Text for an SVG text node or attribute: the five characters XML gives meaning to are escaped. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

/**
 * Round axis ticks from 0 to at least `max`: a step of 1, 2 or 5 times a power of ten, chosen so that about `count`
 * intervals cover the range. A `max` of zero or less (or not finite) gives the ticks of 0 to 1.
 */
export function niceTicks(max: number, count = 5): number[] {
  const top = Number.isFinite(max) && max > 0 ? max : 1;
  const rough = top / Math.max(1, count);
  const power = Math.pow(10, Math.floor(Math.log10(rough)));
  const step = ([1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power);
  const ticks: number[] = [];
  // Each tick is computed from its index (not by adding steps), so 0.1 + 0.2 errors cannot pile up.
  for (let i = 0; ; i++) {
    const value = Number((i * step).toPrecision(12));
    ticks.push(value);
    if (value >= top) break;
  }
  return ticks;
}

/** A tick label: thousands separated, and only as many decimals as the step between ticks needs (at most six). */
export function tickLabel(value: number, step: number): string {
  let decimals = 0;
  while (decimals < 6 && Math.abs(step * 10 ** decimals - Math.round(step * 10 ** decimals)) > 1e-9) decimals++;
  const [whole, fraction] = value.toFixed(decimals).split('.');
  const grouped = (whole as string).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}

const PANEL_WIDTH = 420;
const PLOT_HEIGHT = 200;
const MARGIN = { left: 64, right: 24, top: 40, bottom: 56 };
const HEADER = 56;
/** Each legend line below a panel's plot. */
const LEGEND_LINE = 16;

/** Rounds a coordinate to a tenth of a pixel: the file stays small and diffs of regenerated charts stay readable. */
function px(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function panelSvg(panel: ChartPanel, index: number, xLabel: string, xMax: number, originX: number): string[] {
  const plotLeft = originX + MARGIN.left;
  const plotTop = HEADER + MARGIN.top;
  const plotWidth = PANEL_WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = PLOT_HEIGHT;
  const yMax = Math.max(0, ...panel.series.flatMap((s) => s.points.map(([, y]) => y)));
  const xTicks = niceTicks(xMax);
  const yTicks = niceTicks(yMax);
  const xTop = xTicks[xTicks.length - 1] as number;
  const yTop = yTicks[yTicks.length - 1] as number;
  const sx = (x: number) => plotLeft + (x / xTop) * plotWidth;
  const sy = (y: number) => plotTop + plotHeight - (y / yTop) * plotHeight;
  const out: string[] = [];
  out.push(`<text x="${px(plotLeft + plotWidth / 2)}" y="${px(plotTop - 16)}" class="panel-title" text-anchor="middle">${escapeXml(panel.title)}</text>`);
  const xStep = (xTicks[1] ?? 1) - (xTicks[0] ?? 0);
  const yStep = (yTicks[1] ?? 1) - (yTicks[0] ?? 0);
  for (const tick of yTicks) {
    out.push(`<line x1="${px(plotLeft)}" x2="${px(plotLeft + plotWidth)}" y1="${px(sy(tick))}" y2="${px(sy(tick))}" class="grid"/>`);
    out.push(`<text x="${px(plotLeft - 8)}" y="${px(sy(tick) + 4)}" text-anchor="end">${escapeXml(tickLabel(tick, yStep))}</text>`);
  }
  for (const tick of xTicks) {
    out.push(`<line x1="${px(sx(tick))}" x2="${px(sx(tick))}" y1="${px(plotTop + plotHeight)}" y2="${px(plotTop + plotHeight + 5)}" class="axis"/>`);
    out.push(`<text x="${px(sx(tick))}" y="${px(plotTop + plotHeight + 20)}" text-anchor="middle">${escapeXml(tickLabel(tick, xStep))}</text>`);
  }
  out.push(`<line x1="${px(plotLeft)}" x2="${px(plotLeft + plotWidth)}" y1="${px(plotTop + plotHeight)}" y2="${px(plotTop + plotHeight)}" class="axis"/>`);
  out.push(`<line x1="${px(plotLeft)}" x2="${px(plotLeft)}" y1="${px(plotTop)}" y2="${px(plotTop + plotHeight)}" class="axis"/>`);
  out.push(`<text x="${px(plotLeft + plotWidth / 2)}" y="${px(plotTop + plotHeight + 36)}" text-anchor="middle">${escapeXml(xLabel)}</text>`);
  const yMid = plotTop + plotHeight / 2;
  out.push(`<text x="${px(originX + 16)}" y="${px(yMid)}" text-anchor="middle" transform="rotate(-90 ${px(originX + 16)} ${px(yMid)})">${escapeXml(panel.yLabel)}</text>`);
  // Fitted lines are clipped to the plot: a negative intercept must not draw below the axis.
  const clip = `plot-${index}`;
  out.push(`<clipPath id="${clip}"><rect x="${px(plotLeft)}" y="${px(plotTop)}" width="${px(plotWidth)}" height="${px(plotHeight)}"/></clipPath>`);
  panel.series.forEach((series, n) => {
    const color = escapeXml(series.color);
    const xs = series.points.map(([x]) => x);
    if (series.fit && xs.length > 0) {
      // The fit is drawn only over the measured range: extrapolating it would claim more than was measured.
      const from = Math.min(...xs);
      const to = Math.max(...xs);
      const y = (x: number) => series.fit!.intercept + series.fit!.slope * x;
      out.push(`<line x1="${px(sx(from))}" y1="${px(sy(y(from)))}" x2="${px(sx(to))}" y2="${px(sy(y(to)))}" stroke="${color}" class="fit" clip-path="url(#${clip})"/>`);
    }
    for (const [x, y] of series.points) {
      out.push(`<circle cx="${px(sx(x))}" cy="${px(sy(y))}" r="4" fill="${color}"><title>${escapeXml(`${series.name}: ${tickLabel(x, 1)} → ${Math.abs(y) >= 1000 ? tickLabel(Math.round(y), 1) : y.toPrecision(3)}`)}</title></circle>`);
    }
    // The legend, one line per series, under the panel's axis label.
    const legendY = plotTop + plotHeight + MARGIN.bottom + n * LEGEND_LINE;
    out.push(`<rect x="${px(plotLeft)}" y="${px(legendY - 9)}" width="10" height="10" fill="${color}"/>`);
    const fitText = series.fit ? `: ${series.fitLabel ?? `${series.fit.slope.toPrecision(3)}/file + ${series.fit.intercept.toPrecision(3)}`} (r² ${series.fit.r2.toFixed(3)})` : '';
    out.push(`<text x="${px(plotLeft + 16)}" y="${px(legendY)}" class="legend">${escapeXml(series.name + fitText)}</text>`);
  });
  return out;
}

/** The whole chart as an SVG document: panels side by side, sharing the x range so they line up. */
export function renderChart(spec: ChartSpec): string {
  const width = PANEL_WIDTH * Math.max(1, spec.panels.length);
  const legendLines = Math.max(0, ...spec.panels.map((p) => p.series.length));
  const height = HEADER + MARGIN.top + PLOT_HEIGHT + MARGIN.bottom + legendLines * LEGEND_LINE;
  const xMax = Math.max(0, ...spec.panels.flatMap((p) => p.series.flatMap((s) => s.points.map(([x]) => x))));
  const body = spec.panels.flatMap((panel, i) => panelSvg(panel, i, spec.xLabel, xMax, i * PANEL_WIDTH));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(spec.title)}">`,
    '<style>',
    // Dark and light themes both read it: a white card with neutral greys, as GitHub shows README images on either.
    'text { font: 12px -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; fill: #24292f; }',
    '.title { font-size: 16px; font-weight: 600; } .panel-title { font-size: 13px; font-weight: 600; } .legend { font-size: 11px; }',
    '.grid { stroke: #d0d7de; stroke-width: 1; } .axis { stroke: #57606a; stroke-width: 1; } .fit { stroke-width: 1.5; stroke-dasharray: 6 4; }',
    '</style>',
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${px(width / 2)}" y="24" class="title" text-anchor="middle">${escapeXml(spec.title)}</text>`,
    ...(spec.subtitle ? [`<text x="${px(width / 2)}" y="42" text-anchor="middle">${escapeXml(spec.subtitle)}</text>`] : []),
    ...body,
    '</svg>',
    '',
  ].join('\n');
}
