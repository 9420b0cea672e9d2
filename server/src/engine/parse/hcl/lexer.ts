// The single-pass, char-code HCL scanner: it yields one normal-mode token at a time and never throws.
import type { ParseError } from '../../types';
import { T } from './tokens';

/** The top-level block types of Terraform, used to spot where a block that was never closed must have ended. */
export const TOP_LEVEL_KEYWORDS: ReadonlySet<string> = new Set([
  'resource',
  'data',
  'module',
  'variable',
  'output',
  'locals',
  'provider',
  'terraform',
  'moved',
  'import',
  'check',
  'removed',
  'ephemeral',
]);

// ASCII character classes as lookup tables, so that the hot loops do one array read per character.
const ID_START = new Uint8Array(128);
const ID_PART = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  ID_START[c] = letter ? 1 : 0;
  ID_PART[c] = letter || (c >= 48 && c <= 57) || c === 45 ? 1 : 0;
}
const UNICODE_ID_START = /^\p{ID_Start}$/u;
const UNICODE_ID_CONTINUE = /^\p{ID_Continue}$/u;

/** The code point at `i` (joining a surrogate pair), or -1 past `limit`. */
function codePointAt(text: string, i: number, limit: number): number {
  if (i >= limit) return -1;
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < limit) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  }
  return c;
}

/** True when a non-ASCII code point may start an identifier (Unicode ID_Start). */
function isUnicodeIdStart(cp: number): boolean {
  return UNICODE_ID_START.test(String.fromCodePoint(cp));
}

/** True when a non-ASCII code point may continue an identifier (Unicode ID_Continue). */
function isUnicodeIdContinue(cp: number): boolean {
  return UNICODE_ID_CONTINUE.test(String.fromCodePoint(cp));
}

/** True when the character at `i` may start an identifier. */
export function isIdentStartAt(text: string, i: number, limit: number): boolean {
  if (i >= limit) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return ID_START[c] === 1;
  return isUnicodeIdStart(codePointAt(text, i, limit));
}

/** The end of the identifier whose first character is at `i` (which must be an identifier start). */
export function identEnd(text: string, i: number, limit: number): number {
  let p = i + (text.charCodeAt(i) >= 0xd800 && text.charCodeAt(i) <= 0xdbff ? 2 : 1);
  while (p < limit) {
    const c = text.charCodeAt(p);
    if (c < 128) {
      if (ID_PART[c] !== 1) break;
      p++;
    } else {
      const cp = codePointAt(text, p, limit);
      if (!isUnicodeIdContinue(cp)) break;
      p += cp > 0xffff ? 2 : 1;
    }
  }
  return p > limit ? limit : p;
}

/** True when `pos` is the first column of a line (a byte-order mark at the start of the file does not count). */
export function isLineStart(text: string, pos: number): boolean {
  if (pos === 0) return true;
  const c = text.charCodeAt(pos - 1);
  return c === 10 || (pos === 1 && c === 0xfeff);
}

/**
 * The scanner. It keeps exactly one current token in its fields (`kind`, `start`, `end`, `nl`) and scans the
 * next one on `next()`. Templates are not tokenised here: on `Quote` or `Heredoc` the parser reads the template
 * text itself from `pos`, and calls `next()` again inside `${ … }` and `%{ … }`. `limit` stops every scan early,
 * so that a heredoc's interpolations can never run past its closing marker.
 */
export class Lexer {
  readonly text: string;
  /** Where the next scan starts. */
  pos: number;
  /** Scanning never reads at or past this offset. */
  limit: number;
  kind: T = T.EOF;
  start = 0;
  end = 0;
  /** True when a line break lies between the previous token and this one. */
  nl = false;

  // Details of a `Heredoc` token, filled in when it is scanned.
  hdFlush = false;
  hdMarkerStart = 0;
  hdMarkerEnd = 0;
  /** True when nothing but a line break follows the marker on the introducer's line. */
  hdHeaderOk = true;
  hdBodyStart = 0;
  /** The start of the closing-marker line (or of where an unterminated body was cut off). */
  hdBodyEnd = 0;
  /** The end of the closing marker. */
  hdEnd = 0;
  hdTerminated = false;

