// Tests the review's renderers: hostile names from the code stay text, the HTML is self-contained, the charts match the scores.
import * as assert from 'node:assert/strict';
import { analyzeFile } from '../../../server/src/engine';
import { buildReview, pillarSummaryLines, renderHtmlBody, renderHtmlDocument, renderMarkdown, REPORT_CSS, type WorkloadReview } from '../../../server/src/engine/review';
import { escapeHtml, escapeMarkdown, markdownCode, safeHref } from '../../../server/src/engine/review/render/escape';
import { pillarBars, scoreRing } from '../../../server/src/engine/review/render/svg';
import { analysis, finding, meta, resource, rule, suppressed } from './helpers';

const IMG = '<img src=x onerror=alert(1)>';
const QUOTES = `"'&`;

/** A workload whose names, values, messages, reasons and paths carry markup and quotes. */
function hostileReview(): WorkloadReview {
  const file = `infra/${QUOTES}<u>.tf`;
  const text = [
    `resource "azurerm_search_service" "${IMG}" {`,
    `  sku           = "standard"`,
    `  replica_count = 1`,
    '}',
    `resource "azurerm_api_management" "gw${QUOTES}" {`,
    `  sku_name = "${QUOTES}<i>"`,
    '}',
    '',
  ].join('\n');
  const analysed = analyzeFile(file, text)!;
  const evil = resource(`${IMG}${QUOTES}`, `Evil/<svg onload=alert(2)>`, { file: 'x.bicep', at: 5 });
  const handBuilt = analysis(
    'x.bicep',
    [evil],
    [finding('require-disable-local-auth', evil, 'warning', { message: `Bad ${IMG} ${QUOTES} \`code\`` })],
    [suppressed(finding('no-public-network-access', evil, 'warning'), `Because ${IMG} ${QUOTES}`)],
  );
  return buildReview([
    { analysis: analysed, text },
    { analysis: handBuilt, text: `${'x'.repeat(100)}\n` },
  ]);
}

