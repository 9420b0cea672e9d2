// Matches `/`-separated relative paths against the `exclude` globs of the settings and the config file; pure string work.

/**
 * Turns one glob into a regular expression over a whole relative path.
 * `**` matches any number of folders (including none), `*` anything but `/`, `?` one character but `/`,
 * `{a,b}` either alternative and `[abc]` one of a set. Matching is case-sensitive, as paths are on Linux and in git.
 */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` and a trailing `**` cross folder boundaries; a `**` glued to other characters acts as `*`.
        const atStart = i === 0 || glob[i - 1] === '/';
        if (atStart && glob[i + 2] === '/') {
          source += '(?:[^/]*/)*';
          i += 2;
          continue;
        }
        if (atStart && i + 2 === glob.length) {
          source += '.*';
          i += 1;
          continue;
        }
        i += 1;
      }
      source += '[^/]*';
    } else if (c === '?') {
      source += '[^/]';
    } else if (c === '{') {
      braces++;
      source += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      source += ')';
    } else if (c === ',' && braces > 0) {
      source += '|';
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) {
        source += '\\[';
        continue;
      }
      const set = glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
      source += `[${set}]`;
      i = close;
    } else {
      source += c.replace(/[.+^$()|\\\]]/g, '\\$&');
    }
  }
  // An unbalanced `{` is taken literally rather than rejected: a typo must never stop the analysis.
  if (braces > 0) return new RegExp(`^${glob.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  return new RegExp(`^${source}$`);
}

/** Normalises a glob as `.gitignore` reads it: `./` and a leading `/` anchor at the root; a glob without `/` matches at any depth. */
function normalise(glob: string): string {
  const g = glob.trim().replace(/\\/g, '/').replace(/\/+$/, '');
  if (g.startsWith('./')) return g.slice(2);
  if (g.startsWith('/')) return g.slice(1);
  return g.includes('/') ? g : `**/${g}`;
}

/**
 * True when `relativePath` (`/`-separated, relative to the folder the globs belong to) or one of its parent folders
 * matches one of `globs`, so `modules/legacy` excludes every file below that folder.
 * A path outside that folder (starting with `../`) is never excluded by it.
 */
export function isExcluded(relativePath: string, globs: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const path = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
  if (path.startsWith('../') || path === '..') return false;
  const patterns = globs.filter((g) => g.trim() !== '').map((g) => globToRegExp(normalise(g)));
  const parts = path.split('/');
  for (let n = parts.length; n >= 1; n--) {
    const prefix = parts.slice(0, n).join('/');
    if (patterns.some((p) => p.test(prefix))) return true;
  }
  return false;
}
