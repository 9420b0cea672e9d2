// Locates the repository root and fixture folders from compiled tests, wherever the output folder is.
import * as fs from 'node:fs';
import * as path from 'node:path';

function findRoot(start: string): string | undefined {
  let dir = start;
  for (;;) {
    // tsconfig.json marks the source root: the compiled output holds copies of package.json and JSON data but never it.
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'tsconfig.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The repository root: the nearest folder holding package.json and tsconfig.json above the tests, else above the working folder. */
export const REPO_ROOT: string =
  process.env.WAF_AI_LENS_ROOT ??
  findRoot(__dirname) ??
  findRoot(process.cwd()) ??
  (() => {
    throw new Error(`No repository root above ${__dirname} or ${process.cwd()}; set WAF_AI_LENS_ROOT`);
  })();

export function fixturePath(...parts: string[]): string {
  return path.join(REPO_ROOT, 'test', 'fixtures', ...parts);
}
