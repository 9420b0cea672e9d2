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

/**
 * The variants the keystroke measurement builds and measures, each against the same baseline: none at the moment.
 * The adaptive debounce measured here as a proposal (issue #9) is now the server's own (`lsp/adaptiveScheduler.ts`);
 * a future proposal is added as a `SourcePatch` (a file and the exact lines it replaces), measured, and then made for real.
 */
export const VARIANTS: readonly SourcePatch[] = [];

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
