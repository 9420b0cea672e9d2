// Measures a whole-workspace review at growing sizes, in fresh processes: wall time, peak memory and whether cost grows linearly.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { renderChart, type ChartSeries, type ChartSpec } from './chart';
import { findIacFiles } from './files';
import { generateWorkspace } from './generate-workspace';
import { LspSession, pathToUri } from './lsp-session';
import { check, measurement, type BenchContext, type TargetCheck } from './measurement';
import { workspaceApi, type ReviewApi, type ReviewRun } from './review-worker';
import { removeFolder, scratchFolder, writeFiles } from './scratch';
import { growthExponent, isSuperLinear, linearFit, median, type LinearFit } from './stats';
import { count, fixed, formatTable } from './table';

const run = promisify(execFile);

/** One engine API's review of one workspace size: the median of its runs, each in a fresh process. */
export interface EngineReview {
  api: ReviewApi;
  runs: number;
  wallMs: number;
  readMs: number;
  analyzeMs: number;
  loadMs: number;
  msPerFile: number;
  /** The largest peak resident set over the runs (the kernel's high-water mark where available, else the sampled one). */
  peakRssMb: number;
  findings: number;
}

/** A fresh language server doing one thing with the workspace: its wall time and memory. */
export interface ServerReview {
  ms: number;
  msPerFile: number;
  rssMb: number | null;
  peakRssMb: number | null;
  /** The size of the answer's JSON (the review request's report), which the client has to read too. */
  responseMb?: number;
}

/** The server's own review request, which the extension's "Review workload" command sends. */
export const REVIEW_METHOD = 'wafAiLens/review';

export interface ReviewSize {
  files: number;
  bytes: number;
  /** The workspace API over all files at once; absent while the engine has none. */
  workspace?: EngineReview;
  /** One analyzeFile call per file: the per-file path, for comparison and as the fallback. */
  perFile: EngineReview;
  /** `wafAiLens/review` of the workspace folder: the server reads, analyses and renders the report. Null when unsupported. */
  serverReview: ServerReview | null;
  /** Every file opened with didOpen until the last one's diagnostics: an editor holding the whole workspace open. */
  serverOpen: ServerReview;
}

/** A least-squares line of cost against file count, and whether the growth is worse than linear. */
export interface Scaling {
  fit: LinearFit | null;
  /** The b of cost ≈ a · files^b; 1 is linear. */
  exponent: number | null;
  superLinear: boolean;
}

/** The four figures that get a fitted line: time and memory, of the headline engine API and of the server. */
export interface ReviewScaling {
  engineMs: Scaling;
  engineMb: Scaling;
  serverMs: Scaling | null;
  serverMb: Scaling | null;
}

export interface ReviewResults {
  /** The engine API the targets and the fits use: the workspace API when the engine has one. */
  headline: ReviewApi;
  /** Why the server's review request was not measured, when it was not. */
  serverReviewSkipped?: string;
  sizes: ReviewSize[];
  scaling: ReviewScaling;
  /** Where the chart was written, relative to the repository; absent when none was. */
  chart?: string;
}

/** The file counts of a full run; the issue asks for 100, 1,000 and 5,000, and the others make the line fit tell more. */
export const REVIEW_SIZES = [100, 500, 1_000, 2_500, 5_000];
export const SMOKE_REVIEW_SIZES = [10, 20, 40];
/** The issue's targets: wall time by workspace size, and the server's memory at 5,000 files. */
export const REVIEW_TARGET_MS: Record<number, number> = { 1000: 2_000, 5000: 10_000 };
export const MEMORY_TARGET = { files: 5_000, mb: 250 };
/** Engine runs per size and API: each is a fresh process, and the median absorbs a noisy neighbour. */
const ENGINE_RUNS = 3;

function scaling(points: [number, number][]): Scaling {
  return { fit: linearFit(points), exponent: growthExponent(points), superLinear: isSuperLinear(points) };
}

/** The headline figures of a size: the workspace API's when measured, else the per-file path's. */
export function headline(size: ReviewSize): EngineReview {
  return size.workspace ?? size.perFile;
}

/** The server's headline figures: its review request when it has one, else holding every file open. */
export function serverHeadline(size: ReviewSize): ServerReview {
  return size.serverReview ?? size.serverOpen;
}

async function engineRun(folder: string, api: ReviewApi): Promise<ReviewRun> {
  // The worker is this file's sibling in the compiled output; Node's flags are left alone so memory is the default heap's.
  const worker = path.join(__dirname, 'review-worker.js');
  const { stdout } = await run(process.execPath, [worker, folder, api], { maxBuffer: 1 << 20, timeout: 600_000 });
  return JSON.parse(stdout) as ReviewRun;
}

