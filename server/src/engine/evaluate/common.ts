// Helpers both evaluators share: argument checks, comparisons, arithmetic and the deep merge of objects.
import type { Span } from '../types';
import { failure, num, sameValue, unknownOf, type EEntry, type EObject, type EV, type Site } from './value';

/** The site of a node of `file`. */
export function siteOf(file: string, node: { start: number; end: number }): Site {
  return { file, span: { start: node.start, end: node.end } };
}

/** The span of a node. */
export function spanOf(node: { start: number; end: number }): Span {
  return { start: node.start, end: node.end };
}

/** When any argument is unknown, the unknown result a function gives (carrying every argument's references). */
export function anyUnknown(args: readonly EV[], site: Site): EV | undefined {
  return args.some((a) => a.kind === 'unknown') ? unknownOf(args, site) : undefined;
}

/** `<`, `<=`, `>`, `>=` on two numbers or two strings; a failure for anything else. */
export function compare(op: string, a: EV, b: EV, site: Site, caseInsensitive: boolean): EV {
  const unknownResult = anyUnknown([a, b], site);
  if (unknownResult) return unknownResult;
  let x: number | string;
  let y: number | string;
  if (a.kind === 'number' && b.kind === 'number') {
    x = a.value;
    y = b.value;
  } else if (a.kind === 'string' && b.kind === 'string') {
    x = caseInsensitive ? a.value.toLowerCase() : a.value;
    y = caseInsensitive ? b.value.toLowerCase() : b.value;
  } else {
    return failure(`\`${op}\` compares numbers or strings`, site);
  }
  const result = op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
  return { kind: 'bool', value: result, site };
}

/** `==` / `!=` (and Bicep's case-insensitive `=~` / `!~`). Unknown when either side is. */
export function equality(op: '==' | '!=' | '=~' | '!~', a: EV, b: EV, site: Site): EV {
  const same = sameValue(a, b, op === '=~' || op === '!~');
  if (same === undefined) return unknownOf([a, b], site);
  return { kind: 'bool', value: op === '==' || op === '=~' ? same : !same, site };
}

/** `+ - * / %` on numbers; integer division for Bicep (`integerDivision`), as ARM integers do. */
export function arithmetic(op: string, a: EV, b: EV, site: Site, integerDivision: boolean): EV {
  const unknownResult = anyUnknown([a, b], site);
  if (unknownResult) return unknownResult;
  if (a.kind !== 'number' || b.kind !== 'number') return failure(`\`${op}\` needs numbers`, site);
  const x = a.value;
  const y = b.value;
  switch (op) {
    case '+':
      return num(x + y, site);
    case '-':
      return num(x - y, site);
    case '*':
      return num(x * y, site);
    case '/':
      if (y === 0) return failure('division by zero', site);
      return num(integerDivision ? Math.trunc(x / y) : x / y, site);
    case '%':
      if (y === 0) return failure('division by zero', site);
      return num(x % y, site);
    default:
      return failure(`unknown operator \`${op}\``, site);
  }
}

/**
 * Merges objects left to right; later keys win. `deep` merges nested objects too (Bicep `union`); Terraform `merge`
 * is shallow. Entries keep their own sites, so a merged setting still points at the literal that set it.
 */
export function mergeObjects(objects: readonly EObject[], site: Site, caseInsensitive: boolean, deep: boolean): EObject {
  const entries: EEntry[] = [];
  for (const obj of objects) {
    for (const entry of obj.entries) {
      const index = entries.findIndex((e) => (caseInsensitive ? e.key.toLowerCase() === entry.key.toLowerCase() : e.key === entry.key));
      if (index < 0) {
        entries.push(entry);
        continue;
      }
      const before = entries[index]!.value;
      const value = deep && before.kind === 'object' && entry.value.kind === 'object' ? mergeObjects([before, entry.value], entry.value.site, caseInsensitive, true) : entry.value;
      entries[index] = { key: entries[index]!.key, value };
    }
  }
  return { kind: 'object', entries, site };
}

/** Guards the evaluation of user-defined functions and deep chains against runaway recursion. */
export const MAX_DEPTH = 64;

/** Loops with more known items than this are evaluated once with the item unknown, to bound the work. */
export const MAX_LOOP_ITEMS = 50;
