// Turns Bicep expression nodes into the model's Values: literals where the code is literal, else source text plus references.
import type { ParseError, Span } from '../../types';
import type { Entry, ExpressionValue, ObjectValue, Value } from '../../model/types';
import type { Expression, ObjectExpression, StringLiteral } from './ast';

/**
 * Answers "does a parse error touch this range?" by binary search over the errors sorted by start: an error
 * counts when it overlaps the range, or is an empty span (something missing) inside it or at its end.
 */
export class ErrorIndex {
  private readonly starts: number[];
  private readonly ends: number[];
  /** The largest end among the errors up to each index, for errors that start before a range but reach into it. */
  private readonly maxEnds: number[];

  constructor(errors: readonly ParseError[]) {
    const sorted = [...errors].sort((a, b) => a.span.start - b.span.start);
    this.starts = sorted.map((e) => e.span.start);
    this.ends = sorted.map((e) => e.span.end);
    let max = -1;
    this.maxEnds = this.ends.map((end) => (max = Math.max(max, end)));
  }

  /** Whether some error overlaps `[start, end)` or is an empty span within `[start, end]`. */
  overlaps(start: number, end: number): boolean {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < start) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0 && this.maxEnds[lo - 1]! > start) return true;
    for (let k = lo; k < starts.length && starts[k]! <= end; k++) {
      if (starts[k]! < end || this.ends[k] === starts[k]) return true;
    }
    return false;
  }
}

/** Decodes the escapes of a raw single-quoted string segment (`\'`, `\\`, `\n`, `\r`, `\t`, `\$`, `\u{…}`). */
export function unescapeSegment(raw: string): string {
  if (raw.indexOf('\\') < 0) return raw;
  let out = '';
  for (let p = 0; p < raw.length; p++) {
    const c = raw[p]!;
    if (c !== '\\' || p + 1 >= raw.length) {
      out += c;
      continue;
    }
    const d = raw[++p]!;
    switch (d) {
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'u': {
        const close = raw.indexOf('}', p);
        const code = raw[p + 1] === '{' && close > p + 1 ? parseInt(raw.slice(p + 2, close), 16) : NaN;
        if (Number.isFinite(code) && code <= 0x10ffff) {
          out += String.fromCodePoint(code);
          p = close;
        } else {
          out += '\\u';
        }
        break;
      }
      default: out += d; // \' \\ \$ and, after an error was reported, anything else
    }
  }
  return out;
}

/** The value of a string literal without holes (multi-line strings verbatim), or undefined when it interpolates. */
export function stringValue(text: string, node: StringLiteral): string | undefined {
  if (node.holes.length > 0) return undefined;
  const segment = node.segments[0];
  if (segment === undefined) return '';
  const raw = text.slice(segment.start, Math.max(segment.start, segment.end));
  return node.multiline ? raw : unescapeSegment(raw);
}

/** The text of a property key or a name: identifiers as written, strings decoded, interpolated keys as written. */
export function keyText(text: string, key: Expression): string {
  if (key.kind === 'string') return stringValue(text, key) ?? text.slice(key.start, key.end);
  return text.slice(key.start, key.end);
}

const span = (start: number, end: number): Span => ({ start, end });

/** Names that are namespaces of built-in functions, so `sys.concat(…)` mentions no symbol. */
const NAMESPACES = new Set(['sys', 'az']);

/**
 * Converts expressions to Values for one file. `bound` names (loop and lambda variables in scope) are
 * left out of `references`, which list only the file's own symbols a value depends on.
 */
export class ValueBuilder {
  constructor(
    private readonly text: string,
    private readonly errors: ErrorIndex,
  ) {}

  toValue(e: Expression, bound: ReadonlySet<string>): Value {
    switch (e.kind) {
      case 'string': {
        const value = stringValue(this.text, e);
        if (value !== undefined) return { kind: 'string', value, span: span(e.start, e.end) };
        break;
      }
      case 'integer':
        return { kind: 'number', value: Number(this.text.slice(e.start, e.end)), span: span(e.start, e.end) };
      case 'unary':
        if (e.operator === '-' && e.operand.kind === 'integer') {
          return { kind: 'number', value: -Number(this.text.slice(e.operand.start, e.operand.end)), span: span(e.start, e.end) };
        }
        break;
      case 'boolean':
        return { kind: 'bool', value: e.value, span: span(e.start, e.end) };
      case 'null':
        return { kind: 'null', span: span(e.start, e.end) };
      case 'object':
        return this.toObject(e, bound);
      case 'array':
        return {
          kind: 'array',
          items: e.items.map((item) => (item.kind === 'spread' ? this.expression(item, bound) : this.toValue(item, bound))),
          span: span(e.start, e.end),
        };
      default:
        break;
    }
    return this.expression(e, bound);
  }

