// Path arithmetic on the engine's `/`-separated paths: normalising, joining, folders, and staying inside a root.

/**
 * A path with `/` separators, no `.` segments, `..` resolved where it can be, and no trailing slash.
 * `C:\x\..\y` becomes `C:/y`; a relative path keeps its leading `..` segments; the empty relative path is `.`.
 */
export function normalizePath(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  const absolute = slashed.startsWith('/');
  const drive = /^[A-Za-z]:(?=\/|$)/.exec(slashed)?.[0];
  const rest = drive ? slashed.slice(drive.length) : slashed;
  const out: string[] = [];
  for (const segment of rest.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute && !drive) out.push('..');
      continue;
    }
    out.push(segment);
  }
  const joined = out.join('/');
  if (drive) return `${drive}/${joined}`;
  if (absolute) return `/${joined}`;
  return joined === '' ? '.' : joined;
}

/** The folder of a file path (`.` for a bare name). */
export function dirname(path: string): string {
  const normal = normalizePath(path);
  const at = normal.lastIndexOf('/');
  if (at < 0) return '.';
  if (at === 0) return '/';
  return normal.slice(0, at) || '.';
}

/** `base/relative`, normalised; an absolute `relative` stands on its own. */
export function joinPath(base: string, relative: string): string {
  const r = relative.replace(/\\/g, '/');
  if (r.startsWith('/') || /^[A-Za-z]:\//.test(r)) return normalizePath(r);
  return normalizePath(base === '.' ? r : `${base}/${r}`);
}

/** True when `path` is `root` or lies under it (both normalised). */
export function isWithin(root: string, path: string): boolean {
  if (root === '.') return !(path === '..' || path.startsWith('../') || path.startsWith('/') || /^[A-Za-z]:\//.test(path));
  if (path === root) return true;
  return path.startsWith(root.endsWith('/') ? root : `${root}/`);
}

/** The deepest folder holding every path (each a file path), or `.` when they share none but are relative. */
export function commonRoot(files: readonly string[]): string {
  if (files.length === 0) return '.';
  const folders = files.map((f) => dirname(f));
  const prefix = (p: string): string => (p.startsWith('/') ? '/' : /^[A-Za-z]:\//.test(p) ? p.slice(0, 3) : '');
  const head = prefix(folders[0]!);
  // Paths of different anchors (a relative and an absolute one, two drives) share no folder.
  if (folders.some((f) => prefix(f) !== head)) return head || '.';
  const segments = folders.map((f) => f.slice(head.length).split('/').filter((s) => s !== '' && s !== '.'));
  const ups = segments.map((s) => s.findIndex((x) => x !== '..')).map((i, k) => (i < 0 ? segments[k]!.length : i));
  const maxUps = Math.max(...ups);
  const common: string[] = Array.from({ length: maxUps }, () => '..');
  // Below different numbers of `..`, the names of the folders climbed out of are not known: the root is the highest one.
  if (ups.every((u) => u === maxUps)) {
    const rests = segments.map((s) => s.slice(maxUps));
    for (let i = 0; ; i++) {
      const name = rests[0]![i];
      if (name === undefined || rests.some((r) => r[i] !== name)) break;
      common.push(name);
    }
  }
  const joined = common.join('/');
  if (head) return head + joined;
  return joined || '.';
}

/** The last segment of a path. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
