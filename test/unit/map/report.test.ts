// Tests the map inside the workload report: its HTML section and Markdown block, and what they say when a map is too large.
import * as assert from 'node:assert/strict';
import { renderHtmlBody, renderMarkdown } from '../../../server/src/engine/review';
import { MAX_REPORT_MAP_NODES } from '../../../server/src/engine/review/render/mapSection';
import { generatedMap } from './generate';
import { fixtureFiles, reviewOf } from './support';

describe('map: in the report', () => {
  const review = reviewOf(fixtureFiles('bicep'));

  it('draws the map in the HTML body after the pillars, linked from the contents', () => {
    const body = renderHtmlBody(review);
    const section = body.indexOf('<section class="section" id="workload-map">');
    assert.ok(section > body.indexOf('id="pillars"') && section < body.indexOf('id="cost-drivers"'));
    assert.match(body, /<a href="#workload-map">Workload map<\/a>/);
    assert.equal([...body.matchAll(/<a class="loc map-node"/g)].length, review.map!.nodes.length);
    assert.match(body, /1 resource is reachable from the public internet/);
    assert.ok(!/\sstyle=/.test(body), 'no style attribute: the view\'s CSP holds');
  });

  it('leaves the section out when the review was not given the graph', () => {
    const { map: _map, ...withoutMap } = review;
    const body = renderHtmlBody(withoutMap);
    assert.ok(!body.includes('workload-map'));
    assert.ok(!renderMarkdown(withoutMap).includes('## Workload map'));
  });

  it('writes a Mermaid block in the Markdown', () => {
    const markdown = renderMarkdown(review);
    assert.match(markdown, /## Workload map\n\n8 resources and \d+ connections; [^\n]+\n\n```mermaid\nflowchart TB\n/);
  });

  it('says how to draw a map too large for the report instead of drawing it', () => {
    const large = { ...review, map: generatedMap(MAX_REPORT_MAP_NODES + 1, 2) };
    const body = renderHtmlBody(large);
    assert.ok(!body.includes('<svg class="workload-map"'));
    assert.match(body, /501 resources are more than the report draws \(500\); <code>waf-ai-lens map &lt;folder&gt; --output workload\.svg<\/code>/);
    const markdown = renderMarkdown(large);
    assert.ok(!markdown.includes('```mermaid'));
    assert.match(markdown, /501 resources are too many for a Mermaid chart/);
    // Just under the limit, the report draws it.
    assert.ok(renderHtmlBody({ ...review, map: generatedMap(MAX_REPORT_MAP_NODES, 2) }).includes('<svg class="workload-map"'));
  });
});
