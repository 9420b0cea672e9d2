// Builds bench-only variants of the server bundle with a proposed change applied, so the bench can measure a fix before anyone makes it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { requireFromRepo } from './deps';

/** One replacement in a source file: `before` must occur exactly once, and becomes `after` in the variant. */
export interface Replacement {
  before: string;
  after: string;
}

/** A proposed change to one source file. */
export interface SourcePatch {
  name: string;
  /** One sentence for the report: what the variant does differently. */
  description: string;
  /** The repository-relative source file. */
  file: string;
  replacements: Replacement[];
}

const lines = (...text: string[]): string => text.join('\n');

/**
 * The simplest fix for the debounce: a change that finds no analysis pending for its document is analysed at once.
 * Typing after a pause gets its diagnostics in the time the analysis takes; but on a file slow to analyse, a burst's
 * first keystrokes each start a blocking analysis, which the burst's last keystroke then waits behind.
 */
export const IDLE_ANALYSIS: SourcePatch = {
  name: 'idle-analysis',
  description: 'a change is analysed at once when no analysis of its document is pending',
  file: 'server/src/lsp/diagnostics.ts',
  replacements: [
    {
      before: lines('    this.cancel(uri);', '    const delay = this.started.has(uri) ? this.debounceMs : 0;'),
      after: lines(
        '    // A change that finds no run pending for its document is analysed at once: the user typed after a pause, or more',
        '    // slowly than the analysis runs. One that arrives while a run still waits replaces it and waits for typing to pause.',
        '    const typing = this.pending.has(uri);',
        '    this.cancel(uri);',
        '    const delay = typing ? this.debounceMs : 0;',
      ),
    },
  ],
};

/**
 * The proposed fix: a change is analysed at once when the server keeps up with the typing (nothing pending for the
 * document, and its last analysis took less time than has passed since its previous change); otherwise it waits for
 * typing to pause as today. Small files get every keystroke analysed at once; a burst on a file slow to analyse costs
 * one analysis after the pause, as now, while a keystroke after a pause is analysed at once on any file.
 */
export const ADAPTIVE_ANALYSIS: SourcePatch = {
  name: 'adaptive-analysis',
  description: 'a change is analysed at once when nothing is pending and the last analysis took less time than has passed since the previous change',
  file: 'server/src/lsp/diagnostics.ts',
  replacements: [
    {
      before: '  private readonly started = new Set<string>();',
      after: lines(
        '  private readonly started = new Set<string>();',
        '  /** When each document last changed, and what its last analysis cost: together they say whether the server keeps up. */',
        '  private readonly lastChange = new Map<string, number>();',
        '  private readonly lastCost = new Map<string, number>();',
      ),
    },
    {
      before: lines('    this.cancel(uri);', '    const delay = this.started.has(uri) ? this.debounceMs : 0;'),
      after: lines(
        '    // A change is analysed at once when the server keeps up with the typing: no run is pending for the document, and',
        '    // its last analysis took less time than has passed since its previous change. Otherwise it waits for typing to',
        '    // pause, so a burst on a file that is slow to analyse costs one analysis, not one per keystroke.',
        '    const now = Date.now();',
        '    const sincePrevious = now - (this.lastChange.get(uri) ?? Number.NEGATIVE_INFINITY);',
        '    this.lastChange.set(uri, now);',
        '    const keepsUp = !this.pending.has(uri) && (this.lastCost.get(uri) ?? 0) < sincePrevious;',
        '    this.cancel(uri);',
        '    const delay = this.started.has(uri) && !keepsUp ? this.debounceMs : 0;',
      ),
    },
    {
      before: lines('    this.started.delete(uri);'),
      after: lines('    this.started.delete(uri);', '    this.lastChange.delete(uri);', '    this.lastCost.delete(uri);'),
    },
    {
      before: lines('    const entry = this.cache.get(document);', '    if (!entry) return [];'),
      after: lines('    const entry = this.cache.get(document);', '    if (!entry) return [];', '    this.lastCost.set(uri, entry.elapsedMs);'),
    },
  ],
};

/** The variants the keystroke measurement builds and measures, each against the same baseline. */
export const VARIANTS: readonly SourcePatch[] = [IDLE_ANALYSIS, ADAPTIVE_ANALYSIS];

/** Applies a patch to a text; the reason when it does not apply (the source changed, or already has the change). */
export function applyPatch(text: string, patch: SourcePatch): { text: string } | { reason: string } {
  if (patch.replacements.every((r) => text.includes(r.after))) return { reason: `${patch.file} already has the change` };
  let result = text;
  for (const { before, after } of patch.replacements) {
    const at = result.indexOf(before);
    if (at < 0) return { reason: `${patch.file} no longer has the lines the ${patch.name} patch replaces; update scripts/bench/server-variant.ts` };
    if (result.indexOf(before, at + 1) >= 0) return { reason: `the lines the ${patch.name} patch replaces occur twice in ${patch.file}` };
    result = result.slice(0, at) + after + result.slice(at + before.length);
  }
  return { text: result };
}

interface Esbuild {
  build(options: Record<string, unknown>): Promise<unknown>;
}

/** A variant as built: its bundle, or why it could not be. */
export type BuiltVariant = { patch: SourcePatch; module: string } | { patch: SourcePatch; skipped: string };

/**
 * Bundles server/src/server.ts as scripts/build.mjs does into `folder`: `baseline.js` from the sources as they are, and
 * one bundle per patch with it applied in memory (the working tree is not touched). All come from the same moment of the
 * tree, so the comparison holds even while dist/ lags behind other work.
 */
export async function buildVariants(root: string, patches: readonly SourcePatch[], folder: string): Promise<{ baseline: string; variants: BuiltVariant[] }> {
  const baseline = path.join(folder, 'baseline.js');
  await bundle(root, undefined, baseline);
  const variants: BuiltVariant[] = [];
  for (const patch of patches) {
    const source = path.join(root, ...patch.file.split('/'));
    const patched = applyPatch(fs.readFileSync(source, 'utf8'), patch);
    if ('reason' in patched) {
      variants.push({ patch, skipped: patched.reason });
      continue;
    }
    const module = path.join(folder, `${patch.name}.js`);
    await bundle(root, { file: source, contents: patched.text }, module);
    variants.push({ patch, module });
  }
  return { baseline, variants };
}

/** The server bundle, with one source file read as `override.contents` when given. */
async function bundle(root: string, override: { file: string; contents: string } | undefined, outFile: string): Promise<void> {
  const esbuild = requireFromRepo<Esbuild>('esbuild');
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['server/src/server.ts'],
    outfile: outFile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    legalComments: 'none',
    plugins: override
      ? [
          {
            name: 'bench-source-override',
            setup(build: { onLoad(options: { filter: RegExp }, callback: (args: { path: string }) => unknown): void }) {
              build.onLoad({ filter: /\.ts$/ }, (args) => (path.resolve(args.path) === path.resolve(override.file) ? { contents: override.contents, loader: 'ts' } : undefined));
            },
          },
        ]
      : [],
  });
}
