// Finds and loads the Bicep and Terraform files of a folder into memory, so that timings never include disk reads.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileKindOf, type FileKind } from '../../server/src/engine/parse';
import type { Language } from '../../server/src/engine/model/types';

/** One file of a corpus, held in memory. */
export interface Source {
  /** The path as found (folder argument joined with the relative path), so printed paths can be opened. */
  path: string;
  /**
   * The path from the corpus folder's name down, `/`-separated (`bicep-registry-modules/avm/res/…/main.bicep`):
   * the same on every machine, so per-file random streams seeded from it give the same edits wherever the corpus lives.
   */
  id: string;
  text: string;
  kind: FileKind;
  language: Language;
  /** UTF-8 bytes of the text: what MB/s figures divide by. */
  bytes: number;
}

export const LANGUAGES: readonly Language[] = ['bicep', 'terraform'];

/**
 * Folders never walked: dependencies, and every dot-folder (`.git`, `.terraform` module caches, …), as the CLI's walk
 * skips them, so a corpus run checks the same files a review of that folder would.
 */
function skipped(folder: string): boolean {
  return folder === 'node_modules' || folder.startsWith('.');
}

export function languageOf(kind: FileKind): Language {
  return kind === 'bicep' || kind === 'bicepparam' ? 'bicep' : 'terraform';
}

/**
 * Every Bicep, .bicepparam, .tf and .tfvars file under a folder (or the file itself), sorted so runs are repeatable.
 * Symbolic links to folders are not followed, which keeps a link cycle from walking forever.
 */
export function findIacFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!skipped(entry.name)) walk(full);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && fileKindOf(entry.name)) {
        found.push(full);
      }
    }
  };
  if (fs.statSync(root).isDirectory()) walk(root);
  else if (fileKindOf(root)) found.push(root);
  return found.sort();
}

/** Wraps an in-memory text as a source; returns undefined for a path that is no IaC file. */
export function toSource(file: string, text: string, id = file): Source | undefined {
  const kind = fileKindOf(file);
  if (!kind) return undefined;
  return { path: file, id, text, kind, language: languageOf(kind), bytes: Buffer.byteLength(text, 'utf8') };
}

/** Loads every IaC file under the given folders (or the files named); a file reached twice is loaded once. */
export function loadSources(roots: readonly string[]): Source[] {
  const seen = new Set<string>();
  const sources: Source[] = [];
  for (const root of roots) {
    const base = path.dirname(path.resolve(root));
    for (const file of findIacFiles(root)) {
      if (seen.has(file)) continue;
      seen.add(file);
      const source = toSource(file, fs.readFileSync(file, 'utf8'), path.relative(base, path.resolve(file)).split(path.sep).join('/'));
      if (source) sources.push(source);
    }
  }
  return sources;
}

/** Resolves a path the user typed: `npm run` moves to the package root, and `INIT_CWD` keeps where the user stood. */
export function userPath(p: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), p);
}

/** The same path, shown relative to where the user stood when that is shorter, so lines stay readable. */
export function displayPath(p: string): string {
  const relative = path.relative(process.env.INIT_CWD ?? process.cwd(), p);
  return relative && !relative.startsWith('..') && relative.length < p.length ? relative : p;
}

/** Counts lines the way editors do: a final line without a newline still counts. */
export function countLines(text: string): number {
  if (text.length === 0) return 0;
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return text.endsWith('\n') ? lines - 1 : lines;
}
