// Measures error recovery: after one typical mid-edit break, how many of the declarations after the break survive unchanged.
import type { Declaration, Language } from '../../server/src/engine/model/types';
import { parseToModel } from '../../server/src/engine/parse';
import { LineMap } from '../../server/src/engine/text/lines';
import type { Span } from '../../server/src/engine/types';
import { displayPath, LANGUAGES, type Source } from './files';
import { measurement } from './measurement';
import { deriveSeed, Rng } from './prng';
import { count, fixed, formatTable } from './table';

/** The breaks a user makes while typing: a block closed too late, and a string not yet closed. */
export type EditKind = 'deleteBrace' | 'unterminatedString';
export const EDIT_KINDS: readonly EditKind[] = ['deleteBrace', 'unterminatedString'];

/** One replacement: `deleteLength` code units at `offset` give way to `insert`. */
export interface Edit {
  kind: EditKind;
  offset: number;
  deleteLength: number;
  insert: string;
}

export function applyEdit(text: string, edit: Edit): string {
  return text.slice(0, edit.offset) + edit.insert + text.slice(edit.offset + edit.deleteLength);
}

/** How far the edit moves everything after it. */
export function editDelta(edit: Edit): number {
  return edit.insert.length - edit.deleteLength;
}

/** Offsets of every `}` in the text, wherever it is (code, string or comment), as the measurement's definition says. */
export function braceOffsets(text: string): number[] {
  const offsets: number[] = [];
  for (let i = text.indexOf('}'); i >= 0; i = text.indexOf('}', i + 1)) offsets.push(i);
  return offsets;
}

/** (a) Deletes one `}` chosen at random; undefined when the text has none. */
export function deleteBraceEdit(text: string, rng: Rng): Edit | undefined {
  const offsets = braceOffsets(text);
  if (offsets.length === 0) return undefined;
  return { kind: 'deleteBrace', offset: rng.pick(offsets), deleteLength: 1, insert: '' };
}

/** The quote that opens an ordinary string: Bicep strings are single-quoted, HCL strings double-quoted. */
export function quoteOf(language: Language): string {
  return language === 'bicep' ? "'" : '"';
}

/**
 * For every line that holds code, the range from its first to just past its last code character.
 * A line holds no code when it starts inside a block comment, a multi-line string or a heredoc, or when it is a comment
 * (or a Bicep `#disable-next-line` pragma); a trailing `//` or `#` comment and a comment, multi-line string or heredoc
 * opened and left open on the line are cut off, because a quote typed there breaks nothing.
 * The scanner is deliberately small: it tracks strings with `${…}` interpolation (so `'https://…'` is no comment),
 * block comments, Bicep `'''` strings and HCL heredocs, and nothing else.
 */
