// Parses the structure of an HCL file: bodies, attributes and blocks, with line-based error recovery.
import type { ParseError } from '../../types';
import type { Attribute, Block, Body, BodyItem, Expr, HclFile, Label } from './ast';
import { ExpressionParser } from './expressions';
import { isLineStart } from './lexer';
import { MAX_NESTING, Shape } from './parserBase';
import { T } from './tokens';

/** The full HCL parser: one instance parses one text once. */
export class Parser extends ExpressionParser {
  constructor(text: string, errors: ParseError[]) {
    super(text, errors);
  }

  /** Parses the whole text as a body of attributes and blocks. */
  parseFile(): HclFile {
    const text = this.text;
    const items: BodyItem[] = [];
    this.nlSig = true;
    this.advance();
    let lastStart = -1;
    for (;;) {
      const k = this.k;
      if (k === T.Newline) {
        this.consumeNewline();
        continue;
      }
      if (k === T.EOF) {
        if (!this.aborting) break;
        this.clearAbort();
        continue;
      }
      // Every iteration consumes input; this guard turns a bug into a skipped token rather than a hang.
      if (this.start === lastStart) {
        this.advance();
        continue;
      }
      lastStart = this.start;
      if (k === T.Ident) {
        this.layoutOn = isLineStart(text, this.start);
        this.topBlock = false;
        this.topIndentKnown = false;
        this.topIndented = true;
        this.depth = 0;
        items.push(this.parseItem());
        this.layoutOn = false;
        this.endOfItem(-1);
        continue;
      }
      if (k === T.RBrace) this.errorHere('Unexpected "}": there is no open block to close here.');
      else this.errorHere(`Expected an attribute or a block, found ${this.describe()}.`);
      this.skipJunk(-1);
    }
    const start = text.length > 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
    return { kind: 'File', start: 0, end: text.length, body: { start, end: text.length, items } };
  }

  /** An attribute or a block; the current token is its first identifier. */
  private parseItem(): BodyItem {
    const start = this.start;
    const nameEnd = this.end;
    const name = this.text.slice(start, nameEnd);
    this.advance();
    const k = this.k;
    if (k === T.Assign) {
      const assignEnd = this.end;
      this.advance();
      let expr: Expr;
      if (this.at(T.Newline) || this.at(T.EOF) || this.at(T.RBrace)) {
        this.error(start, assignEnd, `The attribute "${name}" has no value.`);
        expr = { kind: 'Invalid', start: assignEnd, end: assignEnd };
      } else {
        expr = this.parseExpr();
      }
      const end = expr.end > assignEnd ? expr.end : assignEnd;
      const attribute: Attribute = { kind: 'Attribute', start, end, name, nameStart: start, nameEnd, expr };
      return attribute;
    }
    if (k === T.LBrace || k === T.Quote || k === T.Ident) return this.parseBlock(name, start, nameEnd);
    if (k === T.Newline || k === T.EOF) this.error(start, nameEnd, `"${name}" needs "=" and a value, or a block body in braces.`);
    else this.errorHere(`Expected "=" or a block body after "${name}", found ${this.describe()}.`);
    return { kind: 'Attribute', start, end: nameEnd, name, nameStart: start, nameEnd, expr: { kind: 'Invalid', start: nameEnd, end: nameEnd } };
  }

  /** `type label… { body }`; the current token is the first label or the `{`. */
  private parseBlock(type: string, start: number, typeEnd: number): Block {
    const isTop = this.depth === 0;
    if (isTop) this.topBlock = true;
    const labels: Label[] = [];
    while (this.at(T.Quote) || this.at(T.Ident)) {
      if (this.at(T.Ident)) {
        labels.push({ start: this.start, end: this.end, value: this.text.slice(this.start, this.end), quoted: false });
        this.advance();
        continue;
      }
      const template = this.parseQuoted();
      let value = '';
      for (const part of template.parts) {
        if (part.kind === 'TemplateLiteral') value += part.value;
        else {
          this.error(part.start, part.end, 'A block label must be a plain string: it cannot hold interpolations or directives.');
          value += this.text.slice(part.start, part.end);
        }
      }
      labels.push({ start: template.start, end: template.end, value, quoted: true });
      if (this.aborting) break;
    }
    const block: Block = { kind: 'Block', start, end: 0, type, typeStart: start, typeEnd, labels, body: null, open: -1, close: -1 };
    if (this.at(T.LBrace)) {
      if (this.nest >= MAX_NESTING) {
        const skipped = this.skipTooDeep();
        block.end = skipped.end;
        return block;
      }
      block.open = this.start;
      this.parseBody(block);
      return block;
    }
    const headerEnd = this.prevEnd;
    // A column-0 header whose next line is indented: the "{" was forgotten, the body is still there.
    if (isTop && this.layoutOn && this.at(T.Newline) && this.kind === T.Ident && !isLineStart(this.text, this.start)) {
      this.error(headerEnd, headerEnd, `Expected "{" to open the body of this "${type}" block.`);
      this.consumeNewline();
      this.parseBody(block);
      return block;
    }
    if (this.at(T.Newline) || this.at(T.EOF)) this.error(headerEnd, headerEnd, `Expected "{" to open the body of this "${type}" block.`);
    else this.errorHere(`Expected "{" to open the body of this "${type}" block, found ${this.describe()}.`);
    block.end = headerEnd;
    return block;
  }

