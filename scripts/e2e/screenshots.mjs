// Takes the README's screenshots of WAF AI Lens in a real VS Code (code-server + headless Chromium) into docs/images/*.png.
//
//   node scripts/e2e/screenshots.mjs [--keep] [--timeout <seconds>]
//
// Uses the tooling of the editor tests (scripts/e2e/tooling.mjs; installed into .e2e/ on first use) on a copy of
// test/e2e/workspace. The extension is the packaged .vsix, installed as a user installs it (so the pictures show the product,
// and the package is seen to work), and the editor is driven as a user drives it: quick open, go to line, Ctrl+., the mouse.
// Every step waits for what it needs to see on screen (a selector), never for a fixed time.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  REPO,
  createRunFolders,
  deadline,
  ensureTooling,
  installVsix,
  launchBrowser,
  note,
  packageVsix,
  startCodeServer,
  workbenchUrl,
} from './tooling.mjs';

const args = process.argv.slice(2);
const keep = args.includes('--keep');
const timeoutIndex = args.indexOf('--timeout');
const timeoutMs = (timeoutIndex >= 0 ? Number(args[timeoutIndex + 1]) : 240) * 1000;
const OUT = path.join(REPO, 'docs', 'images');
/** How long one UI step may take before the script gives up. */
const STEP_MS = 30_000;
const REVIEW_COMMAND = 'wafAiLens.reviewWorkload';

const tooling = ensureTooling();
// Hovers open below the line, where the editor has room to make them taller (see the hover step).
const dirs = createRunFolders(path.join(REPO, 'test', 'e2e', 'workspace'), { 'editor.hover.above': false });
const vsix = path.join(dirs.root, 'waf-ai-lens.vsix');
packageVsix(vsix);
installVsix(tooling, dirs, vsix);
let server;
let browser;
async function cleanup() {
  await browser?.close().catch(() => undefined);
  await server?.stop();
  if (!keep) fs.rmSync(dirs.root, { recursive: true, force: true });
}
deadline(timeoutMs, 'The screenshots', cleanup);

