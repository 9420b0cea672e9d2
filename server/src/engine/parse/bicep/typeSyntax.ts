// Recursive-descent parsing of Bicep type expressions: unions, nullables, arrays, object and tuple types, resourceInput<…>.
import type {
  Decorator,
  Expression,
  IntegerLiteral,
  ObjectType,
  ObjectTypeProperty,
  StringLiteral,
  TupleType,
  TupleTypeItem,
  TypeExpression,
} from './ast';
import { ExpressionParser } from './expressions';
import { MAX_DEPTH } from './parserBase';
import { F, K, T, describeToken } from './tokens';

/** Where a type may begin relative to the token before it. */
export const enum Line {
  Same,
  NextIfPipe,
  Any,
}

/**
 * Parses types. Unions may be written across lines with a leading `|` on each line, so a line that starts
 * with `|` continues the type; every other suffix (`?`, `[]`, `.prop`, `[*]`) must stay on its line.
 */
export class TypeParser extends ExpressionParser {
  /**
   * A full type: a union or one member. Where it may begin: `Line.Same` (after `param x`), `Line.NextIfPipe`
   * (after `=` or `:`, for unions written one `| member` per line) or `Line.Any` (list items, parentheses).
   */
  protected parseType(where: Line = Line.Same): TypeExpression {
    if (this.depth >= MAX_DEPTH) return this.skipTooDeep();
    const kind = this.peek();
    const allowed = where === Line.Any ? kind !== T.EOF && !this.atCloser() : this.onSameLine() || (where === Line.NextIfPipe && kind === T.Pipe);
    if (!allowed) {
      this.errorMissing('Expected a type');
      return this.missing();
    }
    this.depth++;
    const start = this.tokenStart();
    const leadingPipe = kind === T.Pipe;
    if (leadingPipe) this.advance();
    const first = this.parseTypeMember();
    let result: TypeExpression = first;
    if (leadingPipe || this.peek() === T.Pipe) {
      const members: TypeExpression[] = [first];
      while (this.peek() === T.Pipe) {
        this.advance();
        members.push(this.parseTypeMember());
      }
      result = { kind: 'unionType', start, end: members[members.length - 1]!.end, members };
    }
    this.depth--;
    return result;
  }

  /** One union member: a primary type and its suffixes. */
  private parseTypeMember(): TypeExpression {
    const depthBefore = this.depth;
    let type = this.parseTypePrimary();
    for (;;) {
      if (this.atLineStart()) break;
      const kind = this.peek();
      if (kind !== T.Question && kind !== T.LBracket && kind !== T.Dot) break;
      // Each suffix nests the tree one level deeper, so long chains count against the nesting limit.
      if (this.depth >= MAX_DEPTH) {
        this.skipTooDeep();
        break;
      }
      this.depth++;
      if (kind === T.Question) {
        const end = this.tokenEnd();
        this.advance();
        type = { kind: 'nullableType', start: type.start, end, type };
      } else if (kind === T.LBracket) {
        const openStart = this.tokenStart();
        const openEnd = this.tokenEnd();
        this.advance();
        const inner = this.peek();
        if (inner === T.RBracket) {
          const end = this.tokenEnd();
          this.advance();
          type = { kind: 'arrayType', start: type.start, end, element: type };
        } else {
          let index: IntegerLiteral | StringLiteral | undefined;
          if (inner === T.Star) {
            this.advance();
          } else if (inner === T.Integer) {
            index = { kind: 'integer', start: this.tokenStart(), end: this.tokenEnd() };
            this.advance();
          } else if (inner === T.StringComplete) {
            index = this.parseString();
          } else {
            this.errorMissing("Expected ']', '*', an index or a property name");
          }
          this.openBrackets++;
          const end = this.expectCloser(T.RBracket, ']', openStart, openEnd);
          this.openBrackets--;
          type = { kind: 'typeIndex', start: type.start, end, object: type, index };
        }
      } else if (kind === T.Dot) {
        const dotEnd = this.tokenEnd();
        this.advance();
        if (this.peek() === T.Star && this.onSameLine()) {
          const end = this.tokenEnd();
          this.advance();
          type = { kind: 'typeMember', start: type.start, end, object: type, name: undefined };
        } else if (this.peek() === T.Identifier && this.onSameLine()) {
          const name = this.identifier();
          type = { kind: 'typeMember', start: type.start, end: name.end, object: type, name };
        } else {
          this.errorMissing('Expected a property name');
          type = { kind: 'typeMember', start: type.start, end: dotEnd, object: type, name: this.missing() };
        }
      }
    }
    this.depth = depthBefore;
    return type;
  }

  private parseTypePrimary(): TypeExpression {
    const kind = this.peek();
    switch (kind) {
      case T.Identifier: {
        const keyword = this.keywords[this.i];
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
        const next = this.peekAt(1);
        if (keyword === K.Resource && (next === T.StringComplete || next === T.StringLeft) && (this.flags[this.i + 1]! & F.LineStart) === 0) {
          const start = this.tokenStart();
          this.advance();
          const typeString = this.parseString();
          return { kind: 'resourceType', start, end: typeString.end, typeString };
        }
        const name = this.identifier();
        if (next === T.Less && this.onSameLine()) return this.parseTypeArguments(name);
        return name;
      }
      case T.StringComplete:
      case T.StringLeft:
      case T.MultilineString:
        return this.parseString();
      case T.Integer: {
        const node = { kind: 'integer' as const, start: this.tokenStart(), end: this.tokenEnd() };
        this.advance();
        return node;
      }
      case T.Minus: {
        const start = this.tokenStart();
        this.advance();
        if (this.peek() === T.Integer && this.onSameLine()) {
          const operand = { kind: 'integer' as const, start: this.tokenStart(), end: this.tokenEnd() };
          this.advance();
          return { kind: 'unary', start, end: operand.end, operator: '-', operand };
        }
        this.errorMissing('Expected a number after the minus');
        const operand = this.missing();
        return { kind: 'unary', start, end: operand.end, operator: '-', operand };
      }
      case T.LBrace:
        return this.parseObjectType();
      case T.LBracket:
        return this.parseTupleType();
      case T.LParen: {
        const start = this.tokenStart();
        const openEnd = this.tokenEnd();
        this.advance();
        this.openParens++;
        const type = this.parseType(Line.Any);
        const end = this.expectCloser(T.RParen, ')', start, openEnd);
        this.openParens--;
        return { kind: 'parenType', start, end: Math.max(end, type.end), type };
      }
      default:
        this.errorMissing('Expected a type');
        return this.missing();
    }
  }

