// The review bench's child process: reads one workspace folder, analyses every file through the engine, and prints what it cost as JSON.
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as engine from '../../server/src/engine';
import { findIacFiles } from './files';
import { processMemory } from './memory';

/** What the worker prints: one JSON object on one line of stdout. */
export interface ReviewRun {
  /** The engine entry point used: the workspace API when the engine has one, else one `analyzeFile` call per file. */
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

/** The workspace entry point, looked up by name: it is being written, and until it exists the per-file path is measured. */
type AnalyzeWorkspace = (files: { path: string; text: string }[]) => { findings?: unknown[] } | { files?: { findings?: unknown[] }[] } | undefined;

function main(folder: string): ReviewRun {
  const loadMs = performance.now();
  let peak = process.memoryUsage.rss();
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage.rss());
  };

  const readStart = performance.now();
  const files = findIacFiles(folder).map((file) => ({ path: file, text: fs.readFileSync(file, 'utf8') }));
  const readMs = performance.now() - readStart;
  sample();

  const workspace = (engine as unknown as Record<string, unknown>).analyzeWorkspace as AnalyzeWorkspace | undefined;
  const analyzeStart = performance.now();
  let findings = 0;
  let api: ReviewRun['api'];
  // Every analysis is kept until the end, as a review report keeps them: the memory figure is that of a whole review.
  const kept: unknown[] = [];
  if (typeof workspace === 'function') {
    api = 'analyzeWorkspace';
    const result = workspace(files);
    kept.push(result);
    if (result && 'findings' in result && Array.isArray(result.findings)) findings = result.findings.length;
    else if (result && 'files' in result && Array.isArray(result.files)) findings = result.files.reduce((sum, f) => sum + (f.findings?.length ?? 0), 0);
  } else {
    api = 'analyzeFile';
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

const folder = process.argv[2];
if (!folder) {
  process.stderr.write('Usage: node review-worker.js <folder>\n');
  process.exitCode = 2;
} else {
  process.stdout.write(`${JSON.stringify(main(folder))}\n`);
}
