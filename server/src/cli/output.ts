// Writes the report to the file named by `--output`: never creates folders, and says plainly why a write failed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { displayPath } from './paths';
import { errorCode } from './problems';

/**
 * Writes `text` to `file` (absolute), replacing it. Returns undefined on success, else a one-line reason.
 * A missing folder is an error rather than created, because a typo in a path should not scatter folders about.
 */
export function writeOutput(file: string, text: string, cwd: string): string | undefined {
  const shown = displayPath(file, cwd);
  const folder = path.dirname(file);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(folder);
  } catch {
    stat = undefined;
  }
  if (!stat) return `cannot write ${shown}: the folder ${displayPath(folder, cwd)} does not exist`;
  if (!stat.isDirectory()) return `cannot write ${shown}: ${displayPath(folder, cwd)} is not a folder`;
  try {
    fs.writeFileSync(file, text);
    return undefined;
  } catch (error) {
    return `cannot write ${shown} (${errorCode(error)})`;
  }
}
