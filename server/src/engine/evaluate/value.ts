// The evaluator's values: what an expression reduces to, where that value is set, and what an unknown value refers to.
import type { Span } from '../types';

/** Where a value is set in the source: a literal, or the expression that computed it. */
export interface Site {
  file: string;
  span: Span;
  /** How the value got its name on the way to its use ("the default of parameter `x`"); the innermost binding wins. */
  description?: string;
}

/**
 * What an unknown value points at, for the workload graph:
 * - `resource`: a resource of an evaluated instance (`aoai.id`, `azurerm_x.y.id`), `path` the attribute read;
 * - `module`: the outputs of a module call of an instance (`ai.outputs.id`, `module.ai.id`; `path` starts with `outputs`
 *   in Bicep, with the output's name in Terraform), resolved when the graph is linked: to the outputs of the instances
 *   the call leads to, or to an opaque node for a module the engine does not evaluate. Outputs never feed values back,
 *   so an instance depends only on its files and its inputs;
 * - `named`: a resource known by type and name only (`resourceId('Microsoft.KeyVault/vaults', 'kv-prod')`), matched by name.
 */
export type Ref =
  | { kind: 'resource'; instance: string; resource: string; path: readonly string[] }
  | { kind: 'module'; instance: string; module: string; path: readonly string[] }
  | { kind: 'named'; type: string; name: string; path: readonly string[] };

interface Base {
  site: Site;
}

/** A known string, number, bool or null. */
export interface EString extends Base {
  kind: 'string';
  value: string;
}
export interface ENumber extends Base {
  kind: 'number';
  value: number;
}
export interface EBool extends Base {
  kind: 'bool';
  value: boolean;
}
export interface ENull extends Base {
  kind: 'null';
}
/** One key of a known object, in written order. */
export interface EEntry {
  key: string;
  value: EV;
}
/** A known object (a Bicep object, an HCL object or map). */
export interface EObject extends Base {
  kind: 'object';
  entries: EEntry[];
}
/** A known array (a Bicep array, an HCL tuple, list or set). */
export interface EArray extends Base {
  kind: 'array';
  items: EV[];
}

/**
 * A value the code does not determine. `reason` says why in a few words; `refs` what it refers to. `error` marks an
 * evaluation that fails (a missing key, an index out of range), which Terraform's `try()` and `can()` test for.
 */
export interface EUnknown extends Base {
  kind: 'unknown';
  reason: string;
  refs: readonly Ref[];
  error?: true;
}

/** A value the code determines. */
export type EKnown = EString | ENumber | EBool | ENull | EObject | EArray;
/** What an expression evaluates to: known, or unknown with what it refers to. */
export type EV = EKnown | EUnknown;

/** An unknown value. */
export function unknown(reason: string, site: Site, refs: readonly Ref[] = []): EUnknown {
  return { kind: 'unknown', reason, refs, site };
}

/** Known values at a site. */
export function str(value: string, site: Site): EString {
  return { kind: 'string', value, site };
}
export function num(value: number, site: Site): ENumber {
  return { kind: 'number', value, site };
}
export function bool(value: boolean, site: Site): EBool {
  return { kind: 'bool', value, site };
}
export function nul(site: Site): ENull {
  return { kind: 'null', site };
}

/** Every reference in a value, its nested values included, without duplicates. */
export function refsOf(value: EV): Ref[] {
  const out: Ref[] = [];
  const seen = new Set<string>();
  const visit = (v: EV, depth: number): void => {
    if (depth > 64) return;
    if (v.kind === 'unknown') {
      for (const r of v.refs) {
        const key = refKey(r);
        if (!seen.has(key)) {
          seen.add(key);
          out.push(r);
        }
      }
    } else if (v.kind === 'object') for (const e of v.entries) visit(e.value, depth + 1);
    else if (v.kind === 'array') for (const item of v.items) visit(item, depth + 1);
  };
  visit(value, 0);
  return out;
}

