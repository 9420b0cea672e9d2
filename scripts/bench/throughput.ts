// Measures throughput in MB/s: of the parsers alone, and of the whole per-file analysis (parse, model, rules).
import { analyzeFile } from '../../server/src/engine';
import type { Language } from '../../server/src/engine/model/types';
import { parseToModel } from '../../server/src/engine/parse';
import { parseBicep } from '../../server/src/engine/parse/bicep';
import { parseHcl } from '../../server/src/engine/parse/hcl';
import type { ParseError } from '../../server/src/engine/types';
import { countLines, displayPath, LANGUAGES, type Source } from './files';
import { measurement, type BenchContext } from './measurement';
import { count, fixed, formatTable } from './table';

export interface PassTiming {
  passes: number;
  warmup: number;
  /** How many times one timed pass runs over the corpus, so that a pass over a small corpus lasts long enough to time well. */
  repeat: number;
  /** Every timed pass in the order run, as the time of one run over the corpus. */
  passMs: number[];
  medianMs: number;
  /** Megabytes (1e6 bytes of UTF-8) per second at the median pass; null for an empty corpus. */
  mbPerSec: number | null;
}

/** A pass shorter than this is repeated over the corpus: timer resolution and one GC pause would otherwise dominate it. */
const MIN_PASS_MS = 50;

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Where results go so the JIT cannot prove the work unused and drop it. */
let sink = 0;

/**
 * Runs `work` over every source in one pass, `warmup` times untimed and then `passes` times under the clock.
 * A pass over a small corpus repeats the corpus until it lasts about `MIN_PASS_MS` (at most 100 times).
 * The median pass is reported because it shrugs off the odd pass hit by garbage collection or a busy neighbour.
 */
export function timePasses(sources: readonly Source[], work: (source: Source) => number, warmup: number, passes: number): PassTiming {
  const pass = (repeat: number) => {
    const start = process.hrtime.bigint();
    for (let r = 0; r < repeat; r++) for (const s of sources) sink += work(s);
    return elapsedMs(start);
  };
  for (let w = 0; w < warmup; w++) pass(1);
  const probe = pass(1);
  const repeat = Math.min(100, Math.max(1, Math.ceil(MIN_PASS_MS / Math.max(probe, 1e-3))));
  const passMs: number[] = [];
  for (let p = 0; p < Math.max(1, passes); p++) passMs.push(pass(repeat) / repeat);
  const medianMs = median(passMs);
  const bytes = sources.reduce((sum, s) => sum + s.bytes, 0);
  return { passes: passMs.length, warmup, repeat, passMs, medianMs, mbPerSec: bytes > 0 && medianMs > 0 ? bytes / 1e6 / (medianMs / 1000) : null };
}

/** The parse-only entry point of a source's language. */
export function parseOnly(source: Source): { errors: readonly ParseError[] } {
  return source.language === 'bicep' ? parseBicep(source.text) : parseHcl(source.text);
}

export interface ParseThroughput extends PassTiming {
  files: number;
  bytes: number;
  lines: number;
  filesWithErrors: number;
  errors: number;
  errorsPerFile: number | null;
  /** Top-level declarations the model found: a quick check that the parser saw the code at all. */
  declarations: number;
  /** The files that took longest to parse (best of three, after warm-up): where a pathological case shows first. */
  slowest: { file: string; bytes: number; ms: number }[];
}

export type ParseResults = Record<Language, ParseThroughput>;

function parseLanguage(sources: readonly Source[], context: BenchContext): ParseThroughput {
  const { warmup, passes } = context.options;
  const timing = timePasses(sources, (s) => parseOnly(s).errors.length, warmup, passes);
  // Counting happens outside the clock: errors from the parser, declarations from the model.
  let filesWithErrors = 0;
  let errors = 0;
  let declarations = 0;
  const perFile: { file: string; bytes: number; ms: number }[] = [];
  for (const s of sources) {
    // The best of three parses: a single one is as likely to time a garbage collection as the file.
    let n = 0;
    let best = Infinity;
    for (let attempt = 0; attempt < 3; attempt++) {
      const start = process.hrtime.bigint();
      n = parseOnly(s).errors.length;
      best = Math.min(best, elapsedMs(start));
    }
    perFile.push({ file: displayPath(s.path), bytes: s.bytes, ms: best });
    errors += n;
    if (n > 0) filesWithErrors++;
    declarations += parseToModel(s.path, s.text, s.kind).declarations.length;
  }
  return {
    files: sources.length,
    bytes: sources.reduce((sum, s) => sum + s.bytes, 0),
    lines: sources.reduce((sum, s) => sum + countLines(s.text), 0),
    ...timing,
    filesWithErrors,
    errors,
    errorsPerFile: sources.length ? errors / sources.length : null,
    declarations,
    slowest: perFile.sort((a, b) => b.ms - a.ms).slice(0, 5),
  };
}

