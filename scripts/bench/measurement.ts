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
  smoke: boolean;
  verbose: boolean;
}

export interface BenchContext {
  sources: readonly Source[];
  options: BenchOptions;
}

/** One measurement: its results land under `key` in the JSON report, its table in the printed report. */
export interface Measurement<Result = unknown> {
  key: string;
  title: string;
  run(context: BenchContext): Result;
  /** The printed table(s) for a result. */
  format(result: Result, context: BenchContext): string;
}

/** Lets a list hold measurements of different result types while each stays type-checked where it is defined. */
export function measurement<Result>(m: Measurement<Result>): Measurement<unknown> {
  return m as Measurement<unknown>;
}