/** A stable text key of a reference. */
export function refKey(r: Ref): string {
  if (r.kind === 'named') return `named|${r.type.toLowerCase()}|${r.name.toLowerCase()}|${r.path.join('.')}`;
  const name = r.kind === 'resource' ? r.resource : r.module;
  return `${r.kind}|${r.instance}|${name}|${r.path.join('.')}`;
}

/** The reference with more path steps (an attribute read, a function such as `listKeys()` applied to it). */
export function extendRef(r: Ref, ...steps: string[]): Ref {
  return { ...r, path: [...r.path, ...steps] };
}

/** An unknown value whose references all read `steps` further (`aoai` → `aoai.id`); other unknowns stay as they are. */
export function extendUnknown(value: EUnknown, site: Site, ...steps: string[]): EUnknown {
  const out: EUnknown = { kind: 'unknown', reason: value.reason, refs: value.refs.map((r) => extendRef(r, ...steps)), site };
  if (value.error) out.error = true;
  return out;
}

/** An evaluation that fails (a missing key, a bad index): unknown, with `error` set. */
export function failure(reason: string, site: Site): EUnknown {
  return { kind: 'unknown', reason, refs: [], site, error: true };
}

/**
 * An unknown made of several parts (an interpolation, a call): the first unknown part's reason, and every part's
 * references, so that `format('{0}', aoai.listKeys().key1)` still tells the graph it reads a key.
 */
export function unknownOf(parts: readonly EV[], site: Site, fallback = 'the value is computed at deployment'): EUnknown {
  const first = parts.find((p): p is EUnknown => p.kind === 'unknown');
  const refs: Ref[] = [];
  const seen = new Set<string>();
  for (const part of parts) {
    for (const r of refsOf(part)) {
      const key = refKey(r);
      if (!seen.has(key)) {
        seen.add(key);
        refs.push(r);
      }
    }
  }
  return unknown(first?.reason ?? fallback, site, refs);
}

/** True when the value and everything inside it is known. */
export function isFullyKnown(value: EV): boolean {
  if (value.kind === 'unknown') return false;
  if (value.kind === 'object') return value.entries.every((e) => isFullyKnown(e.value));
  if (value.kind === 'array') return value.items.every(isFullyKnown);
  return true;
}

/**
 * The value with `description` on every site that has none yet: a value takes the name of the first binding it passes
 * through (a `.bicepparam` entry, a module argument, a variable), which is the place a user edits to change it.
 */
export function describe(value: EV, description: string): EV {
  const site = value.site.description === undefined ? { ...value.site, description } : value.site;
  switch (value.kind) {
    case 'object':
      return { ...value, site, entries: value.entries.map((e) => ({ key: e.key, value: describe(e.value, description) })) };
    case 'array':
      return { ...value, site, items: value.items.map((item) => describe(item, description)) };
    default:
      return site === value.site ? value : { ...value, site };
  }
}

/** The value at a new site, keeping everything else (used when an expression passes a value through unchanged). */
export function withSite<T extends EV>(value: T, site: Site): T {
  return { ...value, site };
}

/** Equality of two known values as the template languages define it (sites do not matter); undefined when unknown. */
export function sameValue(a: EV, b: EV, caseInsensitiveStrings = false): boolean | undefined {
  if (a.kind === 'unknown' || b.kind === 'unknown') return undefined;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'string': {
      const bv = (b as EString).value;
      return caseInsensitiveStrings ? a.value.toLowerCase() === bv.toLowerCase() : a.value === bv;
    }
    case 'number':
    case 'bool':
      return a.value === (b as ENumber | EBool).value;
    case 'null':
      return true;
    case 'array': {
      const bi = (b as EArray).items;
      if (a.items.length !== bi.length) return false;
      let result: boolean | undefined = true;
      for (let i = 0; i < bi.length; i++) {
        const same = sameValue(a.items[i]!, bi[i]!, caseInsensitiveStrings);
        if (same === false) return false;
        if (same === undefined) result = undefined;
      }
      return result;
    }
    case 'object': {
      const be = (b as EObject).entries;
      if (a.entries.length !== be.length) return false;
      let result: boolean | undefined = true;
      for (const entry of a.entries) {
        const other = be.find((e) => e.key === entry.key);
        if (!other) return false;
        const same = sameValue(entry.value, other.value, caseInsensitiveStrings);
        if (same === false) return false;
        if (same === undefined) result = undefined;
      }
      return result;
    }
  }
}

