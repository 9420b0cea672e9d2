// A strict little command-line parser for the bench and corpus scripts: a mistyped option is an error, never silently ignored.

export interface ParsedArgs {
  /** Every value given for each option, in order (options may repeat, e.g. `--corpus a --corpus b`). */
  options: Map<string, string[]>;
  flags: Set<string>;
  positionals: string[];
}

export class UsageError extends Error {}

/**
 * Parses `--name value`, `--name=value` and `--flag`; a lone `--` ends the options.
 * `valueOptions` and `flagOptions` list the names (without dashes) the script accepts.
 */
export function parseArgs(argv: readonly string[], valueOptions: readonly string[], flagOptions: readonly string[]): ParsedArgs {
  const result: ParsedArgs = { options: new Map(), flags: new Set(), positionals: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      result.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      result.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (flagOptions.includes(name)) {
      if (eq >= 0) throw new UsageError(`--${name} takes no value.`);
      result.flags.add(name);
    } else if (valueOptions.includes(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value.`);
      result.options.set(name, [...(result.options.get(name) ?? []), value]);
    } else {
      throw new UsageError(`Unknown option ${arg}.`);
    }
  }
  return result;
}

/** The last value of an option, or undefined. */
export function lastOption(args: ParsedArgs, name: string): string | undefined {
  return args.options.get(name)?.at(-1);
}

/** A non-negative integer option, or the fallback when the option is absent. */
export function intOption(args: ParsedArgs, name: string, fallback: number): number {
  const raw = lastOption(args, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new UsageError(`--${name} needs a whole number, not "${raw}".`);
  return Number(raw);
}