async function engineReview(folder: string, api: ReviewApi, runs: number): Promise<EngineReview> {
  const results: ReviewRun[] = [];
  for (let r = 0; r < runs; r++) results.push(await engineRun(folder, api));
  const first = results[0] as ReviewRun;
  const wallMs = median(results.map((e) => e.wallMs));
  return {
    api,
    runs,
    wallMs,
    readMs: median(results.map((e) => e.readMs)),
    analyzeMs: median(results.map((e) => e.analyzeMs)),
    loadMs: median(results.map((e) => e.loadMs)),
    msPerFile: wallMs / first.files,
    peakRssMb: Math.max(...results.map((e) => e.peakRssMb ?? e.sampledPeakRssMb)),
    findings: first.findings,
  };
}

/** The server's figures for one task, in a fresh process whose memory is then the task's alone. */
async function inServer(context: BenchContext, folder: string, files: number, task: (session: LspSession) => Promise<string | undefined>): Promise<ServerReview | string> {
  const { session } = await LspSession.start({ module: context.serverModule, nodeArgs: context.serverNodeArgs, workspace: folder });
  try {
    const started = performance.now();
    const unsupported = await task(session);
    if (unsupported !== undefined) return unsupported;
    const ms = performance.now() - started;
    const memory = session.memory();
    return { ms, msPerFile: ms / files, rssMb: memory?.rssMb ?? null, peakRssMb: memory?.peakRssMb ?? null };
  } finally {
    await session.stop();
  }
}

/** Asks the server to review its workspace folder, as the extension's command does; the reason when it cannot. */
async function serverReview(context: BenchContext, folder: string, files: number): Promise<ServerReview | string> {
  let responseMb = 0;
  const figures = await inServer(context, folder, files, async (session) => {
    const answer = await session.request<{ review?: unknown }>(REVIEW_METHOD, {});
    if ('unsupported' in answer) return answer.unsupported;
    responseMb = Buffer.byteLength(JSON.stringify(answer.result)) / 1e6;
    return undefined;
  });
  return typeof figures === 'string' ? figures : { ...figures, responseMb };
}

/** Opens every file of the workspace in the server and waits for all their diagnostics. */
async function serverOpen(context: BenchContext, folder: string): Promise<ServerReview> {
  const files = findIacFiles(folder).map((file) => ({ uri: pathToUri(file), text: fs.readFileSync(file, 'utf8') }));
  const result = await inServer(context, folder, files.length, async (session) => {
    const published = files.map((f) => session.published(f.uri));
    for (const f of files) await session.open(f.uri, f.text);
    await Promise.all(published);
    return undefined;
  });
  if (typeof result === 'string') throw new Error(result);
  return result;
}

/** One line of the chart: a colour, a name, and how to read its figure (time in ms, memory in MB) from a size. */
interface Line {
  key: 'engineWorkspace' | 'enginePerFile' | 'serverReview' | 'serverOpen';
  name: string;
  color: string;
  ms(size: ReviewSize): number | undefined;
  mb(size: ReviewSize): number | null | undefined;
}

const LINES: readonly Line[] = [
  { key: 'engineWorkspace', name: 'engine, analyzeWorkspace', color: '#0969da', ms: (s) => s.workspace?.wallMs, mb: (s) => s.workspace?.peakRssMb },
  { key: 'enginePerFile', name: 'engine, analyzeFile per file', color: '#8250df', ms: (s) => s.perFile.wallMs, mb: (s) => s.perFile.peakRssMb },
  { key: 'serverReview', name: `server, ${REVIEW_METHOD}`, color: '#cf222e', ms: (s) => s.serverReview?.ms, mb: (s) => s.serverReview?.peakRssMb },
  { key: 'serverOpen', name: 'server, didOpen every file', color: '#bc4c00', ms: (s) => s.serverOpen.ms, mb: (s) => s.serverOpen.peakRssMb },
];

