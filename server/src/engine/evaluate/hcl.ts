// Evaluates Terraform (HCL) expressions to values: templates, conditionals, `for`, traversals and the common functions.
import type { Expr, ForExpr, TemplateExpr, TemplatePart } from '../parse/hcl/ast';
import { anyUnknown, arithmetic, compare, equality, MAX_DEPTH, MAX_LOOP_ITEMS, mergeObjects, siteOf } from './common';
import { bind, type Env } from './types';
import {
  bool,
  entryOf,
  extendUnknown,
  failure,
  fromJson,
  nul,
  num,
  sameValue,
  str,
  toJson,
  unknown,
  unknownOf,
  withSite,
  type EArray,
  type EEntry,
  type EObject,
  type EUnknown,
  type EV,
  type Site,
} from './value';

/** What the names of one Terraform module mean: `var.*`, `local.*`, resources, data sources and module outputs. */
export interface HclScope {
  variable(name: string, site: Site): EV;
  local(name: string, site: Site): EV;
  /** A resource or data source of the module (`type.name`, `data.type.name`), as a reference; undefined when not declared. */
  resource(address: string, site: Site): EV | undefined;
  /** The configured `name` of a resource, when the code states it. */
  resourceName(address: string, site: Site): EV | undefined;
  /** A module call's outputs, as references. */
  module(name: string, site: Site): EV;
}

/** Functions whose values depend on the machine, the clock or files: never guessed. */
const UNKNOWABLE = new Set(['timestamp', 'uuid', 'uuidv5', 'bcrypt', 'file', 'filebase64', 'fileexists', 'fileset', 'templatefile', 'filemd5', 'filesha1', 'filesha256', 'filesha512', 'abspath', 'pathexpand', 'plantimestamp', 'ephemeralasnull']);

/** Steps of a traversal after its root. */
type Step = { kind: 'attr'; name: string } | { kind: 'index'; key: Expr } | { kind: 'splat' };

/** An HCL value as template text: strings, numbers and bools convert; anything else fails. */
function asText(v: EV): string | undefined {
  if (v.kind === 'string') return v.value;
  if (v.kind === 'number') return String(v.value);
  if (v.kind === 'bool') return v.value ? 'true' : 'false';
  return undefined;
}

/** Evaluates the expressions of one Terraform file. Pure; never throws on a tree the parser produced. */
export class HclEvaluator {
  private depth = 0;

  constructor(
    readonly file: string,
    readonly text: string,
    private readonly scope: HclScope,
  ) {}

  site(node: { start: number; end: number }): Site {
    return siteOf(this.file, node);
  }

  eval(e: Expr, env: Env): EV {
    if (this.depth > MAX_DEPTH * 8) return unknown('the expression nests too deeply to evaluate', this.site(e));
    this.depth++;
    try {
      return this.evalInner(e, env);
    } finally {
      this.depth--;
    }
  }

