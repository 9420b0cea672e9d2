// Parses the command line into a request (help, version, review, rules, principles) or a one-line usage error; no dependency, never throws.

/** The output formats `review` can write. */
export const FORMATS = ['text', 'json', 'sarif', 'markdown', 'html'] as const;
export type Format = (typeof FORMATS)[number];

/** The formats `map` can write: an SVG drawing, or a Mermaid flowchart for Markdown. */
export const MAP_FORMATS = ['svg', 'mermaid'] as const;
export type MapFormat = (typeof MAP_FORMATS)[number];

/** The lowest severity that makes `review` exit with 1; `none` never does. */
export const FAIL_ON = ['error', 'warning', 'note', 'none'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** What the command line asks for. */
export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  /** No command at all: show the usage, as a hint rather than a success. */
  | { kind: 'usage' }
  /** `output`: the file to write the report to instead of stdout. */
  | { kind: 'review'; paths: string[]; format: Format; failOn: FailOn; output?: string; /** `--config`: the config file to read. */ config?: string }
  /** `map`: draw the workload map of the paths. */
  | { kind: 'map'; paths: string[]; format: MapFormat; output?: string; config?: string }
  /** `rules` and `principles`: list the catalog. */
  | { kind: 'rules' | 'principles'; format: ListFormat }
  /** A one-line message saying what is wrong, without the `--help` hint (the caller adds it). */
  | { kind: 'error'; message: string };

/** The options that take a value, with the values they accept. */
const VALUE_OPTIONS: Record<string, readonly string[]> = {
  '--format': FORMATS,
  '--fail-on': FAIL_ON,
};

/** The options that take any value (a path), with what the value is called in messages. */
const FREE_OPTIONS: Record<string, string> = {
  '--output': 'a file path',
  '--config': 'a file path',
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
  if (command === '--') return { kind: 'error', message: `missing command: expected ${COMMANDS}` };
  if (command!.startsWith('-')) return unknownOption(command!);
  if (command === 'rules' || command === 'principles') return parseListArgs(command, rest);
  if (command !== 'review' && command !== 'map') return { kind: 'error', message: `unknown command "${printable(command!)}": expected ${COMMANDS}` };
  // `map` takes the options of `review` that say what to read and where to write, and its own formats.
  const valueOptions: Record<string, readonly string[]> = command === 'map' ? { '--format': MAP_FORMATS } : VALUE_OPTIONS;

  const paths: string[] = [];
  // Checked against the command's formats as it is read; the default is the command's own.
  let format: string | undefined;
  let failOn: FailOn = 'error';
  let output: string | undefined;
  let config: string | undefined;
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
    const choices = valueOptions[name];
    const free = FREE_OPTIONS[name];
    if (!choices && !free) return unknownOption(name);
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
      return { kind: 'error', message: `option ${name} needs a value: ${choices ? `one of ${choices.join(', ')}` : free}` };
    }
    if (!choices) {
      if (name === '--config') config = value;
      else output = value;
      continue;
    }
    if (!choices.includes(value)) {
      return { kind: 'error', message: `invalid value "${printable(value)}" for ${name}: expected one of ${choices.join(', ')}` };
    }
    if (name === '--format') format = value;
    else failOn = value as FailOn;
  }
  if (paths.length === 0) return { kind: 'error', message: `${command} needs at least one file or folder to ${command === 'map' ? 'draw' : 'review'}` };
  const extra = { ...(output === undefined ? {} : { output }), ...(config === undefined ? {} : { config }) };
  if (command === 'map') return { kind: 'map', paths, format: (format ?? 'svg') as MapFormat, ...extra };
  return { kind: 'review', paths, format: (format ?? 'text') as Format, failOn, ...extra };
}

/** The commands, as usage errors name them. */
const COMMANDS = '"review", "map", "rules" or "principles"';

/** The formats the listing commands write. */
export const LIST_FORMATS = ['text', 'json'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

/** `rules` and `principles` take `--format text|json` (last one wins) and nothing else: no paths, no other option. */
function parseListArgs(kind: 'rules' | 'principles', rest: readonly string[]): Command {
  let format: ListFormat = 'text';
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    // After `--` every argument is a path, which these commands do not take.
    const path = arg === '--' ? rest[i + 1] : !arg.startsWith('-') || arg === '-' ? arg : undefined;
    if (path !== undefined) return { kind: 'error', message: `${kind} takes no file or folder, but got "${printable(path)}"` };
    if (arg === '--') break;
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq !== -1 ? arg.slice(0, eq) : arg;
    if (name !== '--format') return unknownOption(name);
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else if (rest[i + 1] !== undefined && !rest[i + 1]!.startsWith('-')) value = rest[++i];
    if (value === undefined || value === '') return { kind: 'error', message: `option --format needs a value: one of ${LIST_FORMATS.join(', ')}` };
    if (!(LIST_FORMATS as readonly string[]).includes(value)) {
      return { kind: 'error', message: `invalid value "${printable(value)}" for --format of ${kind}: expected one of ${LIST_FORMATS.join(', ')}` };
    }
    format = value as ListFormat;
  }
  return { kind, format };
}

function unknownOption(name: string): Command {
  return { kind: 'error', message: `unknown option "${printable(name)}"` };
}

/** Keeps an echoed argument on one line and free of terminal control characters. */
function printable(text: string): string {
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return clean.length > 80 ? `${clean.slice(0, 77)}...` : clean;
}
