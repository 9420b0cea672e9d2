// Turns HCL expressions and block bodies into the model's `Value`s: literals where known, `expression` otherwise.
import type { ParseError } from '../../types';
import type { ArrayValue, Entry, ObjectValue, Value } from '../../model/types';
import type { Block, Body, Expr, ObjectExpr, TemplateExpr } from './ast';
import { collectReferences } from './references';

/** Answers "does a parse error lie within this range?" over errors sorted by start. */
export class ErrorIndex {
  private readonly starts: number[];
  private readonly errors: ParseError[];

  constructor(errors: ParseError[]) {
    this.errors = [...errors].sort((a, b) => a.span.start - b.span.start);
    this.starts = this.errors.map((e) => e.span.start);
  }

  /** True when an error overlaps `[start, end)`, or is an empty error placed inside or at the end of it. */
  within(start: number, end: number): boolean {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! < start) lo = mid + 1;
      else hi = mid;
    }
    if (lo < starts.length) {
      const e = this.errors[lo]!.span;
      if (e.start < end || (e.start === end && e.end === end && end > start)) return true;
    }
    // An error that starts before the range may still reach into it.
    for (let i = lo - 1; i >= 0 && i >= lo - 4; i--) if (this.errors[i]!.span.end > start) return true;
    return false;
  }
}

/** Converts one HCL file's nodes to model values; holds the text and the error index they need. */
export class ValueBuilder {
  constructor(
    private readonly text: string,
    readonly errors: ErrorIndex,
  ) {}

  /** The model value of an expression. */
  value(expr: Expr): Value {
    const span = { start: expr.start, end: expr.end };
    switch (expr.kind) {
      case 'Number':
        return { kind: 'number', value: expr.value, span };
      case 'Bool':
        return { kind: 'bool', value: expr.value, span };
      case 'Null':
        return { kind: 'null', span };
      case 'Unary':
        if (expr.op === '-' && expr.operand.kind === 'Number') return { kind: 'number', value: -expr.operand.value, span };
        break;
      case 'Template': {
        const literal = templateLiteral(expr);
        if (literal !== undefined) return { kind: 'string', value: literal, span };
        break;
      }
      case 'Tuple': {
        const array: ArrayValue = { kind: 'array', items: expr.items.map((item) => this.value(item)), span };
        return array;
      }
      case 'Object':
        return this.objectValue(expr);
      default:
        break;
    }
    return { kind: 'expression', text: this.text.slice(expr.start, expr.end), span, references: collectReferences(expr) };
  }

  private objectValue(expr: ObjectExpr): ObjectValue {
    const entries: Entry[] = [];
    for (const item of expr.items) {
      entries.push({
        key: this.keyText(item.key),
        keySpan: { start: item.key.start, end: item.key.end },
        value: this.value(item.value),
        span: { start: item.start, end: item.end },
        isBlock: false,
        hasError: this.errors.within(item.start, item.end),
      });
    }
    const bodyEnd = expr.close >= 0 ? expr.close : expr.end;
    return { kind: 'object', entries, span: { start: expr.start, end: expr.end }, bodySpan: { start: expr.start + 1, end: bodyEnd } };
  }

  /** An object key as a name: a bare identifier or a plain string means itself; anything else is its source text. */
  keyText(key: Expr): string {
    if (key.kind === 'Variable') return key.name;
    if (key.kind === 'Template') {
      const literal = templateLiteral(key);
      if (literal !== undefined) return literal;
    }
    return this.text.slice(key.start, key.end);
  }

  /**
   * A block's body as an object: attributes become entries, nested blocks entries with `isBlock` (repeated blocks
   * repeat), and `dynamic "x" { content { … } }` an entry `x` marked `dynamic` whose value is the `content` body.
   */
  blockBody(block: Block, only?: (name: string) => boolean): ObjectValue {
    const entries: Entry[] = [];
    const body = block.body;
    if (body) {
      for (const item of body.items) {
        const hasError = this.errors.within(item.start, item.end);
        const span = { start: item.start, end: item.end };
        if (item.kind === 'Attribute') {
          if (only && !only(item.name)) continue;
          entries.push({ key: item.name, keySpan: { start: item.nameStart, end: item.nameEnd }, value: this.value(item.expr), span, isBlock: false, hasError });
        } else if (only) {
          continue;
        } else if (item.type === 'dynamic' && item.labels.length > 0) {
          const label = item.labels[0]!;
          const content = findBlock(item.body, 'content');
          entries.push({
            key: label.value,
            keySpan: { start: label.start, end: label.end },
            value: content ? this.blockBody(content) : this.blockBody({ ...item, body: null }),
            span,
            isBlock: true,
            labels: [],
            dynamic: true,
            hasError,
          });
        } else {
          entries.push({
            key: item.type,
            keySpan: { start: item.typeStart, end: item.typeEnd },
            value: this.blockBody(item),
            span,
            isBlock: true,
            labels: item.labels.map((l) => l.value),
            hasError,
          });
        }
      }
    }
    return { kind: 'object', entries, ...bodySpans(block) };
  }
}

/** The braces and the inside of a block's body (empty at the header's end when the body is missing). */
export function bodySpans(block: Block): Pick<ObjectValue, 'span' | 'bodySpan'> {
  const body = block.body;
  if (!body) return { span: { start: block.end, end: block.end }, bodySpan: { start: block.end, end: block.end } };
  const start = block.open >= 0 ? block.open : body.start;
  return { span: { start, end: block.end }, bodySpan: { start: body.start, end: body.end } };
}

/** The first nested block of `type` in a body. */
export function findBlock(body: Body | null, type: string): Block | undefined {
  if (!body) return undefined;
  for (const item of body.items) if (item.kind === 'Block' && item.type === type) return item;
  return undefined;
}

/** The first attribute `name` of a body. */
export function findAttribute(body: Body | null, name: string): Expr | undefined {
  if (!body) return undefined;
  for (const item of body.items) if (item.kind === 'Attribute' && item.name === name) return item.expr;
  return undefined;
}

/** The string a template stands for when it is all literal text; undefined when it interpolates or has directives. */
export function templateLiteral(template: TemplateExpr): string | undefined {
  let value = '';
  for (const part of template.parts) {
    if (part.kind !== 'TemplateLiteral') return undefined;
    value += part.value;
  }
  return value;
}