  private evalInner(e: Expr, env: Env): EV {
    const site = this.site(e);
    switch (e.kind) {
      case 'Number':
        return num(e.value, site);
      case 'Bool':
        return bool(e.value, site);
      case 'Null':
        return nul(site);
      case 'Template':
        return this.template(e, env);
      case 'Variable':
      case 'GetAttr':
      case 'Index':
      case 'Splat':
        return this.traversal(e, env);
      case 'Call':
        return this.call(e, env, site);
      case 'Tuple':
        return { kind: 'array', items: e.items.map((item) => this.eval(item, env)), site };
      case 'Object': {
        const entries: EEntry[] = [];
        const unknownKeys: EV[] = [];
        for (const item of e.items) {
          let key: string | undefined;
          if (item.key.kind === 'Variable') key = item.key.name;
          else {
            const k = this.eval(item.key.kind === 'Paren' ? item.key.expr : item.key, env);
            key = asText(k);
            if (key === undefined) unknownKeys.push(k);
          }
          if (key !== undefined) setKey(entries, key, this.eval(item.value, env));
        }
        if (unknownKeys.length > 0) return unknownOf([...unknownKeys, ...entries.map((x) => x.value)], site);
        return { kind: 'object', entries, site };
      }
      case 'For':
        return this.forExpr(e, env, site);
      case 'Conditional': {
        const condition = this.eval(e.condition, env);
        if (condition.kind === 'bool') return this.eval(condition.value ? e.then : e.else, env);
        const a = this.eval(e.then, env);
        const b = this.eval(e.else, env);
        if (condition.kind === 'unknown' && sameValue(a, b) === true) return withSite(a, site);
        return condition.kind === 'unknown' ? unknownOf([condition, a, b], site) : failure('a condition must be a bool', site);
      }
      case 'Binary':
        return this.binary(e.op, e.left, e.right, env, site);
      case 'Unary': {
        const operand = this.eval(e.operand, env);
        if (operand.kind === 'unknown') return unknownOf([operand], site);
        if (e.op === '!') return operand.kind === 'bool' ? bool(!operand.value, site) : failure('`!` needs a bool', site);
        return operand.kind === 'number' ? num(-operand.value, site) : failure('`-` needs a number', site);
      }
      case 'Paren':
        return this.eval(e.expr, env);
      default:
        return unknown('the code is incomplete here', site);
    }
  }

  private template(e: TemplateExpr, env: Env): EV {
    const site = this.site(e);
    // `"${x}"` is `x` itself, of whatever type: a pass-through that keeps where the value was set.
    if (e.parts.length === 1 && e.parts[0]!.kind === 'TemplateInterp' && e.heredoc === null) return this.eval(e.parts[0]!.expr, env);
    const result = this.parts(e.parts, env, site);
    return typeof result === 'string' ? str(result, site) : result;
  }

  private parts(parts: readonly TemplatePart[], env: Env, site: Site): string | EV {
    let out = '';
    const unknowns: EV[] = [];
    for (const part of parts) {
      switch (part.kind) {
        case 'TemplateLiteral':
          out += part.value;
          break;
        case 'TemplateInterp': {
          const value = this.eval(part.expr, env);
          const text = asText(value);
          if (text === undefined) {
            if (value.kind === 'unknown') unknowns.push(value);
            else return failure('a template can hold only strings, numbers and bools', site);
          } else out += text;
          break;
        }
        case 'TemplateIf': {
          const condition = this.eval(part.condition, env);
          if (condition.kind !== 'bool') {
            unknowns.push(condition.kind === 'unknown' ? condition : failure('a condition must be a bool', site));
            break;
          }
          const chosen = condition.value ? part.then : (part.else ?? []);
          const inner = this.parts(chosen, env, site);
          if (typeof inner === 'string') out += inner;
          else unknowns.push(inner);
          break;
        }
        case 'TemplateFor': {
          const collection = this.eval(part.collection, env);
          const items = iterate(collection);
          if (!items) {
            unknowns.push(collection.kind === 'unknown' ? collection : failure('`for` needs a collection', site));
            break;
          }
          for (const [key, value] of items) {
            const bindings: Record<string, EV> = {};
            if (part.keyVar && part.valueVar) {
              bindings[part.keyVar.name] = key;
              bindings[part.valueVar.name] = value;
            } else if (part.valueVar) bindings[part.valueVar.name] = value;
            else if (part.keyVar) bindings[part.keyVar.name] = value;
            const inner = this.parts(part.body, bind(env, bindings), site);
            if (typeof inner === 'string') out += inner;
            else unknowns.push(inner);
          }
          break;
        }
      }
    }
    return unknowns.length > 0 ? unknownOf(unknowns, site) : out;
  }

