// Renders the bench's scaling chart (docs/images/bench-scaling.svg) to the PNG the README shows, with headless Chromium.
//
//   node scripts/bench/render-chart.mjs [chart.svg]
//
// The Marketplace does not allow SVG images in a README, so the README shows this PNG; the PNG is committed, and is
// rendered again after every bench run that redraws the SVG.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../e2e/tooling.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const input = path.resolve(process.argv[2] ?? path.join(repo, 'docs', 'images', 'bench-scaling.svg'));
const output = input.replace(/\.svg$/i, '.png');
const svg = fs.readFileSync(input, 'utf8');
// The chart states its own size; the screenshot is exactly that, so the PNG matches the SVG pixel for pixel.
const width = Number(/<svg[^>]*\bwidth="(\d+)"/.exec(svg)?.[1] ?? 840);
const height = Number(/<svg[^>]*\bheight="(\d+)"/.exec(svg)?.[1] ?? 416);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><style>html,body{margin:0;background:#fff}svg{display:block}</style>${svg}`);
  await page.screenshot({ path: output, clip: { x: 0, y: 0, width, height } });
  console.log(`Wrote ${path.relative(repo, output)} (${fs.statSync(output).size} bytes).`);
} finally {
  await browser.close();
}
