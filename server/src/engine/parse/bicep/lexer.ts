// The Bicep lexer: one pass over the char codes of the text into a TokenList, never throwing, reporting bad characters.
import type { ParseError } from '../../types';
import { BoundedErrors } from '../errorLimit';
import { F, K, T, TokenList, keywordOf } from './tokens';

/** The tokens of a text and the character-level errors met while cutting them. */
export interface LexResult {
  tokens: TokenList;
  errors: ParseError[];
}

const enum C {
  Tab = 9,
  LineFeed = 10,
  VerticalTab = 11,
  FormFeed = 12,
  CarriageReturn = 13,
  Space = 32,
  Bang = 33,
  Hash = 35,
  Dollar = 36,
  Percent = 37,
  Ampersand = 38,
  Quote = 39,
  LParen = 40,
  RParen = 41,
  Star = 42,
  Plus = 43,
  Comma = 44,
  Minus = 45,
  Dot = 46,
  Slash = 47,
  Digit0 = 48,
  Digit9 = 57,
  Colon = 58,
  Semicolon = 59,
  Less = 60,
  Equals = 61,
  Greater = 62,
  Question = 63,
  At = 64,
  UpperA = 65,
  UpperZ = 90,
  LBracket = 91,
  Backslash = 92,
  RBracket = 93,
  Underscore = 95,
  LowerA = 97,
  LowerF = 102,
  LowerN = 110,
  LowerR = 114,
  LowerT = 116,
  LowerU = 117,
  LowerZ = 122,
  LBrace = 123,
  Pipe = 124,
  RBrace = 125,
  Tilde = 126,
  NoBreakSpace = 0xa0,
  Bom = 0xfeff,
}

/** Letters and digits beyond ASCII; only consulted on the rare non-ASCII path. */
const UNICODE_WORD = /^[\p{L}\p{N}\p{Mn}\p{Mc}]$/u;

function isAsciiIdentifierPart(c: number): boolean {
  return (c >= C.LowerA && c <= C.LowerZ) || (c >= C.UpperA && c <= C.UpperZ) || (c >= C.Digit0 && c <= C.Digit9) || c === C.Underscore;
}

function isHexDigit(c: number): boolean {
  return (c >= C.Digit0 && c <= C.Digit9) || (c >= C.LowerA && c <= C.LowerF) || (c >= C.UpperA && c <= 70);
}

