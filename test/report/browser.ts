// What the report tests share: Debian's Chromium, a page that records whatever it tries besides showing the document,
// and the example workload's report written through the CLI.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { viewDocument } from '../../client/src/review/webviewHtml';
import { main } from '../../server/src/cli/main';
import { REPORT_CSS } from '../../server/src/engine/review';
import { REPO_ROOT } from '../support/repo';

/** Debian's Chromium; `node scripts/setup/chromium.mjs` installs it when it is missing. */
export const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The example workload the README's pictures show, relative to the repository root. */
export const EXAMPLE = 'examples/chat-workload';

/** Launches headless Chromium, or fails saying how to install it. */
export async function launchChromium(): Promise<Browser> {
  assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing: run "node scripts/setup/chromium.mjs" (it installs Debian's chromium package).`);
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** What a page did besides showing the document: requests it tried, dialogs it opened, errors it logged. */
export interface Watch {
  requests: string[];
  dialogs: string[];
  errors: string[];
}

/** A new page that refuses (and records) every request `allowed` does not accept, and records dialogs and errors. */
export async function watchedPage(browser: Browser, allowed: (url: string) => boolean, viewport: { width: number; height: number }): Promise<{ page: Page; watch: Watch }> {
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
  const watch: Watch = { requests: [], dialogs: [], errors: [] };
  // Nothing may leave the page: every request but the report itself is recorded and refused.
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (allowed(url)) return route.continue();
    watch.requests.push(url);
    return route.abort();
  });
  page.on('dialog', (dialog) => {
    watch.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || /Refused to/.test(message.text())) watch.errors.push(message.text());
  });
  page.on('pageerror', (error) => watch.errors.push(error.message));
  return { page, watch };
}

// The page's globals, for the functions that run in it; declared here (not from the DOM library) so they stay in this file.
declare const window: { posted: unknown[]; acquireVsCodeApi: () => unknown };

/** A message the report view posted to the extension: `ready`, `open`, `answer`. */
export type Posted = Record<string, unknown>;

/**
 * A report body inside the VS Code view's document (its strict CSP, its nonce, its script), written to `folder/name` and
 * opened. VS Code gives a view `acquireVsCodeApi`; here it records what the view posts, which `posted()` returns.
 */
export async function openReportView(
  browser: Browser,
  folder: string,
  name: string,
  body: string,
  viewport: { width: number; height: number },
): Promise<{ page: Page; watch: Watch; posted(): Promise<Posted[]> }> {
  const file = path.join(folder, name);
  fs.writeFileSync(file, viewDocument({ body, css: REPORT_CSS, nonce: 'bm9uY2Utb2YtdGhlLXRlc3Q=', cspSource: 'https://csp.invalid', title: 'Review' }));
  const url = pathToFileURL(file).href;
  const { page, watch } = await watchedPage(browser, (u) => u === url, viewport);
  await page.addInitScript(() => {
    const posted: unknown[] = [];
    window.posted = posted;
    window.acquireVsCodeApi = () => ({ postMessage: (m: unknown) => posted.push(m) });
  });
  await page.goto(url);
  return { page, watch, posted: () => page.evaluate(() => window.posted as Posted[]) };
}

/** The example's HTML report as users get it: through the CLI, written to `file` next to nothing it could borrow from. */
export async function writeExampleReport(file: string): Promise<void> {
  let err = '';
  const io = { stdout: { write: () => undefined }, stderr: { write: (t: string) => void (err += t) }, cwd: REPO_ROOT, env: {} };
  assert.equal(await main(['review', EXAMPLE, '--format', 'html', '--output', file, '--fail-on', 'none'], io), 0, err);
}
