// Parses HCL expressions: operators by precedence, traversals, calls, collections, `for` and conditionals.
import type { CallExpr, Expr, ForExpr, ObjectItem, ParenExpr } from './ast';
import { parseLoopVariables } from './loopVariables';
import { MAX_NESTING, Shape } from './parserBase';
import { TemplateParser } from './template';
import { binaryPrecedence, operatorText, T } from './tokens';

/** The expression layer of the parser. Every method leaves the first token after what it read as current. */
export abstract class ExpressionParser extends TemplateParser {
  /** Expression := Binary ( "?" Expression ":" Expression )? */
  parseExpr(): Expr {
    if (this.nest >= MAX_NESTING) return this.skipTooDeep();
    this.nest++;
    let result = this.parseBinary(1);
    if (this.at(T.Question)) {
      this.advance();
      const then = this.parseExpr();
      let otherwise: Expr;
      if (this.at(T.Colon)) {
        this.advance();
        otherwise = this.parseExpr();
      } else {
        this.errorHere(`Expected ":" and the value for the false case of this conditional, found ${this.describe()}.`);
        otherwise = this.invalidHere();
      }
      const end = otherwise.end > then.end ? otherwise.end : then.end;
      result = { kind: 'Conditional', start: result.start, end, condition: result, then, else: otherwise };
    }
    this.nest--;
    return result;
  }

  /** Precedence climbing: the recursion depth is bounded by the number of precedence levels, not the input. */
  private parseBinary(minPrecedence: number): Expr {
    let left = this.parseUnary();
    for (;;) {
      const precedence = binaryPrecedence(this.k);
      if (precedence < minPrecedence) break;
      const op = operatorText(this.k);
      this.advance();
      const right = this.parseBinary(precedence + 1);
      left = { kind: 'Binary', start: left.start, end: right.end > left.end ? right.end : left.end, op, left, right };
    }
    return left;
  }

  /** Prefix `!` and `-`, collected iteratively so that a long run of them cannot recurse. */
  private parseUnary(): Expr {
    if (!this.at(T.Bang) && !this.at(T.Minus)) return this.parsePostfix();
    const ops: T[] = [];
    const starts: number[] = [];
    while (this.at(T.Bang) || this.at(T.Minus)) {
      ops.push(this.k);
      starts.push(this.start);
      this.advance();
    }
    let operand = this.parsePostfix();
    for (let i = ops.length - 1; i >= 0; i--) {
      const start = starts[i]!;
      operand = { kind: 'Unary', start, end: operand.end > start ? operand.end : start + 1, op: ops[i] === T.Bang ? '!' : '-', operand };
    }
    return operand;
  }

  /** A term followed by `.name`, `.0`, `.*`, `[key]` and `[*]` steps. */
  private parsePostfix(): Expr {
    let e = this.parsePrimary();
    for (;;) {
      if (this.at(T.Dot)) {
        const dotEnd = this.end;
        this.advance();
        const k = this.k;
        if (k === T.Ident) {
          e = { kind: 'GetAttr', start: e.start, end: this.end, target: e, name: this.text.slice(this.start, this.end), nameStart: this.start, nameEnd: this.end };
          this.advance();
        } else if (k === T.Number) {
          e = this.legacyIndex(e);
        } else if (k === T.Star) {
          e = { kind: 'Splat', start: e.start, end: this.end, target: e, full: false };
          this.advance();
        } else {
          this.errorHere(`Expected an attribute name after ".", found ${this.describe()}.`);
          e = { kind: 'GetAttr', start: e.start, end: dotEnd, target: e, name: '', nameStart: dotEnd, nameEnd: dotEnd };
          break;
        }
      } else if (this.at(T.LBrack)) {
        e = this.parseIndex(e);
      } else {
        break;
      }
    }
    return e;
  }

