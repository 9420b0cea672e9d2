// Locates the repository root and fixture folders from compiled tests, wherever the output folder is.
import * as fs from 'node:fs';
import * as path from 'node:path';

function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    // tsconfig.json marks the source root: the compiled output holds copies of package.json and JSON data but never it.
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'tsconfig.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No repository root above ${start}`);
    dir = parent;
  }
}

/** The repository root: the nearest folder above the tests that holds package.json and server/. */
export const REPO_ROOT = process.env.WAF_AI_LENS_ROOT ?? findRoot(__dirname);

export function fixturePath(...parts: string[]): string {
  return path.join(REPO_ROOT, 'test', 'fixtures', ...parts);
}