  private forExpr(e: ForExpr, env: Env, site: Site): EV {
    const collection = this.eval(e.collection, env);
    const items = iterate(collection);
    if (!items) return collection.kind === 'unknown' ? unknownOf([collection], site) : failure('`for` needs a collection', site);
    if (items.length > MAX_LOOP_ITEMS * 20) return unknown('the collection is too large to evaluate', site);
    const out: EV[] = [];
    const entries: EEntry[] = [];
    const groups = new Map<string, EV[]>();
    for (const [key, value] of items) {
      const bindings: Record<string, EV> = {};
      if (e.keyVar && e.valueVar) {
        bindings[e.keyVar.name] = key;
        bindings[e.valueVar.name] = value;
      } else if (e.valueVar) bindings[e.valueVar.name] = value;
      const itemEnv = bind(env, bindings);
      if (e.condition) {
        const keep = this.eval(e.condition, itemEnv);
        if (keep.kind !== 'bool') return keep.kind === 'unknown' ? unknownOf([keep], site) : failure('a `for` condition must be a bool', site);
        if (!keep.value) continue;
      }
      if (e.object && e.keyExpr) {
        const k = this.eval(e.keyExpr, itemEnv);
        const keyText = asText(k);
        if (keyText === undefined) return unknownOf([k], site);
        const v = this.eval(e.value, itemEnv);
        if (e.group) groups.set(keyText, [...(groups.get(keyText) ?? []), v]);
        else setKey(entries, keyText, v);
      } else {
        out.push(this.eval(e.value, itemEnv));
      }
    }
    if (!e.object) return { kind: 'array', items: out, site };
    if (e.group) for (const [k, vs] of groups) entries.push({ key: k, value: { kind: 'array', items: vs, site } });
    return { kind: 'object', entries, site };
  }

  private traversal(e: Expr, env: Env): EV {
    const site = this.site(e);
    const steps: Step[] = [];
    let root: Expr = e;
    for (;;) {
      if (root.kind === 'GetAttr') {
        steps.unshift({ kind: 'attr', name: root.name });
        root = root.target;
      } else if (root.kind === 'Index') {
        steps.unshift({ kind: 'index', key: root.key });
        root = root.target;
      } else if (root.kind === 'Splat') {
        steps.unshift({ kind: 'splat' });
        root = root.target;
      } else break;
    }
    if (root.kind !== 'Variable') return this.apply(this.eval(root, env), steps, env, site);
    const name = root.name;
    const bound = env.get(name);
    if (bound) return this.apply(bound, steps, env, site);
    const first = steps[0];
    const firstName = first?.kind === 'attr' ? first.name : undefined;
    switch (name) {
      case 'var':
        return firstName ? this.apply(this.scope.variable(firstName, site), steps.slice(1), env, site) : unknown('`var` needs a name', site);
      case 'local':
        return firstName ? this.apply(this.scope.local(firstName, site), steps.slice(1), env, site) : unknown('`local` needs a name', site);
      case 'module':
        return firstName ? this.apply(this.scope.module(firstName, site), steps.slice(1), env, site) : unknown('`module` needs a name', site);
      case 'each':
      case 'count':
      case 'self':
        return unknown(`\`${name}\` is known only inside a repeated block`, site);
      case 'path':
      case 'terraform':
        return unknown(`\`${name}.*\` is known only when Terraform runs`, site);
      case 'data': {
        const second = steps[1];
        if (!firstName || second?.kind !== 'attr') return unknown('`data` needs a type and a name', site);
        return this.resourceTraversal(`data.${firstName}.${second.name}`, steps.slice(2), env, site);
      }
      default: {
        if (!firstName) return unknown(`\`${name}\` is not declared`, site);
        return this.resourceTraversal(`${name}.${firstName}`, steps.slice(1), env, site);
      }
    }
  }

  private resourceTraversal(address: string, rest: Step[], env: Env, site: Site): EV {
    const ref = this.scope.resource(address, site);
    if (!ref) return unknown(`\`${address}\` is not declared in this module`, site);
    // `azurerm_x.y.name` is the configured name; `[0]`, `[each.key]` select a copy and keep the reference.
    const steps = rest.filter((s) => s.kind !== 'index' && s.kind !== 'splat');
    if (steps.length === 1 && steps[0]!.kind === 'attr' && steps[0]!.name === 'name' && rest.length === 1) {
      const declared = this.scope.resourceName(address, site);
      if (declared) return declared;
    }
    return this.apply(ref, rest, env, site);
  }