  /** `a.0`, and `a.0.1`, which the lexer reads as the number `0.1` and which means two index steps. */
  private legacyIndex(target: Expr): Expr {
    const text = this.text;
    const start = this.start;
    const end = this.end;
    let dot = start;
    while (dot < end && text.charCodeAt(dot) !== 46) dot++;
    let e: Expr = { kind: 'Index', start: target.start, end: dot, target, key: { kind: 'Number', start, end: dot, value: Number(text.slice(start, dot)) }, legacy: true };
    if (dot < end) {
      e = { kind: 'Index', start: target.start, end, target: e, key: { kind: 'Number', start: dot + 1, end, value: Number(text.slice(dot + 1, end)) }, legacy: true };
    }
    this.advance();
    return e;
  }

  /** `target[key]` or `target[*]`; newlines inside the brackets are whitespace. */
  private parseIndex(target: Expr): Expr {
    const open = this.start;
    const saved = this.openBracket(false);
    if (this.at(T.Star) && this.peekKind() === T.RBrack) {
      this.advance();
      this.closeBracket(open, T.RBrack, '"]"', 'index', saved);
      return { kind: 'Splat', start: target.start, end: this.prevEnd, target, full: true };
    }
    const key = this.at(T.RBrack) ? this.invalidHere() : this.parseExpr();
    if (key.kind === 'Invalid' && this.at(T.RBrack)) this.errorHere('Expected an index between "[" and "]".');
    this.closeBracket(open, T.RBrack, '"]"', 'index', saved);
    // Closed, the index ends at its "]", the last token consumed; unclosed, at the end of the key or of what was read after it.
    const end = this.prevEnd > key.end ? this.prevEnd : key.end;
    return { kind: 'Index', start: target.start, end, target, key, legacy: false };
  }

  /**
   * Enters a bracketed construct, the current token being its opener: counts it in `depth`, sets whether newlines
   * matter inside, and consumes the opener. Returns the newline significance outside, for `closeBracket`.
   */
  private openBracket(newlinesSignificant: boolean): boolean {
    const saved = this.nlSig;
    this.depth++;
    this.nlSig = newlinesSignificant;
    this.advance();
    return saved;
  }

  /**
   * Leaves a bracketed construct opened at `open`: consumes its closer when it is current, else reports it missing at
   * the opener; either way restores the newline significance outside. Afterwards `prevEnd` is where the construct
   * ends (just after the closer, or after the last token read). Returns the closer's offset, or -1 when it is missing.
   */
  private closeBracket(open: number, closer: T, closerText: string, what: string, saved: boolean): number {
    // Out of the construct before the next token is read: layout recovery judges that token at the outer depth.
    this.depth--;
    if (this.k === closer) {
      const at = this.start;
      this.nlSig = saved;
      this.advance();
      return at;
    }
    this.missing(open, closerText, what);
    this.setNlSig(saved);
    return -1;
  }

  /**
   * The items of a call's arguments or a list, up to (not including) `closer`: expressions separated by ",", a
   * forgotten comma reported and passed over. With `ellipsis`, a "..." after an item ends the list; returns whether one did.
   */
  private parseItems(items: Expr[], closer: T, between: string, ellipsis: boolean): boolean {
    for (;;) {
      if (this.k === closer || this.at(T.EOF) || this.atBodyLine()) return false;
      items.push(this.parseExpr());
      if (ellipsis && this.at(T.Ellipsis)) {
        this.advance();
        return true;
      }
      if (this.at(T.Comma)) {
        this.advance();
        continue;
      }
      if (this.forgottenComma(between)) continue;
      return false;
    }
  }

  /**
   * Reports the missing closer of a bracketed construct at its opener (so the error lies inside the construct and
   * inside everything that contains it), naming what was found instead when that is on the same line.
   */
  missing(open: number, closer: string, what: string): void {
    if (!this.at(T.EOF) && !this.at(T.Newline) && !this.nl) {
      this.error(open, open + 1, `This ${what} is not closed: expected ${closer} but found ${this.describe()}.`);
    } else {
      this.error(open, open + 1, `This ${what} is never closed: ${closer} is missing.`);
    }
  }

  private parsePrimary(): Expr {
    const start = this.start;
    const end = this.end;
    switch (this.k) {
      case T.Number: {
        const value = this.numberValue(start, end);
        this.advance();
        return { kind: 'Number', start, end, value };
      }
      case T.Ident:
        return this.parseIdentTerm();
      case T.Quote:
        return this.parseQuoted();
      case T.Heredoc:
        return this.parseHeredoc();
      case T.LParen:
        return this.parseParen();
      case T.LBrack:
        return this.parseTupleOrFor();
      case T.LBrace:
        return this.parseObjectOrFor();
      default:
        this.errorHere(`Expected an expression, found ${this.describe()}.`);
        return this.invalidHere();
    }
  }