describe('review/render', () => {
  it('escapes every character HTML gives a meaning to, and refuses script URLs in links', () => {
    assert.equal(escapeHtml(`${IMG}${QUOTES}`), '&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;');
    assert.equal(safeHref('javascript:alert(1)'), '#');
    assert.equal(safeHref(' data:text/html,x'), '#');
    assert.equal(safeHref('https://learn.microsoft.com/x'), 'https://learn.microsoft.com/x');
    assert.equal(safeHref('infra/main.bicep#L3'), 'infra/main.bicep#L3');
    assert.equal(escapeMarkdown('a|b *c* <i>'), 'a\\|b \\*c\\* &lt;i&gt;');
    assert.equal(markdownCode('a`b|c'), '``a`b\\|c``');
  });

  it('keeps hostile names and values as text in the HTML report', () => {
    const html = renderHtmlDocument(hostileReview());
    assert.ok(!html.includes('<img'), 'no img tag');
    assert.ok(!html.includes('<svg onload'), 'no injected svg');
    assert.ok(!html.includes('<u>') && !html.includes('<i>'), 'no injected markup');
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'), 'the resource name, escaped');
    assert.ok(html.includes('&quot;&#39;&amp;'), 'quotes and ampersand, escaped');
    assert.ok(html.includes('Because &lt;img src=x onerror=alert(1)&gt;'), 'the suppression reason, escaped');
    // Attribute values never hold a raw quote: every data-file value is free of " and '.
    for (const match of html.matchAll(/data-file="([^"]*)"/g)) assert.ok(!/['<>]/.test(match[1]!), match[1]);
  });

  it('writes a self-contained document: inline style, no script, no style attribute, nothing loaded from elsewhere', () => {
    const html = renderHtmlDocument(hostileReview());
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/);
    assert.ok(!/<script/i.test(html), 'no script');
    assert.ok(!/\sstyle=/i.test(html), 'no style attribute (a strict CSP would block it in the report view)');
    assert.ok(!/\ssrc=/i.test(html.replace(/&lt;img src=x/g, '')), 'nothing loaded by src');
    assert.ok(!/<link|@import|url\(/i.test(html), 'no linked style or font');
    assert.ok(!/<link|@import|url\(/i.test(REPORT_CSS));
    // Links to the web (the article, rule docs) are links, not loaded content.
    for (const match of html.matchAll(/href="([^"]*)"/g)) assert.ok(!/^javascript:/i.test(match[1]!), match[1]);
  });

  it('keeps hostile names as text in the Markdown report', () => {
    const md = renderMarkdown(hostileReview());
    // Code spans show their text verbatim (GFM escapes it); outside them, no tag survives.
    const prose = md.replace(/(`+)(?:(?!\1).)*?\1/g, '');
    assert.ok(!/<(img|u|i|svg)\b/.test(prose), 'no raw HTML tag outside code spans');
    assert.ok(md.includes('Bad &lt;img src=x onerror=alert(1)&gt; &quot;\'&amp; \\`code\\`'), 'the message, escaped');
    assert.ok(md.includes('`azurerm_search_service.<img src=x onerror=alert(1)>`'), 'a resource name in a code span stays verbatim there');
    // Every table row has the same number of unescaped cell separators as its header.
    const costRows = md.split('\n').filter((l) => l.startsWith('| Model') || l.startsWith('| AI Search') || l.startsWith('| API Management'));
    for (const row of costRows) assert.equal(row.split(/(?<!\\)\|/).length, 6, row);
  });

  it('links findings, cost drivers and notices to their file and line', () => {
    const review = hostileReview();
    const body = renderHtmlBody(review, { href: (l) => `code/${l.file}#L${l.line}` });
    const search = review.costDrivers.find((d) => d.kind === 'search')!;
    assert.equal(search.resource.location.line, 1);
    assert.ok(body.includes(`data-line="1" data-column="${search.resource.location.column}"`));
    assert.ok(body.includes('href="code/infra/&quot;&#39;&amp;&lt;u&gt;.tf#L3"'), 'the finding on line 3, escaped in the href');
  });

  it('compact links name the same places as full ones, through one table of paths, and show the same text', () => {
    const review = hostileReview();
    const full = renderHtmlBody(review, { href: (l) => `code/${l.file}#L${l.line}` });
    const compact = renderHtmlBody(review, { href: (l) => `code/${l.file}#L${l.line}`, compactLocations: true });
    const unescape = (s: string): string => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const fullLinks = [...full.matchAll(/<a class="loc" href="[^"]*" data-file="([^"]*)" data-line="(\d+)" data-column="(\d+)" data-end-line="(\d+)" data-end-column="(\d+)" title="Open ([^"]*)">([^<]*)<\/a>/g)];
    const table = /<template id="wal-files">(.*?)<\/template>/.exec(compact);
    assert.ok(table, 'the table of paths');
    const paths = [...table[1]!.matchAll(/<i>([^<]*)<\/i>/g)].map((m) => unescape(m[1]!));
    assert.equal(new Set(paths).size, paths.length, 'each file once');
    const compactLinks = [...compact.matchAll(/<a class="loc" href="#" data-loc="(\d+):(\d+):(\d+):(\d+):(\d+)">([^<]*)<\/a>/g)];
    assert.ok(fullLinks.length > 3);
    assert.equal(compactLinks.length, fullLinks.length, 'every link, in the same order');
    fullLinks.forEach((f, i) => {
      const c = compactLinks[i]!;
      assert.deepEqual([paths[Number(c[1])], ...c.slice(2, 6)], [unescape(f[1]!), ...f.slice(2, 6)], 'the same place');
      assert.equal(c[6], f[7], 'the same text');
      assert.equal(c[6], f[6], 'the title the view sets on hover ("Open " and the text) is the full link title');
    });
    // Outside the links and the table, the two bodies are the same markup.
    const strip = (html: string): string => html.replace(/<a class="loc" [^>]*>/g, '<a>').replace(/\n?<template id="wal-files">.*?<\/template>/, '');
    assert.equal(strip(compact), strip(full));
    assert.ok(!full.includes('wal-files'), 'a standalone page has no table');
  });

  it('renders ticked boxes for answered questions', () => {
    const review = hostileReview();
    const item = review.pillars.flatMap((p) => p.principles).flatMap((p) => p.checklist)[0]!;
    const html = renderHtmlBody(review, { answers: { [item.id]: true } });
    assert.ok(html.includes(`data-question-id="${item.id}" data-principle-id="${item.principleId}" checked>`));
    const md = renderMarkdown(review, { answers: { [item.id]: true } });
    assert.ok(md.includes(`- [x] ${escapeMarkdown(item.question)}`));
  });

  it('draws the overall ring and the pillar bars from the scores', () => {
    const ring = scoreRing(75, { size: 100 });
    const circumference = 2 * Math.PI * 45;
    assert.ok(ring.includes(`stroke-dasharray="${Math.round(circumference * 75) / 100} ${Math.round(circumference * 100) / 100}"`), ring);
    assert.ok(ring.includes('>75</text>'));
    assert.ok(scoreRing(null).includes('no evidence from code'));
    const bars = pillarBars(
      [
        { id: 'reliability', title: 'Reliability', score: { value: 50, earned: 1, possible: 2, counts: { passed: 1, advisory: 0, failed: 1, undetermined: 0, accepted: 0 } } },
        { id: 'cost', title: 'Cost Optimization', score: { value: null, earned: 0, possible: 0, counts: { passed: 0, advisory: 0, failed: 0, undetermined: 0, accepted: 0 } } },
      ],
      { width: 470 },
    );
    // 470 − 170 (labels) − 112 (values) = 188 for the track; 50 % of it is 94.
    assert.ok(bars.includes('<rect x="170" y="8" width="94" height="14"'), bars);
    assert.ok(bars.includes('>no evidence</text>'));
  });

  it('sums up each pillar on one line for the text report', () => {
    // One security rule that fails on one resource and passes on another: security 0 of 2 + 2 of 2 = 50; no other pillar has evidence.
    const a = resource('a', 'T/x');
    const b = resource('b', 'T/x', { at: 20 });
    const review = buildReview([{ analysis: analysis('main.bicep', [a, b], [finding('r', a, 'warning')]), text: `${'x'.repeat(100)}\n` }], {
      rules: [rule('r', ['T/x'])],
      ruleMeta: (id) => (id === 'r' ? meta('r', 'security', 'warning', ['security.attack-surface']) : undefined),
    });
    assert.deepEqual(pillarSummaryLines(review), [
      'Reliability               –  no evidence from code',
      'Security                 50  1 passed, 1 failed',
      'Cost Optimization         –  no evidence from code',
      'Operational Excellence    –  no evidence from code',
      'Performance Efficiency    –  no evidence from code',
      'Overall                  50  mean of 1 pillar with evidence',
    ]);
  });
});