/**
 * A canonical text of a value, sites and references included: two values with the same key behave the same in every
 * evaluation and produce the same findings, fixes and origins. Used for cache keys.
 */
export function serialize(value: EV): string {
  const site = (s: Site): string => `${s.file}@${s.span.start}-${s.span.end}${s.description ? `~${s.description}` : ''}`;
  switch (value.kind) {
    case 'string':
      return `s${JSON.stringify(value.value)}${site(value.site)}`;
    case 'number':
      return `n${value.value}${site(value.site)}`;
    case 'bool':
      return `b${value.value}${site(value.site)}`;
    case 'null':
      return `z${site(value.site)}`;
    case 'array':
      return `[${value.items.map(serialize).join(',')}]${site(value.site)}`;
    case 'object':
      return `{${value.entries.map((e) => `${JSON.stringify(e.key)}:${serialize(e.value)}`).join(',')}}${site(value.site)}`;
    case 'unknown':
      return `?${value.error ? '!' : ''}${JSON.stringify(value.reason)}(${value.refs.map(refKey).join(',')})${site(value.site)}`;
  }
}

/** The entry of an object by key; `caseInsensitive` for ARM (Bicep), where an exact match still wins. */
export function entryOf(obj: EObject, key: string, caseInsensitive: boolean): EV | undefined {
  let found: EV | undefined;
  for (const e of obj.entries) if (e.key === key) found = e.value;
  if (found || !caseInsensitive) return found;
  const lower = key.toLowerCase();
  for (const e of obj.entries) if (e.key.toLowerCase() === lower) found = e.value;
  return found;
}

/** Sets or replaces one key of an entry list (the last write wins, in the position of the first). */
export function setEntry(entries: EEntry[], key: string, value: EV, caseInsensitive: boolean): void {
  const index = entries.findIndex((e) => (caseInsensitive ? e.key.toLowerCase() === key.toLowerCase() : e.key === key));
  if (index >= 0) entries[index] = { key: entries[index]!.key, value };
  else entries.push({ key, value });
}

/** Plain JSON of a fully known value (for `string(obj)`, `jsonencode`), or undefined when part of it is unknown. */
export function toJson(value: EV): unknown {
  switch (value.kind) {
    case 'string':
    case 'number':
    case 'bool':
      return value.value;
    case 'null':
      return null;
    case 'array': {
      const items = value.items.map(toJson);
      return items.some((i) => i === undefined) ? undefined : items;
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const e of value.entries) {
        const v = toJson(e.value);
        if (v === undefined) return undefined;
        out[e.key] = v;
      }
      return out;
    }
    case 'unknown':
      return undefined;
  }
}

/** A value from plain JSON, every part at one site (for `json()`, `jsondecode`). */
export function fromJson(json: unknown, site: Site): EV {
  if (json === null) return nul(site);
  if (typeof json === 'string') return str(json, site);
  if (typeof json === 'number') return num(json, site);
  if (typeof json === 'boolean') return bool(json, site);
  if (Array.isArray(json)) return { kind: 'array', items: json.map((j) => fromJson(j, site)), site };
  if (typeof json === 'object') {
    return { kind: 'object', entries: Object.entries(json as Record<string, unknown>).map(([key, v]) => ({ key, value: fromJson(v, site) })), site };
  }
  return unknown('the value has no JSON form', site);
}