export function codeRanges(text: string, language: Language): Span[] {
  const ranges: Span[] = [];
  const quote = quoteOf(language);
  const bicep = language === 'bicep';
  // What the previous line left open.
  let carried: { kind: 'block' } | { kind: 'multiline' } | { kind: 'heredoc'; marker: string } | undefined;
  let lineStart = 0;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    let lineEnd = newline < 0 ? text.length : newline;
    if (lineEnd > lineStart && text[lineEnd - 1] === '\r') lineEnd--;
    const next = newline < 0 ? text.length : newline + 1;

    if (carried?.kind === 'heredoc') {
      if (text.slice(lineStart, lineEnd).trim() === carried.marker) carried = undefined;
      lineStart = next;
      continue;
    }
    const startsInCode = carried === undefined;
    // Code on this line ends where a comment begins or an unclosed construct runs on to the next line.
    let codeEnd = lineEnd;
    // Open strings and interpolations on this line; none survives the line end (neither language continues them).
    const stack: ('string' | number)[] = [];
    let i = lineStart;
    while (i < lineEnd) {
      if (carried?.kind === 'block') {
        const close = text.indexOf('*/', i);
        if (close < 0 || close >= lineEnd) break;
        carried = undefined;
        i = close + 2;
        continue;
      }
      if (carried?.kind === 'multiline') {
        const close = text.indexOf("'''", i);
        if (close < 0 || close >= lineEnd) break;
        carried = undefined;
        i = close + 3;
        continue;
      }
      const c = text[i] as string;
      const top = stack[stack.length - 1];
      if (top === 'string') {
        if (c === '\\') i += 2;
        else if (c === quote) {
          stack.pop();
          i++;
        } else if (!bicep && (c === '$' || c === '%') && text[i + 1] === c && text[i + 2] === '{') i += 3;
        else if ((c === '$' || (!bicep && c === '%')) && text[i + 1] === '{') {
          stack.push(0);
          i += 2;
        } else i++;
        continue;
      }
      // Code, at the top level or inside an interpolation.
      if ((c === '/' && text[i + 1] === '/') || (!bicep && c === '#')) {
        codeEnd = i;
        break;
      }
      if (c === '/' && text[i + 1] === '*') {
        const close = text.indexOf('*/', i + 2);
        if (close < 0 || close >= lineEnd) {
          carried = { kind: 'block' };
          codeEnd = i;
          break;
        }
        i = close + 2;
        continue;
      }
      if (bicep && text.startsWith("'''", i) && stack.length === 0) {
        const close = text.indexOf("'''", i + 3);
        if (close < 0 || close >= lineEnd) {
          carried = { kind: 'multiline' };
          codeEnd = i;
          break;
        }
        i = close + 3;
        continue;
      }
      if (!bicep && c === '<' && text[i + 1] === '<' && stack.length === 0) {
        const heredoc = /^<<-?([A-Za-z_][\w-]*)[ \t]*$/.exec(text.slice(i, lineEnd));
        if (heredoc) {
          // The opener itself is code (a quote before `<<EOT` breaks the attribute); the body that follows is not.
          carried = { kind: 'heredoc', marker: heredoc[1] as string };
          break;
        }
      }
      if (c === quote) stack.push('string');
      else if (c === '{' && typeof top === 'number') stack[stack.length - 1] = top + 1;
      else if (c === '}' && typeof top === 'number') {
        if (top === 0) stack.pop();
        else stack[stack.length - 1] = top - 1;
      }
      i++;
    }

    if (startsInCode) {
      let first = lineStart;
      while (first < codeEnd && /\s/.test(text[first] as string)) first++;
      let last = codeEnd;
      while (last > first && /\s/.test(text[last - 1] as string)) last--;
      const lead = text.slice(first, first + 2);
      const commentLine = lead === '//' || lead === '/*' || lead.startsWith('#');
      if (last > first && !commentLine) ranges.push({ start: first, end: last });
    }
    lineStart = next;
  }
  return ranges;
}

/**
 * (b) Inserts an opening quote at a random offset inside a line with code, never at the line's end:
 * every offset before a code character is equally likely. Undefined when the text has no code.
 */
export function unterminatedStringEdit(text: string, language: Language, rng: Rng): Edit | undefined {
  const ranges = codeRanges(text, language);
  const total = ranges.reduce((sum, r) => sum + r.end - r.start, 0);
  if (total === 0) return undefined;
  let draw = rng.int(0, total);
  for (const range of ranges) {
    const length = range.end - range.start;
    if (draw < length) return { kind: 'unterminatedString', offset: range.start + draw, deleteLength: 0, insert: quoteOf(language) };
    draw -= length;
  }
  return undefined;
}

export function makeEdit(kind: EditKind, text: string, language: Language, rng: Rng): Edit | undefined {
  return kind === 'deleteBrace' ? deleteBraceEdit(text, rng) : unterminatedStringEdit(text, language, rng);
}

/** Why a declaration after the edit did not come back intact. */
export type LossReason = 'missing' | 'moved' | 'hasError';

export interface Loss {
  declaration: Declaration;
  reason: LossReason;
  /** The nearest edited declaration of the same kind and name, when there is one. */
  found?: Declaration;
}

export interface Verdict {
  /** The original declarations that start after the end of the declaration holding the edit. */
  after: Declaration[];
  intact: Declaration[];
  lost: Loss[];
}

/**
 * Decides which declarations after an edit survived it.
 * The declarations after the edit are those starting at or after the end of the declaration that contains the edit's offset
 * (or at or after the offset itself when it lies between declarations). One counts as intact when the edited parse has a
 * declaration of the same kind and name whose span is the original span shifted by the edit's length change, and which
 * carries no error: the parser resynchronised before reaching it and did not drag it into the broken declaration.
 */
