// Recursive-descent parsing of Bicep expressions: literals, strings, objects, arrays, loops, lambdas and operators.
import type {
  ArrayExpression,
  BinaryOperator,
  Expression,
  ForExpression,
  Identifier,
  IfExpression,
  LambdaExpression,
  MemberExpression,
  MissingNode,
  ObjectExpression,
  ObjectItem,
  ObjectProperty,
  ParenthesizedExpression,
  Range,
  ResourceDeclaration,
  SpreadExpression,
  StringLiteral,
} from './ast';
import { MAX_DEPTH, ParserBase } from './parserBase';
import { F, K, T, describeToken } from './tokens';

/** Binding power of each binary operator token (higher binds tighter); 0 for tokens that are none. */
function precedence(kind: T): number {
  switch (kind) {
    case T.DoubleQuestion: return 1;
    case T.OrOr: return 2;
    case T.AndAnd: return 3;
    case T.Equals: case T.NotEquals: case T.EqualsInsensitive: case T.NotEqualsInsensitive: return 4;
    case T.Less: case T.LessOrEqual: case T.Greater: case T.GreaterOrEqual: return 5;
    case T.Plus: case T.Minus: return 6;
    case T.Star: case T.Slash: case T.Percent: return 7;
    default: return 0;
  }
}

function operatorOf(kind: T): BinaryOperator {
  switch (kind) {
    case T.DoubleQuestion: return '??';
    case T.OrOr: return '||';
    case T.AndAnd: return '&&';
    case T.Equals: return '==';
    case T.NotEquals: return '!=';
    case T.EqualsInsensitive: return '=~';
    case T.NotEqualsInsensitive: return '!~';
    case T.Less: return '<';
    case T.LessOrEqual: return '<=';
    case T.Greater: return '>';
    case T.GreaterOrEqual: return '>=';
    case T.Plus: return '+';
    case T.Minus: return '-';
    case T.Star: return '*';
    case T.Slash: return '/';
    default: return '%';
  }
}

/**
 * Parses expressions. Bicep is line-sensitive: a value must start on the line of its `:` or `=`, and list items
 * end at line breaks. Inside an expression a line break is allowed after an operator, `(`, `,` and `=>`, and
 * before `?`, `:` and the binary operators other than `-` (which would start a new negative item), which is how
 * multi-line ternaries and conditions are written.
 */
export class ExpressionParser extends ParserBase {
  /** Parses a whole expression, lambdas and ternaries included. */
  protected parseExpression(): Expression {
    if (this.depth >= MAX_DEPTH) return this.skipTooDeep();
    this.depth++;
    const condition = this.parseBinary(1);
    let result: Expression = condition;
    if (this.peek() === T.Question) {
      this.advance();
      const whenTrue = this.parseExpression();
      let whenFalse: Expression;
      if (this.peek() === T.Colon) {
        this.advance();
        whenFalse = this.parseExpression();
      } else {
        this.errorMissing("Expected ':' and the value for false");
        whenFalse = this.missing();
      }
      result = { kind: 'ternary', start: condition.start, end: whenFalse.end, condition, whenTrue, whenFalse };
    }
    this.depth--;
    return result;
  }

  /** A value that Bicep requires on the current line (after `:`, `=`, `in`, …); missing when the line ended. */
  protected parseValueOnLine(what: string): Expression {
    if (!this.onSameLine()) {
      this.errorMissing(`Expected ${what}`);
      return this.missing();
    }
    return this.parseExpression();
  }

  private parseBinary(minPrecedence: number): Expression {
    let left = this.parseUnary();
    // A chain `a + b + c …` builds a left-deep tree; each link counts as a level so that tree walkers stay shallow.
    const depthBefore = this.depth;
    for (;;) {
      const kind = this.peek();
      const prec = precedence(kind);
      if (prec < minPrecedence || prec === 0) break;
      if (kind === T.Minus && this.atLineStart()) break;
      if (this.depth >= MAX_DEPTH) {
        const skipped = this.skipTooDeep();
        left = { kind: 'binary', start: left.start, end: Math.max(skipped.end, left.end), operator: operatorOf(kind), left, right: skipped };
        break;
      }
      this.depth++;
      this.advance();
      const right = this.parseBinary(prec + 1);
      left = { kind: 'binary', start: left.start, end: right.end, operator: operatorOf(kind), left, right };
    }
    this.depth = depthBefore;
    return left;
  }