let exitCode = 0;
let page;
try {
  server = await startCodeServer({ tooling, dirs });
  browser = await launchBrowser({ tooling, dirs });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  page.setDefaultTimeout(STEP_MS);
  await page.goto(workbenchUrl(server, { folder: dirs.workspace, development: false }));
  await page.locator('.monaco-workbench .explorer-folders-view').waitFor();
  fs.mkdirSync(OUT, { recursive: true });

  // 1. A finding and its quick-fix menu: the cursor on the value, then Ctrl+.
  await openFile(page, 'main.tf');
  await openFile(page, 'main.bicep');
  await goTo(page, 'main.bicep', 'disableLocalAuth: false', 'false');
  await page.keyboard.press('Control+.');
  await page.locator('.action-widget').getByText('Disable key-based authentication').waitFor();
  await shoot(page, 'quick-fix.png');
  await page.keyboard.press('Escape');
  await page.locator('.action-widget').getByText('Disable key-based authentication').waitFor({ state: 'hidden' });

  // 2. The hover on the same value: the finding, its principle and the fixes.
  const cursor = await page.locator('.monaco-editor.focused .cursor').first().boundingBox();
  await page.mouse.move(cursor.x + 20, cursor.y + cursor.height / 2);
  const hover = page.locator('.monaco-resizable-hover').filter({ hasText: 'require-disable-local-auth' });
  await hover.waitFor();
  // A hover opens at most 250 px high and scrolls; drag its bottom edge down to the editor's, so that all of it shows.
  const box = await hover.boundingBox();
  const editor = await page.locator('.monaco-editor.focused').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height - 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, editor.y + editor.height - 8, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction((height) => document.querySelector('.monaco-resizable-hover')?.getBoundingClientRect().height > height, box.height);
  // Rest the mouse inside the hover (which keeps it open), so the edge just dragged is no longer highlighted.
  await page.mouse.move(box.x + box.width / 2, box.y + 40, { steps: 5 });
  await page.waitForFunction(() => !document.querySelector('.monaco-resizable-hover .monaco-sash.hover, .monaco-resizable-hover .monaco-sash.active'));
  await shoot(page, 'hover.png');
  await page.mouse.move(5, 780);
  await page.keyboard.press('Escape');
  await page.locator('.monaco-hover').filter({ hasText: 'require-disable-local-auth' }).waitFor({ state: 'hidden' });

  // 3. The Problems panel, with the findings of both open files.
  // Maximized and without the side bar, so that both files' findings fit with their messages.
  await page.keyboard.press('Control+B');
  await page.locator('.part.sidebar').waitFor({ state: 'hidden' });
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'main.bicep' }).first().waitFor();
  await runCommand(page, 'View: Toggle Maximized Panel');
  await page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'main.tf' }).first().waitFor();
  await shoot(page, 'problems.png');
  await runCommand(page, 'View: Toggle Maximized Panel');
  await page.keyboard.press('Control+B');

  // 4. The review report, once the client registers the command (the manifest contributes it either way).
  if (clientRegisters(REVIEW_COMMAND)) {
    // The Problems panel closed and no side bar, so that the report has the width it is designed for.
    await page.keyboard.press('Control+Shift+M');
    await page.keyboard.press('Control+B');
    await page.locator('.part.sidebar').waitFor({ state: 'hidden' });
    await runCommand(page, 'WAF AI Lens: Review workload');
    await page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame').locator('body *').first().waitFor();
    await shoot(page, 'review-in-editor.png');
  } else {
    note(`Skipped review-in-editor.png: the client does not register ${REVIEW_COMMAND} yet.`);
  }
} catch (error) {
  note(`The screenshots failed: ${error.stack ?? error}`);
  // What the editor showed when the step failed, next to code-server's log.
  const failure = path.join(dirs.root, 'failure.png');
  if (await page?.screenshot({ path: failure }).then(() => true, () => false)) note(`The editor at the failure: ${failure}`);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);

/** Whether the client's sources register a command: a cheap check that the command is implemented, not only contributed. */
function clientRegisters(command) {
  const dir = path.join(REPO, 'client', 'src');
  return fs.readdirSync(dir, { recursive: true })
    .filter((name) => name.endsWith('.ts'))
    .some((name) => fs.readFileSync(path.join(dir, name), 'utf8').includes(`'${command}'`));
}

/** Runs a command from the Command Palette by its title. */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor();
  await page.keyboard.type(title);
  await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: title }).first().click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Opens a workspace file with Quick Open and waits until its findings are underlined. */
async function openFile(page, name) {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').waitFor();
  await page.keyboard.type(name);
  // A click on the row, not Enter: Enter could pick the row that was first before the list caught up with the typing.
  await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: name }).first().click();
  await page.locator('.tab.active').filter({ hasText: name }).waitFor();
  await page.locator('.monaco-editor.focused .squiggly-warning').first().waitFor();
}

/** Puts the cursor on `token` in the first line of `file` containing `lineText`, with Go to Line. */
async function goTo(page, file, lineText, token) {
  const lines = fs.readFileSync(path.join(dirs.workspace, file), 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(lineText));
  if (line < 0) throw new Error(`${file} has no line with "${lineText}".`);
  const column = lines[line].indexOf(token, lines[line].indexOf(lineText)) + 1;
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').waitFor();
  await page.keyboard.type(`${line + 1}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.locator('.statusbar-item').filter({ hasText: `Ln ${line + 1}, Col ${column}` }).waitFor();
}

async function shoot(page, name) {
  const file = path.join(OUT, name);
  await page.screenshot({ path: file });
  note(`Wrote ${path.relative(REPO, file)} (${Math.round(fs.statSync(file).size / 1024)} KB).`);
}
