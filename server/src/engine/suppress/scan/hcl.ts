// Finds Terraform (HCL) line comments with a small lexer that knows HCL's strings, templates and heredocs.
import { identEnd, isIdentStartAt, Lexer } from '../../parse/hcl/lexer';
import type { Span } from '../../types';

/** An open `${ … }` or `%{ … }` sequence (code inside a string) or a quoted string, innermost last. */
type Frame = { kind: 'hole'; braces: number } | { kind: 'quoted' };

const enum C {
  LineFeed = 0x0a,
  CarriageReturn = 0x0d,
  Quote = 0x22,
  Hash = 0x23,
  Dollar = 0x24,
  Percent = 0x25,
  Star = 0x2a,
  Minus = 0x2d,
  Slash = 0x2f,
  Less = 0x3c,
  Backslash = 0x5c,
  LBrace = 0x7b,
  RBrace = 0x7d,
}

/** The characters that can change the state in code and in a quoted string: the rest are stepped over in a tight loop. */
const CODE_STOPS = stops('#/"<{}');
const QUOTED_STOPS = stops('"\n\r\\$%');

function stops(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return table;
}

/**
 * The `#` and `//` comments of the text, in order, each up to (not including) the `\n` or `\r\n` that ends it: as in HCL,
 * a lone `\r` does not end a comment.
 *
 * The HCL parser reads template text only where it expects an expression, so when it gives up on a broken line it may
 * read the strings after it as plain tokens, a `#` in them included. This lexer does not depend on the parser: it follows
 * the language's own rules for quoted strings (`\` escapes, `$${` and `%%{` literals, `${ … }` and `%{ … }` sequences
 * holding code, strings and braces of their own), heredocs (`<<EOT` and `<<-EOT` up to the line holding just the marker),
 * and `/* … *\/` comments. Where the text is broken it recovers as the front end's lexer does: a quoted string ends at
 * its line's end, and an unterminated heredoc or block comment ends before the next line that reads like a top-level
 * block header. The parser's own recovery can still differ (see `hclStrings.ts`, which covers that).
 */
export function hclLineComments(text: string): Span[] {
  return new CommentScanner(text).run();
}

class CommentScanner {
  private readonly found: Span[] = [];
  private readonly stack: Frame[] = [];
  /** Per heredoc marker, the body start from which no closing line exists, so repeated unclosed markers cost one search. */
  private readonly unclosedFrom = new Map<string, number>();
  /** The starts of the lines that read like top-level block headers, found on first need. */
  private headers: number[] | undefined;

  constructor(private readonly text: string) {}

  run(): Span[] {
    const text = this.text;
    const n = text.length;
    let p = n > 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
    while (p < n) {
      const top = this.stack[this.stack.length - 1];
      p = top?.kind === 'quoted' ? this.inQuoted(p) : this.inCode(p, top);
    }
    return this.found;
  }

  /** One step in code (the file's top level, or inside a `${ … }` or `%{ … }` sequence); returns where to go on. */
  private inCode(p: number, hole: Frame | undefined): number {
    const text = this.text;
    const n = text.length;
    let c = text.charCodeAt(p);
    while (c >= 128 || CODE_STOPS[c] !== 1) {
      if (++p >= n) return n;
      c = text.charCodeAt(p);
    }
    const d = text.charCodeAt(p + 1);
    if (c === C.Hash || (c === C.Slash && d === C.Slash)) {
      const end = this.lineEnd(p);
      this.found.push({ start: p, end: end > p && text.charCodeAt(end - 1) === C.CarriageReturn && end < text.length ? end - 1 : end });
      return end;
    }
    if (c === C.Slash && d === C.Star) return this.blockCommentEnd(p);
    if (c === C.Quote) {
      this.stack.push({ kind: 'quoted' });
      return p + 1;
    }
    if (c === C.Less && d === C.Less) return this.heredocEnd(p);
    if (hole?.kind === 'hole') {
      if (c === C.LBrace) hole.braces++;
      else if (c === C.RBrace) {
        // The brace that closes the sequence resumes the string's text; others close braces opened inside it.
        if (hole.braces === 0) this.stack.pop();
        else hole.braces--;
      }
    }
    return p + 1;
  }

