// The entry of the editor tests: VS Code loads it as `extensionTestsPath` (test-electron or code-server) and awaits `run()`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

/**
 * Runs every `*.test.js` next to this file in the extension host, and rejects when a test fails, which makes VS Code
 * exit with code 1. `WAF_AI_LENS_E2E_GREP` (a regular expression) runs only the matching tests.
 */
export async function run(): Promise<void> {
  // No colours: the output goes through the extension host's console to the runner, which prints it as plain lines.
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000 });
  // Under code-server the extension host's console reaches the runner mixed with the workbench's own log; the runner sets
  // a marker, and the reporter's lines carry it so that the runner can print exactly them.
  const marker = process.env.WAF_AI_LENS_E2E_MARKER;
  if (marker) Mocha.reporters.Base.consoleLog = (...data: unknown[]) => console.log(`${marker}${format(...data)}`);
  const grep = process.env.WAF_AI_LENS_E2E_GREP;
  if (grep) mocha.grep(new RegExp(grep));
  for (const file of fs.readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} editor test(s) failed.`);
}
