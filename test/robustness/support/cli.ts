// Runs the CLI in-process on a throw-away folder, with its output captured, for the pathological and security tests.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CliIo } from '../../../server/src/cli/io';
import { main } from '../../../server/src/cli/main';

/** What one CLI run wrote and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `waf-ai-lens <argv…>` in `cwd` with the given environment (no colour unless asked) and captures its output. */
export async function runCli(argv: readonly string[], cwd: string, env: Record<string, string> = {}, isTTY = false): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text) => void (stdout += text), isTTY },
    stderr: { write: (text) => void (stderr += text), isTTY },
    cwd,
    env,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** A fresh folder under the OS temp folder (its real path, so symbolic-link checks compare like with like). */
export function makeTempDir(prefix: string): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `waf-ai-lens-${prefix}-`)));
}

/** Removes a folder made by `makeTempDir`. */
export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Writes files given as `/`-separated relative paths, creating their folders. */
export function writeFiles(root: string, files: Record<string, string | Buffer>): void {
  for (const [relative, content] of Object.entries(files)) {
    const full = path.join(root, ...relative.split('/'));
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
}
