// Renders the review report of the example workload in headless Chromium: its structure, its links, its safety, and the README's screenshot.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { workloadReviewOf } from '../../server/src/cli/format/report';
import { reviewPaths } from '../../server/src/cli/review';
import { analyzeFile } from '../../server/src/engine';
import { buildReview, renderHtmlBody, renderHtmlDocument, type WorkloadReview } from '../../server/src/engine/review';
import { REPO_ROOT } from '../support/repo';
import { EXAMPLE, launchChromium, openReportView, watchedPage, writeExampleReport, type Watch } from './browser';

// The browser's globals, for the functions that run in the page; declared here (not from the DOM library) so they stay in this file.
declare const window: any;
declare const document: any;
declare function getComputedStyle(element: unknown): { display: string };
type HTMLElement = { dataset: Record<string, string> };
type HTMLAnchorElement = HTMLElement & { href: string; textContent: string | null };
type HTMLInputElement = { checked: boolean };

const SCREENSHOT = path.join(REPO_ROOT, 'docs', 'images', 'review-report.png');
/** The report's width in the tests and the README's picture. */
const VIEWPORT = { width: 1280, height: 900 };

describe('review report in Chromium', function () {
  this.timeout(120_000);
  let browser: Browser;
  let dir: string;
  let reportFile: string;
  let review: WorkloadReview;

  before(async () => {
    browser = await launchChromium();
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'waf-ai-lens-report-')));
    reportFile = path.join(dir, 'review.html');
    await writeExampleReport(reportFile);
    review = workloadReviewOf(reviewPaths([EXAMPLE], REPO_ROOT));
  });

  after(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function openReport(viewport?: { width: number; height: number }): Promise<{ page: Page; watch: Watch }> {
    const url = pathToFileURL(reportFile).href;
    const opened = await watchedPage(browser, (u) => u === url, viewport ?? VIEWPORT);
    await opened.page.goto(url);
    return opened;
  }

  it('shows the overall score and a score per pillar, as ring, bars and sections', async () => {
    const { page, watch } = await openReport();
    assert.equal(await page.locator('svg.score-ring text').first().textContent(), String(review.overall.score));
    assert.equal(await page.locator('svg.pillar-bars g.pillar-bar').count(), 5);
    const sections = await page.locator('section.pillar').evaluateAll((els) => els.map((el) => [el.getAttribute('data-pillar'), el.getAttribute('data-score'), el.querySelector('.badge')?.textContent]));
    assert.deepEqual(
      sections,
      review.pillars.map((p) => [p.id, p.score.value === null ? '' : String(p.score.value), p.score.value === null ? 'no evidence' : String(p.score.value)]),
    );
    assert.equal(await page.locator('section.pillar[data-score=""] .no-evidence').count(), review.pillars.filter((p) => p.score.value === null).length);
    assert.deepEqual(watch, { requests: [], dialogs: [], errors: [] });
    await page.close();
  });

  it('links every finding to its file and line', async () => {
    const { page } = await openReport();
    const findings = await page.locator('li.finding').evaluateAll((els) =>
      els.map((el) => {
        const link = el.querySelector('a.loc') as HTMLAnchorElement;
        return { rule: el.getAttribute('data-rule'), href: link.href, file: link.dataset.file, line: Number(link.dataset.line), text: link.textContent };
      }),
    );
    const expected = review.pillars.flatMap((p) => p.principles.flatMap((q) => q.resources.flatMap((r) => r.findings)));
    assert.equal(findings.length, expected.length);
    assert.ok(findings.length >= 8, 'the example has findings in both languages');
    for (const f of findings) {
      const url = new URL(f.href);
      assert.equal(url.hash, `#L${f.line}`, f.href);
      const target = fileURLToPath(new URL(url.pathname, url));
      assert.ok(fs.existsSync(target), `${f.href} resolves to a file`);
      assert.equal(path.relative(REPO_ROOT, target).split(path.sep).join('/'), f.file);
      assert.match(f.text ?? '', new RegExp(`^${f.file}:${f.line}:\\d+$`));
    }
    // The search replica finding points at the line that sets the replica count.
    const bicep = fs.readFileSync(path.join(REPO_ROOT, EXAMPLE, 'bicep', 'main.bicep'), 'utf8').split('\n');
    const replicas = findings.find((f) => f.rule === 'require-search-replicas' && f.file.endsWith('.bicep'))!;
    assert.match(bicep[replicas.line - 1]!, /replicaCount: 1/);
    await page.close();
  });

  it('lists the review questions as checkboxes that work without a script', async () => {
    const { page } = await openReport();
    const boxes = page.locator('ul.checklist input[type=checkbox][data-question-id]');
    const total = review.pillars.flatMap((p) => p.principles.flatMap((q) => q.checklist)).length;
    assert.equal(await boxes.count(), total);
    assert.ok(total > 50);
    // Open a principle that is collapsed, tick its first question, and see it ticked.
    const testing = page.locator('details[data-principle="security.security-testing"]');
    await testing.locator('summary').click();
    const first = testing.locator('input[type=checkbox]').first();
    await first.check();
    assert.equal(await first.isChecked(), true);
    await page.close();
  });

  it('says "no evidence from code" where nothing was checked, and opens the questions there', async () => {
    const text = "param location string = 'swedencentral'\n";
    const empty = buildReview([{ analysis: analyzeFile('main.bicep', text)!, text }]);
    const file = path.join(dir, 'empty.html');
    fs.writeFileSync(file, renderHtmlDocument(empty));
    const url = pathToFileURL(file).href;
    const { page, watch } = await watchedPage(browser, (u) => u === url, VIEWPORT);
    await page.goto(url);
    assert.equal(await page.locator('svg.score-ring text').first().textContent(), '–');
    assert.equal(await page.locator('section.pillar .no-evidence').count(), 5);
    assert.equal(await page.locator('svg.pillar-bars text', { hasText: 'no evidence' }).count(), 5);
    for (const pillar of empty.pillars) {
      const open = await page.locator(`section.pillar[data-pillar="${pillar.id}"] details[open] ul.checklist`).count();
      assert.equal(open, pillar.principles.length, `${pillar.id}: every principle's questions are open`);
    }
    assert.deepEqual(watch, { requests: [], dialogs: [], errors: [] });
    await page.close();
  });

  it('lists the cost drivers with the values the code states and the ones it does not', async () => {
    const { page } = await openReport();
    const rows = await page.locator('tr.cost-driver').evaluateAll((els) =>
      els.map((el) => ({
        kind: el.getAttribute('data-kind'),
        facts: Object.fromEntries([...el.querySelectorAll('dl.facts dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent])),
      })),
    );
    assert.deepEqual(rows.map((r) => r.kind), review.costDrivers.map((d) => d.kind));
    const kinds = new Set(rows.map((r) => r.kind));
    for (const kind of ['model-deployment', 'search', 'app-service-plan', 'cosmos-throughput']) assert.ok(kinds.has(kind), kind);
    const search = rows.find((r) => r.kind === 'search')!;
    assert.equal(search.facts['Search units'], '1');
    const chat = rows.find((r) => r.kind === 'model-deployment' && r.facts['Model'] === 'gpt-4o')!;
    assert.match(chat.facts['Capacity'] ?? '', /^unknown: (chatCapacity|var\.chat_capacity)$|^50/);
    const plan = rows.find((r) => r.kind === 'app-service-plan')!;
    assert.deepEqual([plan.facts['SKU'], plan.facts['Workers']], ['P1v3', '3']);
    assert.ok((await page.locator('#tradeoffs li.tradeoff').count()) > 0, 'trade-offs that apply');
    await page.close();
  });

  it('takes the screenshot the README shows', async () => {
    const { page } = await openReport({ width: 1200, height: 1500 });
    const shot = path.join(dir, 'review-report.png');
    await page.screenshot({ path: shot, clip: { x: 0, y: 0, width: 1200, height: 1500 } });
    const png = fs.readFileSync(shot);
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.ok(png.length > 50_000, 'a real rendering, not a blank page');
    // Like golden baselines: the committed image changes only when asked, and is reviewed then.
    if (process.env.UPDATE_SCREENSHOTS === '1') fs.copyFileSync(shot, SCREENSHOT);
    assert.ok(fs.existsSync(SCREENSHOT), `${SCREENSHOT} is missing: run the report tests with UPDATE_SCREENSHOTS=1`);
    await page.close();
  });

  it('keeps hostile names from the code as text: no element, no script, no dialog', async () => {
    const img = '<img src=x onerror=alert(1)>';
    const text = `resource "azurerm_search_service" "${img}\\"'&" {\n  sku = "<script>alert(2)</script>"\n  replica_count = 1\n}\n`;
    const hostile = buildReview([{ analysis: analyzeFile(`infra/${img}.tf`, text)!, text }]);
    const file = path.join(dir, 'hostile.html');
    fs.writeFileSync(file, renderHtmlDocument(hostile));
    const url = pathToFileURL(file).href;
    const { page, watch } = await watchedPage(browser, (u) => u === url, VIEWPORT);
    await page.goto(url);
    assert.equal(await page.locator('img').count(), 0);
    assert.equal(await page.locator('script').count(), 0);
    assert.ok((await page.locator('body').innerText()).includes(`azurerm_search_service.${img}"'&`), 'the name, shown as text');
    assert.ok((await page.locator('#cost-drivers').innerText()).includes('<script>alert(2)</script>'), 'the SKU, shown as text');
    assert.deepEqual(watch, { requests: [], dialogs: [], errors: [] });
    await page.close();
  });

  it('works inside the report view: strict CSP, a click opens the code, a tick is sent to be saved, saved answers are ticked', async () => {
    const { page, watch, posted } = await openReportView(browser, dir, 'view.html', renderHtmlBody(review, { href: () => '#' }), VIEWPORT);
    assert.deepEqual((await posted())[0], { type: 'ready' });
    // The style sheet applied under the nonce: the hero is a grid.
    assert.equal(await page.locator('header.hero').evaluate((el) => getComputedStyle(el).display), 'grid');

    const link = page.locator('li.finding a.loc').first();
    const expected = await link.evaluate((el) => ({ ...(el as HTMLElement).dataset }));
    await link.click();
    const open = (await posted()).find((m) => m.type === 'open')!;
    assert.deepEqual(open, {
      type: 'open',
      file: expected.file,
      line: Number(expected.line),
      column: Number(expected.column),
      endLine: Number(expected.endLine),
      endColumn: Number(expected.endColumn),
    });

    const questions = page.locator('details[open] ul.checklist input');
    const box = questions.first();
    const id = await box.getAttribute('data-question-id');
    await box.check();
    const answer = (await posted()).find((m) => m.type === 'answer')!;
    assert.equal(answer.id, id);
    assert.equal(answer.checked, true);
    assert.equal(answer.principle, await box.getAttribute('data-principle-id'));
    assert.ok(typeof answer.question === 'string' && answer.question.length > 20);

    const other = questions.nth(1);
    const otherId = await other.getAttribute('data-question-id');
    await page.evaluate((ticked) => window.postMessage({ type: 'answers', answers: { [ticked!]: true } }, '*'), otherId);
    await other.waitFor({ state: 'attached' });
    await page.waitForFunction((ticked) => (document.querySelector(`input[data-question-id="${ticked}"]`) as HTMLInputElement).checked, otherId);
    assert.equal(await box.isChecked(), false, 'answers from the extension replace what was ticked');
    assert.deepEqual(watch, { requests: [], dialogs: [], errors: [] });
    await page.close();
  });

  it('shows compact links in the report view exactly as full ones, and opens and titles them alike', async () => {
    // The server sends compact links (a file index and positions); the view must look and behave as with full links.
    const views = await Promise.all(
      [false, true].map(async (compactLocations) => {
        const body = renderHtmlBody(review, { href: () => '#', compactLocations });
        return openReportView(browser, dir, `view-${compactLocations ? 'compact' : 'full'}.html`, body, VIEWPORT);
      }),
    );
    const [full, compact] = views as [(typeof views)[number], (typeof views)[number]];
    assert.ok((await compact.page.locator('a.loc[data-loc]').count()) > 0, 'the compact view has compact links');
    assert.ok(Buffer.compare(await full.page.screenshot({ fullPage: true }), await compact.page.screenshot({ fullPage: true })) === 0, 'the same pixels');
    const links = { full: full.page.locator('a.loc:visible'), compact: compact.page.locator('a.loc:visible') };
    const count = await links.full.count();
    assert.equal(await links.compact.count(), count);
    // The first, a middle and the last link: each opens the same place and, once hovered, has the same title.
    for (const i of [...new Set([0, Math.floor(count / 2), count - 1])]) {
      const opened: Array<Record<string, unknown>> = [];
      const titles: Array<string | null> = [];
      for (const [view, link] of [[full, links.full.nth(i)], [compact, links.compact.nth(i)]] as const) {
        await link.hover();
        titles.push(await link.getAttribute('title'));
        await link.click();
        opened.push((await view.posted()).filter((m) => m.type === 'open').at(-1)!);
      }
      assert.ok(opened[0] && typeof opened[0].file === 'string' && opened[0].file.length > 0, `link ${i} opens a file`);
      assert.deepEqual(opened[1], opened[0], `link ${i} opens the same place`);
      assert.equal(titles[1], titles[0], `link ${i} has the same title`);
    }
    for (const view of views) {
      assert.deepEqual(view.watch, { requests: [], dialogs: [], errors: [] });
      await view.page.close();
    }
  });
});
