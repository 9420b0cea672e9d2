// Finds a setting by its path in a resource body and says whether it is absent, known, or not knowable from the code.
import type { Entry, ExpressionValue, Language, ObjectValue, Value } from '../../model/types';

/** A literal value: what a rule can judge. */
export type Literal = Exclude<Value, ObjectValue | ExpressionValue | { kind: 'array' }>;

export type Lookup =
  /**
   * Not set. `parent` is the deepest object on the path that exists; `missing` the keys still to create under it.
   * `parentIsBlock` tells an HCL block body (new nesting is written as blocks) from an object literal (written `key = {`).
   */
  | { state: 'absent'; parent: ObjectValue; missing: string[]; parentIsBlock: boolean }
  /** Set to a value the code states outright. */
  | { state: 'known'; value: Value; entry: Entry }
  /** Set, or perhaps set, by something the code does not state: a reference, a call, a spread, a dynamic block. */
  | { state: 'unknown'; reason: string; at: Entry | undefined };

/** An expression as a message can quote it: its first line, at most 60 characters. */
export function quoteExpression(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0]!.trim();
  const short = firstLine.length > 60 ? `${firstLine.slice(0, 57)}…` : firstLine;
  return short.length < text.trim().length && !short.endsWith('…') ? `${short} …` : short;
}

/** Bicep (ARM) property names are case-insensitive; HCL attribute names are not. */
function sameKey(language: Language, a: string, b: string): boolean {
  return language === 'bicep' ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/** The last entry with this key (a duplicate key is the compiler's business; the last one wins in ARM). */
export function findEntry(obj: ObjectValue, key: string, language: Language): Entry | undefined {
  let found: Entry | undefined;
  for (const entry of obj.entries) if (sameKey(language, entry.key, key)) found = entry;
  return found;
}

/** True when the object holds a spread (`...x`) that might supply keys the code does not show. */
function hasSpread(obj: ObjectValue): boolean {
  return obj.entries.some((e) => e.key === '...' || e.key.startsWith('...'));
}

/**
 * Walks `path` from `root` and classifies what it finds. `rootIsBlock` says whether `root` is an HCL block body
 * (a resource body is; an `azapi_resource` `body = { … }` is an object literal).
 */
export function lookup(root: ObjectValue, path: readonly string[], language: Language, rootIsBlock = language === 'terraform'): Lookup {
  let current: ObjectValue = root;
  let currentIsBlock = rootIsBlock;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const entry = findEntry(current, key, language);
    if (!entry) {
      if (hasSpread(current)) return { state: 'unknown', reason: `a spread may set \`${key}\``, at: undefined };
      return { state: 'absent', parent: current, missing: path.slice(i), parentIsBlock: currentIsBlock };
    }
    if (entry.dynamic) return { state: 'unknown', reason: `\`${entry.key}\` is a dynamic block`, at: entry };
    const value = entry.value;
    if (i === path.length - 1) {
      if (value.kind === 'expression') return { state: 'unknown', reason: `\`${quoteExpression(value.text)}\` is not known from the code`, at: entry };
      return { state: 'known', value, entry };
    }
    if (value.kind === 'object') {
      current = value;
      currentIsBlock = language === 'terraform' && entry.isBlock;
      continue;
    }
    if (value.kind === 'expression') return { state: 'unknown', reason: `\`${quoteExpression(value.text)}\` is not known from the code`, at: entry };
    // A literal where an object belongs (`null`, say): nothing beneath it is set, but the fix cannot insert below it.
    return { state: 'unknown', reason: `\`${entry.key}\` is ${describeLiteral(value)}, not an object`, at: entry };
  }
  return { state: 'unknown', reason: 'empty path', at: undefined };
}

/** Renders a literal as the user would read it in their language, for messages. */
export function describeLiteral(value: Value): string {
  switch (value.kind) {
    case 'string':
      return `'${value.value}'`;
    case 'number':
      return String(value.value);
    case 'bool':
      return String(value.value);
    case 'null':
      return 'null';
    default:
      return value.kind;
  }
}
