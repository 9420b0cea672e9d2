// Builds a bench-only variant of the server bundle with one proposed change applied, so the bench can measure a fix before anyone makes it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { requireFromRepo } from './deps';

/** A proposed change to one source file: `before` must occur exactly once, and becomes `after` in the variant. */
export interface SourcePatch {
  name: string;
  /** The repository-relative source file. */
  file: string;
  before: string;
  after: string;
}

/**
 * The fix the keystroke measurement proposes: a change that finds no analysis pending for its document is analysed at
 * once, instead of after the debounce. Typing after a pause (or slower than the analysis runs) then gets its diagnostics
 * in the time the analysis takes; changes that arrive while a run is still waiting (a burst, or a server that is behind)
 * replace it and wait for the pause as before, so the server still never analyses a version the user has replaced.
 */
export const IDLE_ANALYSIS: SourcePatch = {
  name: 'idle-analysis',
  file: 'server/src/lsp/diagnostics.ts',
  before: ['    this.cancel(uri);', '    const delay = this.started.has(uri) ? this.debounceMs : 0;'].join('\n'),
  after: [
    '    // A change that finds no run pending for its document is analysed at once: the user typed after a pause, or more',
    '    // slowly than the analysis runs. One that arrives while a run still waits replaces it and waits for typing to pause.',
    '    const typing = this.pending.has(uri);',
    '    this.cancel(uri);',
    '    const delay = typing ? this.debounceMs : 0;',
  ].join('\n'),
};

/** Applies a patch to a text; the reason when it does not apply (the source changed, or already has the change). */
export function applyPatch(text: string, patch: SourcePatch): { text: string } | { reason: string } {
  if (text.includes(patch.after)) return { reason: `${patch.file} already has the change` };
  const at = text.indexOf(patch.before);
  if (at < 0) return { reason: `${patch.file} no longer has the lines the ${patch.name} patch replaces; update scripts/bench/server-variant.ts` };
  if (text.indexOf(patch.before, at + 1) >= 0) return { reason: `the lines the ${patch.name} patch replaces occur twice in ${patch.file}` };
  return { text: text.slice(0, at) + patch.after + text.slice(at + patch.before.length) };
}

interface Esbuild {
  build(options: Record<string, unknown>): Promise<unknown>;
}

/**
 * Bundles server/src/server.ts as scripts/build.mjs does into `folder`, twice from the same sources: `baseline.js` as
 * they are, and `variant.js` with the patch applied in memory (the working tree is not touched). Both come from the
 * same moment of the tree, so the comparison holds even while dist/ lags behind other work. Returns their paths, or why
 * no variant was built.
 */
export async function buildVariant(root: string, patch: SourcePatch, folder: string): Promise<{ baseline: string; variant: string } | { skipped: string }> {
  const source = path.join(root, ...patch.file.split('/'));
  const original = fs.readFileSync(source, 'utf8');
  const patched = applyPatch(original, patch);
  if ('reason' in patched) return { skipped: patched.reason };
  const baseline = path.join(folder, 'baseline.js');
  const variant = path.join(folder, 'variant.js');
  await bundle(root, source, original, baseline);
  await bundle(root, source, patched.text, variant);
  return { baseline, variant };
}

/** The server bundle with `source` read as `contents`. */
async function bundle(root: string, source: string, contents: string, outFile: string): Promise<void> {
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
    plugins: [
      {
        name: 'bench-source-override',
        setup(build: { onLoad(options: { filter: RegExp }, callback: (args: { path: string }) => unknown): void }) {
          build.onLoad({ filter: /\.ts$/ }, (args) => (path.resolve(args.path) === path.resolve(source) ? { contents, loader: 'ts' } : undefined));
        },
      },
    ],
  });
}