export function judgeEdit(original: readonly Declaration[], edited: readonly Declaration[], edit: Edit): Verdict {
  const delta = editDelta(edit);
  const holders = original.filter((d) => d.span.start <= edit.offset && edit.offset < d.span.end);
  const boundary = holders.length > 0 ? Math.max(...holders.map((d) => d.span.end)) : edit.offset;
  const after = original.filter((d) => d.span.start >= boundary);

  const byName = new Map<string, Declaration[]>();
  for (const e of edited) {
    const key = `${e.kind}\u0000${e.name}`;
    byName.set(key, [...(byName.get(key) ?? []), e]);
  }
  const intact: Declaration[] = [];
  const lost: Loss[] = [];
  for (const d of after) {
    const start = d.span.start + delta;
    const end = d.span.end + delta;
    const namesakes = byName.get(`${d.kind}\u0000${d.name}`) ?? [];
    if (namesakes.some((e) => e.span.start === start && e.span.end === end && !e.hasError)) {
      intact.push(d);
      continue;
    }
    const same = namesakes.find((e) => e.span.start === start && e.span.end === end);
    if (same) {
      lost.push({ declaration: d, reason: 'hasError', found: same });
      continue;
    }
    const nearest = [...namesakes].sort((a, b) => Math.abs(a.span.start - start) - Math.abs(b.span.start - start))[0];
    lost.push(nearest ? { declaration: d, reason: 'moved', found: nearest } : { declaration: d, reason: 'missing' });
  }
  return { after, intact, lost };
}

/** What the measurement needs from a parse: the top-level declarations and whether the parser reported errors. */
export interface DeclarationParse {
  declarations: readonly Declaration[];
  errorCount: number;
}

/** Parses one text as the given source's kind; injected so the measurement can be tested with a fake parser. */
export type ParseDeclarations = (source: Source, text: string) => DeclarationParse;

export interface RecoveryOptions {
  seed: number;
  /** Edits of each kind per file. */
  trials: number;
  /** How many lost declarations to keep per language as examples for whoever works on the parser. */
  maxSamples: number;
}

export interface EditTally {
  edits: number;
  /** Edits after which the parser reported at least one error; a low share means the edits broke little. */
  editsReportingErrors: number;
  declarationsAfterEdit: number;
  intact: number;
  /** `intact / declarationsAfterEdit` in percent; null when nothing was measured. */
  intactPercent: number | null;
}

/** One lost declaration, located in the original file, for reading what went wrong. */
export interface RecoverySample {
  file: string;
  edit: EditKind;
  /** 1-based position of the edit in the original text. */
  line: number;
  col: number;
  lost: string;
  reason: LossReason;
  expected: Span;
  found?: Span & { hasError: boolean };
}

export interface LanguageRecovery extends EditTally {
  files: number;
  /** Files with at least two declarations and no parse error: the only ones a verdict means something for. */
  filesMeasured: number;
  skippedWithErrors: number;
  skippedFewDeclarations: number;
  byEdit: Record<EditKind, EditTally>;
  samples: RecoverySample[];
}

export type RecoveryResult = Record<Language, LanguageRecovery>;

function emptyTally(): EditTally {
  return { edits: 0, editsReportingErrors: 0, declarationsAfterEdit: 0, intact: 0, intactPercent: null };
}

function percent(tally: EditTally): number | null {
  return tally.declarationsAfterEdit === 0 ? null : (100 * tally.intact) / tally.declarationsAfterEdit;
}

/**
 * Applies `trials` seeded edits of each kind to every measurable file and tallies the declarations after each edit
 * that came back intact, per language and per edit kind. Each file and edit kind has its own random stream
 * (derived from the seed, the kind and the file's corpus-relative id), so a file's edits do not change when the corpus around it does.
 */
