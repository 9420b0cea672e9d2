// The contract every bench measurement follows, so a new one (keystroke latency, review time, …) is one module and one list entry.
import type { Source } from './files';

export interface BenchOptions {
  /** Seeds the recovery edits (the generated corpus has its own fixed seed, so it stays the same across `--seed`s). */
  seed: number;
  /** Edits of each kind per file in the recovery measurement. */
  trials: number;
  /** Untimed passes before the timed ones, so the JIT has compiled the parser before the clock runs. */
  warmup: number;
  /** Timed passes; the median is reported. */
  passes: number;
  /** Timed keystrokes per file size in the keystroke measurement (and requests per kind in the request measurement). */
  edits: number;
  /** Fresh processes started per cold-start figure. */
  starts: number;
  /** File sizes (lines) typed into by the keystroke measurement. */
  keystrokeLines: number[];
  /** Files of the workspace held open while typing into one more; 0 skips that part. */
  workspaceFiles: number;
  /** Workspace sizes (file counts) of the review measurement, ascending. */
  reviewSizes: number[];
  /** Whether the parse measurement times tree-sitter too (installing it on a full run's first use). */
  treeSitter: boolean;
  /** The server's debounce, subtracted for net latencies; the value in server/src/lsp/diagnostics.ts unless given. */
  debounceMs?: number;
  /** The measured server analyses a change at once when nothing is pending, so single keystrokes carry no debounce. */
  idleAnalysis: boolean;
  /** Also measure bench-built variants of the server with proposed fixes applied (server-variant.ts). */
  variants: boolean;
  smoke: boolean;
  verbose: boolean;
}

export interface BenchContext {
  sources: readonly Source[];
  options: BenchOptions;
  /** The repository being measured: where `dist/`, the tree-sitter sub-package and `docs/` are. */
  root: string;
  /** The language-server bundle the latency measurements run: the repository's dist/server.js unless `--server` names a variant. */
  serverModule: string;
  /** Node options for every server process the bench starts (`--profile <dir>` adds `--cpu-prof`). */
  serverNodeArgs: string[];
  /** Where the review measurement writes its scaling chart (SVG); none when absent (smoke runs, `--chart none`). */
  chartFile?: string;
  /** The machine in one line (CPU count and model, Node version), for the chart's caption. */
  machine: string;
  /** Prints a progress or warning line that is not part of the results (to stderr, so stdout stays the report). */
  log(line: string): void;
}

/**
 * One target of the issue, judged on one run: met, missed, or null when the figure could not be measured.
 * `measured` is the figure as the table shows it.
 */
export interface TargetCheck {
  id: string;
  target: string;
  measured: string;
  value: number | null;
  met: boolean | null;
}

/** Judges one figure against a target; a null figure is neither met nor missed, and says why in `measured`. */
export function check(
  id: string,
  target: string,
  value: number | null | undefined,
  passes: (value: number) => boolean,
  show: (value: number) => string,
  missing = 'not measured',
): TargetCheck {
  if (value === null || value === undefined || !Number.isFinite(value)) return { id, target, measured: missing, value: null, met: null };
  return { id, target, measured: show(value), value, met: passes(value) };
}

/** One measurement: its results land under `key` in the JSON report, its table in the printed report. */
export interface Measurement<Result = unknown> {
  key: string;
  title: string;
  /** Measurements that drive child processes (the language server, a review worker) are asynchronous. */
  run(context: BenchContext): Result | Promise<Result>;
  /** The printed table(s) for a result. */
  format(result: Result, context: BenchContext): string;
  /** The targets this measurement judges, if any. */
  targets?(result: Result, context: BenchContext): TargetCheck[];
}

/** Lets a list hold measurements of different result types while each stays type-checked where it is defined. */
export function measurement<Result>(m: Measurement<Result>): Measurement<unknown> {
  return m as Measurement<unknown>;
}
