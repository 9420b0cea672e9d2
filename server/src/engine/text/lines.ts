// Maps UTF-16 offsets in a text to 1-based line and column numbers and back; pure, shared by the CLI, the server and tests.

/** A 1-based line and a 1-based column counted in UTF-16 code units, as SARIF's `utf16CodeUnits` column kind counts. */
export interface LineColumn {
  line: number;
  column: number;
}

/**
 * The offsets at which each line of `text` starts. A line ends at `\r\n`, `\n` or a lone `\r`,
 * so that files saved on any platform (or mixed) number their lines as an editor shows them.
 */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0d /* \r */) {
      // A CRLF pair is one line break: skip the LF so it does not start an empty line of its own.
      if (text.charCodeAt(i + 1) === 0x0a) i++;
      starts.push(i + 1);
    } else if (code === 0x0a /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/**
 * The line structure of one text, computed once and then queried in O(log n) per offset.
 * Offsets outside the text are clamped to it, so a stale or hand-made span never throws.
 * A leading byte-order mark is not counted as a column: editors hide it, so line 1's columns start after it,
 * while offsets stay offsets into the text as given (BOM included).
 */
export class LineMap {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    this.starts = computeLineStarts(text);
    if (text.charCodeAt(0) === 0xfeff) this.starts[0] = 1;
  }

  /** How many lines the text has; an empty text has one (empty) line, and a trailing break opens one more. */
  get lineCount(): number {
    return this.starts.length;
  }

  /**
   * The 1-based line and column of a UTF-16 offset. An offset inside a CRLF pair stays on the line the pair ends;
   * the offset of a leading BOM is column 1, like the offset just after it.
   */
  lineColumn(offset: number): LineColumn {
    const at = clamp(Math.floor(offset), 0, this.text.length);
    // Binary search for the last line start at or before `at`.
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: Math.max(at - this.starts[low]!, 0) + 1 };
  }

  /**
   * The UTF-16 offset of a 1-based line and column. A column past the end of its line is clamped to the line's end
   * (before its break), and a line past the last is clamped to the end of the text.
   */
  offsetAt(line: number, column: number): number {
    if (line < 1) return 0;
    if (line > this.starts.length) return this.text.length;
    const start = this.starts[line - 1]!;
    return clamp(start + Math.max(column, 1) - 1, start, this.lineEnd(line));
  }

  /** The offset just past the last character of a 1-based line, before its line break. */
  lineEnd(line: number): number {
    const index = clamp(line, 1, this.starts.length) - 1;
    let end = index + 1 < this.starts.length ? this.starts[index + 1]! : this.text.length;
    if (end > this.starts[index]! && this.text.charCodeAt(end - 1) === 0x0a) end--;
    if (end > this.starts[index]! && this.text.charCodeAt(end - 1) === 0x0d) end--;
    return end;
  }

  /** The text of a 1-based line without its line break. */
  lineText(line: number): string {
    const index = clamp(line, 1, this.starts.length) - 1;
    return this.text.slice(this.starts[index]!, this.lineEnd(index + 1));
  }
}

function clamp(value: number, min: number, max: number): number {
  return Number.isNaN(value) ? min : Math.min(Math.max(value, min), max);
}