  /** `name<arg, …>`: the arguments are literals such as a resource type string, never comparisons. */
  private parseTypeArguments(name: TypeExpression & { kind: 'identifier' }): TypeExpression {
    const openStart = this.tokenStart();
    const openEnd = this.tokenEnd();
    this.advance();
    const args: Expression[] = [];
    let end = -1;
    for (;;) {
      const kind = this.peek();
      if (kind === T.Greater) {
        end = this.tokenEnd();
        this.advance();
        break;
      }
      if (kind === T.EOF || this.atLineStart() || this.atEnclosingCloser()) {
        this.errorUnclosed(openStart, openEnd, '>');
        break;
      }
      if (kind === T.Comma) {
        this.advance();
        continue;
      }
      const before = this.i;
      args.push(this.parsePostfix(this.parsePrimary()));
      if (this.i === before) {
        this.errorAtToken(`Expected '>' or a type argument, found ${describeToken(kind)}.`);
        this.advance();
      }
    }
    if (end < 0) end = this.previousEnd();
    return { kind: 'parameterizedType', start: name.start, end, name, args };
  }

  /** `{ name: type … }` with optional `?` keys, a `*` key for additional properties and decorated properties. */
  private parseObjectType(): ObjectType {
    const start = this.tokenStart();
    const openEnd = this.tokenEnd();
    this.advance();
    this.openBraces++;
    const properties: ObjectTypeProperty[] = [];
    const { end, closed } = this.parseListItems(start, openEnd, T.RBrace, 'a property', () => {
      const property = this.parseObjectTypeProperty();
      if (property !== undefined) properties.push(property);
    });
    this.openBraces--;
    return { kind: 'objectType', start, end, properties, closed };
  }

  private parseObjectTypeProperty(): ObjectTypeProperty | undefined {
    const decorators = this.parseDecoratorLines();
    const kind = this.peek();
    let key: ObjectTypeProperty['key'];
    if (kind === T.Identifier) {
      key = this.identifier();
    } else if (kind === T.StringComplete || kind === T.StringLeft || kind === T.MultilineString) {
      key = this.parseString();
    } else if (kind === T.Star) {
      key = { kind: 'star', start: this.tokenStart(), end: this.tokenEnd() };
      this.advance();
    } else {
      if (kind !== T.RBrace && kind !== T.EOF) {
        this.errorAtToken(`Expected a property name, found ${describeToken(kind)}.`);
        this.skipToSeparator(true);
      } else if (decorators.length > 0) {
        this.errorMissing('Expected a property after the decorators');
      }
      return undefined;
    }
    let optional = false;
    if (this.peek() === T.Question && this.onSameLine()) {
      optional = true;
      this.advance();
    }
    let type: TypeExpression;
    if (this.peek() === T.Colon && this.onSameLine()) {
      this.advance();
      type = this.parseType(Line.NextIfPipe);
    } else {
      this.errorMissing("Expected ':' and the property's type");
      type = this.missing();
    }
    const start = decorators.length > 0 ? decorators[0]!.start : key.start;
    return { kind: 'objectTypeProperty', start, end: Math.max(type.end, key.end), decorators, key, optional, type };
  }

  /** `[type, type]` or one item per line; items may carry decorators. */
  private parseTupleType(): TupleType {
    const start = this.tokenStart();
    const openEnd = this.tokenEnd();
    this.advance();
    this.openBrackets++;
    const items: TupleTypeItem[] = [];
    const { end, closed } = this.parseListItems(start, openEnd, T.RBracket, 'a type', () => {
      const decorators = this.parseDecoratorLines();
      const type = this.parseType(Line.Any);
      const itemStart = decorators.length > 0 ? decorators[0]!.start : type.start;
      items.push({ kind: 'tupleTypeItem', start: itemStart, end: Math.max(type.end, itemStart), decorators, type });
    });
    this.openBrackets--;
    return { kind: 'tupleType', start, end, items, closed };
  }

  /** Zero or more `@decorator(…)` lines, each ending its line. */
  protected parseDecoratorLines(): Decorator[] {
    const decorators: Decorator[] = [];
    while (this.peek() === T.At) {
      decorators.push(this.parseDecorator());
      if (this.peek() !== T.EOF && !this.atLineStart()) {
        this.errorAtToken(`Expected a new line after the decorator, found ${describeToken(this.peek())}.`);
        this.skipRestOfLine();
      }
    }
    return decorators;
  }

  /** `@name(args)` or `@ns.name(args)`. */
  protected parseDecorator(): Decorator {
    const start = this.tokenStart();
    this.advance();
    let expression: Expression;
    if (this.peek() === T.Identifier && this.onSameLine()) {
      expression = this.parsePostfix(this.identifier());
    } else {
      this.errorMissing("Expected a decorator name after '@'");
      expression = this.missing();
    }
    return { kind: 'decorator', start, end: Math.max(expression.end, start + 1), expression };
  }
}