/** The scaling chart for the README: time and memory against file count, engine and server, with their fitted lines. */
export function reviewChart(result: Omit<ReviewResults, 'chart'>, subtitle: string): string {
  // Only the headline engine API and the server carry a fitted line: the figures the targets judge.
  const hasReview = result.sizes.some((s) => s.serverReview);
  const fitted = (line: Line, which: 'Ms' | 'Mb'): Scaling | null => {
    if (line.key === (hasReview ? 'serverReview' : 'serverOpen')) return result.scaling[`server${which}`];
    const headlineKey = result.headline === 'analyzeWorkspace' ? 'engineWorkspace' : 'enginePerFile';
    return line.key === headlineKey ? result.scaling[`engine${which}`] : null;
  };
  const series = (which: 'Ms' | 'Mb', scale: number): ChartSeries[] =>
    LINES.flatMap((line) => {
      const points = result.sizes.flatMap((s) => {
        const y = which === 'Ms' ? line.ms(s) : line.mb(s);
        return y === null || y === undefined ? [] : [[s.files, y * scale] as [number, number]];
      });
      const fit = fitted(line, which)?.fit;
      if (points.length === 0) return [];
      // The legend states the fit per file in the unit it is measured in (ms, MB), the chart's axis in s and MB.
      const unit = which === 'Ms' ? 'ms' : 'MB';
      return [
        {
          name: line.name,
          color: line.color,
          points,
          fit: fit ? { ...fit, slope: fit.slope * scale, intercept: fit.intercept * scale } : null,
          ...(fit ? { fitLabel: `${fit.slope.toPrecision(3)} ${unit}/file ${fit.intercept < 0 ? '−' : '+'} ${Math.abs(fit.intercept).toFixed(0)} ${unit}` } : {}),
        },
      ];
    });
  const spec: ChartSpec = {
    title: 'WAF AI Lens: workspace review cost against workspace size',
    subtitle,
    xLabel: 'files in the workspace',
    panels: [
      { title: 'Wall time (s)', yLabel: 'seconds', series: series('Ms', 1 / 1000) },
      { title: 'Peak resident memory (MB)', yLabel: 'MB', series: series('Mb', 1) },
    ],
  };
  return renderChart(spec);
}

/** Which server figure is the headline, in words. */
function hasReviewText(result: ReviewResults): string {
  return result.sizes.some((s) => s.serverReview) ? REVIEW_METHOD : 'didOpen every file';
}