/** The length in code units of the code point at `pos` (2 for a well-formed surrogate pair). */
function codePointLength(text: string, pos: number): number {
  const c = text.charCodeAt(pos);
  if (c >= 0xd800 && c <= 0xdbff && pos + 1 < text.length) {
    const d = text.charCodeAt(pos + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

/** A non-ASCII code point that reads as part of a word (a letter, digit or combining mark in any script). */
function isUnicodeWordAt(text: string, pos: number): boolean {
  const c = text.charCodeAt(pos);
  if (c < 0x80) return false;
  return UNICODE_WORD.test(text.slice(pos, pos + codePointLength(text, pos)));
}

/**
 * Cuts `text` into tokens. Strings cannot span lines in Bicep, so an unterminated string ends at its line's end:
 * the damage a stray quote does stays on its line. Interpolation holes `${…}` are tracked with a stack of brace
 * depths, and a line break inside a hole abandons it for the same reason.
 */
export function lex(text: string): LexResult {
  const n = text.length;
  const tokens = new TokenList(Math.max(64, n >> 2));
  // Bounded: a file of stray quotes would otherwise hold one error object per line, millions of them.
  const errors = new BoundedErrors();
  // The brace depth at which each open `${` hole started (a `}` at that depth resumes its string), and for each
  // hole 0 when it sits in a one-line string, or the dollar count of the `$'''` multi-line string it sits in.
  const holes: number[] = [];
  const holeDollars: number[] = [];
  let braceDepth = 0;
  // No `'''` occurs at or after this offset: once a search for a closing `'''` fails, later ones need not rescan.
  let noClosingAfter = Number.MAX_SAFE_INTEGER;
  let pos = 0;
  let lineStart = 0;
  let sawLineBreak = true;
  if (n > 0 && text.charCodeAt(0) === C.Bom) {
    pos = 1;
    lineStart = 1;
  }

  let count = 0;
  let kinds = tokens.kind;
  let starts = tokens.start;
  let ends = tokens.end;
  let flagsOf = tokens.flags;
  let keywords = tokens.keyword;

  for (;;) {
    // Trivia: spaces, line breaks, comments and pragma lines.
    while (pos < n) {
      const c = text.charCodeAt(pos);
      if (c === C.Space || c === C.Tab) {
        pos++;
      } else if (c === C.LineFeed || c === C.CarriageReturn) {
        pos += c === C.CarriageReturn && text.charCodeAt(pos + 1) === C.LineFeed ? 2 : 1;
        lineStart = pos;
        sawLineBreak = true;
        // A one-line string cannot continue onto the next line, so neither can an interpolation hole inside it.
        while (holes.length > 0 && holeDollars[holeDollars.length - 1] === 0) {
          braceDepth = holes.pop()!;
          holeDollars.pop();
        }
      } else if (c === C.Slash) {
        const d = text.charCodeAt(pos + 1);
        if (d === C.Slash) {
          pos += 2;
          while (pos < n) {
            const e = text.charCodeAt(pos);
            if (e === C.LineFeed || e === C.CarriageReturn) break;
            pos++;
          }
        } else if (d === C.Star) {
          const open = pos;
          pos += 2;
          let closed = false;
          while (pos < n) {
            const e = text.charCodeAt(pos);
            if (e === C.Star && text.charCodeAt(pos + 1) === C.Slash) {
              pos += 2;
              closed = true;
              break;
            }
            pos++;
            if (e === C.LineFeed || (e === C.CarriageReturn && text.charCodeAt(pos) !== C.LineFeed)) {
              lineStart = pos;
              sawLineBreak = true;
            }
          }
          if (!closed) errors.push({ message: "This comment is never closed with '*/'.", span: { start: open, end: open + 2 } });
        } else {
          break;
        }
      } else if (c === C.Hash && sawLineBreak) {
        // `#disable-next-line rule` and friends are directives to the linter, not code: skip the whole line.
        while (pos < n) {
          const e = text.charCodeAt(pos);
          if (e === C.LineFeed || e === C.CarriageReturn) break;
          pos++;
        }
      } else if (c === C.VerticalTab || c === C.FormFeed || c === C.NoBreakSpace || c === C.Bom) {
        pos++;
      } else {
        break;
      }
    }

    if (count + 1 >= kinds.length) {
      tokens.count = count;
      tokens.grow();
      kinds = tokens.kind;
      starts = tokens.start;
      ends = tokens.end;
      flagsOf = tokens.flags;
      keywords = tokens.keyword;
    }

    let flags = (sawLineBreak ? F.LineStart : 0) | (pos === lineStart ? F.Column0 : 0);
    sawLineBreak = false;
    const start = pos;
    if (pos >= n) {
      kinds[count] = T.EOF;
      starts[count] = n;
      ends[count] = n;
      flagsOf[count] = flags;
      count++;
      break;
    }

    const c = text.charCodeAt(pos);
    let kind: T;
    let keyword = K.None;
    if ((c >= C.LowerA && c <= C.LowerZ) || (c >= C.UpperA && c <= C.UpperZ) || c === C.Underscore) {
      pos++;
      while (pos < n && isAsciiIdentifierPart(text.charCodeAt(pos))) pos++;
      if (pos < n && text.charCodeAt(pos) >= 0x80 && isUnicodeWordAt(text, pos)) {
        pos = scanUnicodeWord(text, pos);
        errors.push({ message: 'Bicep names may only use ASCII letters, digits and underscores.', span: { start, end: pos } });
      } else {
        keyword = keywordOf(text, start, pos - start);
      }
      kind = T.Identifier;
    } else if (c >= C.Digit0 && c <= C.Digit9) {
      pos++;
      while (pos < n) {
        const d = text.charCodeAt(pos);
        if (d < C.Digit0 || d > C.Digit9) break;
        pos++;
      }
      kind = T.Integer;
    } else {
      switch (c) {
        case C.Quote:
          if (text.charCodeAt(pos + 1) === C.Quote && text.charCodeAt(pos + 2) === C.Quote) {
            kind = T.MultilineString;
            const close = pos + 3 > noClosingAfter ? -1 : text.indexOf("'''", pos + 3);
            if (close < 0) noClosingAfter = Math.min(noClosingAfter, pos + 3);
            if (close < 0) {
              // Bicep would run to the end of the file; ending at the line's end keeps the rest of the file analysable.
              pos = endOfLine(text, pos + 3);
              flags |= F.Unterminated;
              errors.push({ message: "This multi-line string is never closed with '''.", span: { start, end: pos } });
            } else {
              // Quotes right after the closing ''' belong to the string: its last characters may be quotes.
              pos = close + 3;
              while (pos < n && text.charCodeAt(pos) === C.Quote) pos++;
              lineStart = lineStartAfter(text, start, pos, lineStart);
            }
          } else {
            pos = scanStringBody(text, pos + 1, errors, start);
            kind = pos < 0 ? T.StringLeft : T.StringComplete;
            if (pos < 0) {
              pos = -pos;
              holes.push(braceDepth);
              holeDollars.push(0);
            } else if (stringUnterminated) {
              flags |= F.Unterminated;
            }
          }
          break;
        case C.RBrace:
          if (holes.length > 0 && holes[holes.length - 1] === braceDepth) {
            holes.pop();
            const dollars = holeDollars.pop()!;
            if (dollars > 0) {
              flags |= F.Multiline;
              keyword = dollars as K;
              pos = scanMultilineBody(text, pos + 1, dollars);
            } else {
              pos = scanStringBody(text, pos + 1, errors, start);
            }
            if (pos < 0) {
              pos = -pos;
              kind = T.StringMiddle;
              holes.push(braceDepth);
              holeDollars.push(dollars);
            } else {
              kind = T.StringRight;
              if (stringUnterminated) {
                flags |= F.Unterminated;
                if (dollars > 0) errors.push({ message: "This multi-line string is never closed with '''.", span: { start, end: pos } });
              }
            }
            if (dollars > 0) lineStart = lineStartAfter(text, start, pos, lineStart);
          } else {
            pos++;
            braceDepth--;
            kind = T.RBrace;
          }
          break;
        case C.Dollar: {
          // `$'''…${x}…'''`, or with N dollars `$$'''…$${x}…'''`: an interpolated multi-line string.
          let q = pos;
          while (q < n && text.charCodeAt(q) === C.Dollar) q++;
          const dollars = q - pos;
          if (dollars < 256 && text.startsWith("'''", q)) {
            if (q + 3 > noClosingAfter || text.indexOf("'''", q + 3) < 0) {
              noClosingAfter = Math.min(noClosingAfter, q + 3);
              pos = endOfLine(text, q + 3);
              kind = T.MultilineString;
              flags |= F.Unterminated;
              errors.push({ message: "This multi-line string is never closed with '''.", span: { start, end: pos } });
              break;
            }
            flags |= F.Multiline;
            keyword = dollars as K;
            pos = scanMultilineBody(text, q + 3, dollars);
            if (pos < 0) {
              pos = -pos;
              kind = T.StringLeft;
              holes.push(braceDepth);
              holeDollars.push(dollars);
            } else {
              kind = T.StringComplete;
            }
            lineStart = lineStartAfter(text, start, pos, lineStart);
            break;
          }
          // The whole run of dollars is one bad token: rescanning it from each `$` would be quadratic.
          pos = q;
          kind = T.Unknown;
          errors.push({ message: "Unexpected '$'; interpolation is written '${…}' inside a string.", span: { start, end: pos } });
          break;
        }
        case C.LBrace:
          pos++;
          braceDepth++;
          kind = T.LBrace;
          break;
        case C.LParen: pos++; kind = T.LParen; break;
        case C.RParen: pos++; kind = T.RParen; break;
        case C.LBracket: pos++; kind = T.LBracket; break;
        case C.RBracket: pos++; kind = T.RBracket; break;
        case C.Comma: pos++; kind = T.Comma; break;
        case C.Semicolon: pos++; kind = T.Semicolon; break;
        case C.At: pos++; kind = T.At; break;
        case C.Plus: pos++; kind = T.Plus; break;
        case C.Minus: pos++; kind = T.Minus; break;
        case C.Star: pos++; kind = T.Star; break;
        case C.Slash: pos++; kind = T.Slash; break;
        case C.Percent: pos++; kind = T.Percent; break;
        case C.Dot:
          if (text.charCodeAt(pos + 1) === C.Dot && text.charCodeAt(pos + 2) === C.Dot) {
            pos += 3;
            kind = T.Ellipsis;
          } else {
            pos++;
            kind = T.Dot;
          }
          break;
        case C.Colon:
          if (text.charCodeAt(pos + 1) === C.Colon) {
            pos += 2;
            kind = T.DoubleColon;
          } else {
            pos++;
            kind = T.Colon;
          }
          break;
        case C.Question:
          if (text.charCodeAt(pos + 1) === C.Question) {
            pos += 2;
            kind = T.DoubleQuestion;
          } else {
            pos++;
            kind = T.Question;
          }
          break;
        case C.Equals: {
          const d = text.charCodeAt(pos + 1);
          if (d === C.Equals) {
            pos += 2;
            kind = T.Equals;
          } else if (d === C.Tilde) {
            pos += 2;
            kind = T.EqualsInsensitive;
          } else if (d === C.Greater) {
            pos += 2;
            kind = T.Arrow;
          } else {
            pos++;
            kind = T.Assign;
          }
          break;
        }
        case C.Bang: {
          const d = text.charCodeAt(pos + 1);
          if (d === C.Equals) {
            pos += 2;
            kind = T.NotEquals;
          } else if (d === C.Tilde) {
            pos += 2;
            kind = T.NotEqualsInsensitive;
          } else {
            pos++;
            kind = T.Bang;
          }
          break;
        }
        case C.Less:
          if (text.charCodeAt(pos + 1) === C.Equals) {
            pos += 2;
            kind = T.LessOrEqual;
          } else {
            pos++;
            kind = T.Less;
          }
          break;
        case C.Greater:
          if (text.charCodeAt(pos + 1) === C.Equals) {
            pos += 2;
            kind = T.GreaterOrEqual;
          } else {
            pos++;
            kind = T.Greater;
          }
          break;
        case C.Ampersand:
          if (text.charCodeAt(pos + 1) === C.Ampersand) {
            pos += 2;
            kind = T.AndAnd;
          } else {
            pos++;
            kind = T.Unknown;
            errors.push({ message: "Unexpected character '&'; did you mean '&&'?", span: { start, end: pos } });
          }
          break;
        case C.Pipe:
          if (text.charCodeAt(pos + 1) === C.Pipe) {
            pos += 2;
            kind = T.OrOr;
          } else {
            pos++;
            kind = T.Pipe;
          }
          break;
        default:
          if (isUnicodeWordAt(text, pos)) {
            // A name in another script: keep it one token so the declaration around it survives.
            pos = scanUnicodeWord(text, pos);
            kind = T.Identifier;
            errors.push({ message: 'Bicep names may only use ASCII letters, digits and underscores.', span: { start, end: pos } });
          } else {
            // A run of characters Bicep has no use for becomes one token with one error.
            pos += codePointLength(text, pos);
            while (pos < n && isStray(text, pos)) pos += codePointLength(text, pos);
            kind = T.Unknown;
            const shown = pos - start <= 12 ? ` '${text.slice(start, pos)}'` : '';
            const plural = pos - start > codePointLength(text, start) ? 's' : '';
            errors.push({ message: `Unexpected character${plural}${shown}.`, span: { start, end: pos } });
          }
          break;
      }
    }
    kinds[count] = kind;
    starts[count] = start;
    ends[count] = pos;
    flagsOf[count] = flags;
    keywords[count] = keyword;
    count++;
  }
  tokens.count = count;
  return { tokens, errors: errors.list() };
}

function endOfLine(text: string, pos: number): number {
  const n = text.length;
  while (pos < n) {
    const c = text.charCodeAt(pos);
    if (c === C.LineFeed || c === C.CarriageReturn) break;
    pos++;
  }
  return pos;
}

/** Whether the character at `pos` starts no token and is no trivia: one more stray character for an Unknown run. */
function isStray(text: string, pos: number): boolean {
  const c = text.charCodeAt(pos);
  if (c < 0x80) {
    // ASCII: only these start nothing (a `#` after code on its line is no pragma).
    return c === C.Hash || c === 96 /* ` */ || c === C.Backslash || c === 94 /* ^ */ || c === C.Tilde || c === 34 /* " */ || (c < 32 && c !== C.Tab && c !== C.LineFeed && c !== C.CarriageReturn && c !== C.VerticalTab && c !== C.FormFeed) || c === 127;
  }
  return c !== C.NoBreakSpace && c !== C.Bom && !isUnicodeWordAt(text, pos);
}

/** Where the current line starts after a token that may span lines. */
function lineStartAfter(text: string, tokenStart: number, tokenEnd: number, lineStart: number): number {
  for (let p = tokenEnd - 1; p >= tokenStart; p--) {
    const c = text.charCodeAt(p);
    if (c === C.LineFeed || c === C.CarriageReturn) return p + 1;
  }
  return lineStart;
}

/**
 * Scans the content of an interpolated multi-line string from `pos`: returns the offset after the closing
 * `'''` (and any quotes glued to it), or the negated offset after a hole opener (`dollars` × `$` and `{`).
 * Runs to the end of the text when unclosed, setting `stringUnterminated`.
 */
function scanMultilineBody(text: string, pos: number, dollars: number): number {
  const n = text.length;
  stringUnterminated = false;
  while (pos < n) {
    const c = text.charCodeAt(pos);
    if (c === C.Quote && text.charCodeAt(pos + 1) === C.Quote && text.charCodeAt(pos + 2) === C.Quote) {
      pos += 3;
      while (pos < n && text.charCodeAt(pos) === C.Quote) pos++;
      return pos;
    }
    if (c === C.Dollar) {
      let q = pos;
      while (q < n && text.charCodeAt(q) === C.Dollar) q++;
      if (q - pos >= dollars && text.charCodeAt(q) === C.LBrace) return -(q + 1);
      pos = q;
      continue;
    }
    pos++;
  }
  stringUnterminated = true;
  return pos;
}

function scanUnicodeWord(text: string, pos: number): number {
  const n = text.length;
  while (pos < n) {
    const c = text.charCodeAt(pos);
    if (isAsciiIdentifierPart(c)) pos++;
    else if (c >= 0x80 && isUnicodeWordAt(text, pos)) pos += codePointLength(text, pos);
    else break;
  }
  return pos;
}

/** Set by scanStringBody: whether the string it just scanned ran out of line before its closing quote. */
let stringUnterminated = false;

/**
 * Scans string content from `pos` (just after `'` or the `}` that closes a hole). Returns the offset after the
 * closing quote (or the line's end when unterminated), or the negated offset after `${` when a hole opens.
 */
function scanStringBody(text: string, pos: number, errors: BoundedErrors, tokenStart: number): number {
  const n = text.length;
  stringUnterminated = false;
  while (pos < n) {
    const c = text.charCodeAt(pos);
    if (c === C.Quote) return pos + 1;
    if (c === C.Dollar && text.charCodeAt(pos + 1) === C.LBrace) return -(pos + 2);
    if (c === C.LineFeed || c === C.CarriageReturn) break;
    if (c === C.Backslash) {
      const d = text.charCodeAt(pos + 1);
      if (d === C.Quote || d === C.Backslash || d === C.LowerN || d === C.LowerR || d === C.LowerT || d === C.Dollar) {
        pos += 2;
      } else if (d === C.LowerU && text.charCodeAt(pos + 2) === C.LBrace) {
        let p = pos + 3;
        while (p < n && isHexDigit(text.charCodeAt(p))) p++;
        const digits = p - (pos + 3);
        if (text.charCodeAt(p) === C.RBrace && digits >= 1 && digits <= 6 && parseInt(text.slice(pos + 3, p), 16) <= 0x10ffff) {
          pos = p + 1;
        } else {
          errors.push({ message: 'A \\u escape needs 1 to 6 hex digits naming a code point, as in \\u{1F600}.', span: { start: pos, end: Math.min(p + 1, endOfLine(text, pos)) } });
          pos = p;
        }
      } else if (d === C.LineFeed || d === C.CarriageReturn || pos + 1 >= n) {
        pos++;
        break;
      } else {
        const len = 1 + codePointLength(text, pos + 1);
        errors.push({ message: "Unknown escape sequence; Bicep knows \\' \\\\ \\n \\r \\t \\$ and \\u{…}.", span: { start: pos, end: pos + len } });
        pos += len;
      }
    } else {
      pos++;
    }
  }
  stringUnterminated = true;
  errors.push({ message: 'This string is never closed with a quote on its line.', span: { start: tokenStart, end: pos } });
  return pos;
}
