// Measures keystroke-to-diagnostics latency through the real server over stdio, for single keystrokes and for the end of a burst.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Language } from '../../server/src/engine/model/types';
import { LANGUAGES } from './files';
import { generateBicep, generateTerraform } from './generate';
import { generateWorkspace } from './generate-workspace';
import { LspSession, pathToUri } from './lsp-session';
import { check, measurement, type BenchContext, type TargetCheck } from './measurement';
import { deriveSeed, Rng } from './prng';
import { removeFolder, scratchFolder, writeFiles } from './scratch';
import { buildVariants, VARIANTS } from './server-variant';
import { summarize, type LatencySummary } from './stats';
import { count, fixed, formatTable } from './table';

/** A place where a user types: just before the closing quote of a plain string value, or at the end of a number value. */
export interface EditSite {
  offset: number;
  kind: 'string' | 'number';
}

/** One keystroke as an edit of the text it is typed into: `deleteLength` characters at `offset` replaced by `insert`. */
export interface Keystroke {
  offset: number;
  deleteLength: number;
  insert: string;
}

/**
 * The sites of a text: property values that are a plain string (no interpolation or escape) or a plain number, one per
 * line, written `name: 'value'` / `name: 42` in Bicep and `name = "value"` / `name = 42` in Terraform.
 */
export function editSites(text: string, language: Language): EditSite[] {
  const bicep = language === 'bicep';
  const stringValue = bicep ? /^[ \t]*[A-Za-z_]\w*[ \t]*:[ \t]*'[^'\\$\n]*'[ \t]*$/gm : /^[ \t]*[A-Za-z_][\w-]*[ \t]*=[ \t]*"[^"\\$%\n]*"[ \t]*$/gm;
  const numberValue = bicep ? /^[ \t]*[A-Za-z_]\w*[ \t]*:[ \t]*\d+[ \t]*$/gm : /^[ \t]*[A-Za-z_]\w*[ \t]*=[ \t]*\d+[ \t]*$/gm;
  const sites: EditSite[] = [];
  for (const [pattern, kind] of [[stringValue, 'string'], [numberValue, 'number']] as const) {
    for (const match of text.matchAll(pattern)) {
      // The site is just before a string's closing quote, or just after a number's last digit.
      const end = (match.index ?? 0) + match[0].trimEnd().length;
      sites.push({ offset: kind === 'string' ? end - 1 : end, kind });
    }
  }
  return sites.sort((a, b) => a.offset - b.offset);
}

/** What gets typed at a site: letters into a string, digits after a number. */
const TYPED: Record<EditSite['kind'], string> = { string: 'prod', number: '250' };

/**
 * Typing sessions at seeded random sites: each types the site's word one character at a time, then deletes it again
 * one character at a time (backspace), so the text is back to the original after every session and every site's
 * offset stays valid. Returns one list of keystrokes per session; empty when the text has no site.
 */
export function typingSessions(text: string, language: Language, sessions: number, seed: number): Keystroke[][] {
  const sites = editSites(text, language);
  if (sites.length === 0) return [];
  const rng = new Rng(seed);
  return Array.from({ length: sessions }, () => {
    const site = rng.pick(sites);
    const word = TYPED[site.kind].slice(0, rng.int(2, TYPED[site.kind].length + 1));
    const typing = [...word].map((c, i): Keystroke => ({ offset: site.offset + i, deleteLength: 0, insert: c }));
    const deleting = [...word].map((_, i): Keystroke => ({ offset: site.offset + word.length - 1 - i, deleteLength: 1, insert: '' }));
    return [...typing, ...deleting];
  });
}

/** Applies keystrokes to a text, as the server's copy of the document sees them. */
export function applyKeystrokes(text: string, keystrokes: readonly Keystroke[]): string {
  return keystrokes.reduce((t, k) => t.slice(0, k.offset) + k.insert + t.slice(k.offset + k.deleteLength), text);
}

/** Raw latency (didChange sent → publishDiagnostics for that version received) and the same net of the server's debounce. */
export interface LatencyPair {
  raw: LatencySummary | null;
  net: LatencySummary | null;
}