  private parseUnary(): Expression {
    const kind = this.peek();
    if (kind === T.Bang || kind === T.Minus) {
      if (this.depth >= MAX_DEPTH) return this.skipTooDeep();
      this.depth++;
      const start = this.tokenStart();
      this.advance();
      const operand = this.parseUnary();
      this.depth--;
      return { kind: 'unary', start, end: operand.end, operator: kind === T.Bang ? '!' : '-', operand };
    }
    return this.parsePostfix(this.parsePrimary());
  }

  /** Member access, indexing, calls, `::` and `!` after a primary; all must stay on the primary's line. */
  protected parsePostfix(expression: Expression): Expression {
    const depthBefore = this.depth;
    const e = this.parsePostfixChain(expression);
    this.depth = depthBefore;
    return e;
  }

  private parsePostfixChain(expression: Expression): Expression {
    let e = expression;
    for (;;) {
      if (this.atLineStart()) return e;
      const kind = this.peek();
      if (kind !== T.Dot && kind !== T.LBracket && kind !== T.LParen && kind !== T.DoubleColon && kind !== T.Bang) return e;
      // Each link of `a.b[c].d(…)` nests the tree one level deeper, so it counts against the nesting limit.
      if (this.depth >= MAX_DEPTH) {
        this.skipTooDeep();
        return e;
      }
      this.depth++;
      switch (kind) {
        case T.Dot: {
          this.advance();
          let safe = false;
          if (this.peek() === T.Question && this.onSameLine()) {
            safe = true;
            this.advance();
          }
          const name = this.parsePropertyName();
          if (!safe && name.kind === 'identifier' && this.peek() === T.LParen && this.onSameLine()) {
            const callee = { kind: 'member' as const, start: e.start, end: name.end, object: e, name, safe: false };
            e = this.parseCall(callee);
          } else {
            e = { kind: 'member', start: e.start, end: name.end, object: e, name, safe };
          }
          break;
        }
        case T.LBracket: {
          const openStart = this.tokenStart();
          const openEnd = this.tokenEnd();
          this.advance();
          let safe = false;
          if (this.peek() === T.Question) {
            safe = true;
            this.advance();
          }
          this.openBrackets++;
          const index = this.parseExpression();
          this.openBrackets--;
          const end = this.expectCloser(T.RBracket, ']', openStart, openEnd);
          e = { kind: 'index', start: e.start, end, object: e, index, safe };
          break;
        }
        case T.LParen:
          if (e.kind !== 'identifier') return e;
          e = this.parseCall(e);
          break;
        case T.DoubleColon: {
          this.advance();
          const name = this.parsePropertyName();
          e = { kind: 'resourceAccess', start: e.start, end: name.end, object: e, name };
          break;
        }
        case T.Bang: {
          const end = this.tokenEnd();
          this.advance();
          e = { kind: 'nonNull', start: e.start, end, expression: e };
          break;
        }
        default:
          return e;
      }
    }
  }

  /** The name after `.` or `::`: any word, keywords included. */
  private parsePropertyName(): Identifier | MissingNode {
    if (this.peek() === T.Identifier && this.onSameLine()) return this.identifier();
    this.errorMissing('Expected a property name');
    return this.missing();
  }

  protected identifier(): Identifier {
    const node: Identifier = { kind: 'identifier', start: this.tokenStart(), end: this.tokenEnd() };
    this.advance();
    return node;
  }

  /** `callee(args…)`: arguments are comma-separated and may spread over lines. */
  private parseCall(callee: Identifier | MemberExpression): Expression {
    const openStart = this.tokenStart();
    const openEnd = this.tokenEnd();
    this.advance();
    this.openParens++;
    const args: Expression[] = [];
    let end = -1;
    for (;;) {
      const kind = this.peek();
      if (kind === T.RParen) {
        end = this.tokenEnd();
        this.advance();
        break;
      }
      if (kind === T.EOF || this.atEnclosingCloser()) {
        this.errorUnclosed(openStart, openEnd, ')');
        break;
      }
      if (kind === T.Comma) {
        this.errorAtToken('Expected an argument before this comma.');
        this.advance();
        continue;
      }
      const before = this.i;
      args.push(this.parseExpression());
      const next = this.peek();
      if (next === T.Comma) {
        this.advance();
      } else if (next !== T.RParen && next !== T.EOF && !this.atEnclosingCloser()) {
        this.errorAtToken(`Expected ',' or ')' after the argument, found ${describeToken(next)}.`);
        if (this.skipToSeparator(false) < 0 && this.i === before) this.advance();
        if (this.peek() === T.Comma) this.advance();
      }
    }
    this.openParens--;
    if (end < 0) end = this.previousEnd();
    return { kind: 'call', start: callee.start, end, callee, args };
  }

