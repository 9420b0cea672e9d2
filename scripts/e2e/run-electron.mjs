// Runs the editor tests (test/e2e) in VS Code desktop through @vscode/test-electron, for machines that can download VS Code.
//
//   node scripts/e2e/run-electron.mjs [--timeout <seconds>]      (VSCODE_VERSION=stable|insiders|<x.y.z>, default stable)
//
// The same suite as scripts/e2e/run-code-server.mjs, in the Electron build instead of code-server. It downloads VS Code into
// .vscode-test/ on first use, so it cannot run offline. On a Linux machine without a display, run it under `xvfb-run -a`.
// The extension host must be a Node that can `require` ES modules (mocha 12 is one): VS Code 1.101 or newer.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { REPO, buildExtensionAndTests, createRunFolders, deadline, note } from './tooling.mjs';

const args = process.argv.slice(2);
const timeoutIndex = args.indexOf('--timeout');
const timeoutMs = (timeoutIndex >= 0 ? Number(args[timeoutIndex + 1]) : 600) * 1000;

buildExtensionAndTests();
// Fresh user data (with the test settings) and a copy of the fixture workspace, exactly as the code-server runner makes them.
const dirs = createRunFolders(path.join(REPO, 'test', 'e2e', 'workspace'));
const cleanup = async () => fs.rmSync(dirs.root, { recursive: true, force: true });
deadline(timeoutMs, 'The editor tests', cleanup);

let exitCode = 0;
try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: REPO,
    extensionTestsPath: path.join(REPO, 'out', 'test', 'e2e', 'index.js'),
    launchArgs: [
      dirs.workspace,
      // Only the extension under development: no other installed extension can interfere.
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--disable-gpu',
      `--user-data-dir=${dirs.userData}`,
      `--extensions-dir=${dirs.extensions}`,
    ],
  });
} catch (error) {
  // runTests rejects when VS Code exits with a non-zero code, which a failing test causes.
  note(`The editor tests failed: ${error instanceof Error ? error.message : error}`);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