export interface KeystrokeScenario {
  language: Language;
  lines: number;
  bytes: number;
  /** Other files open in the server while typing (0, or the 1,000-file workspace). */
  openFiles: number;
  /** Diagnostics published for the file when it was opened, and the size of that notification's JSON. */
  diagnostics: number;
  publishedKb: number;
  /** Single keystrokes, each sent once the previous one's diagnostics arrived: a user typing while the server is idle. */
  single: LatencyPair & { keystrokes: number };
  /** Bursts typed `paceMs` apart (faster than the debounce), timed from the burst's last keystroke. */
  burst: LatencyPair & { bursts: number; paceMs: number };
}

/** One variant's keystrokes, or why it was not measured. */
export type VariantScenarios = { patch: string; description: string; scenarios: KeystrokeScenario[] } | { patch: string; skipped: string };

/**
 * The same keystrokes through servers the bench builds from the same sources at run time: a baseline as the sources
 * are, and one variant per proposed fix (server-variant.ts), on the file sizes that have targets.
 */
export interface VariantResults {
  baseline: KeystrokeScenario[];
  variants: VariantScenarios[];
}

export interface KeystrokeResults {
  server: string;
  /** The delay the server waits after a change before analysing it (diagnostics.ts), subtracted for the net figures. */
  debounceMs: number;
  /** Whether every change waits for the debounce (the server today), so the net figures subtract it. */
  everyChangeDebounced: boolean;
  scenarios: KeystrokeScenario[];
  /** The workspace loaded for the last scenarios: how long opening all its files took, and the server's memory then. */
  workspace: { files: number; openMs: number; serverRssMb: number | null; serverPeakRssMb: number | null } | null;
  /** The proposed fixes, measured on the sizes with targets; absent when not asked for (`--no-variant`, or `--idle-analysis`). */
  proposals?: VariantResults;
}

/** File sizes typed into, and the size typed into while a workspace is loaded. */
export const KEYSTROKE_SIZES = [100, 2_000, 20_000];
const WORKSPACE_FILE_LINES = 2_000;
/** Keystrokes of a burst arrive this far apart: a fast typist inside a word, well inside the server's debounce. */
const BURST_PACE_MS = 50;
/** Untimed typing sessions per file before the clock runs, so the server's JIT has compiled the analysis (none in a smoke run). */
const WARMUP_SESSIONS = 2;
/** The issue's targets for single keystrokes (p95, end to end), by file size in lines. */
export const KEYSTROKE_TARGET_MS: Record<number, number> = { 2000: 20, 20000: 100 };

/**
 * The server's debounce as diagnostics.ts declares it (`DEFAULT_DEBOUNCE_MS = <n>`).
 * It is read from the source rather than imported: importing would load the LSP libraries into a bench that may run
 * compiled outside the tree, and the figure is only needed to subtract it. Undefined when the declaration is not found.
 */