  /**
   * Expects the closer `kind` of a bracket opened at `openStart`; on anything else reports, skips junk up to the
   * closer if one comes before the construct must end, and returns the end of what was consumed.
   */
  protected expectCloser(kind: T, text: string, openStart: number, openEnd: number): number {
    this.closerFound = true;
    if (this.peek() === kind) {
      const end = this.tokenEnd();
      this.advance();
      return end;
    }
    if (this.peek() !== T.EOF && !this.atEnclosingCloser()) {
      this.errorAtToken(`Expected '${text}', found ${describeToken(this.peek())}.`);
      this.skipToSeparator(false);
      if (this.peek() === kind) {
        const end = this.tokenEnd();
        this.advance();
        return end;
      }
    }
    this.closerFound = false;
    this.errorUnclosed(openStart, openEnd, text);
    return this.previousEnd();
  }

  /** Whether the last expectCloser found its closer. */
  protected closerFound = true;

  protected parsePrimary(): Expression {
    const kind = this.peek();
    switch (kind) {
      case T.Identifier: {
        const keyword = this.keywords[this.i];
        if (this.peekAt(1) === T.Arrow) return this.parseLambda();
        if (keyword === K.True || keyword === K.False) {
          const node = { kind: 'boolean' as const, start: this.tokenStart(), end: this.tokenEnd(), value: keyword === K.True };
          this.advance();
          return node;
        }
        if (keyword === K.Null) {
          const node = { kind: 'null' as const, start: this.tokenStart(), end: this.tokenEnd() };
          this.advance();
          return node;
        }
        return this.identifier();
      }
      case T.Integer: {
        const node = { kind: 'integer' as const, start: this.tokenStart(), end: this.tokenEnd() };
        this.advance();
        return node;
      }
      case T.StringComplete:
      case T.MultilineString:
      case T.StringLeft:
        return this.parseString();
      case T.LBrace:
        return this.parseObject();
      case T.LBracket:
        return this.parseArray();
      case T.LParen:
        return this.isLambdaAhead() ? this.parseLambda() : this.parseParenthesized();
      case T.Unknown: {
        // The lexer reported the character; step over it so the rest of the line still parses.
        const node = { kind: 'skipped' as const, start: this.tokenStart(), end: this.tokenEnd() };
        this.advance();
        return node;
      }
      default:
        this.errorMissing('Expected a value');
        return this.missing();
    }
  }

