// The parser's token cursor, error reporting, nesting guard and the skipping helpers every recovery path uses.
import type { ParseError } from '../../types';
import { BoundedErrors } from '../errorLimit';
import type { MissingNode, SkippedNode } from './ast';
import { F, K, T, describeToken, type TokenList } from './tokens';

/**
 * How deep expressions and types may nest before the parser stops descending. Deeper input gets one
 * "nesting too deep" error and the rest of the over-deep construct is skipped, so no input can overflow the stack.
 */
export const MAX_DEPTH = 500;

/**
 * State and helpers shared by the expression, type and statement parsers (which extend it in that order).
 *
 * Positions: the cursor `i` indexes the token list. An `EOF` kind marks the end of the text, and also a
 * temporary *barrier*: the statement parser overwrites the kind of the next declaration's first token with
 * `EOF` while it parses the current declaration, so every loop below stops there without extra checks.
 */
export class ParserBase {
  protected readonly text: string;
  protected readonly kinds: Uint8Array;
  protected readonly keywords: Uint8Array;
  protected readonly flags: Uint8Array;
  protected readonly starts: Int32Array;
  protected readonly ends: Int32Array;
  protected i = 0;
  /** Bounded (see errorLimit.ts): unclosed nested resources can otherwise report one error per line of a huge file. */
  private readonly errorList = new BoundedErrors();
  protected depth = 0;
  /** How many of each bracket enclose the cursor, so a list can tell a closer that belongs to an outer construct. */
  protected openParens = 0;
  protected openBrackets = 0;
  protected openBraces = 0;
  protected openHoles = 0;
  /** The cursor position at which an unclosed construct was last reported; outer ones closing there stay quiet. */
  private unclosedReportedAt = -1;

  constructor(text: string, tokens: TokenList) {
    this.text = text;
    this.kinds = tokens.kind;
    this.keywords = tokens.keyword;
    this.flags = tokens.flags;
    this.starts = tokens.start;
    this.ends = tokens.end;
  }

  // -- cursor ------------------------------------------------------------------------------------------------------

  protected peek(): T {
    return this.kinds[this.i]!;
  }

  /** The kind `k` tokens ahead, or EOF when an EOF (or barrier) lies on the way. */
  protected peekAt(k: number): T {
    for (let j = this.i; j < this.i + k; j++) if (this.kinds[j] === T.EOF) return T.EOF;
    return this.kinds[this.i + k] as T;
  }

  /** Whether the current token is the identifier spelling keyword `k`. */
  protected atKeyword(k: K): boolean {
    return this.kinds[this.i] === T.Identifier && this.keywords[this.i] === k;
  }

  protected atLineStart(): boolean {
    return (this.flags[this.i]! & F.LineStart) !== 0;
  }

  /** Whether the current token exists and sits on the same line as the previous one. */
  protected onSameLine(): boolean {
    return this.kinds[this.i] !== T.EOF && (this.flags[this.i]! & F.LineStart) === 0;
  }

  protected tokenStart(): number {
    return this.starts[this.i]!;
  }

  protected tokenEnd(): number {
    return this.ends[this.i]!;
  }

  /** The end of the last consumed token: where a missing piece would have been written. */
  protected previousEnd(): number {
    return this.i > 0 ? this.ends[this.i - 1]! : this.starts[0]!;
  }

  protected advance(): void {
    if (this.kinds[this.i] !== T.EOF) this.i++;
  }

  // -- errors ------------------------------------------------------------------------------------------------------

  /** Records an error, unless one was already reported at the same offset (a cascade from the same cause). */
  protected error(message: string, start: number, end: number): void {
    const last = this.errorList.last();
    if (last !== undefined && last.span.start === start) return;
    this.errorList.push({ message, span: { start, end } });
  }

  /** The errors reported so far, in the order reported; past MAX_ERRORS the last one stands for the rest. */
  get errors(): ParseError[] {
    return this.errorList.list();
  }

  /** Reports the current token as unexpected. */
  protected errorAtToken(message: string): void {
    if (this.kinds[this.i] === T.Unknown) return; // the lexer has reported it already
    this.error(message, this.tokenStart(), this.tokenEnd());
  }

  /** Reports something missing: on the current token when it is on the same line, else just after the previous one. */
  protected errorMissing(message: string): void {
    if (this.onSameLine() && !this.atCloser()) {
      this.error(`${message}, found ${describeToken(this.peek())}.`, this.tokenStart(), this.tokenEnd());
    } else {
      const at = this.previousEnd();
      this.error(`${message}.`, at, at);
    }
  }

  /**
   * Reports an opener whose closer never came. Only the innermost construct that stops at a given position
   * reports, so one missing `}` yields one error.
   */
  protected errorUnclosed(openStart: number, openEnd: number, closer: string): void {
    if (this.unclosedReportedAt === this.i) return;
    this.unclosedReportedAt = this.i;
    this.error(`This '${this.text.slice(openStart, openEnd)}' is never closed: expected '${closer}'.`, openStart, openEnd);
  }

