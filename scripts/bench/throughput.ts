// Measures throughput in MB/s: of the parsers alone (side by side with tree-sitter), and of the whole per-file analysis (parse, model, rules).
import { analyzeFile } from '../../server/src/engine';
import type { Language } from '../../server/src/engine/model/types';
import { parseToModel } from '../../server/src/engine/parse';
import { parseBicep } from '../../server/src/engine/parse/bicep';
import { parseHcl } from '../../server/src/engine/parse/hcl';
import type { ParseError } from '../../server/src/engine/types';
import { countLines, displayPath, LANGUAGES, type Source } from './files';
import { check, measurement, type BenchContext, type TargetCheck } from './measurement';
import { median } from './stats';
import { loadTreeSitter, type PeerParser, type TreeSitterPeer } from './tree-sitter-peer';
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
  return timeSideBySide(sources, [work], warmup, passes)[0] as PassTiming;
}

/**
 * Times several kinds of work over the same sources by the method of `timePasses`, with their timed passes interleaved
 * (a pass of the first, a pass of the second, …, then again), so that a neighbour's burst of load on a shared machine
 * falls on all of them alike and their ratio stays fair even when the absolute figures move.
 */
export function timeSideBySide(sources: readonly Source[], works: readonly ((source: Source) => number)[], warmup: number, passes: number): PassTiming[] {
  const pass = (work: (source: Source) => number, repeat: number) => {
    const start = process.hrtime.bigint();
    for (let r = 0; r < repeat; r++) for (const s of sources) sink += work(s);
    return elapsedMs(start);
  };
  const repeats = works.map((work) => {
    for (let w = 0; w < warmup; w++) pass(work, 1);
    const probe = pass(work, 1);
    return Math.min(100, Math.max(1, Math.ceil(MIN_PASS_MS / Math.max(probe, 1e-3))));
  });
  const passMs: number[][] = works.map(() => []);
  for (let p = 0; p < Math.max(1, passes); p++) {
    works.forEach((work, i) => passMs[i]!.push(pass(work, repeats[i]!) / repeats[i]!));
  }
  const bytes = sources.reduce((sum, s) => sum + s.bytes, 0);
  return works.map((_, i) => {
    const medianMs = median(passMs[i]!);
    return {
      passes: passMs[i]!.length,
      warmup,
      repeat: repeats[i]!,
      passMs: passMs[i]!,
      medianMs,
      mbPerSec: bytes > 0 && medianMs > 0 ? bytes / 1e6 / (medianMs / 1000) : null,
    };
  });
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

/** Tree-sitter's figures for the same texts, timed in the same run, interleaved pass by pass with ours. */
export interface PeerThroughput extends PassTiming {
  grammar: string;
  /** Files whose tree-sitter tree holds an ERROR or MISSING node: how much of the corpus the grammar really covers. */
  filesWithErrors: number;
}

export interface LanguageParse extends ParseThroughput {
  /** Tree-sitter's MB/s over exactly the same texts; null when tree-sitter could not be loaded (see `treeSitter.reason`). */
  treeSitterMbPerSec: number | null;
  /** How many times faster our parser is: the headline figure. Null without tree-sitter. */
  ratio: number | null;
  treeSitter: PeerThroughput | null;
}

export type ParseResults = Record<Language, LanguageParse> & {
  treeSitter: { available: boolean; runtime?: string; reason?: string; notes?: string[] };
};

/** The parse-speed targets: an absolute floor and a multiple of tree-sitter measured in the same run. */
export const PARSE_TARGET_MB_PER_SEC = 40;
export const PARSE_TARGET_RATIO = 10;

function parseLanguage(sources: readonly Source[], context: BenchContext, peer: PeerParser | undefined): LanguageParse {
  const { warmup, passes } = context.options;
  const works = [(s: Source) => parseOnly(s).errors.length, ...(peer ? [(s: Source) => peer.parse(s.text)] : [])];
  const [timing, peerTiming] = timeSideBySide(sources, works, warmup, passes) as [PassTiming, PassTiming | undefined];
  // Counting happens outside the clock: errors from the parser, declarations from the model.
  let filesWithErrors = 0;
  let errors = 0;
  let declarations = 0;
  let peerErrors = 0;
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
    if (peer?.hasError(s.text)) peerErrors++;
  }
  const treeSitter = peer && peerTiming ? { grammar: peer.grammar, ...peerTiming, filesWithErrors: peerErrors } : null;
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
    treeSitterMbPerSec: treeSitter?.mbPerSec ?? null,
    ratio: timing.mbPerSec !== null && treeSitter?.mbPerSec ? timing.mbPerSec / treeSitter.mbPerSec : null,
    treeSitter,
  };
}