  /**
   * A string token, or an interpolated string `'a${x}b${y}c'` spread over several tokens, or a multi-line
   * string (`'''…'''` verbatim, `$'''…${x}…'''` interpolated). A line break right after the opening `'''` is no
   * part of the value, so segments start after it.
   */
  protected parseString(): StringLiteral {
    const kind = this.peek();
    const start = this.tokenStart();
    const end = this.tokenEnd();
    const flags = this.flags[this.i]!;
    const unterminated = (flags & F.Unterminated) !== 0;
    const multiline = kind === T.MultilineString || (flags & F.Multiline) !== 0;
    // `$$'''` strings open holes with `$${`: the dollar count sizes the delimiters around each segment.
    const dollars = kind === T.MultilineString ? 0 : this.keywords[this.i]!;
    if (kind === T.MultilineString || kind === T.StringComplete) {
      this.advance();
      let segment: Range;
      if (multiline) {
        const contentStart = this.afterLineBreak(start + dollars + 3, end);
        segment = { start: contentStart, end: unterminated ? end : Math.max(contentStart, end - 3) };
      } else {
        segment = { start: start + 1, end: unterminated ? end : end - 1 };
      }
      return { kind: 'string', start, end, segments: [segment], holes: [], multiline, terminated: !unterminated };
    }
    // StringLeft: `'text${`. A one-line string never spans lines, so neither may its holes: the next line is a barrier.
    const barrier = multiline ? -1 : this.nextLineStart();
    const saved = barrier >= 0 ? this.raiseBarrier(barrier) : T.EOF;
    const opener = multiline ? dollars + 1 : 2;
    const segments: Range[] = [multiline ? { start: this.afterLineBreak(start + dollars + 3, end - opener), end: end - opener } : { start: start + 1, end: end - 2 }];
    const holes: Expression[] = [];
    this.advance();
    this.openHoles++;
    let last = end;
    let terminated = false;
    for (;;) {
      let k = this.peek();
      if (k === T.StringMiddle || k === T.StringRight) {
        holes.push(this.missing());
        this.error('Expected an expression inside ${}.', this.previousEnd() - opener, this.tokenStart() + 1);
      } else {
        holes.push(this.parseExpression());
        k = this.peek();
      }
      if (k !== T.StringMiddle && k !== T.StringRight) {
        // Junk inside the hole: skip it, hoping for the `}` that resumes the string. Report the junk only when
        // that `}` comes; otherwise the one error is the unclosed interpolation.
        const junkStart = this.tokenStart();
        const junkEnd = this.tokenEnd();
        const junk = k;
        while (k !== T.EOF && k !== T.StringMiddle && k !== T.StringRight) {
          last = this.tokenEnd();
          this.advance();
          k = this.peek();
        }
        if (k !== T.EOF && junk !== T.Unknown) this.error(`Expected '}' to end the interpolation, found ${describeToken(junk)}.`, junkStart, junkEnd);
        if (k === T.EOF) {
          this.error(multiline ? "This interpolation is never closed with '}'." : "This interpolation is never closed with '}' on its line.", start, end);
          segments.push({ start: last, end: last });
          break;
        }
      }
      // Size each piece by its own flags: on broken input a `}` may resume a different string than the one opened.
      const pieceStart = this.tokenStart();
      last = this.tokenEnd();
      const pieceFlags = this.flags[this.i]!;
      const pieceMultiline = (pieceFlags & F.Multiline) !== 0;
      const pieceUnterminated = (pieceFlags & F.Unterminated) !== 0;
      const pieceOpener = pieceMultiline ? this.keywords[this.i]! + 1 : 2;
      this.advance();
      if (k === T.StringMiddle) {
        segments.push({ start: pieceStart + 1, end: Math.max(pieceStart + 1, last - pieceOpener) });
        continue;
      }
      segments.push({ start: pieceStart + 1, end: pieceUnterminated ? last : Math.max(pieceStart + 1, last - (pieceMultiline ? 3 : 1)) });
      terminated = !pieceUnterminated;
      break;
    }
    this.openHoles--;
    if (barrier >= 0) this.lowerBarrier(barrier, saved);
    return { kind: 'string', start, end: Math.max(last, this.previousEnd()), segments, holes, multiline, terminated };
  }

  /** `pos`, or just past a line break at `pos` (not beyond `limit`). */
  private afterLineBreak(pos: number, limit: number): number {
    const c = this.text.charCodeAt(pos);
    if (c === 13 && this.text.charCodeAt(pos + 1) === 10 && pos + 2 <= limit) return pos + 2;
    if ((c === 10 || c === 13) && pos + 1 <= limit) return pos + 1;
    return pos;
  }

  /** `{ key: value … }`, items separated by line breaks or commas. */
  protected parseObject(): ObjectExpression {
    const start = this.tokenStart();
    const openEnd = this.tokenEnd();
    this.advance();
    this.openBraces++;
    const items: ObjectItem[] = [];
    const { end, closed } = this.parseListItems(start, openEnd, T.RBrace, 'a property', () => {
      const item = this.parseObjectItem();
      if (item !== undefined) items.push(item);
    });
    this.openBraces--;
    return { kind: 'object', start, end, items, closed };
  }