  // -- barriers ----------------------------------------------------------------------------------------------------

  /** Makes token `index` read as the end of the file until `lowerBarrier`; returns its real kind. */
  protected raiseBarrier(index: number): T {
    const kind = this.kinds[index] as T;
    this.kinds[index] = T.EOF;
    return kind;
  }

  /** Undoes `raiseBarrier`; barriers are lowered in the reverse order of raising. */
  protected lowerBarrier(index: number, kind: T): void {
    this.kinds[index] = kind;
  }

  /**
   * The index of the first token after the current one that starts a line (or of the EOF). Cached per line,
   * so a line full of interpolated strings costs one scan, not one per string.
   */
  protected nextLineStart(): number {
    if (this.kinds[this.i] === T.EOF) return this.i;
    if (this.i >= this.lineScanFrom && this.i < this.lineScanResult) return this.lineScanResult;
    let j = this.i + 1;
    while (this.kinds[j] !== T.EOF && (this.flags[j]! & F.LineStart) === 0) j++;
    this.lineScanFrom = this.i;
    this.lineScanResult = j;
    return j;
  }

  private lineScanFrom = -1;
  private lineScanResult = -1;

  /** Whether an unclosed construct was reported at the cursor's position, i.e. it was cut off right here. */
  protected unclosedReportedHere(): boolean {
    return this.unclosedReportedAt === this.i;
  }

  protected missing(): MissingNode {
    const at = this.previousEnd();
    return { kind: 'missing', start: at, end: at };
  }

  // -- brackets ----------------------------------------------------------------------------------------------------

  protected atCloser(): boolean {
    const k = this.kinds[this.i];
    return k === T.RBrace || k === T.RBracket || k === T.RParen || k === T.StringMiddle || k === T.StringRight;
  }

  /** Whether the current token closes a construct that encloses the one being parsed. */
  protected atEnclosingCloser(): boolean {
    switch (this.kinds[this.i]) {
      case T.RParen: return this.openParens > 0;
      case T.RBracket: return this.openBrackets > 0;
      case T.RBrace: return this.openBraces > 0;
      case T.StringMiddle:
      case T.StringRight: return this.openHoles > 0;
      default: return false;
    }
  }

  /**
   * Skips tokens up to the next list separator: a `,`, a closer, the end, or (when `stopAtLine`) a new line,
   * stepping over balanced brackets so that a skipped `{ … }` does not leave its `}` behind.
   * Returns the end of the last skipped token, or -1 when nothing was skipped.
   */
  protected skipToSeparator(stopAtLine: boolean): number {
    let depth = 0;
    let end = -1;
    for (;;) {
      const k = this.kinds[this.i]!;
      if (k === T.EOF) break;
      if (depth === 0) {
        if (k === T.Comma || k === T.RBrace || k === T.RBracket || k === T.RParen || k === T.StringMiddle || k === T.StringRight) break;
        if (stopAtLine && end >= 0 && (this.flags[this.i]! & F.LineStart) !== 0) break;
      }
      if (k === T.LBrace || k === T.LBracket || k === T.LParen || k === T.StringLeft) depth++;
      else if (k === T.RBrace || k === T.RBracket || k === T.RParen || k === T.StringRight) depth--;
      end = this.ends[this.i]!;
      this.i++;
    }
    return end;
  }

  /** Skips the rest of the current line (brackets balanced), e.g. junk after a complete declaration. */
  protected skipRestOfLine(): number {
    let depth = 0;
    let end = -1;
    for (;;) {
      const k = this.kinds[this.i]!;
      if (k === T.EOF) break;
      if (depth <= 0 && end >= 0 && (this.flags[this.i]! & F.LineStart) !== 0) break;
      if (k === T.LBrace || k === T.LBracket || k === T.LParen || k === T.StringLeft) depth++;
      else if (k === T.RBrace || k === T.RBracket || k === T.RParen || k === T.StringRight) depth--;
      end = this.ends[this.i]!;
      this.i++;
    }
    return end;
  }

  /**
   * Called where nesting reached MAX_DEPTH: reports once and skips the over-deep construct (everything up to
   * the separator or closer that ends it), returning a node that covers what was skipped.
   */
  protected skipTooDeep(): SkippedNode {
    const start = this.tokenStart();
    this.error(`Nesting too deep: more than ${MAX_DEPTH} levels of brackets or operators.`, start, this.tokenEnd());
    const end = this.skipToSeparator(false);
    return end < 0 ? { kind: 'skipped', start: this.previousEnd(), end: this.previousEnd() } : { kind: 'skipped', start, end };
  }
}
