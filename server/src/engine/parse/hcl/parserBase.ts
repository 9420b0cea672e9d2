// The parser's token cursor: significant newlines, error reporting, nesting limits and the layout-based recovery.
import type { ParseError } from '../../types';
import { ErrorFold, MAX_ERRORS } from '../errorLimit';
import type { InvalidExpr } from './ast';
import { isLineStart, Lexer, TOP_LEVEL_KEYWORDS } from './lexer';
import { T, tokenName } from './tokens';

/** Deeper nesting than this is reported and skipped instead of parsed, so that no input can exhaust the stack. */
export const MAX_NESTING = 500;

/** What `lineShape()` found at the start of a line. */
export const enum Shape {
  None,
  /** `ident (label)* {` on one line. */
  Header,
  /** `ident =`. */
  Assign,
}

/**
 * Layout-based recovery, in short. Terraform code is nearly always formatted: top-level blocks start in column 0
 * and everything inside them is indented. So while we are inside a top-level item that started in column 0 and
 * whose content is indented, a column-0 line that reads like a block header or an attribute means a `}` (or `]`,
 * `)`, closing quote…) is missing above it, and a column-0 `}` deeper inside closes the top-level block. The
 * parser then *aborts*: the current token reads as end of file until the construct at the target depth (the file,
 * or the top-level block body) takes it back, every construct in between closing with a "missing" error.
 */
export abstract class ParserBase extends Lexer {
  /** The current token's kind as the parser sees it: `Newline` when a line break precedes it and newlines matter. */
  k: T = T.EOF;
  /** Whether line breaks are significant here (bodies, object constructors) or whitespace (inside `(`, `[`, `${`). */
  nlSig = true;
  /** The end of the last token consumed. */
  prevEnd = 0;

  aborting = false;
  /** The depth that takes the aborting token back: 0 = file level, 1 = the top-level block body. */
  abortTo = 0;
  /** How many constructs are open inside the current top-level item (its block body counts as 1). */
  depth = 0;
  /** Recursion depth of the parse, for `MAX_NESTING`. */
  nest = 0;
  private tooDeepReported = false;

  /** Layout recovery applies: the current top-level item started in column 0. */
  layoutOn = false;
  /** The current top-level item is a block (a column-0 `}` may close it). */
  topBlock = false;
  topIndentKnown = false;
  /** The first line inside the current top-level item was indented; until known, assumed so. */
  topIndented = true;
  /** Inside a heredoc, column 0 is ordinary content, so layout recovery pauses. */
  heredocDepth = 0;

  /** Offsets where an error was reported: one error per offset is enough, recovery often trips twice there. */
  private readonly errorStarts = new Set<number>();

  constructor(text: string, errors: ParseError[]) {
    super(text, errors);
  }

  /** Consumes the current token and scans the next one; does nothing while aborting. */
  advance(): void {
    if (this.aborting) return;
    this.prevEnd = this.end;
    this.next();
    this.k = this.nlSig && this.nl ? T.Newline : this.kind;
    if (this.nl && this.layoutOn && this.depth > 0 && this.heredocDepth === 0) this.checkLayout();
  }

  /**
   * True when the current token (as the parser sees it) is of `kind`. A method rather than `this.k === kind`, so
   * that TypeScript does not narrow `k` across the calls that change it.
   */
  at(kind: T): boolean {
    return this.k === kind;
  }

  /** Consumes the line break in front of the current token (only valid when `k` is `Newline`). */
  consumeNewline(): void {
    this.nl = false;
    this.k = this.kind;
  }

  /** True when the current token can begin an expression (used to tell a forgotten comma from junk). */
  startsExpression(): boolean {
    switch (this.kind) {
      case T.Ident:
      case T.Number:
      case T.Quote:
      case T.Heredoc:
      case T.LBrace:
      case T.LBrack:
      case T.LParen:
      case T.Bang:
      case T.Minus:
        return true;
      default:
        return false;
    }
  }

  /** Switches newline significance, re-reading the current token under the new setting. */
  setNlSig(significant: boolean): void {
    this.nlSig = significant;
    if (!this.aborting) this.k = significant && this.nl ? T.Newline : this.kind;
  }

  /** Ends an abort at its target: the token that caused it becomes current again. */
  clearAbort(): void {
    this.aborting = false;
    this.k = this.nlSig && this.nl ? T.Newline : this.kind;
  }

  private abort(to: number): void {
    this.aborting = true;
    this.abortTo = to;
    this.k = T.EOF;
  }

  /** Runs on every token that starts a line inside a column-0 top-level item (see the class comment). */
  private checkLayout(): void {
    const col0 = isLineStart(this.text, this.start);
    if (!this.topIndentKnown) {
      this.topIndentKnown = true;
      this.topIndented = !col0;
    }
    if (!col0) return;
    if (this.kind === T.RBrace) {
      if (this.topBlock && this.topIndented && this.depth > 1) this.abort(1);
      return;
    }
    if (this.kind !== T.Ident) return;
    const shape = this.lineShape();
    if (shape === Shape.None) return;
    if (this.topIndented || (shape === Shape.Header && TOP_LEVEL_KEYWORDS.has(this.text.slice(this.start, this.end)))) {
      this.abort(0);
    }
  }

