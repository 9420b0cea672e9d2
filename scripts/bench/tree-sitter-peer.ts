// Loads the tree-sitter grammars the parse measurement times side by side with ours, installing them on first use (npm ci).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type { Language } from '../../server/src/engine/model/types';

/** The bench-only sub-package (`scripts/bench/tree-sitter/`): its own package.json, lockfile and .npmrc, so its peer ranges never touch ours. */
export function treeSitterFolder(root: string): string {
  return path.join(root, 'scripts', 'bench', 'tree-sitter');
}

/** The npm packages of each language's grammar, as pinned in the sub-package. */
const GRAMMARS: Record<Language, string> = { bicep: 'tree-sitter-bicep', terraform: '@tree-sitter-grammars/tree-sitter-hcl' };

/** The little of node-tree-sitter's API the bench uses; its own typings live in the sub-package, which tsc never sees. */
interface NativeParser {
  setLanguage(language: unknown): void;
  parse(input: string): { rootNode: { hasError: boolean } } | undefined;
}

/** One grammar, ready to parse: what the parse measurement times. */
export interface PeerParser {
  /** `name@version` of the grammar package. */
  grammar: string;
  /** Parses a text into a tree, as a tree-sitter user would (`parser.parse(text)`), and nothing more: this is what is timed. */
  parse(text: string): number;
  /** Whether the text's tree holds an error or missing node; counted outside the clock. */
  hasError(text: string): boolean;
}

export type TreeSitterPeer =
  | { available: true; runtime: string; parsers: Partial<Record<Language, PeerParser>>; notes: string[] }
  | { available: false; reason: string };

interface PackageJson {
  version?: string;
  optionalDependencies?: Record<string, string>;
}

function readJson(file: string): PackageJson | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as PackageJson;
  } catch {
    return undefined;
  }
}

/** The pinned packages not installed at their pinned version; a stale install is reinstalled. */
function missing(folder: string): string[] {
  const pinned = readJson(path.join(folder, 'package.json'))?.optionalDependencies ?? {};
  return Object.entries(pinned)
    .filter(([name, version]) => readJson(path.join(folder, 'node_modules', name, 'package.json'))?.version !== version)
    .map(([name, version]) => `${name}@${version}`);
}

/**
 * Installs the sub-package from its committed lockfile with `npm ci`: the exact versions, from the npm registry the user's
 * npm is configured with, into the sub-package's own git-ignored node_modules. Returns why it failed, or undefined.
 */
function install(folder: string, log: (line: string) => void): string | undefined {
  log(`Installing the tree-sitter grammars into ${path.join(path.relative(process.cwd(), folder) || '.', 'node_modules')} (first run only; npm ci)…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--prefix', folder, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: folder,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 300_000,
    shell: process.platform === 'win32',
  });
  if (result.error) return `npm could not run: ${result.error.message}`;
  if (result.status !== 0) {
    const lines = `${result.stderr}\n${result.stdout}`.split('\n').map((l) => l.trim()).filter(Boolean);
    const hint = lines.find((l) => /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|network|offline/i.test(l)) ?? lines.at(-1) ?? `exit code ${result.status}`;
    return `npm ci failed (offline?): ${hint}`;
  }
  // npm skips an optional dependency it cannot fetch or build instead of failing, so success is checked package by package.
  const absent = missing(folder);
  return absent.length === 0 ? undefined : `npm ci could not install ${absent.join(', ')} (offline, or no prebuilt binary for this platform?)`;
}

/**
 * The tree-sitter runtime and both grammars, installing them first when `mayInstall` allows it.
 * Never throws: when they cannot be had (offline, no prebuilt binary for this platform) it says why, and the bench
 * reports tree-sitter's figures as null.
 */
export function loadTreeSitter(root: string, mayInstall: boolean, log: (line: string) => void): TreeSitterPeer {
  const folder = treeSitterFolder(root);
  if (!fs.existsSync(path.join(folder, 'package.json'))) return { available: false, reason: `${folder} has no package.json` };
  if (missing(folder).length > 0) {
    if (!mayInstall) return { available: false, reason: 'not installed (a full bench run installs it)' };
    const failure = install(folder, log);
    if (failure) return { available: false, reason: failure };
  }
  const load = createRequire(path.join(folder, 'package.json'));
  let Parser: new () => NativeParser;
  try {
    Parser = load('tree-sitter') as new () => NativeParser;
  } catch (error) {
    return { available: false, reason: `tree-sitter did not load: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
  const runtime = `tree-sitter@${readJson(path.join(folder, 'node_modules', 'tree-sitter', 'package.json'))?.version ?? '?'}`;
  const parsers: Partial<Record<Language, PeerParser>> = {};
  const notes: string[] = [];
  for (const [language, name] of Object.entries(GRAMMARS) as [Language, string][]) {
    try {
      const parser = new Parser();
      parser.setLanguage(load(name));
      const version = readJson(path.join(folder, 'node_modules', name, 'package.json'))?.version ?? '?';
      parsers[language] = {
        grammar: `${name}@${version}`,
        parse: (text) => (parser.parse(text) ? 1 : 0),
        hasError: (text) => parser.parse(text)?.rootNode.hasError ?? true,
      };
    } catch (error) {
      notes.push(`${name} did not load: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }
  return { available: true, runtime, parsers, notes };
}
