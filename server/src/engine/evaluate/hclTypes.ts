// Converts a Terraform variable's value to the variable's declared `type`, as Terraform does before the module sees it: "5" to 5, "true" to true, `optional()` defaults filled in.
import type { Expr } from '../parse/hcl/ast';
import { sameValue, unknown, type EEntry, type EV } from './value';

/** A conversion Terraform refuses: the plan fails, so the value is not determined (and no finding rests on it). */
const IMPOSSIBLE = Symbol('impossible');
type Converted = EV | typeof IMPOSSIBLE;

/** Evaluates an `optional()` default expression of the type. */
export type EvaluateDefault = (e: Expr) => EV;

/** A plain decimal number, as Terraform reads one from a string. */
const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The value converted to `type`: primitives convert between each other where Terraform allows it (`number` and
 * `bool` from their string forms, `string` from numbers and bools), collections convert item by item, an
 * `object({…})` keeps its declared attributes and fills `optional(type, default)` ones the value leaves out or sets
 * to null. A conversion Terraform refuses anywhere in the value leaves the whole value unknown, saying why; a value
 * that is unknown, or a type this reader does not know, is left as it is.
 */
export function convertToType(value: EV, type: Expr, evaluate: EvaluateDefault, what: string): EV {
  const converted = convert(value, type, evaluate, 0);
  if (converted === IMPOSSIBLE) return unknown(`the value of ${what} does not convert to its declared type`, value.site);
  return converted;
}

function convert(value: EV, type: Expr, evaluate: EvaluateDefault, depth: number): Converted {
  if (depth > 32 || value.kind === 'unknown' || value.kind === 'null') return value;
  let t = type;
  while (t.kind === 'Paren') t = t.expr;
  if (t.kind === 'Variable') return primitive(value, t.name);
  if (t.kind !== 'Call') return value;
  const [inner] = t.args;
  switch (t.name) {
    case 'list':
    case 'set': {
      if (!inner) return value;
      if (value.kind !== 'array') return IMPOSSIBLE;
      const items: EV[] = [];
      for (const item of value.items) {
        const c = convert(item, inner, evaluate, depth + 1);
        if (c === IMPOSSIBLE) return IMPOSSIBLE;
        // A set holds each value once.
        if (t.name === 'set' && items.some((x) => sameValue(x, c) === true)) continue;
        items.push(c);
      }
      return { ...value, items };
    }
    case 'map': {
      if (!inner) return value;
      if (value.kind !== 'object') return IMPOSSIBLE;
      const entries: EEntry[] = [];
      for (const e of value.entries) {
        const c = convert(e.value, inner, evaluate, depth + 1);
        if (c === IMPOSSIBLE) return IMPOSSIBLE;
        entries.push({ key: e.key, value: c });
      }
      return { ...value, entries };
    }
    case 'tuple': {
      if (!inner || inner.kind !== 'Tuple') return value;
      if (value.kind !== 'array' || value.items.length !== inner.items.length) return IMPOSSIBLE;
      const items: EV[] = [];
      for (const [i, item] of value.items.entries()) {
        const c = convert(item, inner.items[i]!, evaluate, depth + 1);
        if (c === IMPOSSIBLE) return IMPOSSIBLE;
        items.push(c);
      }
      return { ...value, items };
    }
    case 'object':
      if (!inner || inner.kind !== 'Object') return value;
      if (value.kind !== 'object') return IMPOSSIBLE;
      return object(value, inner, evaluate, depth);
    default:
      return value;
  }
}

/** An object converted to an `object({…})` type: declared attributes only, `optional()` ones filled in. */
function object(value: Extract<EV, { kind: 'object' }>, type: Extract<Expr, { kind: 'Object' }>, evaluate: EvaluateDefault, depth: number): Converted {
  const entries: EEntry[] = [];
  for (const item of type.items) {
    const key = attributeName(item.key);
    if (key === undefined) return value;
    let attributeType = item.value;
    let optional = false;
    let fallback: Expr | undefined;
    if (attributeType.kind === 'Call' && attributeType.name === 'optional' && attributeType.args[0]) {
      optional = true;
      fallback = attributeType.args[1];
      attributeType = attributeType.args[0];
    }
    const present = value.entries.find((e) => e.key === key)?.value;
    if (present === undefined && !optional) return IMPOSSIBLE;
    let chosen: EV;
    if (present !== undefined && !(present.kind === 'null' && fallback)) chosen = present;
    else if (fallback) chosen = evaluate(fallback);
    else chosen = { kind: 'null', site: value.site };
    const c = convert(chosen, attributeType, evaluate, depth + 1);
    if (c === IMPOSSIBLE) return IMPOSSIBLE;
    entries.push({ key, value: c });
  }
  return { ...value, entries };
}

/** The name of an attribute of an object type: `a` or `"a"`. */
function attributeName(key: Expr): string | undefined {
  if (key.kind === 'Variable') return key.name;
  const only = key.kind === 'Template' && key.parts.length === 1 ? key.parts[0] : undefined;
  return only?.kind === 'TemplateLiteral' ? only.value : undefined;
}

/** `string`, `number`, `bool` and `any`, as Terraform converts between primitives. */
function primitive(value: EV, type: string): Converted {
  switch (type) {
    case 'string':
      if (value.kind === 'string') return value;
      if (value.kind === 'number') return { kind: 'string', value: String(value.value), site: value.site };
      if (value.kind === 'bool') return { kind: 'string', value: value.value ? 'true' : 'false', site: value.site };
      return IMPOSSIBLE;
    case 'number':
      if (value.kind === 'number') return value;
      if (value.kind === 'string' && NUMBER.test(value.value)) return { kind: 'number', value: Number(value.value), site: value.site };
      return IMPOSSIBLE;
    case 'bool':
      if (value.kind === 'bool') return value;
      if (value.kind === 'string' && (value.value === 'true' || value.value === 'false')) return { kind: 'bool', value: value.value === 'true', site: value.site };
      return IMPOSSIBLE;
    default:
      // `any`, or a name this reader does not know: the value stays as written.
      return value;
  }
}
