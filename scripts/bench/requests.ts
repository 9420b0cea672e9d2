// Measures hover and code-action latency through the real server over stdio, on documents whose diagnostics are in.
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Language } from '../../server/src/engine/model/types';
import { LANGUAGES } from './files';
import { generateBicep, generateTerraform } from './generate';
import { LspSession, pathToUri } from './lsp-session';
import { measurement, type BenchContext } from './measurement';
import { deriveSeed, Rng } from './prng';
import { removeFolder, scratchFolder, writeFiles } from './scratch';
import { summarize, type LatencySummary } from './stats';
import { count, fixed, formatTable } from './table';

export interface RequestScenario {
  language: Language;
  lines: number;
  /** Diagnostics on the document: where the code actions were asked for. */
  diagnostics: number;
  hover: LatencySummary | null;
  /** Hovers that came back with content, out of those timed: a server answering nothing would look fast. */
  hoversWithContent: number;
  codeAction: LatencySummary | null;
  /** Code actions returned over all timed requests. */
  actions: number;
}

export interface RequestResults {
  /** Why hover was not measured (the server does not advertise `hoverProvider`); absent when it was. */
  hoverSkipped?: string;
  codeActionSkipped?: string;
  scenarios: RequestScenario[];
}

const SIZES = [2_000, 20_000];
/** Untimed requests of each kind per document first, so the handlers are compiled before the clock runs. */
const WARMUP_REQUESTS = 5;

/**
 * Where a user hovers: every resource declaration's type (where the server explains the resource) and the start of
 * every diagnostic (where it explains the finding), in document order.
 */
export function hoverOffsets(text: string, language: Language, diagnosticOffsets: readonly number[]): number[] {
  const declaration = language === 'bicep' ? /^resource\s+\w+\s+'/gm : /^resource\s+"/gm;
  const offsets = [...text.matchAll(declaration)].map((m) => (m.index ?? 0) + m[0].length);
  return [...offsets, ...diagnosticOffsets].sort((a, b) => a - b);
}

async function measureDocument(session: LspSession, file: string, text: string, language: Language, lines: number, context: BenchContext, skip: { hover: boolean; codeAction: boolean }): Promise<RequestScenario> {
  const uri = pathToUri(file);
  const opened = session.published(uri);
  await session.open(uri, text);
  const diagnostics = (await opened).params.diagnostics;
  const document = session.document(uri);
  const rng = new Rng(deriveSeed(context.options.seed, `requests-${uri}`));
  const samples = context.options.edits;

  const hoverTimes: number[] = [];
  let hoversWithContent = 0;
  if (!skip.hover) {
    const offsets = hoverOffsets(text, language, diagnostics.map((d) => document.offsetAt(d.range.start)));
    for (let i = 0; offsets.length > 0 && i < WARMUP_REQUESTS + samples; i++) {
      const offset = rng.pick(offsets);
      const started = performance.now();
      const hover = await session.hover(uri, offset);
      if (i >= WARMUP_REQUESTS) {
        hoverTimes.push(performance.now() - started);
        if (hover) hoversWithContent++;
      }
    }
  }

  const actionTimes: number[] = [];
  let actions = 0;
  if (!skip.codeAction && diagnostics.length > 0) {
    for (let i = 0; i < WARMUP_REQUESTS + samples; i++) {
      // The light bulb's question: the code actions at a diagnostic, with that diagnostic as context.
      const diagnostic = rng.pick(diagnostics);
      const started = performance.now();
      const answer = await session.codeActions(uri, diagnostic.range, [diagnostic]);
      if (i >= WARMUP_REQUESTS) {
        actionTimes.push(performance.now() - started);
        actions += answer?.length ?? 0;
      }
    }
  }
  await session.close(uri);
  return { language, lines, diagnostics: diagnostics.length, hover: summarize(hoverTimes), hoversWithContent, codeAction: summarize(actionTimes), actions };
}

export const requests = measurement<RequestResults>({
  key: 'requests',
  title: 'Hover and code-action latency through the language server (stdio), ms',
  async run(context) {
    const sizes = context.options.smoke ? [300] : SIZES;
    const folder = scratchFolder('requests');
    const files = LANGUAGES.flatMap((language) =>
      sizes.map((lines) => {
        const seed = deriveSeed(context.options.seed, `requests-${language}-${lines}`);
        return { language, lines, path: `${language}-${lines}/requests-${lines}.${language === 'bicep' ? 'bicep' : 'tf'}`, text: language === 'bicep' ? generateBicep(seed, lines) : generateTerraform(seed, lines) };
      }),
    );
    writeFiles(folder, files);
    const { session } = await LspSession.start({ module: context.serverModule, nodeArgs: context.serverNodeArgs, workspace: folder });
    try {
      const capabilities = session.capabilities;
      const result: RequestResults = { scenarios: [] };
      if (!capabilities.hoverProvider) result.hoverSkipped = 'the server does not advertise hoverProvider';
      if (!capabilities.codeActionProvider) result.codeActionSkipped = 'the server does not advertise codeActionProvider';
      const skip = { hover: result.hoverSkipped !== undefined, codeAction: result.codeActionSkipped !== undefined };
      if (skip.hover && skip.codeAction) return result;
      for (const f of files) result.scenarios.push(await measureDocument(session, path.join(folder, f.path), f.text, f.language, f.lines, context, skip));
      return result;
    } finally {
      await session.stop();
      removeFolder(folder);
    }
  },
  format(result) {
    const lines: string[] = [];
    if (result.scenarios.length > 0) {
      lines.push(
        formatTable(
          [
            { title: 'language' },
            { title: 'lines', align: 'right' },
            { title: 'diags', align: 'right' },
            { title: 'hovers', align: 'right' },
            { title: 'hover p50', align: 'right' },
            { title: 'hover p95', align: 'right' },
            { title: 'w/ content', align: 'right' },
            { title: 'actions', align: 'right' },
            { title: 'action p50', align: 'right' },
            { title: 'action p95', align: 'right' },
            { title: 'returned', align: 'right' },
          ],
          result.scenarios.map((s) => [
            s.language,
            count(s.lines),
            count(s.diagnostics),
            count(s.hover?.samples ?? 0),
            fixed(s.hover?.p50, 2),
            fixed(s.hover?.p95, 2),
            count(s.hoversWithContent),
            count(s.codeAction?.samples ?? 0),
            fixed(s.codeAction?.p50, 2),
            fixed(s.codeAction?.p95, 2),
            count(s.actions),
          ]),
        ),
        '',
        'Request sent → answer received, on a document version whose diagnostics are already published (its analysis is cached).',
      );
    }
    if (result.hoverSkipped) lines.push(`Hover: not measured, ${result.hoverSkipped}.`);
    if (result.codeActionSkipped) lines.push(`Code actions: not measured, ${result.codeActionSkipped}.`);
    return lines.join('\n');
  },
});