  /** Decimal integers are read digit by digit (no slice); anything else goes through `Number`. */
  private numberValue(start: number, end: number): number {
    const text = this.text;
    if (end - start < 16) {
      let value = 0;
      let i = start;
      for (; i < end; i++) {
        const c = text.charCodeAt(i);
        if (c < 48 || c > 57) break;
        value = value * 10 + (c - 48);
      }
      if (i === end) return value;
    }
    return Number(text.slice(start, end));
  }

  /** `true`, `false`, `null`, a variable, a call `f(…)` or a provider function `provider::ns::f(…)`. */
  private parseIdentTerm(): Expr {
    const start = this.start;
    const end = this.end;
    const length = end - start;
    if (length === 4 || length === 5) {
      if (this.isWord('true') || this.isWord('false')) {
        const value = length === 4;
        this.advance();
        return { kind: 'Bool', start, end, value };
      }
      if (this.isWord('null')) {
        this.advance();
        return { kind: 'Null', start, end };
      }
    }
    this.advance();
    if (this.at(T.LParen)) return this.parseCall(start, end);
    if (this.at(T.DoubleColon)) {
      let nameEnd = end;
      while (this.at(T.DoubleColon)) {
        this.advance();
        if (!this.at(T.Ident)) {
          this.errorHere(`Expected a function name after "::", found ${this.describe()}.`);
          break;
        }
        nameEnd = this.end;
        this.advance();
      }
      if (this.at(T.LParen)) return this.parseCall(start, nameEnd);
      this.errorHere(`Expected "(" to call the function "${this.text.slice(start, nameEnd)}", found ${this.describe()}.`);
      return { kind: 'Variable', start, end: nameEnd, name: this.text.slice(start, nameEnd) };
    }
    return { kind: 'Variable', start, end, name: this.text.slice(start, end) };
  }

  /**
   * True when the current token starts a line and the line reads like a body item (`name =` or `type … {`):
   * inside `( … )` or `[ … ]` that means the closer was forgotten, so the construct closes here.
   */
  private atBodyLine(): boolean {
    return this.nl && this.kind === T.Ident && this.lineShape() !== Shape.None;
  }

  /**
   * After an item of a list or call, where "," or the closer should follow: when another expression starts here
   * (and its line does not read like a body item), a comma was forgotten; report it and go on with the next item.
   */
  private forgottenComma(between: string): boolean {
    if (this.aborting || !this.startsExpression() || this.atBodyLine()) return false;
    this.errorHere(`Expected "," between the ${between}, found ${this.describe()}.`);
    return true;
  }

  /** `name(args…)`, the current token being `(`. */
  private parseCall(start: number, nameEnd: number): CallExpr {
    const open = this.start;
    const saved = this.openBracket(false);
    const args: Expr[] = [];
    const expandFinal = this.parseItems(args, T.RParen, 'arguments of this call', true);
    const close = this.closeBracket(open, T.RParen, '")"', 'function call', saved);
    return { kind: 'Call', start, end: this.prevEnd, name: this.text.slice(start, nameEnd), nameStart: start, nameEnd, args, expandFinal, close };
  }

  private parseParen(): ParenExpr {
    const open = this.start;
    const saved = this.openBracket(false);
    const expr = this.parseExpr();
    const close = this.closeBracket(open, T.RParen, '")"', 'parenthesis', saved);
    return { kind: 'Paren', start: open, end: this.prevEnd, expr, close };
  }

  /** `[ … ]`: a tuple, or a `for` expression when it starts with `for` and a name. */
  private parseTupleOrFor(): Expr {
    const open = this.start;
    const saved = this.openBracket(false);
    if (this.at(T.Ident) && this.isWord('for') && this.peekKind() === T.Ident) return this.parseFor(open, false, saved);
    const items: Expr[] = [];
    this.parseItems(items, T.RBrack, 'items of this list', false);
    const close = this.closeBracket(open, T.RBrack, '"]"', 'list', saved);
    return { kind: 'Tuple', start: open, end: this.prevEnd, items, close };
  }