  /**
   * The body of `block`: from its `{` (when `block.open` is set; otherwise the current token is the first item)
   * to the matching `}`. Sets the block's body, `close` and `end`.
   */
  private parseBody(block: Block): void {
    const open = block.open;
    this.depth++;
    this.nest++;
    const myDepth = this.depth;
    let bodyStart: number;
    if (open >= 0) {
      bodyStart = open + 1;
      this.advance();
    } else {
      bodyStart = this.prevEnd;
    }
    const items: BodyItem[] = [];
    const body: Body = { start: bodyStart, end: bodyStart, items };
    block.body = body;
    let lastStart = -1;
    for (;;) {
      const k = this.k;
      if (k === T.Newline) {
        this.consumeNewline();
        continue;
      }
      if (k === T.RBrace) {
        block.close = this.start;
        body.end = this.start;
        block.end = this.end;
        this.depth--;
        this.nest--;
        this.advance();
        return;
      }
      if (k === T.EOF) {
        if (this.aborting && this.abortTo === myDepth) {
          this.clearAbort();
          continue;
        }
        const at = open >= 0 ? open : block.typeStart;
        this.error(at, open >= 0 ? open + 1 : block.typeEnd, `This "${block.type}" block is never closed: "}" is missing.`);
        body.end = this.prevEnd > bodyStart ? this.prevEnd : bodyStart;
        block.end = body.end;
        this.depth--;
        this.nest--;
        return;
      }
      if (this.start === lastStart) {
        this.advance();
        continue;
      }
      lastStart = this.start;
      if (k === T.Ident) {
        items.push(this.parseItem());
        this.endOfItem(open);
        continue;
      }
      this.errorHere(`Expected an attribute or a block, found ${this.describe()}.`);
      this.skipJunk(open);
    }
  }

  /** After an item: a newline, the end of the body, or junk to skip up to the end of the line. */
  private endOfItem(open: number): void {
    const k = this.k;
    if (k === T.Newline) {
      this.consumeNewline();
      return;
    }
    if (k === T.EOF || k === T.RBrace) return;
    this.errorHere(`Expected a newline after this item, found ${this.describe()}.`);
    this.skipJunk(open);
  }

  /**
   * Skips junk up to the end of the line, keeping brackets balanced. A `}` that is not matched on the junk line
   * closes the enclosing body only when that body opened on the same line (`a { b = 1 } }`); otherwise it is junk.
   * A column-0 top-level header stops the skip, so an unmatched opener cannot swallow the file.
   */
  private skipJunk(open: number): void {
    let balance = 0;
    const lineOfOpen = open >= 0 ? this.text.lastIndexOf('\n', open) : -2;
    for (;;) {
      const k = this.k;
      if (k === T.EOF) return;
      if (k === T.Newline) {
        if (balance === 0) return;
        if (isLineStart(this.text, this.start) && this.kind === T.Ident && this.lineShape() === Shape.Header) return;
        this.consumeNewline();
        continue;
      }
      if (k === T.LBrace || k === T.LBrack || k === T.LParen) {
        balance++;
      } else if (k === T.RBrace || k === T.RBrack || k === T.RParen) {
        if (balance > 0) balance--;
        else if (k === T.RBrace && open >= 0 && this.text.lastIndexOf('\n', this.start) === lineOfOpen) return;
      } else {
        this.skipTokenText();
      }
      this.advance();
    }
  }
}