  /**
   * The items of a `{ … }` or `[ … ]` list, after its opener, through its closer: items separated by line breaks or commas,
   * a stray comma reported and skipped, an unclosed list closed (with an error at its opener) where an enclosing construct
   * resumes. `parseItem` parses one item at the current token; the caller has consumed the opener and counted it as open.
   * Shared by object and array literals, object and tuple types, and import lists, which differ only in their items.
   */
  protected parseListItems(start: number, openEnd: number, closer: T.RBrace | T.RBracket, what: string, parseItem: () => void): { end: number; closed: boolean } {
    for (;;) {
      const kind = this.peek();
      if (kind === closer) {
        const end = this.tokenEnd();
        this.advance();
        return { end, closed: true };
      }
      if (kind === T.EOF || this.atEnclosingCloser()) {
        this.errorUnclosed(start, openEnd, closer === T.RBrace ? '}' : ']');
        return { end: this.previousEnd(), closed: false };
      }
      const before = this.i;
      if (kind === T.Comma) {
        this.errorAtToken(`Expected ${what} before this comma.`);
        this.advance();
        continue;
      }
      parseItem();
      this.expectItemSeparator(closer, before);
    }
  }

  /** After a list item: a comma, a line break or the closer must follow; anything else is skipped as junk. */
  protected expectItemSeparator(closer: T, itemStart: number): void {
    const kind = this.peek();
    if (kind === T.Comma) {
      this.advance();
      return;
    }
    if (kind === closer || kind === T.EOF || this.atLineStart() || this.atEnclosingCloser()) {
      if (this.i === itemStart && kind !== closer && kind !== T.EOF && !this.atEnclosingCloser()) this.advance();
      return;
    }
    this.errorAtToken(`Expected a comma or a new line before ${describeToken(kind)}.`);
    this.skipToSeparator(true);
    if (this.i === itemStart) this.advance();
    if (this.peek() === T.Comma) this.advance();
  }

  private parseObjectItem(): ObjectItem | undefined {
    const kind = this.peek();
    if (kind === T.Ellipsis) return this.parseSpread();
    if (kind === T.Identifier) {
      if (this.keywords[this.i] === K.Resource && this.atLineStart() && this.peekAt(1) === T.Identifier && (this.flags[this.i + 1]! & F.LineStart) === 0) {
        return this.parseNestedResource();
      }
      return this.parseProperty(this.identifier());
    }
    if (kind === T.StringComplete || kind === T.StringLeft || kind === T.MultilineString) return this.parseProperty(this.parseString());
    if (kind === T.At) return this.parseNestedResource();
    this.errorAtToken(`Expected a property name, found ${describeToken(kind)}.`);
    this.skipToSeparator(true);
    return undefined;
  }

  /** A resource declared inside another resource's body; the statement parser provides it. */
  protected parseNestedResource(): ResourceDeclaration | undefined {
    this.errorAtToken('A nested resource is not allowed here.');
    this.skipToSeparator(true);
    return undefined;
  }

  private parseProperty(key: ObjectProperty['key']): ObjectProperty {
    let value: Expression;
    if (this.peek() === T.Colon && this.onSameLine()) {
      this.advance();
      value = this.parseValueOnLine('a value after the colon');
    } else {
      this.errorMissing("Expected ':' after the property name");
      value = this.onSameLine() && !this.atCloser() && this.peek() !== T.Comma ? this.parseExpression() : this.missing();
    }
    return { kind: 'property', start: key.start, end: Math.max(value.end, key.end), key, value };
  }

  private parseSpread(): SpreadExpression {
    const start = this.tokenStart();
    this.advance();
    const expression = this.parseValueOnLine('a value to spread');
    return { kind: 'spread', start, end: Math.max(expression.end, start + 3), expression };
  }

  /** `[ items… ]` or a loop `[for … in …: …]`. */
  protected parseArray(): ArrayExpression | ForExpression {
    const start = this.tokenStart();
    const openEnd = this.tokenEnd();
    this.advance();
    this.openBrackets++;
    if (this.atKeyword(K.For) && (this.peekAt(1) === T.Identifier || this.peekAt(1) === T.LParen)) {
      const loop = this.parseForRest(start, openEnd);
      this.openBrackets--;
      return loop;
    }
    const items: (Expression | SpreadExpression)[] = [];
    const { end, closed } = this.parseListItems(start, openEnd, T.RBracket, 'an item', () => {
      items.push(this.peek() === T.Ellipsis ? this.parseSpread() : this.parseExpression());
    });
    this.openBrackets--;
    return { kind: 'array', start, end, items, closed };
  }

