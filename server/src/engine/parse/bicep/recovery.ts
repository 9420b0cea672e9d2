// Finds the lines that start a declaration, the synchronisation points that keep one broken declaration from eating the next.
import { F, K, T, type TokenList } from './tokens';

/**
 * The tokens that begin a line and plainly begin a declaration, with their columns, in text order.
 *
 * The parser uses them as barriers: while it parses a declaration that starts at column `c`, the next
 * declaration start at a column `<= c` reads as the end of the file, so a missing `}` or `]` closes every open
 * construct there (with an error on the unclosed opener) instead of swallowing the rest of the file.
 * This is safe on valid code because such a line cannot occur inside a declaration: a keyword followed by a name
 * on the same line is no property (`param: 1`), no value and no type.
 */
export interface DeclarationStarts {
  /** Token indexes, increasing. */
  index: Int32Array;
  /** The column (UTF-16 units from the line's start) of each. */
  column: Int32Array;
  count: number;
}

/** How far a decorator may reach across lines before we stop believing it decorates a declaration. */
const MAX_DECORATOR_TOKENS = 20000;

/** Marks every line-start token that begins a declaration (or a decorator of one). */
export function findDeclarationStarts(text: string, tokens: TokenList): DeclarationStarts {
  const count = tokens.count;
  const kinds = tokens.kind;
  const flags = tokens.flags;
  const keywords = tokens.keyword;
  const isStart = new Uint8Array(count);
  let match: Int32Array | undefined;
  let found = 0;
  // Backwards, so that a decorator can ask whether the line it leads to is itself a declaration start.
  for (let i = count - 1; i >= 0; i--) {
    if ((flags[i]! & F.LineStart) === 0) continue;
    const kind = kinds[i]!;
    let start = false;
    if (kind === T.Identifier) {
      start = isKeywordStart(keywords[i]!, kinds[i + 1] ?? T.EOF, keywords[i + 1] ?? K.None, flags[i + 1] ?? 0);
    } else if (kind === T.At && kinds[i + 1] === T.Identifier && (flags[i + 1]! & F.LineStart) === 0) {
      match ??= matchBrackets(kinds, count);
      const next = nextLineAtDepthZero(kinds, flags, match, i + 1, count);
      start = next >= 0 && isStart[next] === 1;
    }
    if (start) {
      isStart[i] = 1;
      found++;
    }
  }
  const index = new Int32Array(found);
  const column = new Int32Array(found);
  let k = 0;
  for (let i = 0; i < count; i++) {
    if (isStart[i] !== 1) continue;
    index[k] = i;
    column[k] = (flags[i]! & F.Column0) !== 0 ? 0 : columnOf(text, tokens.start[i]!);
    k++;
  }
  return { index, column, count: found };
}

/** Whether a line-start keyword followed by the given token begins a declaration. */
function isKeywordStart(keyword: K, nextKind: T, nextKeyword: K, nextFlags: number): boolean {
  if ((nextFlags & F.LineStart) !== 0) return false;
  switch (keyword) {
    case K.Param:
    case K.Var:
    case K.Resource:
    case K.Output:
    case K.Module:
    case K.Type:
    case K.Func:
    case K.Metadata:
    case K.Assert:
    case K.Test:
      return nextKind === T.Identifier;
    case K.TargetScope:
      return nextKind === T.Assign;
    case K.Import:
      return nextKind === T.LBrace || nextKind === T.Star || nextKind === T.StringComplete || nextKind === T.Identifier;
    case K.Using:
      return nextKind === T.StringComplete || (nextKind === T.Identifier && nextKeyword === K.None_);
    case K.Extends:
      return nextKind === T.StringComplete;
    case K.Extension:
      return nextKind === T.Identifier || nextKind === T.StringComplete;
    default:
      return false;
  }
}

/**
 * For each opening bracket (or `'${`), the index of the token that closes it, or -1 when none does; any closer
 * closes the innermost opener, which is exact on valid code and good enough on broken code.
 */
function matchBrackets(kinds: Uint8Array, count: number): Int32Array {
  const match = new Int32Array(count).fill(-1);
  const open: number[] = [];
  for (let j = 0; j < count; j++) {
    const kind = kinds[j]!;
    if (kind === T.LParen || kind === T.LBracket || kind === T.LBrace || kind === T.StringLeft) open.push(j);
    else if ((kind === T.RParen || kind === T.RBracket || kind === T.RBrace || kind === T.StringRight) && open.length > 0) match[open.pop()!] = j;
  }
  return match;
}

/**
 * The first line-start token after `from` that lies outside every bracket opened after `from`, or -1.
 * Brackets are jumped over whole, so the walk touches only the decorator's own top-level tokens.
 */
function nextLineAtDepthZero(kinds: Uint8Array, flags: Uint8Array, match: Int32Array, from: number, count: number): number {
  let steps = 0;
  for (let j = from; j < count && steps < MAX_DECORATOR_TOKENS; j++, steps++) {
    const kind = kinds[j]!;
    if (j > from && (flags[j]! & F.LineStart) !== 0) return j;
    if (kind === T.EOF) return -1;
    if (kind === T.LParen || kind === T.LBracket || kind === T.LBrace || kind === T.StringLeft) {
      j = match[j]!;
      if (j < 0) return -1;
    }
  }
  return -1;
}

/** The column of an offset: the distance back to the nearest line break (a BOM at the file's start is no column). */
export function columnOf(text: string, offset: number): number {
  let p = offset;
  while (p > 0) {
    const c = text.charCodeAt(p - 1);
    if (c === 10 || c === 13) break;
    p--;
  }
  if (p === 0 && text.charCodeAt(0) === 0xfeff && offset > 0) return offset - 1;
  return offset - p;
}