  /** One step inside a quoted string; returns where to go on. */
  private inQuoted(p: number): number {
    const text = this.text;
    const n = text.length;
    let c = text.charCodeAt(p);
    while (c >= 128 || QUOTED_STOPS[c] !== 1) {
      if (++p >= n) return n;
      c = text.charCodeAt(p);
    }
    const d = text.charCodeAt(p + 1);
    if (c === C.Quote) {
      this.stack.pop();
      return p + 1;
    }
    if (c === C.LineFeed || (c === C.CarriageReturn && d === C.LineFeed)) {
      // A quoted string cannot span lines: an unterminated one ends here, and the line break is code again.
      this.stack.pop();
      return p;
    }
    if (c === C.Backslash) return d === C.LineFeed || d === C.CarriageReturn || Number.isNaN(d) ? p + 1 : p + 2;
    if ((c === C.Dollar || c === C.Percent) && d === c && text.charCodeAt(p + 2) === C.LBrace) return p + 3;
    if ((c === C.Dollar || c === C.Percent) && d === C.LBrace) {
      this.stack.push({ kind: 'hole', braces: 0 });
      return p + 2;
    }
    return p + 1;
  }

  /** The end of the block comment at `p`; an unterminated one ends where the front end's lexer ends it. */
  private blockCommentEnd(p: number): number {
    const close = this.text.indexOf('*/', p + 2);
    if (close >= 0) return close + 2;
    return this.cutBeforeHeader(this.lineEnd(p) + 1);
  }

  /**
   * The end of the heredoc whose `<<` is at `p`: past the marker of its closing line. Everything in between, the rest
   * of the introducer's line included, is the heredoc's. Without an identifier after `<<` (or `<<-`) it is no heredoc.
   */
  private heredocEnd(p: number): number {
    const text = this.text;
    const n = text.length;
    const markerStart = text.charCodeAt(p + 2) === C.Minus ? p + 3 : p + 2;
    if (!isIdentStartAt(text, markerStart, n)) return p + 2;
    const markerEnd = identEnd(text, markerStart, n);
    const marker = text.slice(markerStart, markerEnd);
    const lineEnd = this.lineEnd(markerEnd);
    const bodyStart = lineEnd < n ? lineEnd + 1 : n;
    const known = this.unclosedFrom.get(marker);
    if (known === undefined || known > bodyStart) {
      for (let line = bodyStart; line < n; line = this.lineEnd(line) + 1) {
        let s = line;
        while (text.charCodeAt(s) === 0x20 || text.charCodeAt(s) === 0x09) s++;
        if (!text.startsWith(marker, s)) continue;
        let t = s + marker.length;
        while (t < n && (text.charCodeAt(t) === 0x20 || text.charCodeAt(t) === 0x09 || text.charCodeAt(t) === C.CarriageReturn)) t++;
        if (t >= n || text.charCodeAt(t) === C.LineFeed) return s + marker.length;
      }
      this.unclosedFrom.set(marker, bodyStart);
    }
    return Math.max(markerEnd, this.cutBeforeHeader(bodyStart));
  }

  /** Where an unterminated construct ends: before the line break in front of the next top-level header line, or at the end. */
  private cutBeforeHeader(from: number): number {
    const n = this.text.length;
    const header = this.nextHeaderLine(from);
    if (header >= n) return n;
    let cut = header - 1;
    if (cut > 0 && this.text.charCodeAt(cut - 1) === C.CarriageReturn) cut--;
    return Math.max(cut, Math.min(from, n));
  }

  /** The first line at or after `from` that reads like a top-level block header (the front end's own test), or the end. */
  private nextHeaderLine(from: number): number {
    const text = this.text;
    if (this.headers === undefined) {
      const lexer = new Lexer(text, []);
      const headers: number[] = [];
      for (let line = 0; line < text.length; line = this.lineEnd(line) + 1) if (lexer.looksLikeTopLevelHeaderLine(line)) headers.push(line);
      this.headers = headers;
    }
    const headers = this.headers;
    let low = 0;
    let high = headers.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (headers[mid]! < from) low = mid + 1;
      else high = mid;
    }
    return low < headers.length ? headers[low]! : text.length;
  }

  /** The offset of the `\n` ending the line at `p`, or the end of the text. */
  private lineEnd(p: number): number {
    const i = this.text.indexOf('\n', p);
    return i < 0 ? this.text.length : i;
  }
}
