// Measures a whole-workspace review at growing sizes, in fresh processes: wall time, peak memory and whether cost grows linearly.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { renderChart, type ChartSpec } from './chart';
import { findIacFiles } from './files';
import { generateWorkspace } from './generate-workspace';
import { LspSession, pathToUri } from './lsp-session';
import { check, measurement, type BenchContext, type TargetCheck } from './measurement';
import type { ReviewRun } from './review-worker';
import { removeFolder, scratchFolder, writeFiles } from './scratch';
import { growthExponent, isSuperLinear, linearFit, median, type LinearFit } from './stats';
import { count, fixed, formatTable } from './table';

const run = promisify(execFile);

/** The engine's review of one workspace size: the median of its runs, each in a fresh process. */
export interface EngineReview {
  api: ReviewRun['api'];
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

/** The language server holding the same workspace: every file opened with didOpen, until the last one's diagnostics. */
export interface ServerReview {
  openMs: number;
  msPerFile: number;
  rssMb: number | null;
  peakRssMb: number | null;
}

export interface ReviewSize {
  files: number;
  bytes: number;
  engine: EngineReview;
  server: ServerReview | null;
}

/** A least-squares line of cost against file count, and whether the growth is worse than linear. */
export interface Scaling {
  fit: LinearFit | null;
  /** The b of cost ≈ a · files^b; 1 is linear. */
  exponent: number | null;
  superLinear: boolean;
}

export interface ReviewResults {
  sizes: ReviewSize[];
  scaling: { engineMs: Scaling; engineMb: Scaling; serverMs: Scaling | null; serverMb: Scaling | null };
  /** Where the chart was written, relative to the repository; absent when none was. */
  chart?: string;
}

/** The file counts of a full run; the issue asks for 100, 1,000 and 5,000, and the others make the line fit tell more. */
export const REVIEW_SIZES = [100, 500, 1_000, 2_500, 5_000];
export const SMOKE_REVIEW_SIZES = [10, 20, 40];
/** The targets: wall time by workspace size, and the server's memory at 5,000 files. */
export const REVIEW_TARGET_MS: Record<number, number> = { 1000: 2_000, 5000: 10_000 };
export const MEMORY_TARGET = { files: 5_000, mb: 250 };
/** Engine runs per size: each is a fresh process, and the median absorbs a noisy neighbour. */
const ENGINE_RUNS = 3;

function scaling(points: [number, number][]): Scaling {
  return { fit: linearFit(points), exponent: growthExponent(points), superLinear: isSuperLinear(points) };
}

async function engineReview(folder: string): Promise<ReviewRun> {
  // The worker is this file's sibling in the compiled output; Node's flags are left alone so memory is the default heap's.
  const worker = path.join(__dirname, 'review-worker.js');
  const { stdout } = await run(process.execPath, [worker, folder], { maxBuffer: 1 << 20, timeout: 600_000 });
  return JSON.parse(stdout) as ReviewRun;
}

async function serverReview(context: BenchContext, folder: string): Promise<ServerReview> {
  const files = findIacFiles(folder).map((file) => ({ uri: pathToUri(file), text: fs.readFileSync(file, 'utf8') }));
  const { session } = await LspSession.start({ module: context.serverModule, nodeArgs: context.serverNodeArgs, workspace: folder });
  try {
    const started = performance.now();
    const published = files.map((f) => session.published(f.uri));
    for (const f of files) await session.open(f.uri, f.text);
    await Promise.all(published);
    const openMs = performance.now() - started;
    const memory = session.memory();
    return { openMs, msPerFile: openMs / files.length, rssMb: memory?.rssMb ?? null, peakRssMb: memory?.peakRssMb ?? null };
  } finally {
    await session.stop();
  }
}

/** The scaling chart for the README: time and memory against file count, engine and server, with their fitted lines. */
export function reviewChart(result: Omit<ReviewResults, 'chart'>, subtitle: string): string {
  const engineSeries = (pick: (s: ReviewSize) => number, fit: LinearFit | null) => ({
    name: `engine (${result.sizes[0]?.engine.api ?? 'analyzeFile'})`,
    color: '#0969da',
    points: result.sizes.map((s) => [s.files, pick(s)] as [number, number]),
    fit,
  });
  const withServer = result.sizes.filter((s) => s.server);
  const serverSeries = (pick: (s: ServerReview) => number | null, fit: LinearFit | null | undefined) => ({
    name: 'server (didOpen every file)',
    color: '#cf222e',
    points: withServer.flatMap((s) => {
      const y = pick(s.server as ServerReview);
      return y === null ? [] : [[s.files, y] as [number, number]];
    }),
    fit: fit ?? null,
  });
  const scaleFit = (fit: LinearFit | null | undefined, factor: number): LinearFit | null => (fit ? { ...fit, slope: fit.slope * factor, intercept: fit.intercept * factor } : null);
  const spec: ChartSpec = {
    title: 'WAF AI Lens: workspace review cost against workspace size',
    subtitle,
    xLabel: 'files in the workspace',
    panels: [
      {
        title: 'Wall time (s)',
        yLabel: 'seconds',
        series: [
          engineSeries((s) => s.engine.wallMs / 1000, scaleFit(result.scaling.engineMs.fit, 1 / 1000)),
          ...(withServer.length > 0 ? [serverSeries((s) => s.openMs / 1000, scaleFit(result.scaling.serverMs?.fit, 1 / 1000))] : []),
        ],
      },
      {
        title: 'Peak resident memory (MB)',
        yLabel: 'MB',
        series: [engineSeries((s) => s.engine.peakRssMb, result.scaling.engineMb.fit), ...(withServer.length > 0 ? [serverSeries((s) => s.peakRssMb, result.scaling.serverMb?.fit)] : [])],
      },
    ],
  };
  return renderChart(spec);
}

export const review = measurement<ReviewResults>({
  key: 'review',
  title: 'Workspace review: wall time and peak memory by workspace size (fresh process per run)',
  async run(context) {
    const sizes: ReviewSize[] = [];
    const runs = context.options.smoke ? 1 : ENGINE_RUNS;
    for (const files of context.options.reviewSizes) {
      const folder = scratchFolder(`review-${files}`);
      try {
        const generated = generateWorkspace(context.options.seed, files);
        writeFiles(folder, generated);
        context.log(`  reviewing ${count(files)} files (${runs} engine run${runs === 1 ? '' : 's'}, then the server)…`);
        const engineRuns: ReviewRun[] = [];
        for (let r = 0; r < runs; r++) engineRuns.push(await engineReview(folder));
        const first = engineRuns[0] as ReviewRun;
        const wallMs = median(engineRuns.map((e) => e.wallMs));
        const engine: EngineReview = {
          api: first.api,
          runs,
          wallMs,
          readMs: median(engineRuns.map((e) => e.readMs)),
          analyzeMs: median(engineRuns.map((e) => e.analyzeMs)),
          loadMs: median(engineRuns.map((e) => e.loadMs)),
          msPerFile: wallMs / first.files,
          peakRssMb: Math.max(...engineRuns.map((e) => e.peakRssMb ?? e.sampledPeakRssMb)),
          findings: first.findings,
        };
        const server = await serverReview(context, folder);
        sizes.push({ files: first.files, bytes: first.bytes, engine, server });
      } finally {
        removeFolder(folder);
      }
    }
    const serverPoints = (pick: (s: ServerReview) => number | null) =>
      sizes.flatMap((s) => {
        const y = s.server ? pick(s.server) : null;
        return y === null ? [] : [[s.files, y] as [number, number]];
      });
    const result: ReviewResults = {
      sizes,
      scaling: {
        engineMs: scaling(sizes.map((s) => [s.files, s.engine.wallMs])),
        engineMb: scaling(sizes.map((s) => [s.files, s.engine.peakRssMb])),
        serverMs: sizes.some((s) => s.server) ? scaling(serverPoints((s) => s.openMs)) : null,
        serverMb: sizes.some((s) => s.server?.peakRssMb !== null) ? scaling(serverPoints((s) => s.peakRssMb)) : null,
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
    const table = formatTable(
      [
        { title: 'files', align: 'right' },
        { title: 'MB', align: 'right' },
        { title: 'engine s', align: 'right' },
        { title: 'ms/file', align: 'right' },
        { title: 'read s', align: 'right' },
        { title: 'peak MB', align: 'right' },
        { title: 'findings', align: 'right' },
        { title: 'server s', align: 'right' },
        { title: 'ms/file', align: 'right' },
        { title: 'server peak MB', align: 'right' },
      ],
      result.sizes.map((s) => [
        count(s.files),
        fixed(s.bytes / 1e6, 1),
        fixed(s.engine.wallMs / 1000, 2),
        fixed(s.engine.msPerFile, 3),
        fixed(s.engine.readMs / 1000, 2),
        fixed(s.engine.peakRssMb, 0),
        count(s.engine.findings),
        fixed(s.server ? s.server.openMs / 1000 : null, 2),
        fixed(s.server?.msPerFile, 3),
        fixed(s.server?.peakRssMb, 0),
      ]),
    );
    // A smoke run's sizes are too small for growth to mean anything: start-up costs and noise dominate them.
    const verdict = (s: Scaling) => (context.options.smoke ? '' : s.superLinear ? ' (SUPER-LINEAR)' : ', linear');
    const describe = (label: string, unit: string, s: Scaling | null) =>
      s?.fit
        ? `${label}: ${s.fit.slope.toPrecision(3)} ${unit}/file + ${s.fit.intercept.toPrecision(3)} ${unit} (r² ${s.fit.r2.toFixed(3)}), growth exponent ${fixed(s.exponent, 2)}${verdict(s)}`
        : `${label}: too few sizes to fit`;
    const api = result.sizes[0]?.engine.api ?? 'analyzeFile';
    return [
      table,
      '',
      api === 'analyzeFile' ? 'Engine: one analyzeFile call per file (the engine has no analyzeWorkspace yet), in a fresh node process per run, median of the runs.' : 'Engine: analyzeWorkspace over all files, in a fresh node process per run, median of the runs.',
      'Server: dist/server.js over stdio, every file opened with didOpen, until the last one has its diagnostics.',
      describe('Engine time', 'ms', result.scaling.engineMs),
      describe('Engine memory', 'MB', result.scaling.engineMb),
      describe('Server time', 'ms', result.scaling.serverMs),
      describe('Server memory', 'MB', result.scaling.serverMb),
      ...(result.chart ? [`Chart: ${result.chart}`] : []),
    ].join('\n');
  },
  targets(result) {
    const checks: TargetCheck[] = [];
    for (const [files, limit] of Object.entries(REVIEW_TARGET_MS)) {
      const size = result.sizes.find((s) => s.files === Number(files));
      checks.push(check(`review-${files}`, `review ${count(Number(files))} files ≤ ${limit / 1000} s`, size?.engine.wallMs, (v) => v <= limit, (v) => `${(v / 1000).toFixed(2)} s`));
    }
    const size = result.sizes.find((s) => s.files === MEMORY_TARGET.files);
    checks.push(
      check(`memory-${MEMORY_TARGET.files}`, `server memory ≤ ${MEMORY_TARGET.mb} MB at ${count(MEMORY_TARGET.files)} files`, size?.server?.peakRssMb, (v) => v <= MEMORY_TARGET.mb, (v) => `${v.toFixed(0)} MB peak RSS (engine alone ${fixed(size?.engine.peakRssMb, 0)} MB)`),
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
