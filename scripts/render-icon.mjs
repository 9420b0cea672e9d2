// Renders images/icon.svg to the extension's 128×128 images/icon.png with headless Chromium (the editor tests' browser).
//
//   node scripts/render-icon.mjs
//
// The PNG is committed; run this again only after changing the SVG.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './e2e/tooling.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const svg = fs.readFileSync(path.join(repo, 'images', 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${svg}`);
  const out = path.join(repo, 'images', 'icon.png');
  // omitBackground keeps the rounded corners transparent.
  await page.screenshot({ path: out, omitBackground: true, clip: { x: 0, y: 0, width: 128, height: 128 } });
  console.log(`Wrote ${path.relative(repo, out)} (${fs.statSync(out).size} bytes).`);
} finally {
  await browser.close();
}
