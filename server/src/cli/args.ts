// Parses the command line into a request (help, version, review) or a one-line usage error; no dependency, never throws.

/** The output formats `review` can write. */
export const FORMATS = ['text', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

/** The lowest severity that makes `review` exit with 1; `none` never does. */
export const FAIL_ON = ['error', 'warning', 'note', 'none'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** What the command line asks for. */
export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  /** No command at all: show the usage, as a hint rather than a success. */
  | { kind: 'usage' }
  | { kind: 'review'; paths: string[]; format: Format; failOn: FailOn }
  /** A one-line message saying what is wrong, without the `--help` hint (the caller adds it). */
  | { kind: 'error'; message: string };

/** The options that take a value, with the values they accept. */
const VALUE_OPTIONS: Record<string, readonly string[]> = {
  '--format': FORMATS,
  '--fail-on': FAIL_ON,
};

/**
 * Parses `argv` (without the node and script paths). `--help`/`-h` and `--version` win wherever they appear before `--`,
 * so that adding `--help` to a half-written command always shows the help. Options may come before or after paths,
 * as `--format json` or `--format=json`; the last one given wins; `--` ends the options.
 */
export function parseArgs(argv: readonly string[]): Command {
  const endOfOptions = argv.indexOf('--');
  const optionPart = endOfOptions === -1 ? argv : argv.slice(0, endOfOptions);
  if (optionPart.some((a) => a === '--help' || a === '-h')) return { kind: 'help' };
  if (optionPart.includes('--version')) return { kind: 'version' };
  if (argv.length === 0) return { kind: 'usage' };

  const [command, ...rest] = argv;
  if (command === 'help') return { kind: 'help' };
  if (command === '--') return { kind: 'error', message: 'missing command: expected "review"' };
  if (command!.startsWith('-')) return unknownOption(command!);
  if (command !== 'review') return { kind: 'error', message: `unknown command "${printable(command!)}": expected "review"` };

  const paths: string[] = [];
  let format: Format = 'text';
  let failOn: FailOn = 'error';
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--') {
      paths.push(...rest.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      paths.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq !== -1 ? arg.slice(0, eq) : arg;
    const choices = VALUE_OPTIONS[name];
    if (!choices) return unknownOption(name);
    let value: string | undefined;
    if (eq !== -1 && name !== arg) {
      value = arg.slice(eq + 1);
    } else {
      // A following option is not taken as the value: `--format --fail-on x` is a missing value, not format "--fail-on".
      const next = rest[i + 1];
      if (next !== undefined && !next.startsWith('-')) {
        value = next;
        i++;
      }
    }
    if (value === undefined || value === '') {
      return { kind: 'error', message: `option ${name} needs a value: one of ${choices.join(', ')}` };
    }
    if (!choices.includes(value)) {
      return { kind: 'error', message: `invalid value "${printable(value)}" for ${name}: expected one of ${choices.join(', ')}` };
    }
    if (name === '--format') format = value as Format;
    else failOn = value as FailOn;
  }
  if (paths.length === 0) return { kind: 'error', message: 'review needs at least one file or folder to review' };
  return { kind: 'review', paths, format, failOn };
}

function unknownOption(name: string): Command {
  return { kind: 'error', message: `unknown option "${printable(name)}"` };
}

/** Keeps an echoed argument on one line and free of terminal control characters. */
function printable(text: string): string {
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return clean.length > 80 ? `${clean.slice(0, 77)}...` : clean;
}