  /** With the current token an identifier: does its line continue as a block header or as an attribute? */
  lineShape(): Shape {
    const pos = this.pos;
    const kind = this.kind;
    const start = this.start;
    const end = this.end;
    const nl = this.nl;
    let shape = Shape.None;
    this.next();
    if (this.kind === T.Assign && !this.nl) {
      shape = Shape.Assign;
    } else {
      // A few labels at most; the bound keeps a pathological line from costing more than a glance.
      for (let i = 0; i < 8 && !this.nl; i++) {
        if (this.kind === T.LBrace) {
          shape = Shape.Header;
          break;
        }
        if (this.kind === T.Quote) {
          const after = this.skipQuotedOnLine(this.pos);
          if (after < 0) break;
          this.pos = after;
        } else if (this.kind !== T.Ident) {
          break;
        }
        this.next();
      }
    }
    this.pos = pos;
    this.kind = kind;
    this.start = start;
    this.end = end;
    this.nl = nl;
    return shape;
  }

  /** The real kind of the token after the current one, without consuming anything. */
  peekKind(): T {
    const pos = this.pos;
    const kind = this.kind;
    const start = this.start;
    const end = this.end;
    const nl = this.nl;
    this.next();
    const result = this.kind;
    this.pos = pos;
    this.kind = kind;
    this.start = start;
    this.end = end;
    this.nl = nl;
    return result;
  }

  /** True when the current token is the identifier `word` (keywords are contextual in HCL). */
  isWord(word: string): boolean {
    const length = word.length;
    if (this.end - this.start !== length) return false;
    const text = this.text;
    for (let i = 0; i < length; i++) if (text.charCodeAt(this.start + i) !== word.charCodeAt(i)) return false;
    return true;
  }

  /**
   * Errors past MAX_ERRORS: not kept (past that point they only cost memory and help nobody), but folded into one error
   * over their range, so that the declarations they touch still count as broken; `parseHcl` adds it at the end.
   */
  readonly errorFold = new ErrorFold();

  /** Records an error, clamped to the text; a second error at the same offset adds nothing and is dropped. */
  error(start: number, end: number, message: string): void {
    if (this.errorStarts.has(start)) return;
    const length = this.text.length;
    const s = start < 0 ? 0 : start > length ? length : start;
    const e = end < s ? s : end > length ? length : end;
    if (this.errors.length >= MAX_ERRORS) {
      this.errorFold.add(s, e);
      return;
    }
    this.errorStarts.add(start);
    this.errors.push({ message, span: { start: s, end: e } });
  }

  /** Reports `message` at the current token, or just after the previous token when the current one is elsewhere. */
  errorHere(message: string): void {
    if (this.at(T.EOF) || this.at(T.Newline) || this.nl) this.error(this.prevEnd, this.prevEnd, message);
    else this.error(this.start, this.end, message);
  }

  /** How the current token reads in a message. */
  describe(): string {
    switch (this.k) {
      case T.EOF:
        return 'the end of the file';
      case T.Newline:
        return 'the end of the line';
      case T.Ident:
        return `"${this.text.slice(this.start, Math.min(this.end, this.start + 40))}"`;
      case T.Invalid:
        return `the character "${this.text.slice(this.start, this.end)}"`;
      default:
        return tokenName(this.k);
    }
  }

  /**
   * An empty invalid-expression node where nothing could be read. It sits right after the last token consumed,
   * never on the unconsumed token: that token may yet be re-read as template text or belong to an outer construct.
   */
  invalidHere(): InvalidExpr {
    return { kind: 'Invalid', start: this.prevEnd, end: this.prevEnd };
  }

  /**
   * Called when `nest` passes `MAX_NESTING`: reports once, then skips the bracketed group at the current token
   * iteratively (no recursion), and returns an invalid node over it.
   */
  skipTooDeep(): InvalidExpr {
    const start = this.at(T.Newline) || this.at(T.EOF) ? this.prevEnd : this.start;
    if (!this.tooDeepReported) {
      this.tooDeepReported = true;
      this.error(this.start, this.end, `Nesting too deep: more than ${MAX_NESTING} levels; the rest of this construct is skipped.`);
    }
    let balance = 0;
    for (;;) {
      const k = this.k;
      if (k === T.EOF) break;
      if (k === T.Newline) {
        if (balance === 0) break;
        this.consumeNewline();
        continue;
      }
      if (k === T.LBrace || k === T.LBrack || k === T.LParen) {
        balance++;
      } else if (k === T.RBrace || k === T.RBrack || k === T.RParen || k === T.TildeRBrace) {
        if (balance === 0) break;
        balance--;
        if (balance === 0) {
          this.advance();
          break;
        }
      } else {
        this.skipTokenText();
        if (balance === 0) {
          this.advance();
          break;
        }
      }
      this.advance();
    }
    const end = this.prevEnd > start ? this.prevEnd : start;
    return { kind: 'Invalid', start, end };
  }

  /** Before skipping a `Quote` or `Heredoc` token, moves the scanner past the text it introduces. */
  skipTokenText(): void {
    if (this.kind === T.Quote) {
      const after = this.skipQuotedOnLine(this.end);
      this.pos = after < 0 ? this.lineEnd(this.end) : after;
      this.end = this.pos;
    } else if (this.kind === T.Heredoc) {
      this.pos = this.hdEnd;
      this.end = this.hdEnd;
    }
  }
}
