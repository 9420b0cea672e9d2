// Validates real corpora: parses every Bicep and Terraform file under the folders given and lists the files that fail.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LineMap } from '../server/src/engine/text/lines';
import type { Language } from '../server/src/engine/model/types';
import type { ParseError } from '../server/src/engine/types';
import { intOption, lastOption, parseArgs, UsageError } from './bench/args';
import { displayPath, LANGUAGES, loadSources, userPath, type Source } from './bench/files';
import { machineInfo } from './bench/machine';
import { count, fixed, formatTable } from './bench/table';
import { parseOnly, timePasses } from './bench/throughput';

const USAGE = `Usage: npm run corpus -- <folder>... [--json <file>] [--passes <n>] [--show <n>]

Parses every .bicep, .bicepparam, .tf and .tfvars file under the folders (skipping node_modules and dot-folders),
prints per language the files, bytes, files with parse errors, errors and MB/s, and lists the failing files.
Exits with 1 when any file has a parse error: real corpora such as the Azure Verified Modules must parse cleanly.`;

/** One file that did not parse cleanly, located at its first error. */
interface Failure {
  file: string;
  language: Language;
  line: number;
  col: number;
  message: string;
  errors: number;
}

interface LanguageSummary {
  files: number;
  bytes: number;
  filesWithErrors: number;
  errors: number;
  /** Median of the timed passes, after the checking pass warmed the parser up. */
  medianMs: number;
  mbPerSec: number | null;
}

/** Parses one file; a parser that throws breaks the "parsing never throws" invariant, so that is reported as a failure too. */
function check(source: Source): { errors: readonly ParseError[] } {
  try {
    return parseOnly(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { errors: [{ message: `The parser threw (it must never throw): ${message}`, span: { start: 0, end: 0 } }] };
  }
}

function main(argv: readonly string[]): number {
  let args;
  try {
    args = parseArgs(argv, ['json', 'passes', 'show'], ['help']);
    if (args.flags.has('help')) {
      console.log(USAGE);
      return 0;
    }
    if (args.positionals.length === 0) throw new UsageError('Name at least one folder.');
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  const folders = args.positionals.map(userPath);
  const missing = folders.filter((f) => !fs.existsSync(f));
  if (missing.length > 0) {
    console.error(`No such folder: ${missing.join(', ')}.`);
    return 2;
  }
  const passes = intOption(args, 'passes', 3);
  const show = intOption(args, 'show', 20);

  const sources = loadSources(folders);
  const failures: Failure[] = [];
  const summary = {} as Record<Language, LanguageSummary>;
  for (const language of LANGUAGES) {
    const ofLanguage = sources.filter((s) => s.language === language);
    let filesWithErrors = 0;
    let errors = 0;
    for (const source of ofLanguage) {
      const result = check(source);
      const first = result.errors[0];
      if (!first) continue;
      filesWithErrors++;
      errors += result.errors.length;
      const { line, column } = new LineMap(source.text).lineColumn(first.span.start);
      failures.push({ file: displayPath(source.path), language, line, col: column, message: first.message, errors: result.errors.length });
    }
    // The checking pass above doubles as the warm-up, so the timed passes measure a parser the JIT has compiled.
    const timing = timePasses(ofLanguage, (s) => check(s).errors.length, 0, passes);
    summary[language] = {
      files: ofLanguage.length,
      bytes: ofLanguage.reduce((sum, s) => sum + s.bytes, 0),
      filesWithErrors,
      errors,
      medianMs: timing.medianMs,
      mbPerSec: timing.mbPerSec,
    };
  }

  console.log(`WAF AI Lens corpus check: ${folders.map(displayPath).join(', ')}`);
  console.log(
    formatTable(
      [
        { title: 'language' },
        { title: 'files', align: 'right' },
        { title: 'bytes', align: 'right' },
        { title: 'files w/ errors', align: 'right' },
        { title: 'errors', align: 'right' },
        { title: 'MB/s', align: 'right' },
      ],
      LANGUAGES.map((language) => {
        const s = summary[language];
        return [language, count(s.files), count(s.bytes), count(s.filesWithErrors), count(s.errors), fixed(s.mbPerSec, 2)];
      }),
    ),
  );
  if (failures.length > 0) {
    console.log(`\nFailing files${failures.length > show ? ` (first ${show} of ${failures.length})` : ''}:`);
    for (const f of failures.slice(0, show)) console.log(`${f.file}:${f.line}:${f.col}: ${f.message}${f.errors > 1 ? ` (+${f.errors - 1} more)` : ''}`);
  } else if (sources.length > 0) {
    console.log('\nEvery file parsed without errors.');
  } else {
    console.log('\nNo Bicep or Terraform files found.');
  }

  const json = lastOption(args, 'json');
  if (json !== undefined) {
    const file = userPath(json);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify({ schema: 1, date: new Date().toISOString(), machine: machineInfo(), folders, passes, parse: summary, failures }, null, 2)}\n`);
    console.log(`Wrote ${displayPath(file)}.`);
  }
  return failures.length > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