  toObject(e: ObjectExpression, bound: ReadonlySet<string>): ObjectValue {
    const entries: Entry[] = [];
    for (const item of e.items) {
      if (item.kind === 'property') {
        entries.push({
          key: keyText(this.text, item.key),
          keySpan: span(item.key.start, item.key.end),
          value: this.toValue(item.value, bound),
          span: span(item.start, item.end),
          isBlock: false,
          hasError: this.errors.overlaps(item.start, item.end),
        });
      } else if (item.kind === 'spread') {
        entries.push({
          key: '...',
          keySpan: span(item.start, item.start + 3),
          value: this.expression(item.expression, bound),
          span: span(item.start, item.end),
          isBlock: false,
          hasError: this.errors.overlaps(item.start, item.end),
        });
      }
      // Nested resources are listed as resources of their own, not as entries.
    }
    return { kind: 'object', entries, span: span(e.start, e.end), bodySpan: span(e.start + 1, e.closed ? e.end - 1 : e.end) };
  }

  /** Any expression as source text and the references it mentions. */
  expression(e: { start: number; end: number } & ({ kind: 'spread'; expression: Expression } | Expression), bound: ReadonlySet<string>): ExpressionValue {
    const references = new Set<string>();
    if (e.kind === 'spread') this.collect(e.expression, bound, references);
    else this.collect(e, bound, references);
    return { kind: 'expression', text: this.text.slice(e.start, e.end), span: span(e.start, e.end), references: [...references] };
  }

  /**
   * The dotted chain an access expression spells (`a.b.c`, `parent::child.properties`, `a['b']` as `a.b`),
   * or undefined when it is not one (a call, a computed index, …).
   */
  private chain(e: Expression): string | undefined {
    switch (e.kind) {
      case 'identifier':
        return this.text.slice(e.start, e.end);
      case 'member': {
        if (e.name.kind !== 'identifier') return undefined;
        const base = this.chain(e.object);
        return base === undefined ? undefined : `${base}.${this.text.slice(e.name.start, e.name.end)}`;
      }
      case 'resourceAccess': {
        if (e.name.kind !== 'identifier') return undefined;
        const base = this.chain(e.object);
        return base === undefined ? undefined : `${base}::${this.text.slice(e.name.start, e.name.end)}`;
      }
      case 'index': {
        if (e.index.kind !== 'string') return undefined;
        const key = stringValue(this.text, e.index);
        const base = key === undefined ? undefined : this.chain(e.object);
        return base === undefined ? undefined : `${base}.${key}`;
      }
      case 'nonNull':
        return this.chain(e.expression);
      default:
        return undefined;
    }
  }

  private collect(e: Expression, bound: ReadonlySet<string>, out: Set<string>): void {
    switch (e.kind) {
      case 'identifier':
      case 'member':
      case 'resourceAccess':
      case 'index':
      case 'nonNull': {
        const chain = this.chain(e);
        if (chain !== undefined) {
          const root = /^[^.:]*/.exec(chain)![0];
          if (!bound.has(root)) out.add(chain);
          return;
        }
        if (e.kind === 'member' || e.kind === 'resourceAccess') this.collect(e.object, bound, out);
        else if (e.kind === 'index') {
          this.collect(e.object, bound, out);
          this.collect(e.index, bound, out);
        } else if (e.kind === 'nonNull') this.collect(e.expression, bound, out);
        return;
      }
      case 'call': {
        const callee = e.callee;
        if (callee.kind === 'member') {
          // `sys.f()` and `az.f()` name built-ins; `storage.listKeys()` depends on `storage`.
          const isNamespace = callee.object.kind === 'identifier' && NAMESPACES.has(this.text.slice(callee.object.start, callee.object.end));
          if (!isNamespace) this.collect(callee.object, bound, out);
        }
        for (const arg of e.args) this.collect(arg, bound, out);
        return;
      }
      case 'string':
        for (const hole of e.holes) this.collect(hole, bound, out);
        return;
      case 'object':
        for (const item of e.items) {
          if (item.kind === 'property') {
            if (item.key.kind === 'string') this.collect(item.key, bound, out);
            this.collect(item.value, bound, out);
          } else if (item.kind === 'spread') {
            this.collect(item.expression, bound, out);
          }
        }
        return;
      case 'array':
        for (const item of e.items) this.collect(item.kind === 'spread' ? item.expression : item, bound, out);
        return;
      case 'for': {
        this.collect(e.iterable, bound, out);
        const inner = new Set(bound);
        if (e.item !== undefined) inner.add(this.text.slice(e.item.start, e.item.end));
        if (e.index !== undefined) inner.add(this.text.slice(e.index.start, e.index.end));
        this.collect(e.body, inner, out);
        return;
      }
      case 'if':
        this.collect(e.condition, bound, out);
        this.collect(e.body, bound, out);
        return;
      case 'lambda': {
        const inner = new Set(bound);
        for (const p of e.params) inner.add(this.text.slice(p.start, p.end));
        this.collect(e.body, inner, out);
        return;
      }
      case 'unary':
        this.collect(e.operand, bound, out);
        return;
      case 'binary':
        this.collect(e.left, bound, out);
        this.collect(e.right, bound, out);
        return;
      case 'ternary':
        this.collect(e.condition, bound, out);
        this.collect(e.whenTrue, bound, out);
        this.collect(e.whenFalse, bound, out);
        return;
      case 'paren':
        this.collect(e.expression, bound, out);
        return;
      default:
        return;
    }
  }
}