  /** `{ … }`: an object constructor (elements separated by newlines or commas), or a `for` expression. */
  private parseObjectOrFor(): Expr {
    const open = this.start;
    const saved = this.openBracket(true);
    let fresh = false;
    while (this.at(T.Newline)) {
      this.consumeNewline();
      fresh = true;
    }
    if (this.at(T.Ident) && this.isWord('for') && this.peekKind() === T.Ident) {
      this.setNlSig(false);
      return this.parseFor(open, true, saved);
    }
    const items: ObjectItem[] = [];
    for (;;) {
      while (this.at(T.Newline)) {
        this.consumeNewline();
        fresh = true;
      }
      const k = this.k;
      if (k === T.RBrace || k === T.EOF) break;
      // A line that reads like a block header cannot be an element: the object's "}" was forgotten above it.
      if (fresh && k === T.Ident && this.lineShape() === Shape.Header) {
        // Give the line break back, so that the body around sees this header start a new line.
        this.nl = true;
        break;
      }
      fresh = false;
      const key = this.parseExpr();
      let separator: '=' | ':';
      if (this.at(T.Assign) || this.at(T.Colon)) {
        separator = this.at(T.Assign) ? '=' : ':';
        this.advance();
      } else {
        this.errorHere(`Expected "=" or ":" after this object key, found ${this.describe()}.`);
        items.push({ start: key.start, end: key.end, key, value: this.invalidHere(), separator: '=' });
        break;
      }
      const value = this.parseExpr();
      items.push({ start: key.start, end: value.end > key.end ? value.end : this.prevEnd, key, value, separator });
      if (this.at(T.Comma)) {
        this.advance();
        continue;
      }
      if (this.at(T.Newline) || this.at(T.RBrace)) continue;
      if (this.at(T.Ident) || this.at(T.Quote)) {
        this.errorHere(`Expected a newline or "," between the elements of this object, found ${this.describe()}.`);
        continue;
      }
      if (!this.at(T.EOF)) this.errorHere(`Expected a newline, "," or "}" after this object element, found ${this.describe()}.`);
      break;
    }
    const close = this.closeBracket(open, T.RBrace, '"}"', 'object', saved);
    return { kind: 'Object', start: open, end: this.prevEnd, items, close };
  }

  /** The rest of a `for` expression; the current token is `for` and `depth` already counts the bracket. */
  private parseFor(open: number, object: boolean, saved: boolean): ForExpr {
    this.advance();
    // No error for a missing name: `parseTupleOrFor` and `parseObjectOrFor` come here only when one follows `for`.
    const { keyVar, valueVar } = parseLoopVariables(this);
    if (this.at(T.Ident) && this.isWord('in')) this.advance();
    else this.errorHere(`Expected "in" in this "for" expression, found ${this.describe()}.`);
    const collection = this.parseExpr();
    if (this.at(T.Colon)) this.advance();
    else this.errorHere(`Expected ":" after the collection of this "for" expression, found ${this.describe()}.`);
    let keyExpr: Expr | null = null;
    let value: Expr;
    let group = false;
    if (object) {
      keyExpr = this.parseExpr();
      if (this.at(T.Arrow)) {
        this.advance();
        value = this.parseExpr();
      } else {
        this.errorHere(`Expected "=>" between the key and the value of this "for" expression, found ${this.describe()}.`);
        value = this.invalidHere();
      }
      if (this.at(T.Ellipsis)) {
        group = true;
        this.advance();
      }
    } else {
      value = this.parseExpr();
    }
    let condition: Expr | null = null;
    if (this.at(T.Ident) && this.isWord('if')) {
      this.advance();
      condition = this.parseExpr();
    }
    const close = this.closeBracket(open, object ? T.RBrace : T.RBrack, object ? '"}"' : '"]"', '"for" expression', saved);
    return { kind: 'For', start: open, end: this.prevEnd, object, keyVar, valueVar, collection, keyExpr, value, group, condition, close };
  }
}