  /** The rest of `[for item in items: body]` after `[`; the caller has counted the bracket as open. */
  private parseForRest(start: number, openEnd: number): ForExpression {
    this.advance(); // for
    let item: Identifier | undefined;
    let index: Identifier | undefined;
    if (this.peek() === T.LParen) {
      const parenStart = this.tokenStart();
      const parenEnd = this.tokenEnd();
      this.advance();
      if (this.peek() === T.Identifier) item = this.identifier();
      else this.errorMissing('Expected the item variable');
      if (this.peek() === T.Comma) {
        this.advance();
        if (this.peek() === T.Identifier) index = this.identifier();
        else this.errorMissing('Expected the index variable');
      }
      this.openParens++;
      this.expectCloser(T.RParen, ')', parenStart, parenEnd);
      this.openParens--;
    } else {
      item = this.identifier();
    }
    let iterable: Expression;
    if (this.atKeyword(K.In)) {
      this.advance();
      iterable = this.parseValueOnLine('the collection to loop over');
    } else {
      this.errorMissing("Expected 'in'");
      iterable = this.onSameLine() && this.peek() !== T.Colon ? this.parseExpression() : this.missing();
    }
    let body: Expression;
    if (this.peek() === T.Colon) {
      this.advance();
      body = this.atKeyword(K.If) && this.peekAt(1) === T.LParen ? this.parseIf() : this.parseValueOnLine('the loop body');
    } else {
      this.errorMissing("Expected ':' and the loop body");
      body = this.missing();
    }
    const end = this.expectCloser(T.RBracket, ']', start, openEnd);
    return { kind: 'for', start, end: Math.max(end, body.end), item, index, iterable, body, closed: this.closerFound };
  }

  /** `if (condition) body`: the conditional form of resource and module bodies. */
  protected parseIf(): IfExpression {
    const start = this.tokenStart();
    this.advance(); // if
    let condition: Expression;
    if (this.peek() === T.LParen && this.onSameLine()) {
      condition = this.parseParenthesized();
    } else {
      this.errorMissing("Expected '(' and a condition after 'if'");
      condition = this.onSameLine() && this.peek() !== T.LBrace ? this.parseExpression() : this.missing();
    }
    const body = this.parseValueOnLine('the body after the condition');
    return { kind: 'if', start, end: Math.max(body.end, condition.end), condition, body };
  }

  private parseParenthesized(): ParenthesizedExpression {
    const start = this.tokenStart();
    const openEnd = this.tokenEnd();
    this.advance();
    this.openParens++;
    const expression = this.parseExpression();
    this.openParens--;
    const end = this.expectCloser(T.RParen, ')', start, openEnd);
    return { kind: 'paren', start, end: Math.max(end, expression.end), expression };
  }

  /** Whether `(` opens a lambda's parameter list: `()`, `(a)` or `(a, b, …)` followed by `=>`. */
  private isLambdaAhead(): boolean {
    const kinds = this.kinds;
    let j = this.i + 1;
    if (kinds[j] === T.RParen) return kinds[j + 1] === T.Arrow;
    for (;;) {
      if (kinds[j] !== T.Identifier) return false;
      j++;
      if (kinds[j] === T.Comma) {
        j++;
        continue;
      }
      return kinds[j] === T.RParen && kinds[j + 1] === T.Arrow;
    }
  }

  private parseLambda(): LambdaExpression {
    const start = this.tokenStart();
    const params: Identifier[] = [];
    if (this.peek() === T.Identifier) {
      params.push(this.identifier());
    } else {
      this.advance(); // (
      while (this.peek() === T.Identifier) {
        params.push(this.identifier());
        if (this.peek() === T.Comma) this.advance();
      }
      this.advance(); // ) — isLambdaAhead has checked it is there
    }
    this.advance(); // =>
    if (this.depth >= MAX_DEPTH) {
      const body = this.skipTooDeep();
      return { kind: 'lambda', start, end: Math.max(body.end, this.previousEnd()), params, body };
    }
    const body = this.parseExpression();
    return { kind: 'lambda', start, end: Math.max(body.end, this.previousEnd()), params, body };
  }
}
