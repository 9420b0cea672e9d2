// Turns absolute paths into the cwd-relative, `/`-separated paths every output format shows.
import * as path from 'node:path';

/**
 * The path shown to users: relative to `cwd` with `/` separators, so output is the same on every platform
 * and clickable in terminals. A path on another Windows drive cannot be relative and stays absolute.
 */
export function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  if (relative === '') return '.';
  return relative.split(path.sep).join('/');
}

/** Orders strings by UTF-16 code units, independent of the machine's locale, so output order is reproducible. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