  private apply(value: EV, steps: readonly Step[], env: Env, site: Site): EV {
    let current = value;
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i]!;
      if (step.kind === 'attr') current = this.attribute(current, step.name, site);
      else if (step.kind === 'index') {
        const key = this.eval(step.key, env);
        current = this.indexOf(current, key, site);
      } else {
        // A splat maps the rest of the traversal over the items of a list (a single value counts as a list of one).
        const rest = steps.slice(i + 1);
        if (current.kind === 'unknown') return this.apply(current, rest.filter((s) => s.kind === 'attr'), env, site);
        const items = current.kind === 'array' ? current.items : current.kind === 'null' ? [] : [current];
        return { kind: 'array', items: items.map((item) => this.apply(item, rest, env, site)), site };
      }
    }
    return current;
  }

  private attribute(value: EV, name: string, site: Site): EV {
    if (value.kind === 'object') return entryOf(value, name, false) ?? failure(`the object has no attribute \`${name}\``, site);
    if (value.kind === 'unknown') return extendUnknown(value, site, name);
    return failure(`a ${value.kind} has no attribute \`${name}\``, site);
  }

  private indexOf(value: EV, key: EV, site: Site): EV {
    if (value.kind === 'unknown' || key.kind === 'unknown') return unknownOf([value, key], site);
    if (value.kind === 'array' && key.kind === 'number') return value.items[key.value] ?? failure(`index ${key.value} is out of range`, site);
    if (value.kind === 'object' && (key.kind === 'string' || key.kind === 'number')) {
      return entryOf(value, String(key.value), false) ?? failure(`the map has no key \`${key.value}\``, site);
    }
    return failure('the value cannot be indexed this way', site);
  }

  private binary(op: string, leftExpr: Expr, rightExpr: Expr, env: Env, site: Site): EV {
    const left = this.eval(leftExpr, env);
    const right = this.eval(rightExpr, env);
    switch (op) {
      case '&&':
      case '||': {
        if (op === '&&' && ((left.kind === 'bool' && !left.value) || (right.kind === 'bool' && !right.value))) return bool(false, site);
        if (op === '||' && ((left.kind === 'bool' && left.value) || (right.kind === 'bool' && right.value))) return bool(true, site);
        const u = anyUnknown([left, right], site);
        if (u) return u;
        if (left.kind !== 'bool' || right.kind !== 'bool') return failure(`\`${op}\` needs bools`, site);
        return bool(op === '&&' ? left.value && right.value : left.value || right.value, site);
      }
      case '==':
      case '!=':
        return equality(op, left, right, site);
      case '<':
      case '<=':
      case '>':
      case '>=':
        return compare(op, left, right, site, false);
      default:
        return arithmetic(op, left, right, site, false);
    }
  }

  private call(e: Extract<Expr, { kind: 'Call' }>, env: Env, site: Site): EV {
    const name = e.name;
    if (name === 'try') {
      // The first argument that evaluates without an error; an unknown one leaves the choice unknown.
      for (const arg of e.args) {
        const value = this.eval(arg, env);
        if (value.kind !== 'unknown') return value;
        if (!value.error) return value;
      }
      return failure('every argument of `try()` fails', site);
    }
    if (name === 'can') {
      const value = e.args[0] ? this.eval(e.args[0], env) : failure('`can()` needs an argument', site);
      if (value.kind !== 'unknown') return bool(true, site);
      return value.error ? bool(false, site) : value;
    }
    let args = e.args.map((a) => this.eval(a, env));
    if (e.expandFinal && args.length > 0) {
      const last = args[args.length - 1]!;
      if (last.kind !== 'array') return unknownOf(args, site);
      args = [...args.slice(0, -1), ...last.items];
    }
    return hclBuiltin(name, args, site);
  }
}

