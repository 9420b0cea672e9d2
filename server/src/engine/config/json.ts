// A small strict JSON parser that keeps the span of every key and value, so a config problem can point at its place.
import type { ParseError, Span } from '../types';

/** A JSON value with where it was written; values built from plain objects (editor settings) have empty spans. */
export type JsonNode =
  | { kind: 'object'; span: Span; entries: JsonEntry[] }
  | { kind: 'array'; span: Span; items: JsonNode[] }
  | { kind: 'string'; span: Span; value: string }
  | { kind: 'number'; span: Span; value: number }
  | { kind: 'bool'; span: Span; value: boolean }
  | { kind: 'null'; span: Span };

/** One `"key": value` member of an object. */
export interface JsonEntry {
  key: string;
  keySpan: Span;
  value: JsonNode;
}

/** The result of parsing: the document's root, or the first syntax error (strict JSON does not recover). */
export type JsonParse = { node: JsonNode; error?: undefined } | { node?: undefined; error: ParseError };

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly span: Span,
  ) {
    super(message);
  }
}

/** How deep objects and arrays may nest; far beyond any config file, low enough that recursion cannot overflow. */
const MAX_DEPTH = 200;

/**
 * Parses strict JSON (RFC 8259, a leading byte-order mark allowed); never throws.
 * A config file is small and written by hand, so the first error is the one worth reporting.
 */
export function parseJson(text: string): JsonParse {
  const reader = new Reader(text);
  try {
    reader.skipSpace();
    const node = reader.value(0);
    reader.skipSpace();
    if (reader.pos < text.length) reader.fail('Expected the end of the file after the JSON value', 1);
    return { node };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { error: { message: error.message, span: error.span } };
    throw error;
  }
}

/** Builds a span-less JSON tree from a plain value, such as the settings an editor sends; other values become null. */
export function jsonFromValue(value: unknown): JsonNode {
  const span = { start: 0, end: 0 };
  if (typeof value === 'string') return { kind: 'string', span, value };
  if (typeof value === 'number') return { kind: 'number', span, value };
  if (typeof value === 'boolean') return { kind: 'bool', span, value };
  if (Array.isArray(value)) return { kind: 'array', span, items: value.map(jsonFromValue) };
  if (value && typeof value === 'object') {
    return { kind: 'object', span, entries: Object.entries(value).map(([key, v]) => ({ key, keySpan: span, value: jsonFromValue(v) })) };
  }
  return { kind: 'null', span };
}

class Reader {
  pos: number;

  constructor(private readonly text: string) {
    this.pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  fail(message: string, length = 0): never {
    throw new JsonSyntaxError(`${message}.`, { start: this.pos, end: Math.min(this.pos + length, this.text.length) });
  }

  skipSpace(): void {
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') this.pos++;
      else break;
    }
  }

  value(depth: number): JsonNode {
    if (depth > MAX_DEPTH) this.fail('The JSON nests too deeply', 1);
    const c = this.text[this.pos];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') {
      const start = this.pos;
      const value = this.string();
      return { kind: 'string', span: { start, end: this.pos }, value };
    }
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const [word, node] of [
      ['true', { kind: 'bool', value: true }],
      ['false', { kind: 'bool', value: false }],
      ['null', { kind: 'null' }],
    ] as const) {
      if (this.text.startsWith(word, this.pos)) {
        const start = this.pos;
        this.pos += word.length;
        return { ...node, span: { start, end: this.pos } } as JsonNode;
      }
    }
    if (c === undefined) this.fail('Expected a value, but the file ends here');
    if (c === "'") this.fail('Strings are written in double quotes in JSON', 1);
    if (c === '/') this.fail('JSON has no comments', 2);
    this.fail('Expected a value: an object, an array, a string, a number, true, false or null', 1);
  }

  private object(depth: number): JsonNode {
    const start = this.pos++;
    const entries: JsonEntry[] = [];
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return { kind: 'object', span: { start, end: this.pos }, entries };
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') this.fail(this.text[this.pos] === '}' ? 'JSON allows no comma before "}"' : 'Expected a property name in double quotes', 1);
      const keyStart = this.pos;
      const key = this.string();
      const keySpan = { start: keyStart, end: this.pos };
      this.skipSpace();
      if (this.text[this.pos] !== ':') this.fail('Expected ":" after the property name', 1);
      this.pos++;
      this.skipSpace();
      entries.push({ key, keySpan, value: this.value(depth + 1) });
      this.skipSpace();
      const next = this.text[this.pos];
      if (next === ',') {
        this.pos++;
        continue;
      }
      if (next === '}') {
        this.pos++;
        return { kind: 'object', span: { start, end: this.pos }, entries };
      }
      this.fail('Expected "," or "}"', 1);
    }
  }

  private array(depth: number): JsonNode {
    const start = this.pos++;
    const items: JsonNode[] = [];
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return { kind: 'array', span: { start, end: this.pos }, items };
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] === ']') this.fail('JSON allows no comma before "]"', 1);
      items.push(this.value(depth + 1));
      this.skipSpace();
      const next = this.text[this.pos];
      if (next === ',') {
        this.pos++;
        continue;
      }
      if (next === ']') {
        this.pos++;
        return { kind: 'array', span: { start, end: this.pos }, items };
      }
      this.fail('Expected "," or "]"', 1);
    }
  }

  private string(): string {
    const open = this.pos++;
    let out = '';
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined || c === '\n' || c === '\r') {
        this.pos = open;
        this.fail('This string is never closed', 1);
      }
      if (c === '"') {
        this.pos++;
        return out;
      }
      if (c < ' ') this.fail('Control characters must be escaped in JSON strings', 1);
      if (c !== '\\') {
        out += c;
        this.pos++;
        continue;
      }
      const escape = this.text[this.pos + 1];
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (escape !== undefined && simple[escape] !== undefined) {
        out += simple[escape];
        this.pos += 2;
      } else if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) {
        out += String.fromCharCode(parseInt(this.text.slice(this.pos + 2, this.pos + 6), 16));
        this.pos += 6;
      } else {
        this.fail('Invalid escape sequence', 2);
      }
    }
  }

  private number(): JsonNode {
    const start = this.pos;
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.text.slice(start, start + 400));
    if (!match || match[0] === '-') this.fail('Invalid number', 1);
    this.pos += match[0].length;
    return { kind: 'number', span: { start, end: this.pos }, value: Number(match[0]) };
  }
}