export function serverDebounceMs(root: string): number | undefined {
  try {
    const match = /DEFAULT_DEBOUNCE_MS\s*=\s*(\d+)/.exec(fs.readFileSync(path.join(root, 'server', 'src', 'lsp', 'diagnostics.ts'), 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * True when the measured bundle analyses a change at once when it keeps up (it holds the adaptive scheduler of
 * server/src/lsp/adaptiveScheduler.ts; esbuild keeps its name, as `class AdaptiveScheduler` or `AdaptiveScheduler = class`), so no fixed debounce is subtracted from its figures.
 * Read from the bundle rather than the tree, so an older bundle measured with `--server` is judged as what it is.
 */
export function serverIsAdaptive(module: string): boolean {
  try {
    return /\bclass AdaptiveScheduler\b|\bAdaptiveScheduler = class\b/.test(fs.readFileSync(module, 'utf8'));
  } catch {
    return false;
  }
}

function generate(language: Language, seed: number, lines: number): string {
  return language === 'bicep' ? generateBicep(seed, lines) : generateTerraform(seed, lines);
}

function extension(language: Language): string {
  return language === 'bicep' ? 'bicep' : 'tf';
}

/**
 * The server's debounce in ms, and whether every change waits for it (today's server). A server that analyses a change at
 * once when idle debounces only changes that arrive while an analysis is pending, which the bench cannot see from
 * outside; no fixed delay is subtracted from its figures.
 */
interface Debounce {
  ms: number;
  everyChange: boolean;
}

/** The net of a latency: what is left once the debounce the server applied is taken off. */
function net(samples: readonly number[], delayMs: number): LatencySummary | null {
  return summarize(samples.map((ms) => Math.max(0, ms - delayMs)));
}

/** Types into one open file: warm-up sessions, then single keystrokes, then bursts. */
async function typeInto(session: LspSession, uri: string, text: string, language: Language, context: BenchContext, debounce: Debounce): Promise<Omit<KeystrokeScenario, 'lines' | 'bytes' | 'openFiles' | 'diagnostics' | 'publishedKb'>> {
  const { edits, seed, smoke } = context.options;
  const warmup = smoke ? 0 : WARMUP_SESSIONS;
  const send = async (k: Keystroke) => {
    const document = session.document(uri);
    const range = { start: document.positionAt(k.offset), end: document.positionAt(k.offset + k.deleteLength) };
    const published = session.published(uri, document.version + 1);
    const { sentAt } = await session.change(uri, [{ range, text: k.insert }]);
    return { sentAt, published };
  };
  // Enough sessions for `edits` timed keystrokes, and a quarter as many bursts.
  const sessions = typingSessions(text, language, warmup + Math.ceil(edits / 4) + Math.max(1, Math.ceil(edits / 8)), deriveSeed(seed, uri));
  const singles: number[] = [];
  const bursts: number[] = [];
  for (const [index, keystrokes] of sessions.entries()) {
    const warm = index < warmup;
    if (warm || singles.length < edits) {
      for (const k of keystrokes) {
        const { sentAt, published } = await send(k);
        const { at } = await published;
        if (!warm && singles.length < edits) singles.push(at - sentAt);
      }
      continue;
    }
    // A session typed as two bursts: its characters, then its backspaces, each burst timed from its last keystroke.
    const half = keystrokes.length / 2;
    for (const burst of [keystrokes.slice(0, half), keystrokes.slice(half)]) {
      let last: { sentAt: number; published: Promise<{ at: number }> } | undefined;
      for (const [i, k] of burst.entries()) {
        if (i > 0) await sleep(BURST_PACE_MS);
        // Only the last keystroke's publication is awaited; earlier versions may or may not be published.
        last = await send(k);
        if (i < burst.length - 1) last.published.catch(() => undefined);
      }
      if (last) bursts.push((await last.published).at - last.sentAt);
    }
  }
  return {
    language,
    single: { keystrokes: singles.length, raw: summarize(singles), net: net(singles, debounce.everyChange ? debounce.ms : 0) },
    burst: { bursts: bursts.length, paceMs: BURST_PACE_MS, raw: summarize(bursts), net: net(bursts, debounce.everyChange ? debounce.ms : 0) },
  };
}

/** Opens a file, waits for its first diagnostics, types into it, and closes it. */
async function scenario(session: LspSession, file: string, text: string, language: Language, lines: number, openFiles: number, context: BenchContext, debounce: Debounce): Promise<KeystrokeScenario> {
  const uri = pathToUri(file);
  const opened = session.published(uri);
  await session.open(uri, text);
  const first = (await opened).params;
  const diagnostics = first.diagnostics.length;
  const publishedKb = Buffer.byteLength(JSON.stringify(first)) / 1024;
  context.log(`  typing into ${language} ${count(lines)} lines${openFiles ? ` with ${count(openFiles)} files open` : ''}…`);
  const typed = await typeInto(session, uri, text, language, context, debounce);
  await session.close(uri);
  return { ...typed, lines, bytes: Buffer.byteLength(text), openFiles, diagnostics, publishedKb };
}

/** Types into each file size, one file open at a time, in one server (`module`, the measured bundle unless a variant). */
async function typeIntoLoneFiles(context: BenchContext, debounce: Debounce, sizes = context.options.keystrokeLines, module = context.serverModule): Promise<KeystrokeScenario[]> {
  const { seed } = context.options;
  const folder = scratchFolder('keystroke');
  const files = LANGUAGES.flatMap((language) =>
    // Each file in a folder of its own: in one folder the Terraform files would be one module, and typing into the
    // 2,000-line file would rightly re-evaluate the 20,000-line one with it, which is not what this scenario measures.
    sizes.map((lines) => ({ language, lines, path: `${language}-${lines}/typing-${lines}.${extension(language)}`, text: generate(language, deriveSeed(seed, `keystroke-${language}-${lines}`), lines) })),
  );
  writeFiles(folder, files);
  const scenarios: KeystrokeScenario[] = [];
  const { session } = await LspSession.start({ module, nodeArgs: context.serverNodeArgs, workspace: folder });
  try {
    for (const f of files) scenarios.push(await scenario(session, path.join(folder, f.path), f.text, f.language, f.lines, 0, context, debounce));
  } finally {
    await session.stop();
    removeFolder(folder);
  }
  return scenarios;
}

/** Opens every file of a generated workspace, then types into one more file of it, per language. */
async function typeIntoWorkspace(context: BenchContext, debounce: Debounce): Promise<{ scenarios: KeystrokeScenario[]; workspace: KeystrokeResults['workspace'] }> {
  const { seed, smoke, workspaceFiles: size } = context.options;
  const lines = smoke ? 200 : WORKSPACE_FILE_LINES;
  const folder = scratchFolder('keystroke-workspace');
  const files = generateWorkspace(seed, size);
  const typed = LANGUAGES.map((language) => ({ language, path: `typing/typing-${lines}.${extension(language)}`, text: generate(language, deriveSeed(seed, `keystroke-${language}-${lines}`), lines) }));
  writeFiles(folder, [...files, ...typed]);
  const scenarios: KeystrokeScenario[] = [];
  const { session } = await LspSession.start({ module: context.serverModule, nodeArgs: context.serverNodeArgs, workspace: folder });
  try {
    context.log(`  opening the ${count(size)} files of a generated workspace…`);
    const started = performance.now();
    const opened = files.map((f) => ({ uri: pathToUri(path.join(folder, ...f.path.split('/'))), text: f.text }));
    const published = opened.map((f) => session.published(f.uri));
    for (const f of opened) await session.open(f.uri, f.text);
    await Promise.all(published);
    const openMs = performance.now() - started;
    const memory = session.memory();
    for (const t of typed) scenarios.push(await scenario(session, path.join(folder, t.path), t.text, t.language, lines, size, context, debounce));
    return { scenarios, workspace: { files: size, openMs, serverRssMb: memory?.rssMb ?? null, serverPeakRssMb: memory?.peakRssMb ?? null } };
  } finally {
    await session.stop();
    removeFolder(folder);
  }
}

/** Builds a baseline and each proposed variant of the server (in a scratch folder) and types into the sizes that have targets. */
async function proposals(context: BenchContext, debounceMs: number): Promise<VariantResults> {
  const folder = scratchFolder('server-variants');
  try {
    const built = await buildVariants(context.root, VARIANTS, folder);
    const sizes = context.options.smoke ? context.options.keystrokeLines : context.options.keystrokeLines.filter((lines) => KEYSTROKE_TARGET_MS[lines] !== undefined);
    context.log('  the same, through servers bundled now from the working tree: as it is, then with each proposed fix…');
    const baseline = await typeIntoLoneFiles(context, { ms: debounceMs, everyChange: true }, sizes, built.baseline);
    const variants: VariantScenarios[] = [];
    for (const variant of built.variants) {
      if ('skipped' in variant) variants.push({ patch: variant.patch.name, skipped: variant.skipped });
      else variants.push({ patch: variant.patch.name, description: variant.patch.description, scenarios: await typeIntoLoneFiles(context, { ms: debounceMs, everyChange: false }, sizes, variant.module) });
    }
    return { baseline, variants };
  } finally {
    removeFolder(folder);
  }
}

export const keystroke = measurement<KeystrokeResults>({
  key: 'keystroke',
  title: 'Keystroke to diagnostics through the language server (stdio), ms',
  async run(context) {
    const declared = context.options.debounceMs ?? serverDebounceMs(context.root);
    if (declared === undefined) context.log("The server's debounce was not found in server/src/lsp/diagnostics.ts; net latencies subtract nothing (pass --debounce-ms).");
    const debounce = { ms: declared ?? 0, everyChange: !context.options.idleAnalysis && !serverIsAdaptive(context.serverModule) };
    const scenarios = await typeIntoLoneFiles(context, debounce);
    const loaded = context.options.workspaceFiles > 0 ? await typeIntoWorkspace(context, debounce) : { scenarios: [], workspace: null };
    const measureVariant = context.options.variants && !context.options.idleAnalysis && VARIANTS.length > 0;
    return {
      server: path.relative(context.root, context.serverModule) || context.serverModule,
      debounceMs: debounce.ms,
      everyChangeDebounced: debounce.everyChange,
      scenarios: [...scenarios, ...loaded.scenarios],
      workspace: loaded.workspace,
      ...(measureVariant ? { proposals: await proposals(context, debounce.ms) } : {}),
    };
  },
  format(result) {
    const notes = [
      `Single keystrokes: each sent once the previous one's diagnostics arrived; raw = didChange sent → publishDiagnostics for that version received (KB: its JSON).`,
      result.everyChangeDebounced
        ? `Net = raw minus the server's debounce of ${result.debounceMs} ms, which every change waits for.`
        : `Net = raw: this server analyses a change at once when idle, and waits ${result.debounceMs} ms only for changes that arrive while an analysis is pending.`,
      `Bursts: keystrokes ${result.scenarios[0]?.burst.paceMs ?? BURST_PACE_MS} ms apart, timed from the last one. Server: ${result.server}.`,
    ];
    if (result.workspace) {
      notes.push(
        `Workspace: ${count(result.workspace.files)} files opened in ${fixed(result.workspace.openMs / 1000, 2)} s; server RSS ${fixed(result.workspace.serverRssMb, 0)} MB (peak ${fixed(result.workspace.serverPeakRssMb, 0)} MB).`,
      );
    }
    const parts = [scenarioTable(result.scenarios), '', ...notes];
    if (result.proposals) {
      parts.push('', 'Proposed fixes against a baseline, all bundled now from the working tree (which may be ahead of dist/).', 'Baseline (the sources as they are; net = raw minus the debounce):', scenarioTable(result.proposals.baseline));
      for (const variant of result.proposals.variants) {
        if ('skipped' in variant) parts.push(`${variant.patch}: not measured, ${variant.skipped}.`);
        else parts.push(`With ${variant.patch}: ${variant.description} (net = raw):`, scenarioTable(variant.scenarios));
      }
    }
    return parts.join('\n');
  },
  targets(result) {
    const checks = (scenarios: readonly KeystrokeScenario[], suffix: string): TargetCheck[] =>
      scenarios.flatMap((s): TargetCheck[] => {
        const limit = KEYSTROKE_TARGET_MS[s.lines];
        if (limit === undefined) return [];
        const where = `${s.language} ${count(s.lines)} lines${s.openFiles ? `, ${count(s.openFiles)} files open` : ''}`;
        const id = `keystroke-${s.language}-${s.lines}${s.openFiles ? '-workspace' : ''}${suffix ? `-${suffix}` : ''}`;
        return [check(id, `keystroke p95 ≤ ${limit} ms (${where})${suffix ? ` [${suffix}]` : ''}`, s.single.raw?.p95, (v) => v <= limit, (v) => `${v.toFixed(1)} ms (net ${fixed(s.single.net?.p95, 1)})`)];
      });
    const variants = result.proposals?.variants ?? [];
    return [...checks(result.scenarios, ''), ...variants.flatMap((v) => ('scenarios' in v ? checks(v.scenarios, `with ${v.patch}`) : []))];
  },
});

/** One table row per scenario: single keystrokes raw and net, then bursts. */
function scenarioTable(scenarios: readonly KeystrokeScenario[]): string {
  const ms = (s: LatencySummary | null) => (s ? [fixed(s.p50, 1), fixed(s.p95, 1), fixed(s.max, 1)] : ['n/a', 'n/a', 'n/a']);
  return formatTable(
    [
      { title: 'language' },
      { title: 'lines', align: 'right' },
      { title: 'open files', align: 'right' },
      { title: 'diags', align: 'right' },
      { title: 'KB', align: 'right' },
      { title: 'n', align: 'right' },
      { title: 'p50', align: 'right' },
      { title: 'p95', align: 'right' },
      { title: 'max', align: 'right' },
      { title: 'net p50', align: 'right' },
      { title: 'net p95', align: 'right' },
      { title: 'bursts', align: 'right' },
      { title: 'burst p50', align: 'right' },
      { title: 'burst p95', align: 'right' },
      { title: 'net p95', align: 'right' },
    ],
    scenarios.map((s) => [
      s.language,
      count(s.lines),
      count(s.openFiles),
      count(s.diagnostics),
      count(s.publishedKb),
      count(s.single.keystrokes),
      ...ms(s.single.raw),
      fixed(s.single.net?.p50, 1),
      fixed(s.single.net?.p95, 1),
      count(s.burst.bursts),
      fixed(s.burst.raw?.p50, 1),
      fixed(s.burst.raw?.p95, 1),
      fixed(s.burst.net?.p95, 1),
    ]),
  );
}
