// Renders the workload map of the example workload in headless Chromium: real text fits its boxes, boxes link to code, the view's clicks work, and the README's screenshots.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { workloadReviewOf } from '../../server/src/cli/format/report';
import { reviewPaths } from '../../server/src/cli/review';
import { renderHtmlBody, renderHtmlDocument, type WorkloadReview } from '../../server/src/engine/review';
import { fixtureFiles, mapOf, reviewOf } from '../unit/map/support';
import { REPO_ROOT } from '../support/repo';
import { EXAMPLE, launchChromium, openReportView, watchedPage, writeExampleReport, type Watch } from './browser';

// The browser's globals, for the functions that run in the page; declared here (not from the DOM library) so they stay in this file.
declare const window: any;
type SVGGraphicsElement = { getBBox(): { x: number; y: number; width: number; height: number }; querySelectorAll(s: string): ArrayLike<SVGGraphicsElement>; textContent: string | null; dataset: Record<string, string> };

const SCREENSHOT = path.join(REPO_ROOT, 'docs', 'images', 'workload-map.png');
/** The README's second picture: a small workload with a resource reachable from the public internet (the example has none). */
const PUBLIC_SCREENSHOT = path.join(REPO_ROOT, 'docs', 'images', 'workload-map-public.png');
/** The map's width in the tests and the README's picture. */
const VIEWPORT = { width: 1200, height: 900 };

