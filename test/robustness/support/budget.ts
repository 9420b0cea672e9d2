// How much the robustness tests do: a small seeded default for CI, scaled up by WAF_AI_LENS_FUZZ_RUNS for a long run.

/** The fuzz properties' run count when `WAF_AI_LENS_FUZZ_RUNS` is not set: a few seconds in all on a 2-core machine. */
export const DEFAULT_FUZZ_RUNS = 150;

/** The soak test's edit count when `WAF_AI_LENS_FUZZ_RUNS` is not set: 5,000 edits finish well inside a minute. */
export const DEFAULT_SOAK_EDITS = 5000;

function positiveInteger(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, not ${JSON.stringify(raw)}.`);
  return value;
}

/** Runs per fuzz property: `WAF_AI_LENS_FUZZ_RUNS` when set (e.g. 20000 for a long run), else the default. */
export const FUZZ_RUNS: number = positiveInteger('WAF_AI_LENS_FUZZ_RUNS') ?? DEFAULT_FUZZ_RUNS;

/** True when a long run was asked for; bounds that only make sense for CI-sized runs are then widened. */
export const LONG_RUN = FUZZ_RUNS > DEFAULT_FUZZ_RUNS;

/**
 * The seed of every property, so that a failure replays exactly: fast-check prints the seed and the counterexample's path,
 * and `WAF_AI_LENS_FUZZ_SEED=<seed>` runs the same inputs again.
 */
export const FUZZ_SEED: number = positiveInteger('WAF_AI_LENS_FUZZ_SEED') ?? 20251125;

/** The soak test's edit count in a long run (`WAF_AI_LENS_FUZZ_RUNS` set above the default): ten times the CI count. */
export const LONG_SOAK_EDITS = 50000;

/** Soak edits: `WAF_AI_LENS_SOAK_EDITS` when set, else 5,000, or 50,000 in a long run. */
export const SOAK_EDITS: number = positiveInteger('WAF_AI_LENS_SOAK_EDITS') ?? (LONG_RUN ? LONG_SOAK_EDITS : DEFAULT_SOAK_EDITS);

/** A count scaled like the fuzz runs: `base` by default, proportionally more in a long run. */
export function scaled(base: number): number {
  return Math.max(base, Math.round((base * FUZZ_RUNS) / DEFAULT_FUZZ_RUNS));
}