export function measureRecovery(sources: readonly Source[], parse: ParseDeclarations, options: RecoveryOptions): RecoveryResult {
  const result = {} as RecoveryResult;
  for (const language of LANGUAGES) {
    const tally: LanguageRecovery = {
      ...emptyTally(),
      files: 0,
      filesMeasured: 0,
      skippedWithErrors: 0,
      skippedFewDeclarations: 0,
      byEdit: { deleteBrace: emptyTally(), unterminatedString: emptyTally() },
      samples: [],
    };
    for (const source of sources.filter((s) => s.language === language)) {
      tally.files++;
      const original = parse(source, source.text);
      if (original.errorCount > 0) {
        tally.skippedWithErrors++;
        continue;
      }
      if (original.declarations.length < 2) {
        tally.skippedFewDeclarations++;
        continue;
      }
      tally.filesMeasured++;
      let lines: LineMap | undefined;
      for (const kind of EDIT_KINDS) {
        const rng = new Rng(deriveSeed(options.seed, `${kind}:${source.id}`));
        const byKind = tally.byEdit[kind];
        for (let trial = 0; trial < options.trials; trial++) {
          const edit = makeEdit(kind, source.text, language, rng);
          if (!edit) break;
          const edited = parse(source, applyEdit(source.text, edit));
          const verdict = judgeEdit(original.declarations, edited.declarations, edit);
          for (const t of [tally, byKind]) {
            t.edits++;
            if (edited.errorCount > 0) t.editsReportingErrors++;
            t.declarationsAfterEdit += verdict.after.length;
            t.intact += verdict.intact.length;
          }
          const loss = verdict.lost[0];
          if (loss && tally.samples.length < options.maxSamples) {
            lines ??= new LineMap(source.text);
            const { line, column: col } = lines.lineColumn(edit.offset);
            const d = loss.declaration;
            tally.samples.push({
              file: source.path,
              edit: kind,
              line,
              col,
              lost: `${d.kind} ${d.name}`.trim(),
              reason: loss.reason,
              expected: { start: d.span.start + editDelta(edit), end: d.span.end + editDelta(edit) },
              ...(loss.found ? { found: { ...loss.found.span, hasError: loss.found.hasError } } : {}),
            });
          }
        }
      }
    }
    tally.intactPercent = percent(tally);
    for (const kind of EDIT_KINDS) tally.byEdit[kind].intactPercent = percent(tally.byEdit[kind]);
    result[language] = tally;
  }
  return result;
}

/** The target the foundation issue sets for declarations after an edit that come back intact. */
export const RECOVERY_TARGET_PERCENT = 90;

export const recovery = measurement<RecoveryResult>({
  key: 'recovery',
  title: `Error recovery: declarations after one edit that come back intact (target ≥ ${RECOVERY_TARGET_PERCENT}%)`,
  run(context) {
    const { seed, trials, verbose } = context.options;
    return measureRecovery(
      context.sources,
      (source, text) => {
        const model = parseToModel(source.path, text, source.kind);
        return { declarations: model.declarations, errorCount: model.parseErrors.length };
      },
      { seed, trials, maxSamples: verbose ? 20 : 5 },
    );
  },
  format(result, context) {
    const rows: string[][] = [];
    for (const language of LANGUAGES) {
      const r = result[language];
      const row = (edit: string, t: EditTally) => [language, edit, count(t.edits), count(t.editsReportingErrors), count(t.declarationsAfterEdit), count(t.intact), fixed(t.intactPercent)];
      for (const kind of EDIT_KINDS) rows.push(row(kind, r.byEdit[kind]));
      rows.push(row('all', r));
    }
    const table = formatTable(
      [
        { title: 'language' },
        { title: 'edit' },
        { title: 'edits', align: 'right' },
        { title: 'w/ errors', align: 'right' },
        { title: 'decls after edit', align: 'right' },
        { title: 'intact', align: 'right' },
        { title: 'intact %', align: 'right' },
      ],
      rows,
    );
    const files = LANGUAGES.map((language) => {
      const r = result[language];
      return `${language}: ${r.filesMeasured} of ${r.files} files measured (${r.skippedWithErrors} skipped for parse errors, ${r.skippedFewDeclarations} for fewer than 2 declarations)`;
    });
    const lines = [table, '', `seed ${context.options.seed}, ${context.options.trials} edits of each kind per file`, ...files];
    const samples = LANGUAGES.flatMap((language) => result[language].samples);
    if (samples.length > 0 && context.options.verbose) {
      lines.push('', 'Lost declarations (first few)');
      lines.push(
        formatTable(
          [{ title: 'edit at' }, { title: 'edit' }, { title: 'lost' }, { title: 'reason' }, { title: 'expected' }, { title: 'found' }],
          samples.map((s) => [
            `${displayPath(s.file)}:${s.line}:${s.col}`,
            s.edit,
            s.lost,
            s.reason,
            `${s.expected.start}-${s.expected.end}`,
            s.found ? `${s.found.start}-${s.found.end}${s.found.hasError ? ' (error)' : ''}` : '',
          ]),
        ),
      );
    }
    return lines.join('\n');
  },
});