describe('workload map in Chromium', function () {
  this.timeout(120_000);
  let browser: Browser;
  let dir: string;
  let reportFile: string;
  let review: WorkloadReview;

  before(async () => {
    browser = await launchChromium();
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'waf-ai-lens-map-')));
    reportFile = path.join(dir, 'review.html');
    await writeExampleReport(reportFile);
    review = workloadReviewOf(reviewPaths([EXAMPLE], REPO_ROOT));
    assert.ok(review.map && review.map.nodes.length >= 20, 'the example has a map of both its languages');
  });

  after(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function openReport(): Promise<{ page: Page; watch: Watch }> {
    const url = pathToFileURL(reportFile).href;
    const opened = await watchedPage(browser, (u) => u === url, VIEWPORT);
    await opened.page.goto(url);
    return opened;
  }

  it('draws a box per resource, with every line of text inside its box as the browser sets it', async () => {
    const { page, watch } = await openReport();
    const boxes = await page.locator('#workload-map a.map-node').evaluateAll((els) =>
      (els as unknown as SVGGraphicsElement[]).map((a) => {
        // An SVGRect does not cross to the test as it is; its numbers do.
        const plain = (e: SVGGraphicsElement) => {
          const b = e.getBBox();
          return { x: b.x, y: b.y, width: b.width, height: b.height };
        };
        const rect = plain(a.querySelectorAll('rect')[0]!);
        const texts = Array.from(a.querySelectorAll('text')).map((t) => ({ text: t.textContent, box: plain(t) }));
        return { node: a.dataset['node'], rect, texts };
      }),
    );
    assert.deepEqual(boxes.map((b) => b.node).sort(), review.map!.nodes.map((n) => n.id).sort());
    for (const { node, rect, texts } of boxes) {
      for (const { text, box } of texts) {
        assert.ok(box.x >= rect.x && box.x + box.width <= rect.x + rect.width + 0.5, `"${text}" of ${node}: ${box.x}+${box.width} inside ${rect.x}+${rect.width}`);
        assert.ok(box.y >= rect.y - 0.5 && box.y + box.height <= rect.y + rect.height + 0.5, `"${text}" of ${node} inside its box vertically`);
      }
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.rect;
        const b = boxes[j]!.rect;
        assert.ok(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y, `${boxes[i]!.node} and ${boxes[j]!.node} overlap`);
      }
    }
    assert.deepEqual(watch, { requests: [], dialogs: [], errors: [] });
    await page.close();
  });

  it('links every box to the line that declares its resource', async () => {
    const { page } = await openReport();
    const links = await page.locator('#workload-map a.map-node').evaluateAll((els) => els.map((a) => ({ href: (a as any).href.baseVal ?? a.getAttribute('href'), file: (a as any).dataset.file, line: Number((a as any).dataset.line) })));
    for (const link of links) {
      const url = new URL(link.href, pathToFileURL(reportFile));
      assert.equal(url.hash, `#L${link.line}`);
      const target = fileURLToPath(new URL(url.pathname, url));
      assert.equal(path.relative(REPO_ROOT, target).split(path.sep).join('/'), link.file);
      assert.ok(fs.existsSync(target), link.href);
    }
    await page.close();
  });

  it('opens the code from a box inside the report view, under its strict CSP', async () => {
    const { page, watch, posted } = await openReportView(browser, dir, 'view.html', renderHtmlBody(review, { href: () => '#' }), VIEWPORT);
    const node = review.map!.nodes.find((n) => n.exposure === 'public') ?? review.map!.nodes[0]!;
    await page.locator(`#workload-map a.map-node[data-node="${node.id}"]`).click();
    const open = (await posted()).find((m) => m.type === 'open');
    const l = node.location;
    assert.deepEqual(open, { type: 'open', file: l.file, line: l.line, column: l.column, endLine: l.endLine, endColumn: l.endColumn });
    assert.deepEqual(watch, { requests: [], dialogs: [], errors: [] });
    await page.close();
  });

  it('keeps hostile names in the map as text', async () => {
    const img = '<img src=x onerror=alert(1)>';
    const files = { [`infra/${img}/main.tf`]: `resource "azurerm_key_vault" "${img}\\"'&" {\n  name = "${img}"\n  sku_name = "standard"\n  tenant_id = "t"\n}\n` };
    const map = mapOf(files);
    assert.equal(map.nodes.length, 1);
    const hostile = { ...review, map };
    const file = path.join(dir, 'hostile.html');
    fs.writeFileSync(file, renderHtmlDocument(hostile));
    const url = pathToFileURL(file).href;
    const { page, watch } = await watchedPage(browser, (u) => u === url, VIEWPORT);
    await page.goto(url);
    assert.equal(await page.locator('img').count(), 0);
    assert.equal(await page.locator('script').count(), 0);
    // The box's name line: the label, cut to the box's width, as text.
    assert.match((await page.locator('#workload-map a.map-node text').nth(1).textContent()) ?? '', /^<img src=x/);
    assert.ok((await page.locator('#workload-map a.map-node title').textContent())!.includes(`azurerm_key_vault.${img}"'&`), 'the name, shown as text');
    assert.deepEqual(watch, { requests: [], dialogs: [], errors: [] });
    await page.close();
  });

  it('takes the screenshot the README shows', async () => {
    const { page } = await openReport();
    const shot = path.join(dir, 'workload-map.png');
    await page.locator('#workload-map').screenshot({ path: shot });
    const png = fs.readFileSync(shot);
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.ok(png.length > 50_000, 'a real rendering, not a blank section');
    // Like golden baselines: the committed image changes only when asked, and is reviewed then.
    if (process.env.UPDATE_SCREENSHOTS === '1') fs.copyFileSync(shot, SCREENSHOT);
    assert.ok(fs.existsSync(SCREENSHOT), `${SCREENSHOT} is missing: run the report tests with UPDATE_SCREENSHOTS=1`);
    await page.close();
  });

  it('takes the screenshot of a public resource the README shows', async () => {
    // The map fixture's Bicep workload: its Azure OpenAI account keeps public network access at its default, on.
    const small = reviewOf(fixtureFiles('bicep'));
    const publicNodes = small.map!.nodes.filter((n) => n.exposure === 'public');
    assert.ok(publicNodes.length > 0, 'the fixture has a resource reachable from the public internet');
    const file = path.join(dir, 'public.html');
    fs.writeFileSync(file, renderHtmlDocument(small));
    const url = pathToFileURL(file).href;
    const { page, watch } = await watchedPage(browser, (u) => u === url, { width: 1000, height: 800 });
    await page.goto(url);
    const marked = page.locator('#workload-map a.map-node[data-exposure="public"]');
    assert.equal(await marked.count(), publicNodes.length, 'every public box is marked in the drawing');
    assert.ok(((await marked.first().textContent()) ?? '').includes('PUBLIC ENDPOINT'), 'the public box says so in words');
    const shot = path.join(dir, 'workload-map-public.png');
    // The drawing alone, without the section's heading and sentence: the picture is about the boxes and their lines.
    await page.locator('#workload-map svg.workload-map').screenshot({ path: shot });
    assert.ok(fs.readFileSync(shot).length > 10_000, 'a real rendering, not a blank drawing');
    if (process.env.UPDATE_SCREENSHOTS === '1') fs.copyFileSync(shot, PUBLIC_SCREENSHOT);
    assert.ok(fs.existsSync(PUBLIC_SCREENSHOT), `${PUBLIC_SCREENSHOT} is missing: run the report tests with UPDATE_SCREENSHOTS=1`);
    assert.deepEqual(watch, { requests: [], dialogs: [], errors: [] });
    await page.close();
  });
});
