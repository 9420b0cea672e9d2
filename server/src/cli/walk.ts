// Collects the Bicep and Terraform files under the paths given on the command line: sorted, de-duplicated, loop-safe.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileKindOf } from '../engine';
import { compareCodeUnits, displayPath } from './paths';
import { errorCode, type InputProblem } from './problems';

/** One file to review. */
export interface CollectedFile {
  /** Absolute path, as found (through any symbolic link), so that shown paths match what the user sees on disk. */
  path: string;
  /** The cwd-relative, `/`-separated path shown in output. */
  display: string;
}

/** The files found, sorted by shown path, and the problems met on the way. */
export interface WalkResult {
  files: CollectedFile[];
  problems: InputProblem[];
}

/** Folder names never descended into: dependencies and tool caches hold code that is not the user's to review. */
const IGNORED_FOLDERS = new Set(['node_modules']);

/** True for folders the walk skips: `node_modules` and every dot-folder (`.git`, `.terraform`, `.vscode`, …). */
export function isIgnoredFolder(name: string): boolean {
  return name.startsWith('.') || IGNORED_FOLDERS.has(name);
}

interface Candidate extends CollectedFile {
  real: string;
  viaLink: boolean;
}

/**
 * Walks the given roots (files or folders, relative to `cwd`). A named file is taken even when its extension is wrong
 * (reported, not reviewed) or it is a symbolic link (the user named it). Inside a folder, a symbolic link is followed
 * only when its real path lies inside the root's real path, and a folder is entered at most once by real path,
 * which both breaks loops and avoids reviewing a file twice. Never throws on file-system errors: they become problems.
 */
export function collectFiles(roots: readonly string[], cwd: string): WalkResult {
  const candidates: Candidate[] = [];
  const problems: InputProblem[] = [];
  const visitedFolders = new Set<string>();
  // Folders reached through a symbolic link are walked after the rest of their root, so that a file reachable both
  // ways is found first by its real path.
  const linkedFolders: Array<{ link: string; real: string; rootReal: string }> = [];
  const show = (p: string): string => displayPath(p, cwd);
  const problem = (reason: InputProblem['reason'], level: InputProblem['level'], p: string, message: string): void => {
    problems.push({ reason, level, path: show(p), message });
  };

  const walkFolder = (folder: string, folderReal: string, rootReal: string, viaLink: boolean): void => {
    if (visitedFolders.has(folderReal)) return;
    visitedFolders.add(folderReal);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      problem('unreadable', 'error', folder, `The folder could not be read (${errorCode(error)}).`);
      return;
    }
    entries.sort((a, b) => compareCodeUnits(a.name, b.name));
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!isIgnoredFolder(entry.name)) walkFolder(full, path.join(folderReal, entry.name), rootReal, viaLink);
      } else if (entry.isFile()) {
        if (fileKindOf(entry.name)) candidates.push({ path: full, display: show(full), real: path.join(folderReal, entry.name), viaLink });
      } else if (entry.isSymbolicLink()) {
        followLink(full, entry.name, rootReal);
      } else if (fileKindOf(entry.name)) {
        problem('not-a-file', 'warning', full, 'Not a regular file; skipped.');
      }
    }
  };

  const followLink = (link: string, name: string, rootReal: string): void => {
    let real: string;
    let stat: fs.Stats;
    try {
      real = fs.realpathSync(link);
      stat = fs.statSync(real);
    } catch {
      // A dangling link is only worth a word when it looks like something we would have reviewed.
      if (fileKindOf(name)) problem('not-a-file', 'warning', link, 'A broken symbolic link; skipped.');
      return;
    }
    if (!isInside(real, rootReal)) {
      problem('outside-root', 'note', link, 'A symbolic link to a path outside the folder being reviewed; not followed.');
      return;
    }
    if (stat.isDirectory()) {
      if (!isIgnoredFolder(name)) linkedFolders.push({ link, real, rootReal });
    } else if (stat.isFile()) {
      if (fileKindOf(name)) candidates.push({ path: link, display: show(link), real, viaLink: true });
    } else if (fileKindOf(name)) {
      problem('not-a-file', 'warning', link, 'Not a regular file; skipped.');
    }
  };

  for (const root of roots) {
    const absolute = path.resolve(cwd, root);
    let stat: fs.Stats;
    let real: string;
    try {
      stat = fs.statSync(absolute);
      real = fs.realpathSync(absolute);
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        const dangling = isSymbolicLink(absolute);
        problem('missing', 'error', absolute, dangling ? 'A broken symbolic link: its target does not exist.' : 'No such file or folder.');
      } else {
        problem('unreadable', 'error', absolute, `The path could not be read (${code}).`);
      }
      continue;
    }
    if (stat.isDirectory()) {
      walkFolder(absolute, real, real, false);
      for (let next = linkedFolders.shift(); next; next = linkedFolders.shift()) {
        walkFolder(next.link, next.real, next.rootReal, true);
      }
    } else if (!stat.isFile()) {
      problem('not-a-file', 'error', absolute, 'Not a regular file or a folder; skipped.');
    } else if (!fileKindOf(absolute)) {
      problem('not-iac', 'warning', absolute, 'Not a Bicep or Terraform file (.bicep, .bicepparam, .tf, .tfvars); skipped.');
    } else {
      candidates.push({ path: absolute, display: show(absolute), real, viaLink: false });
    }
  }

  return { files: dedupe(candidates), problems };
}

/** One entry per real file: the one reached without a symbolic link if any, else the first by shown path. */
function dedupe(candidates: Candidate[]): CollectedFile[] {
  const best = new Map<string, Candidate>();
  for (const candidate of candidates) {
    const held = best.get(candidate.real);
    if (!held || preferred(candidate, held)) best.set(candidate.real, candidate);
  }
  return [...best.values()]
    .sort((a, b) => compareCodeUnits(a.display, b.display))
    .map(({ path: p, display }) => ({ path: p, display }));
}

function preferred(a: Candidate, b: Candidate): boolean {
  if (a.viaLink !== b.viaLink) return !a.viaLink;
  return compareCodeUnits(a.display, b.display) < 0;
}

/** True when `child` is `parent` or lies beneath it. */
export function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!path.isAbsolute(relative) && relative !== '..' && !relative.startsWith(`..${path.sep}`));
}

/** True when `p` itself is a symbolic link (whether or not its target exists). */
export function isSymbolicLink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}
