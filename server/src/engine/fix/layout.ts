// Reads a file's own layout conventions (indent unit, line ending, an object's indentation) so that fixes match them.
import type { ObjectValue } from '../model/types';

/**
 * The layout of the last text asked about. Every fix of every finding in a file asks for the same file's line ending and
 * indent unit, and scanning a 20,000-line file again for each of its hundreds of findings made these two functions the
 * largest cost of analysing it (docs/performance.md). One entry suffices, as a file's fixes are computed together; a hit
 * costs one string comparison, which V8 answers by reference for the same text.
 */
let remembered: { text: string; eol?: string; unit?: string } | undefined;

function layoutOf(text: string): { text: string; eol?: string; unit?: string } {
  if (remembered?.text !== text) remembered = { text };
  return remembered;
}

/** The file's line ending: CRLF when it uses CRLF anywhere, else LF. */
export function lineEnding(text: string): string {
  const layout = layoutOf(text);
  return (layout.eol ??= text.includes('\r\n') ? '\r\n' : '\n');
}

/** The leading white space of the line that contains `offset`. */
export function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let end = lineStart;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return text.slice(lineStart, end);
}

/**
 * The file's indent unit: a tab when indented lines start with tabs, otherwise the smallest step
 * between the indentation of consecutive lines (2 when the file gives no evidence).
 */
export function indentUnit(text: string): string {
  const layout = layoutOf(text);
  return (layout.unit ??= scanIndentUnit(text));
}

function scanIndentUnit(text: string): string {
  let smallest = Infinity;
  let previous = 0;
  let lineStart = 0;
  for (let scanned = 0; lineStart < text.length && scanned < 2000; scanned++) {
    let i = lineStart;
    while (text[i] === ' ') i++;
    if (text[i] === '\t') return '\t';
    const nextLine = text.indexOf('\n', lineStart);
    const lineEnd = nextLine < 0 ? text.length : nextLine;
    const blank = text.slice(i, lineEnd).trim() === '';
    if (!blank) {
      const width = i - lineStart;
      if (width > previous) smallest = Math.min(smallest, width - previous);
      previous = width;
    }
    if (nextLine < 0) break;
    lineStart = nextLine + 1;
  }
  return ' '.repeat(Number.isFinite(smallest) ? smallest : 2);
}

/** True when the object is written on one line (`{}` or `{ a: 1 }`). */
export function isSingleLine(text: string, obj: ObjectValue): boolean {
  return !text.slice(obj.span.start, obj.span.end).includes('\n');
}

/** The indentation of an object's entries: that of its first entry on its own line, else one unit deeper than its brace. */
export function entryIndent(text: string, obj: ObjectValue): string {
  for (const entry of obj.entries) {
    const lineStart = text.lastIndexOf('\n', entry.span.start - 1) + 1;
    if (text.slice(lineStart, entry.span.start).trim() === '') return text.slice(lineStart, entry.span.start);
  }
  return indentAt(text, obj.span.start) + indentUnit(text);
}

/** The offset just before the line ending of the line containing `offset`. */
export function endOfLine(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  if (newline < 0) return text.length;
  return newline > 0 && text[newline - 1] === '\r' ? newline - 1 : newline;
}
