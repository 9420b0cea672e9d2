// Tests the bench's SVG chart: XML escaping, axis ticks and labels, and a chart that stays well-formed whatever its text says.
import * as assert from 'node:assert/strict';
import { escapeXml, niceTicks, renderChart, tickLabel, type ChartSpec } from '../../../scripts/bench/chart';

const ESCAPES: [string, string][] = [
  ['plain text', 'plain text'],
  ['a < b & c > d', 'a &lt; b &amp; c &gt; d'],
  [`"quoted" and 'single'`, '&quot;quoted&quot; and &apos;single&apos;'],
  ['&amp; is escaped again, not trusted', '&amp;amp; is escaped again, not trusted'],
  ['</text><script>alert(1)</script>', '&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;'],
  ['r² → 1 · ms/file', 'r² → 1 · ms/file'],
];

const TICKS: [number, number[]][] = [
  [10, [0, 2, 4, 6, 8, 10]],
  [11, [0, 5, 10, 15]],
  [5000, [0, 1000, 2000, 3000, 4000, 5000]],
  [5001, [0, 2000, 4000, 6000]],
  [0.7, [0, 0.2, 0.4, 0.6, 0.8]],
  [0.3, [0, 0.1, 0.2, 0.3]],
  [0, [0, 0.2, 0.4, 0.6, 0.8, 1]],
  [Number.NaN, [0, 0.2, 0.4, 0.6, 0.8, 1]],
];

const LABELS: [number, number, string][] = [
  [5000, 1000, '5,000'],
  [0, 1000, '0'],
  [0.4, 0.2, '0.4'],
  [0.05, 0.05, '0.05'],
  [12.5, 2.5, '12.5'],
];

/** The chart's text nodes and attribute values must not open any element the chart did not write. */
function elementNames(svg: string): string[] {
  return [...svg.matchAll(/<([a-zA-Z]+)[\s>/]/g)].map((m) => m[1] as string);
}

const SPEC: ChartSpec = {
  title: 'Review <cost> & "memory"',
  subtitle: "2 × AMD EPYC, node v20 'today'",
  xLabel: 'files',
  panels: [
    {
      title: 'Wall time (s)',
      yLabel: 'seconds',
      series: [
        { name: 'engine <analyzeFile>', color: '#0969da', points: [[100, 0.1], [1000, 0.9], [5000, 4.4]], fit: { slope: 0.00088, intercept: 0.02, r2: 0.999 } },
        { name: 'server', color: '#cf222e', points: [[100, 0.2], [5000, 5.1]] },
      ],
    },
    { title: 'Peak memory (MB)', yLabel: 'MB', series: [{ name: 'engine', color: 'red"><script>', points: [[100, 60], [5000, 240]], fit: null }] },
  ],
};

describe('bench chart', () => {
  for (const [text, escaped] of ESCAPES) it(`escapes ${JSON.stringify(text)}`, () => assert.equal(escapeXml(text), escaped));

  for (const [max, ticks] of TICKS) it(`puts round ticks from 0 past ${max}`, () => assert.deepEqual(niceTicks(max), ticks));

  for (const [value, step, label] of LABELS) it(`labels ${value} (step ${step}) as ${label}`, () => assert.equal(tickLabel(value, step), label));

  it('draws a well-formed SVG whose text cannot inject markup', () => {
    const svg = renderChart(SPEC);
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.ok(svg.trimEnd().endsWith('</svg>'));
    const allowed = new Set(['svg', 'style', 'rect', 'text', 'line', 'circle', 'title', 'clipPath']);
    assert.deepEqual([...new Set(elementNames(svg))].filter((name) => !allowed.has(name)), []);
    assert.ok(svg.includes('Review &lt;cost&gt; &amp; &quot;memory&quot;'));
    assert.ok(svg.includes('fill="red&quot;&gt;&lt;script&gt;"'));
  });

  it('draws a point per measurement and a dashed line per fit, over the measured range only', () => {
    const svg = renderChart(SPEC);
    assert.equal((svg.match(/<circle /g) ?? []).length, 3 + 2 + 2);
    assert.equal((svg.match(/class="fit"/g) ?? []).length, 1);
    assert.ok(svg.includes('engine &lt;analyzeFile&gt;: 0.000880/file + 0.0200 (r² 0.999)'));
  });

  it('is the same text for the same data, so a regenerated chart only differs where the figures do', () => {
    assert.equal(renderChart(SPEC), renderChart(SPEC));
  });
});