/** The (key, value) pairs a `for` iterates: list items with their index, map entries with their key. */
function iterate(collection: EV): Array<[EV, EV]> | undefined {
  if (collection.kind === 'array') return collection.items.map((item, i) => [num(i, item.site), item]);
  if (collection.kind === 'object') return [...collection.entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((x) => [str(x.key, x.value.site), x.value]);
  return undefined;
}

function setKey(entries: EEntry[], key: string, value: EV): void {
  const index = entries.findIndex((e) => e.key === key);
  if (index >= 0) entries[index] = { key, value };
  else entries.push({ key, value });
}

/** A Terraform built-in function applied to evaluated arguments; unknown for functions it does not evaluate. */
export function hclBuiltin(name: string, args: EV[], site: Site): EV {
  if (name.includes('::')) return unknown(`provider function \`${name}()\` is not evaluated`, site, unknownOf(args, site).refs);
  if (UNKNOWABLE.has(name)) return unknown(`\`${name}()\` is known only when Terraform runs`, site);
  switch (name) {
    case 'coalesce': {
      for (const a of args) {
        if (a.kind === 'unknown') return unknownOf(args, site);
        if (a.kind !== 'null' && !(a.kind === 'string' && a.value === '')) return a;
      }
      return failure('every argument of `coalesce()` is null or empty', site);
    }
    case 'coalescelist': {
      for (const a of args) {
        if (a.kind === 'unknown') return unknownOf(args, site);
        if (a.kind === 'array' && a.items.length > 0) return a;
      }
      return { kind: 'array', items: [], site };
    }
    case 'lookup': {
      const [map, key, fallback] = args;
      if (!map || !key) return failure('`lookup()` needs a map and a key', site);
      if (map.kind === 'unknown' || key.kind === 'unknown') return unknownOf(args, site);
      if (map.kind !== 'object' || key.kind !== 'string') return failure('`lookup()` needs a map and a string key', site);
      return entryOf(map, key.value, false) ?? fallback ?? failure(`the map has no key \`${key.value}\``, site);
    }
    case 'element': {
      const [list, index] = args;
      if (!list || !index) return failure('`element()` needs a list and an index', site);
      if (list.kind === 'unknown' || index.kind === 'unknown') return unknownOf(args, site);
      if (list.kind !== 'array' || index.kind !== 'number' || list.items.length === 0) return failure('`element()` needs a list and a number', site);
      return list.items[((index.value % list.items.length) + list.items.length) % list.items.length]!;
    }
    case 'one': {
      const a = args[0];
      if (!a || a.kind === 'unknown') return unknownOf(args, site);
      if (a.kind !== 'array' || a.items.length > 1) return failure('`one()` needs a list of at most one item', site);
      return a.items[0] ?? nul(site);
    }
    case 'merge': {
      const u = anyUnknown(args, site);
      if (u) return u;
      const present = args.filter((a) => a.kind !== 'null');
      if (!present.every((a) => a.kind === 'object')) return failure('`merge()` needs maps or objects', site);
      return mergeObjects(present as EObject[], site, false, false);
    }
    case 'sensitive':
    case 'nonsensitive':
    case 'tolist':
    case 'toset':
    case 'tomap':
      return args[0] ?? failure(`\`${name}()\` needs an argument`, site);
    default:
      break;
  }
  const unknownArg = anyUnknown(args, site);
  if (unknownArg) return unknownArg;
  const s = (i: number): string | undefined => (args[i]?.kind === 'string' ? (args[i] as { value: string }).value : undefined);
  const n = (i: number): number | undefined => (args[i]?.kind === 'number' ? (args[i] as { value: number }).value : undefined);
  const wrong = (): EUnknown => failure(`\`${name}()\` got arguments of the wrong type`, site);
  switch (name) {
    case 'lower':
      return s(0) !== undefined ? str(s(0)!.toLowerCase(), site) : wrong();
    case 'upper':
      return s(0) !== undefined ? str(s(0)!.toUpperCase(), site) : wrong();
    case 'title':
      return s(0) !== undefined ? str(s(0)!.replace(/\b\w/g, (c) => c.toUpperCase()), site) : wrong();
    case 'trimspace':
      return s(0) !== undefined ? str(s(0)!.trim(), site) : wrong();
    case 'trimprefix':
      return s(0) !== undefined && s(1) !== undefined ? str(s(0)!.startsWith(s(1)!) ? s(0)!.slice(s(1)!.length) : s(0)!, site) : wrong();
    case 'trimsuffix':
      return s(0) !== undefined && s(1) !== undefined ? str(s(1)! !== '' && s(0)!.endsWith(s(1)!) ? s(0)!.slice(0, -s(1)!.length) : s(0)!, site) : wrong();
    case 'replace': {
      if (s(0) === undefined || s(1) === undefined || s(2) === undefined) return wrong();
      if (/^\/.*\/$/.test(s(1)!)) return unknown('a regular-expression `replace()` is not evaluated', site);
      return str(s(0)!.split(s(1)!).join(s(2)!), site);
    }
    case 'startswith':
      return s(0) !== undefined && s(1) !== undefined ? bool(s(0)!.startsWith(s(1)!), site) : wrong();
    case 'endswith':
      return s(0) !== undefined && s(1) !== undefined ? bool(s(0)!.endsWith(s(1)!), site) : wrong();
    case 'strcontains':
      return s(0) !== undefined && s(1) !== undefined ? bool(s(0)!.includes(s(1)!), site) : wrong();
    case 'substr': {
      const text = s(0);
      const offset = n(1);
      const length = n(2);
      if (text === undefined || offset === undefined || length === undefined) return wrong();
      const start = offset < 0 ? text.length + offset : offset;
      return str(length < 0 ? text.slice(start) : text.slice(start, start + length), site);
    }
    case 'format': {
      const template = s(0);
      if (template === undefined) return wrong();
      let next = 1;
      let ok = true;
      const out = template.replace(/%%|%(?:\[(\d+)\])?[-+# 0]*\d*(?:\.\d+)?([sdvtqfbeEgGxXo])/g, (whole, explicit: string | undefined, verb: string) => {
        if (whole === '%%') return '%';
        const value = args[explicit ? Number(explicit) : next++];
        if (!value) {
          ok = false;
          return '';
        }
        if (verb === 'q') return JSON.stringify(asText(value) ?? '');
        const text = verb === 'v' ? (asText(value) ?? JSON.stringify(toJson(value))) : asText(value);
        if (text === undefined) ok = false;
        return text ?? '';
      });
      return ok ? str(out, site) : wrong();
    }
    case 'join': {
      const sep = s(0);
      if (sep === undefined) return wrong();
      const parts: string[] = [];
      for (const list of args.slice(1)) {
        if (list.kind !== 'array') return wrong();
        for (const item of list.items) {
          const text = asText(item);
          if (text === undefined) return wrong();
          parts.push(text);
        }
      }
      return str(parts.join(sep), site);
    }
    case 'split':
      return s(0) !== undefined && s(1) !== undefined ? { kind: 'array', items: s(1)!.split(s(0)!).map((p) => str(p, site)), site } : wrong();
    case 'concat':
      return args.every((a) => a.kind === 'array') ? { kind: 'array', items: args.flatMap((a) => (a as EArray).items), site } : wrong();
    case 'contains': {
      const [list, item] = args;
      return list?.kind === 'array' && item ? bool(list.items.some((x) => sameValue(x, item) === true), site) : wrong();
    }
    case 'index': {
      const [list, item] = args;
      if (list?.kind !== 'array' || !item) return wrong();
      const at = list.items.findIndex((x) => sameValue(x, item) === true);
      return at >= 0 ? num(at, site) : failure('the item is not in the list', site);
    }
    case 'length': {
      const a = args[0];
      if (a?.kind === 'string') return num([...a.value].length, site);
      if (a?.kind === 'array') return num(a.items.length, site);
      if (a?.kind === 'object') return num(a.entries.length, site);
      return wrong();
    }
    case 'compact': {
      const a = args[0];
      return a?.kind === 'array' ? { kind: 'array', items: a.items.filter((x) => !(x.kind === 'null' || (x.kind === 'string' && x.value === ''))), site } : wrong();
    }
    case 'distinct': {
      const a = args[0];
      if (a?.kind !== 'array') return wrong();
      const items: EV[] = [];
      for (const item of a.items) if (!items.some((x) => sameValue(x, item) === true)) items.push(item);
      return { kind: 'array', items, site };
    }
    case 'flatten': {
      const flat = (a: EV): EV[] => (a.kind === 'array' ? a.items.flatMap(flat) : [a]);
      return args[0]?.kind === 'array' ? { kind: 'array', items: flat(args[0]), site } : wrong();
    }
    case 'keys':
    case 'values': {
      const a = args[0];
      if (a?.kind !== 'object') return wrong();
      const sorted = [...a.entries].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
      return { kind: 'array', items: sorted.map((x) => (name === 'keys' ? str(x.key, site) : x.value)), site };
    }
    case 'zipmap': {
      const [ks, vs] = args;
      if (ks?.kind !== 'array' || vs?.kind !== 'array') return wrong();
      const entries: EEntry[] = [];
      ks.items.forEach((k, i) => {
        const key = asText(k);
        if (key !== undefined && vs.items[i]) setKey(entries, key, vs.items[i]!);
      });
      return { kind: 'object', entries, site };
    }
    case 'range': {
      const nums = args.map((a) => (a.kind === 'number' ? a.value : NaN));
      if (nums.some(Number.isNaN) || nums.length === 0) return wrong();
      const [start, limit, step] = nums.length === 1 ? [0, nums[0]!, 1] : [nums[0]!, nums[1]!, nums[2] ?? 1];
      if (step === 0 || Math.abs((limit - start) / step) > 10_000) return wrong();
      const items: EV[] = [];
      for (let v = start; step > 0 ? v < limit : v > limit; v += step) items.push(num(v, site));
      return { kind: 'array', items, site };
    }
    case 'min':
    case 'max': {
      const numbers = args.map((a) => (a.kind === 'number' ? a.value : NaN));
      if (numbers.length === 0 || numbers.some(Number.isNaN)) return wrong();
      return num(name === 'min' ? Math.min(...numbers) : Math.max(...numbers), site);
    }
    case 'abs':
      return n(0) !== undefined ? num(Math.abs(n(0)!), site) : wrong();
    case 'ceil':
      return n(0) !== undefined ? num(Math.ceil(n(0)!), site) : wrong();
    case 'floor':
      return n(0) !== undefined ? num(Math.floor(n(0)!), site) : wrong();
    case 'alltrue':
    case 'anytrue': {
      const a = args[0];
      if (a?.kind !== 'array' || !a.items.every((x) => x.kind === 'bool')) return wrong();
      const values = a.items.map((x) => (x as { value: boolean }).value);
      return bool(name === 'alltrue' ? values.every(Boolean) : values.some(Boolean), site);
    }
    case 'tobool': {
      const a = args[0];
      if (a?.kind === 'bool' || a?.kind === 'null') return a;
      if (a?.kind === 'string' && (a.value === 'true' || a.value === 'false')) return bool(a.value === 'true', site);
      return wrong();
    }
    case 'tostring': {
      const a = args[0];
      if (a?.kind === 'string' || a?.kind === 'null') return a;
      const text = a ? asText(a) : undefined;
      return text === undefined ? wrong() : str(text, site);
    }
    case 'tonumber': {
      const a = args[0];
      if (a?.kind === 'number' || a?.kind === 'null') return a;
      if (a?.kind === 'string' && a.value.trim() !== '' && Number.isFinite(Number(a.value))) return num(Number(a.value), site);
      return wrong();
    }
    case 'jsonencode': {
      const json = args[0] ? toJson(args[0]) : undefined;
      return json === undefined ? wrong() : str(JSON.stringify(json), site);
    }
    case 'jsondecode': {
      if (s(0) === undefined) return wrong();
      try {
        return fromJson(JSON.parse(s(0)!), site);
      } catch {
        return failure('the text is not JSON', site);
      }
    }
    default:
      return unknown(`\`${name}()\` is not evaluated`, site);
  }
}