export const parseThroughput = measurement<ParseResults>({
  key: 'parse',
  title: 'Parse throughput (parseBicep / parseHcl only)',
  run(context) {
    const result = {} as ParseResults;
    for (const language of LANGUAGES) result[language] = parseLanguage(context.sources.filter((s) => s.language === language), context);
    return result;
  },
  format(result, context) {
    const rows = LANGUAGES.map((language) => {
      const r = result[language];
      return [language, count(r.files), count(r.lines), count(r.bytes), fixed(r.medianMs, 2), fixed(r.mbPerSec, 2), count(r.declarations), count(r.filesWithErrors), fixed(r.errorsPerFile, 2)];
    });
    const table = formatTable(
      [
        { title: 'language' },
        { title: 'files', align: 'right' },
        { title: 'lines', align: 'right' },
        { title: 'bytes', align: 'right' },
        { title: 'median ms', align: 'right' },
        { title: 'MB/s', align: 'right' },
        { title: 'declarations', align: 'right' },
        { title: 'files w/ errors', align: 'right' },
        { title: 'errors/file', align: 'right' },
      ],
      rows,
    );
    if (!context.options.verbose) return table;
    const slow = LANGUAGES.flatMap((language) => result[language].slowest.map((s) => [language, s.file, count(s.bytes), fixed(s.ms, 2)]));
    return `${table}\n\nSlowest files (best of three parses)\n${formatTable([{ title: 'language' }, { title: 'file' }, { title: 'bytes', align: 'right' }, { title: 'ms', align: 'right' }], slow)}`;
  },
});

export interface AnalyzeThroughput extends PassTiming {
  files: number;
  bytes: number;
  resources: number;
  findings: number;
  /** Notices are unparsable files and rules that threw; a rule throwing on the corpus is a bug worth seeing here. */
  notices: number;
}

export type AnalyzeResults = Record<Language, AnalyzeThroughput>;

export const analyzeThroughput = measurement<AnalyzeResults>({
  key: 'analyze',
  title: 'Analysis throughput (analyzeFile: parse, model and rules)',
  run(context) {
    const result = {} as AnalyzeResults;
    for (const language of LANGUAGES) {
      const sources = context.sources.filter((s) => s.language === language);
      const timing = timePasses(sources, (s) => analyzeFile(s.path, s.text, s.kind)?.findings.length ?? 0, context.options.warmup, context.options.passes);
      let resources = 0;
      let findings = 0;
      let notices = 0;
      for (const s of sources) {
        const analysis = analyzeFile(s.path, s.text, s.kind);
        resources += analysis?.model.resources.length ?? 0;
        findings += analysis?.findings.length ?? 0;
        notices += analysis?.notices.length ?? 0;
      }
      result[language] = { files: sources.length, bytes: sources.reduce((sum, s) => sum + s.bytes, 0), ...timing, resources, findings, notices };
    }
    return result;
  },
  format(result) {
    return formatTable(
      [
        { title: 'language' },
        { title: 'files', align: 'right' },
        { title: 'median ms', align: 'right' },
        { title: 'MB/s', align: 'right' },
        { title: 'resources', align: 'right' },
        { title: 'findings', align: 'right' },
        { title: 'notices', align: 'right' },
      ],
      LANGUAGES.map((language) => {
        const r = result[language];
        return [language, count(r.files), fixed(r.medianMs, 2), fixed(r.mbPerSec, 2), count(r.resources), count(r.findings), count(r.notices)];
      }),
    );
  },
});
