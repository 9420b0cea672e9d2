// Temporary folders for generated workspaces: the server and the review worker read real files, so the bench writes them out.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A fresh, empty folder under the system's temporary folder. */
export function scratchFolder(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `waf-ai-lens-bench-${label}-`));
}

/** Writes files given by `/`-separated relative paths under a folder, creating subfolders as needed. */
export function writeFiles(root: string, files: readonly { path: string; text: string }[]): void {
  const made = new Set<string>();
  for (const file of files) {
    const target = path.join(root, ...file.path.split('/'));
    const folder = path.dirname(target);
    if (!made.has(folder)) {
      fs.mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    fs.writeFileSync(target, file.text);
  }
}

/** Removes a scratch folder and everything in it; a failure (a file still held open on Windows) is not worth failing the bench. */
export function removeFolder(root: string): void {
  try {
    fs.rmSync(root, { recursive: true, force: true });
  } catch {
    // Left for the operating system's temporary-file cleanup.
  }
}