  readonly errors: ParseError[];
  /** Comment errors are reported by the scanner; re-scanning after a look-ahead must not report them twice. */
  private commentErrorFloor = -1;

  /** Set by `findClosingMarker`: the end of the marker it found. */
  private closingMarkerEnd = 0;
  /**
   * Per marker text, the smallest offset from which a search found no closing line (within the whole text). A later
   * heredoc with the same marker that starts after it cannot be closed either, so many unterminated heredocs cost one
   * scan, not one scan each.
   */
  private readonly unclosedFrom = new Map<string, number>();
  /** Offsets of the lines that read like top-level block headers, found once on first need. */
  private headerLines: number[] | null = null;

  constructor(text: string, errors: ParseError[]) {
    this.text = text;
    this.limit = text.length;
    this.errors = errors;
    this.pos = text.length > 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  /** Scans the next normal-mode token into the current-token fields. */
  next(): void {
    const text = this.text;
    const limit = this.limit;
    let p = this.pos;
    let nl = false;
    // Whitespace, line breaks and comments.
    for (;;) {
      if (p >= limit) {
        this.kind = T.EOF;
        this.start = this.end = this.pos = limit;
        this.nl = nl;
        return;
      }
      const c = text.charCodeAt(p);
      if (c === 32 || c === 9 || c === 13) {
        p++;
      } else if (c === 10) {
        nl = true;
        p++;
      } else if (c === 35) {
        p = this.lineEnd(p);
      } else if (c === 47 && p + 1 < limit && text.charCodeAt(p + 1) === 47) {
        p = this.lineEnd(p);
      } else if (c === 47 && p + 1 < limit && text.charCodeAt(p + 1) === 42) {
        p = this.blockCommentEnd(p);
      } else {
        break;
      }
    }
    this.start = p;
    this.nl = nl;
    const c = text.charCodeAt(p);
    const c1 = p + 1 < limit ? text.charCodeAt(p + 1) : -1;
    let kind: T;
    let e = p + 1;
    switch (c) {
      case 123:
        kind = T.LBrace;
        break;
      case 125:
        kind = T.RBrace;
        break;
      case 91:
        kind = T.LBrack;
        break;
      case 93:
        kind = T.RBrack;
        break;
      case 40:
        kind = T.LParen;
        break;
      case 41:
        kind = T.RParen;
        break;
      case 44:
        kind = T.Comma;
        break;
      case 63:
        kind = T.Question;
        break;
      case 43:
        kind = T.Plus;
        break;
      case 45:
        kind = T.Minus;
        break;
      case 42:
        kind = T.Star;
        break;
      case 47:
        kind = T.Slash;
        break;
      case 37:
        if (c1 === 123) {
          kind = T.TemplateSeq;
          e = p + 2;
        } else {
          kind = T.Percent;
        }
        break;
      case 36:
        if (c1 === 123) {
          kind = T.TemplateSeq;
          e = p + 2;
        } else {
          kind = T.Invalid;
        }
        break;
      case 34:
        kind = T.Quote;
        break;
      case 46:
        if (c1 === 46 && p + 2 < limit && text.charCodeAt(p + 2) === 46) {
          kind = T.Ellipsis;
          e = p + 3;
        } else {
          kind = T.Dot;
        }
        break;
      case 58:
        if (c1 === 58) {
          kind = T.DoubleColon;
          e = p + 2;
        } else {
          kind = T.Colon;
        }
        break;
      case 61:
        if (c1 === 61) {
          kind = T.Eq;
          e = p + 2;
        } else if (c1 === 62) {
          kind = T.Arrow;
          e = p + 2;
        } else {
          kind = T.Assign;
        }
        break;
      case 33:
        if (c1 === 61) {
          kind = T.NotEq;
          e = p + 2;
        } else {
          kind = T.Bang;
        }
        break;
      case 60:
        if (c1 === 61) {
          kind = T.Le;
          e = p + 2;
        } else if (c1 === 60) {
          e = this.scanHeredocIntro(p);
          kind = e > 0 ? T.Heredoc : T.Invalid;
          if (e < 0) e = p + 2;
        } else {
          kind = T.Lt;
        }
        break;
      case 62:
        if (c1 === 61) {
          kind = T.Ge;
          e = p + 2;
        } else {
          kind = T.Gt;
        }
        break;
      case 38:
        if (c1 === 38) {
          kind = T.And;
          e = p + 2;
        } else {
          kind = T.Invalid;
        }
        break;
      case 124:
        if (c1 === 124) {
          kind = T.Or;
          e = p + 2;
        } else {
          kind = T.Invalid;
        }
        break;
      case 126:
        if (c1 === 125) {
          kind = T.TildeRBrace;
          e = p + 2;
        } else {
          kind = T.Invalid;
        }
        break;
      default:
        if (c >= 48 && c <= 57) {
          kind = T.Number;
          e = this.numberEnd(p);
        } else if (c < 128) {
          if (ID_START[c] === 1) {
            kind = T.Ident;
            e = identEnd(text, p, limit);
          } else {
            kind = T.Invalid;
          }
        } else {
          const cp = codePointAt(text, p, limit);
          if (isUnicodeIdStart(cp)) {
            kind = T.Ident;
            e = identEnd(text, p, limit);
          } else {
            kind = T.Invalid;
            // Never split a surrogate pair: spans must cut the text at character boundaries.
            if (cp > 0xffff) e = p + 2;
          }
        }
    }
    this.kind = kind;
    this.end = e;
    this.pos = e;
  }

  /** The offset of the line break that ends the line containing `p`, or `limit`. */
  lineEnd(p: number): number {
    const i = this.text.indexOf('\n', p);
    return i < 0 || i > this.limit ? this.limit : i;
  }

  /**
   * The end of the block comment at `p`. One that is never closed ends before the next line that reads like a
   * top-level block header (and before the line break in front of it), not at the end of the file: a stray `/*`,
   * say inside a string whose quote was lost, must not hide the rest of the file.
   */
  private blockCommentEnd(p: number): number {
    const i = this.text.indexOf('*/', p + 2);
    if (i >= 0 && i + 2 <= this.limit) return i + 2;
    if (p > this.commentErrorFloor) {
      this.commentErrorFloor = p;
      this.errors.push({ message: 'This comment is never closed: "*/" is missing.', span: { start: p, end: p + 2 } });
    }
    const header = this.nextTopLevelHeaderLine(this.lineEnd(p) + 1);
    return header < this.limit ? header - 1 : this.limit;
  }

  private numberEnd(p: number): number {
    const text = this.text;
    const limit = this.limit;
    let i = p + 1;
    while (i < limit && isDigit(text.charCodeAt(i))) i++;
    if (i + 1 < limit && text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) {
      i += 2;
      while (i < limit && isDigit(text.charCodeAt(i))) i++;
    }
    if (i < limit) {
      const c = text.charCodeAt(i);
      if (c === 101 || c === 69) {
        let j = i + 1;
        if (j < limit && (text.charCodeAt(j) === 43 || text.charCodeAt(j) === 45)) j++;
        if (j < limit && isDigit(text.charCodeAt(j))) {
          j++;
          while (j < limit && isDigit(text.charCodeAt(j))) j++;
          i = j;
        }
      }
    }
    return i;
  }

  /**
   * Scans `<<EOT` / `<<-EOT` at `p`, then finds the body and the closing marker: the first later line that holds
   * only the marker (indentation allowed). Returns the end of the introducer, or -1 when no identifier follows `<<`.
   */
  private scanHeredocIntro(p: number): number {
    const text = this.text;
    const limit = this.limit;
    let q = p + 2;
    const flush = q < limit && text.charCodeAt(q) === 45;
    if (flush) q++;
    if (!isIdentStartAt(text, q, limit)) return -1;
    const markerEnd = identEnd(text, q, limit);
    this.hdFlush = flush;
    this.hdMarkerStart = q;
    this.hdMarkerEnd = markerEnd;
    let r = markerEnd;
    while (r < limit && isBlank(text.charCodeAt(r))) r++;
    this.hdHeaderOk = r >= limit || text.charCodeAt(r) === 10;
    const lineEnd = this.lineEnd(markerEnd);
    const bodyStart = lineEnd < limit ? lineEnd + 1 : limit;
    this.hdBodyStart = bodyStart;
    const closing = this.findClosingMarker(q, markerEnd, bodyStart);
    if (closing >= 0) {
      this.hdBodyEnd = closing;
      this.hdEnd = this.closingMarkerEnd;
      this.hdTerminated = true;
      return markerEnd;
    }
    // No closing marker: end the body before the next line that reads like a top-level block header, so that one
    // missing marker does not swallow the rest of the file, and stop before the line break in front of that line
    // so that the header still starts a new line.
    this.hdTerminated = false;
    let cut = this.nextTopLevelHeaderLine(bodyStart);
    if (cut < limit) {
      cut--;
      if (cut > 0 && text.charCodeAt(cut - 1) === 13) cut--;
      if (cut < bodyStart) this.hdBodyStart = cut;
    }
    this.hdBodyEnd = cut;
    this.hdEnd = cut;
    return markerEnd;
  }

  /** The start of the line closing the heredoc whose marker is at `markerStart..markerEnd`, or -1. */
  private findClosingMarker(markerStart: number, markerEnd: number, bodyStart: number): number {
    const text = this.text;
    const limit = this.limit;
    const wholeText = limit === text.length;
    const marker = wholeText ? text.slice(markerStart, markerEnd) : '';
    if (wholeText) {
      const known = this.unclosedFrom.get(marker);
      if (known !== undefined && known <= bodyStart) return -1;
    }
    const markerLength = markerEnd - markerStart;
    let line = bodyStart;
    while (line < limit) {
      let s = line;
      while (s < limit && (text.charCodeAt(s) === 32 || text.charCodeAt(s) === 9)) s++;
      if (s + markerLength <= limit && this.sameChars(markerStart, s, markerLength)) {
        let t = s + markerLength;
        while (t < limit && isBlank(text.charCodeAt(t))) t++;
        if (t >= limit || text.charCodeAt(t) === 10) {
          this.closingMarkerEnd = s + markerLength;
          return line;
        }
      }
      line = this.lineEnd(line) + 1;
    }
    if (wholeText) this.unclosedFrom.set(marker, bodyStart);
    return -1;
  }

  /** The first line at or after `from` that reads like a top-level block header, or `limit`. */
  private nextTopLevelHeaderLine(from: number): number {
    const limit = this.limit;
    if (limit !== this.text.length) {
      // Inside a heredoc's interpolation (rare): scan the short stretch directly.
      for (let line = from; line < limit; line = this.lineEnd(line) + 1) if (this.looksLikeTopLevelHeaderLine(line)) return line;
      return limit;
    }
    if (this.headerLines === null) {
      const found: number[] = [];
      for (let line = 0; line < limit; line = this.lineEnd(line) + 1) if (this.looksLikeTopLevelHeaderLine(line)) found.push(line);
      this.headerLines = found;
    }
    const lines = this.headerLines;
    let lo = 0;
    let hi = lines.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (lines[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < lines.length ? lines[lo]! : limit;
  }

  private sameChars(a: number, b: number, length: number): boolean {
    const text = this.text;
    for (let i = 0; i < length; i++) if (text.charCodeAt(a + i) !== text.charCodeAt(b + i)) return false;
    return true;
  }

  /** True when the line at `line` starts, in column 0, with a Terraform top-level keyword and ends with `{`. */
  looksLikeTopLevelHeaderLine(line: number): boolean {
    const text = this.text;
    const c = text.charCodeAt(line);
    if (!(c >= 97 && c <= 122)) return false;
    let e = line + 1;
    while (e < this.limit && ID_PART[text.charCodeAt(e)] === 1) e++;
    if (!TOP_LEVEL_KEYWORDS.has(text.slice(line, e))) return false;
    let end = this.lineEnd(line);
    while (end > e && isBlank(text.charCodeAt(end - 1))) end--;
    return end > e && text.charCodeAt(end - 1) === 123;
  }

  /**
   * From just after an opening `"`, the offset just past the closing `"` on the same line, or -1 when the line
   * ends first. Used by look-ahead only, so it does not decode anything.
   */
  skipQuotedOnLine(p: number): number {
    const text = this.text;
    const limit = this.limit;
    while (p < limit) {
      const c = text.charCodeAt(p);
      if (c === 34) return p + 1;
      if (c === 10) return -1;
      p += c === 92 ? 2 : 1;
    }
    return -1;
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}
