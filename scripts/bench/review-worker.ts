// The review bench's child process: reads one workspace folder, analyses every file through the engine, and prints what it cost as JSON.
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as engine from '../../server/src/engine';
import { findIacFiles } from './files';
import { processMemory } from './memory';

/** What the worker prints: one JSON object on one line of stdout. */
export interface ReviewRun {
  /** The engine entry point measured: the workspace API over all files at once, or one `analyzeFile` call per file. */
  api: 'analyzeWorkspace' | 'analyzeFile';
  files: number;
  bytes: number;
  /** From process start until the worker's code ran: Node's start-up and loading the engine. */
  loadMs: number;
  /** Finding and reading the files. */
  readMs: number;
  analyzeMs: number;
  /** Reading plus analysis: the review's wall time once the engine is loaded, as in a running language server. */
  wallMs: number;
  findings: number;
  /** The largest `process.memoryUsage().rss` sampled before, between and after files, in MB (1e6 bytes). */
  sampledPeakRssMb: number;
  /** The kernel's high-water mark of the resident set (Linux), which also catches peaks between samples. */
  peakRssMb: number | null;
}

/** The engine entry points the worker can measure. */
export type ReviewApi = ReviewRun['api'];

/**
 * The workspace entry point, looked up by name rather than imported: it is new and still changing, and until it exists
 * (or when its shape changes) the bench must still build and measure the per-file path. Its shape as of this writing:
 * inputs `{ file, text }`, options with `root` and a `readFile` for files it was not given, one analysis per file back.
 */
type AnalyzeWorkspace = (
  inputs: { file: string; text: string }[],
  options: { root?: string; readFile?: (file: string) => string | undefined },
) => { files?: { findings?: unknown[] }[] } | undefined;

/** The workspace API when the engine has one. */
export function workspaceApi(): AnalyzeWorkspace | undefined {
  const candidate = (engine as unknown as Record<string, unknown>).analyzeWorkspace;
  return typeof candidate === 'function' ? (candidate as AnalyzeWorkspace) : undefined;
}

function main(folder: string, api: ReviewApi): ReviewRun {
  const loadMs = performance.now();
  let peak = process.memoryUsage.rss();
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage.rss());
  };

  const readStart = performance.now();
  const files = findIacFiles(folder).map((file) => ({ path: file, text: fs.readFileSync(file, 'utf8') }));
  const readMs = performance.now() - readStart;
  sample();

  const analyzeStart = performance.now();
  let findings = 0;
  // Every analysis is kept until the end, as a review report keeps them: the memory figure is that of a whole review.
  const kept: unknown[] = [];
  if (api === 'analyzeWorkspace') {
    const analyzeWorkspace = workspaceApi();
    if (!analyzeWorkspace) throw new Error('The engine has no analyzeWorkspace.');
    // Every file is given, so reading is only asked for what lies outside the workspace's IaC files (none here).
    const result = analyzeWorkspace(
      files.map((f) => ({ file: f.path, text: f.text })),
      { root: folder, readFile: (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined) },
    );
    kept.push(result);
    findings = (result?.files ?? []).reduce((sum, f) => sum + (f.findings?.length ?? 0), 0);
  } else {
    for (const file of files) {
      const analysis = engine.analyzeFile(file.path, file.text);
      kept.push(analysis);
      findings += analysis?.findings.length ?? 0;
      sample();
    }
  }
  const analyzeMs = performance.now() - analyzeStart;
  sample();
  return {
    api,
    files: files.length,
    bytes: files.reduce((sum, f) => sum + Buffer.byteLength(f.text), 0),
    loadMs,
    readMs,
    analyzeMs,
    wallMs: readMs + analyzeMs,
    findings,
    sampledPeakRssMb: peak / 1e6,
    peakRssMb: processMemory(process.pid)?.peakRssMb ?? null,
  };
}

if (require.main === module) {
  const [folder, api] = process.argv.slice(2);
  if (!folder || (api !== 'analyzeWorkspace' && api !== 'analyzeFile')) {
    process.stderr.write('Usage: node review-worker.js <folder> analyzeWorkspace|analyzeFile\n');
    process.exitCode = 2;
  } else {
    process.stdout.write(`${JSON.stringify(main(folder, api))}\n`);
  }
}