export const parseThroughput = measurement<ParseResults>({
  key: 'parse',
  title: 'Parse throughput (parseBicep / parseHcl only), side by side with tree-sitter',
  run(context) {
    // A smoke run never installs (it must stay seconds-long and offline), but uses tree-sitter when it is already there.
    const peer: TreeSitterPeer = context.options.treeSitter
      ? loadTreeSitter(context.root, !context.options.smoke, context.log)
      : { available: false, reason: 'skipped (--no-tree-sitter)' };
    if (!peer.available) context.log(`Tree-sitter is not available (${peer.reason}); its figures are reported as null.`);
    const result = {
      treeSitter: peer.available ? { available: true, runtime: peer.runtime, ...(peer.notes.length ? { notes: peer.notes } : {}) } : { available: false, reason: peer.reason },
    } as ParseResults;
    for (const language of LANGUAGES) {
      const sources = context.sources.filter((s) => s.language === language);
      result[language] = parseLanguage(sources, context, peer.available ? peer.parsers[language] : undefined);
    }
    return result;
  },
  format(result, context) {
    const rows = LANGUAGES.map((language) => {
      const r = result[language];
      return [
        language,
        count(r.files),
        count(r.lines),
        count(r.bytes),
        fixed(r.medianMs, 2),
        fixed(r.mbPerSec, 1),
        fixed(r.treeSitterMbPerSec, 1),
        r.ratio === null ? 'n/a' : `${r.ratio.toFixed(1)}×`,
        count(r.filesWithErrors),
        r.treeSitter ? count(r.treeSitter.filesWithErrors) : 'n/a',
      ];
    });
    const table = formatTable(
      [
        { title: 'language' },
        { title: 'files', align: 'right' },
        { title: 'lines', align: 'right' },
        { title: 'bytes', align: 'right' },
        { title: 'median ms', align: 'right' },
        { title: 'MB/s', align: 'right' },
        { title: 'tree-sitter MB/s', align: 'right' },
        { title: 'ratio', align: 'right' },
        { title: 'files w/ errors', align: 'right' },
        { title: 'tree-sitter w/ errors', align: 'right' },
      ],
      rows,
    );
    const grammars = LANGUAGES.flatMap((l) => (result[l].treeSitter ? [result[l].treeSitter!.grammar] : []));
    const peerLine = result.treeSitter.available
      ? `tree-sitter: ${result.treeSitter.runtime} with ${grammars.join(', ')}; passes interleaved with ours, median of ${context.options.passes}`
      : `tree-sitter: not measured (${result.treeSitter.reason})`;
    const lines = [table, '', peerLine, ...(result.treeSitter.notes ?? [])];
    if (context.options.verbose) {
      const slow = LANGUAGES.flatMap((language) => result[language].slowest.map((s) => [language, s.file, count(s.bytes), fixed(s.ms, 2)]));
      lines.push('', 'Slowest files (best of three parses)', formatTable([{ title: 'language' }, { title: 'file' }, { title: 'bytes', align: 'right' }, { title: 'ms', align: 'right' }], slow));
    }
    return lines.join('\n');
  },
  targets(result) {
    return LANGUAGES.flatMap((language): TargetCheck[] => {
      const r = result[language];
      return [
        check(`parse-${language}`, `${language} parse ≥ ${PARSE_TARGET_MB_PER_SEC} MB/s`, r.mbPerSec, (v) => v >= PARSE_TARGET_MB_PER_SEC, (v) => `${v.toFixed(1)} MB/s`),
        check(
          `parse-${language}-ratio`,
          `${language} parse ≥ ${PARSE_TARGET_RATIO}× tree-sitter`,
          r.ratio,
          (v) => v >= PARSE_TARGET_RATIO,
          (v) => `${v.toFixed(1)}× (${fixed(r.treeSitterMbPerSec, 1)} MB/s)`,
          'tree-sitter not measured',
        ),
      ];
    });
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
