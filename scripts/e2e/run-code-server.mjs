// Runs the editor tests (test/e2e) in a real VS Code without downloading it: code-server from npm, driven by headless Chromium.
//
//   node scripts/e2e/run-code-server.mjs [--install-only] [--keep] [--timeout <seconds>]
//
// First run: installs Chromium and libkrb5-dev (apt, when missing), Node 24 and code-server into .e2e/; later runs reuse them.
// Every run: builds the extension and compiles the tests, starts code-server with fresh user-data, extensions, TMP and HOME
// folders on a copy of test/e2e/workspace, opens the workbench with the extension under development and the test suite,
// prints the suite's output, and exits with its code. WAF_AI_LENS_E2E_GREP=<regexp> runs only the matching tests.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  REPO,
  buildExtensionAndTests,
  createRunFolders,
  deadline,
  ensureTooling,
  launchBrowser,
  note,
  startCodeServer,
  workbenchUrl,
} from './tooling.mjs';

const args = process.argv.slice(2);
const installOnly = args.includes('--install-only');
const keep = args.includes('--keep');
const timeoutIndex = args.indexOf('--timeout');
const timeoutMs = (timeoutIndex >= 0 ? Number(args[timeoutIndex + 1]) : 300) * 1000;

/** Marks the suite's own lines in the page console; the extension host inherits it through code-server's environment. */
const MARKER = `[waf-ai-lens-e2e:${process.pid}] `;
process.env.WAF_AI_LENS_E2E_MARKER = MARKER;

const seconds = (since) => ((performance.now() - since) / 1000).toFixed(1);

const start = performance.now();
const tooling = ensureTooling();
note(tooling.installed ? `Installed the tooling into .e2e/ in ${seconds(start)} s.` : 'Reusing the tooling in .e2e/.');
if (installOnly) process.exit(0);

const buildStart = performance.now();
buildExtensionAndTests();
note(`Built the extension and compiled the editor tests in ${seconds(buildStart)} s.`);

const dirs = createRunFolders(path.join(REPO, 'test', 'e2e', 'workspace'));
let server;
let browser;
let cleaned = false;
async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  await browser?.close().catch((error) => note(`Closing the browser failed: ${error.message}`));
  await server?.stop();
  if (keep) note(`Kept the run folder ${dirs.root} (code-server.log, user-data/logs, workspace).`);
  else fs.rmSync(dirs.root, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => cleanup().finally(() => process.exit(130)));
}
deadline(timeoutMs, 'The editor tests', cleanup);

let exitCode = 1;
const suiteStart = performance.now();
try {
  server = await startCodeServer({ tooling, dirs });
  note(`code-server is listening on ${server.url} (${seconds(suiteStart)} s).`);
  browser = await launchBrowser({ tooling, dirs });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });

  // The workbench calls window.codeAutomationExit(code) when the extensionTestsPath suite has finished.
  let finish;
  const finished = new Promise((resolve, reject) => {
    finish = resolve;
    page.once('crash', () => reject(new Error('The workbench page crashed.')));
    page.once('close', () => reject(new Error('The workbench page closed before the tests ended.')));
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish(Number(code)));
  forwardConsole(page);

  const extensionTestsPath = path.join(REPO, 'out', 'test', 'e2e', 'index.js');
  await page.goto(workbenchUrl(server, { folder: dirs.workspace, extensionTestsPath }));
  exitCode = await finished;
  note(`The editor tests ended with exit code ${exitCode} after ${seconds(suiteStart)} s (start-up included); ${seconds(start)} s in all.`);
  printActivationTimes(dirs.userData);
} catch (error) {
  note(`The editor tests could not run: ${error.stack ?? error}`);
  exitCode = 2;
} finally {
  await cleanup();
}
process.exit(exitCode);

/**
 * Prints the suite's output (the lines that carry the marker, see test/e2e/index.ts) as plain lines, and the workbench's
 * errors, leaving out the ones every offline run shows. WAF_AI_LENS_E2E_VERBOSE=1 prints the whole workbench log too.
 */
function forwardConsole(page) {
  const verbose = process.env.WAF_AI_LENS_E2E_VERBOSE === '1';
  page.on('console', async (message) => {
    const parts = await Promise.all(message.args().map((arg) => arg.jsonValue().catch(() => undefined)));
    const marked = parts.find((part) => typeof part === 'string' && part.includes(MARKER));
    if (marked !== undefined) {
      process.stdout.write(`${marked.slice(marked.indexOf(MARKER) + MARKER.length)}\n`);
      return;
    }
    const text = message.text().replace(/%c/g, '').replace(/color: #[0-9a-f]+/gi, '').trim();
    if (!text) return;
    if (verbose || (message.type() === 'error' && !isKnownNoise(text))) process.stdout.write(`[workbench ${message.type()}] ${text}\n`);
  });
  page.on('pageerror', (error) => process.stdout.write(`[workbench page error] ${error.message}\n`));
}

/** Workbench errors that every offline run shows and that say nothing about the extension. */
function isKnownNoise(text) {
  return /open-vsx\.org|ENOTFOUND|Failed to load resource|net::ERR_|marketplace|editor test\(s\) failed/i.test(text);
}

/** Prints the client's own measurement of its activation, from its log in the extension host's log folder. */
function printActivationTimes(userData) {
  const logs = [];
  const walk = (dir) => {
    for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('WAF AI Lens.log')) logs.push(full);
    }
  };
  walk(path.join(userData, 'logs'));
  const lines = logs.flatMap((file) => fs.readFileSync(file, 'utf8').split('\n').filter((line) => line.includes('Activated in')));
  if (lines.length === 0) note('No activation time in the client log (it logs "Activated in … ms").');
  for (const line of lines) note(`Client log: ${line.trim()}`);
}