export const review = measurement<ReviewResults>({
  key: 'review',
  title: 'Workspace review: wall time and peak memory by workspace size (fresh process per run)',
  async run(context) {
    const sizes: ReviewSize[] = [];
    const runs = context.options.smoke ? 1 : ENGINE_RUNS;
    const hasWorkspaceApi = workspaceApi() !== undefined;
    let serverReviewSkipped: string | undefined;
    for (const files of context.options.reviewSizes) {
      const folder = scratchFolder(`review-${files}`);
      try {
        writeFiles(folder, generateWorkspace(context.options.seed, files));
        context.log(`  reviewing ${count(files)} files (${hasWorkspaceApi ? 'analyzeWorkspace and ' : ''}analyzeFile, ${runs} run${runs === 1 ? '' : 's'} each, then the server: ${REVIEW_METHOD} and didOpen)…`);
        const workspace = hasWorkspaceApi ? await engineReview(folder, 'analyzeWorkspace', runs) : undefined;
        const perFile = await engineReview(folder, 'analyzeFile', runs);
        const reviewed = serverReviewSkipped === undefined ? await serverReview(context, folder, files) : serverReviewSkipped;
        if (typeof reviewed === 'string') serverReviewSkipped = reviewed;
        const opened = await serverOpen(context, folder);
        const bytes = findIacFiles(folder).reduce((sum, f) => sum + fs.statSync(f).size, 0);
        sizes.push({ files, bytes, ...(workspace ? { workspace } : {}), perFile, serverReview: typeof reviewed === 'string' ? null : reviewed, serverOpen: opened });
      } finally {
        removeFolder(folder);
      }
    }
    const points = (pick: (s: ReviewSize) => number | null | undefined) =>
      sizes.flatMap((s) => {
        const y = pick(s);
        return y === null || y === undefined ? [] : [[s.files, y] as [number, number]];
      });
    const server = (s: ReviewSize) => serverHeadline(s);
    const result: ReviewResults = {
      headline: hasWorkspaceApi ? 'analyzeWorkspace' : 'analyzeFile',
      ...(serverReviewSkipped ? { serverReviewSkipped } : {}),
      sizes,
      scaling: {
        engineMs: scaling(points((s) => headline(s).wallMs)),
        engineMb: scaling(points((s) => headline(s).peakRssMb)),
        serverMs: scaling(points((s) => server(s).ms)),
        serverMb: sizes.some((s) => server(s).peakRssMb !== null) ? scaling(points((s) => server(s).peakRssMb)) : null,
      },
    };
    if (context.chartFile) {
      const subtitle = `${context.machine}; generated workspaces (seed ${context.options.seed}); ${new Date().toISOString().slice(0, 10)}`;
      fs.mkdirSync(path.dirname(context.chartFile), { recursive: true });
      fs.writeFileSync(context.chartFile, reviewChart(result, subtitle));
      result.chart = path.relative(context.root, context.chartFile).split(path.sep).join('/');
    }
    return result;
  },
  format(result, context) {
    const hasWorkspace = result.sizes.some((s) => s.workspace);
    const engineColumns = (label: string) => [
      { title: `${label} s`, align: 'right' as const },
      { title: 'ms/file', align: 'right' as const },
      { title: 'peak MB', align: 'right' as const },
    ];
    const engineCells = (e: EngineReview | undefined) => (e ? [fixed(e.wallMs / 1000, 2), fixed(e.msPerFile, 3), fixed(e.peakRssMb, 0)] : ['n/a', 'n/a', 'n/a']);
    const table = formatTable(
      [
        { title: 'files', align: 'right' },
        { title: 'MB', align: 'right' },
        ...(hasWorkspace ? engineColumns('workspace') : []),
        ...engineColumns('per-file'),
        { title: 'findings', align: 'right' },
        { title: 'review s', align: 'right' },
        { title: 'peak MB', align: 'right' },
        { title: 'answer MB', align: 'right' },
        { title: 'didOpen s', align: 'right' },
        { title: 'peak MB', align: 'right' },
      ],
      result.sizes.map((s) => [
        count(s.files),
        fixed(s.bytes / 1e6, 1),
        ...(hasWorkspace ? engineCells(s.workspace) : []),
        ...engineCells(s.perFile),
        count(headline(s).findings),
        fixed(s.serverReview ? s.serverReview.ms / 1000 : null, 2),
        fixed(s.serverReview?.peakRssMb, 0),
        fixed(s.serverReview?.responseMb, 1),
        fixed(s.serverOpen.ms / 1000, 2),
        fixed(s.serverOpen.peakRssMb, 0),
      ]),
    );
    // A smoke run's sizes are too small for growth to mean anything: start-up costs and noise dominate them.
    const verdict = (s: Scaling) => (context.options.smoke ? '' : s.superLinear ? ' (SUPER-LINEAR)' : ', linear');
    const describe = (label: string, unit: string, s: Scaling | null) =>
      s?.fit
        ? `${label}: ${s.fit.slope.toPrecision(3)} ${unit}/file + ${s.fit.intercept.toPrecision(3)} ${unit} (r² ${s.fit.r2.toFixed(3)}), growth exponent ${fixed(s.exponent, 2)}${verdict(s)}`
        : `${label}: too few sizes to fit`;
    const runs = result.sizes[0]?.perFile.runs ?? 0;
    return [
      table,
      '',
      `Engine: each API in a fresh node process per run (read every file, then analyse), median of ${runs} run${runs === 1 ? '' : 's'}; ${hasWorkspace ? 'analyzeWorkspace is the headline' : 'the engine has no analyzeWorkspace yet, so analyzeFile per file is the headline'}.`,
      `Server: a fresh dist/server.js over stdio per task: ${result.serverReviewSkipped ? `(${REVIEW_METHOD} not measured: ${result.serverReviewSkipped})` : `${REVIEW_METHOD} of the workspace folder until the answer`}; every file opened with didOpen until the last one's diagnostics. Peak = the process's VmHWM.`,
      describe(`Engine time (${result.headline})`, 'ms', result.scaling.engineMs),
      describe(`Engine memory (${result.headline})`, 'MB', result.scaling.engineMb),
      describe(`Server time (${hasReviewText(result)})`, 'ms', result.scaling.serverMs),
      describe(`Server memory (${hasReviewText(result)})`, 'MB', result.scaling.serverMb),
      ...(result.chart ? [`Chart: ${result.chart}`] : []),
    ].join('\n');
  },
  targets(result) {
    const checks: TargetCheck[] = [];
    for (const [files, limit] of Object.entries(REVIEW_TARGET_MS)) {
      const size = result.sizes.find((s) => s.files === Number(files));
      checks.push(
        check(`review-${files}`, `review ${count(Number(files))} files ≤ ${limit / 1000} s`, size ? headline(size).wallMs : null, (v) => v <= limit, (v) => `${(v / 1000).toFixed(2)} s (${result.headline})`),
      );
    }
    const size = result.sizes.find((s) => s.files === MEMORY_TARGET.files);
    checks.push(
      check(
        `memory-${MEMORY_TARGET.files}`,
        `server memory ≤ ${MEMORY_TARGET.mb} MB at ${count(MEMORY_TARGET.files)} files`,
        size ? serverHeadline(size).peakRssMb : null,
        (v) => v <= MEMORY_TARGET.mb,
        (v) => `${v.toFixed(0)} MB peak RSS, ${hasReviewText(result)} (didOpen all ${fixed(size?.serverOpen.peakRssMb, 0)} MB, engine ${fixed(size ? headline(size).peakRssMb : null, 0)} MB)`,
      ),
    );
    checks.push({
      id: 'review-linear',
      target: 'review cost grows linearly',
      measured: result.scaling.engineMs.exponent === null ? 'too few sizes' : `exponent ${result.scaling.engineMs.exponent.toFixed(2)} (engine), ${fixed(result.scaling.serverMs?.exponent, 2)} (server)`,
      value: result.scaling.engineMs.exponent,
      met: result.sizes.length < 2 ? null : !result.scaling.engineMs.superLinear && !(result.scaling.serverMs?.superLinear ?? false),
    });
    return checks;
  },
});
