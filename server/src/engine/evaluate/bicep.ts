// Evaluates Bicep expressions to values: literals, interpolation, operators, ternaries and the common functions.
import type { Expression, LambdaExpression, StringLiteral } from '../parse/bicep/ast';
import { keyText, unescapeSegment } from '../parse/bicep/values';
import { LOAD_FUNCTIONS, loadFunction, type LoadText } from './bicepLoad';
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
  type EV,
  type Ref,
  type Site,
} from './value';

/** A user-defined function: its parameter names, its body, and the evaluator of the file it is declared in (when imported). */
export interface BicepFunction {
  params: string[];
  body: Expression;
  /** The evaluator of another file: an imported function's body is that file's text. */
  evaluator?: BicepEvaluator;
}

/** What names mean in one Bicep file: its parameters, variables, resources, modules, functions and imports. */
export interface BicepScope {
  /** The value a declared name stands for, or undefined when the file declares no such name. */
  symbol(name: string, site: Site): EV | undefined;
  /** The declared `name` of a resource reached through `refs` (a symbol's `.name`), when the code states it. */
  resourceName(ref: Ref, site: Site): EV | undefined;
  /** A user-defined or imported function (`namespace` for `ns.f()` of `import * as ns`). */
  func(name: string, namespace?: string): BicepFunction | undefined;
  /** Reads a file the load functions name, relative to this file; absent when files are not read. */
  readonly loadText?: LoadText;
}

/** Deployment-time functions: their values are known only when Azure runs the deployment, so they are never guessed. */
const DEPLOYMENT_FUNCTIONS = new Set([
  'resourcegroup',
  'subscription',
  'tenant',
  'managementgroup',
  'deployment',
  'environment',
  'deployer',
  'uniquestring',
  'guid',
  'newguid',
  'utcnow',
  'datetimeadd',
  'datetimefromepoch',
  'datetimetoepoch',
  'readenvironmentvariable',
  'getsecret',
  'externalinput',
  'pickzones',
  'providers',
]);

const RESOURCE_ID_FUNCTIONS = new Set(['resourceid', 'subscriptionresourceid', 'tenantresourceid', 'extensionresourceid', 'managementgroupresourceid']);

/** A Bicep value as text, the way string interpolation and `string()` write it. */
function asText(v: EV): string | undefined {
  switch (v.kind) {
    case 'string':
      return v.value;
    case 'number':
      return String(v.value);
    case 'bool':
      return v.value ? 'True' : 'False';
    case 'null':
      return '';
    case 'unknown':
      return undefined;
    default: {
      const json = toJson(v);
      return json === undefined ? undefined : JSON.stringify(json);
    }
  }
}

/** Evaluates the expressions of one Bicep file. Pure; never throws on a tree the parser produced. */
export class BicepEvaluator {
  private depth = 0;

  constructor(
    readonly file: string,
    readonly text: string,
    private readonly scope: BicepScope,
  ) {}

  site(node: { start: number; end: number }): Site {
    return siteOf(this.file, node);
  }

  /** The value of an expression in `env`. */
  eval(e: Expression, env: Env): EV {
    if (this.depth > MAX_DEPTH * 8) return unknown('the expression nests too deeply to evaluate', this.site(e));
    this.depth++;
    try {
      return this.evalInner(e, env);
    } finally {
      this.depth--;
    }
  }

  private evalInner(e: Expression, env: Env): EV {
    const site = this.site(e);
    switch (e.kind) {
      case 'string':
        return this.string(e, env);
      case 'integer':
        return num(Number(this.text.slice(e.start, e.end)), site);
      case 'boolean':
        return bool(e.value, site);
      case 'null':
        return nul(site);
      case 'object':
        return this.object(e, env);
      case 'array':
        return this.array(e, env);
      case 'for':
        return this.forLoop(e, env, site);
      case 'if': {
        const condition = this.eval(e.condition, env);
        if (condition.kind === 'bool') return condition.value ? this.eval(e.body, env) : nul(site);
        return unknownOf([condition, this.eval(e.body, env)], site);
      }
      case 'identifier':
        return this.identifier(this.text.slice(e.start, e.end), env, site);
      case 'member':
        return this.member(e.object, e.name.kind === 'identifier' ? this.text.slice(e.name.start, e.name.end) : '', e.safe, env, site);
      case 'resourceAccess': {
        const chain = this.resourceChain(e);
        const value = chain !== undefined ? this.scope.symbol(chain, site) : undefined;
        return value ?? unknown(`\`${this.text.slice(e.start, e.end)}\` is not declared in this file`, site);
      }
      case 'index':
        return this.index(e.object, e.index, e.safe, env, site);
      case 'nonNull':
        return this.eval(e.expression, env);
      case 'paren':
        return this.eval(e.expression, env);
      case 'unary': {
        const operand = this.eval(e.operand, env);
        if (operand.kind === 'unknown') return unknownOf([operand], site);
        if (e.operator === '!') return operand.kind === 'bool' ? bool(!operand.value, site) : failure('`!` needs a bool', site);
        return operand.kind === 'number' ? num(-operand.value, site) : failure('`-` needs a number', site);
      }
      case 'binary':
        return this.binary(e.operator, e.left, e.right, env, site);
      case 'ternary': {
        const condition = this.eval(e.condition, env);
        if (condition.kind === 'bool') return this.eval(condition.value ? e.whenTrue : e.whenFalse, env);
        const a = this.eval(e.whenTrue, env);
        const b = this.eval(e.whenFalse, env);
        // Both branches equal: the condition does not matter.
        if (condition.kind === 'unknown' && sameValue(a, b) === true) return withSite(a, site);
        return unknownOf([condition, a, b], site);
      }
      case 'call':
        return this.call(e, env, site);
      case 'lambda':
        return unknown('a lambda is not a value', site);
      default:
        return unknown('the code is incomplete here', site);
    }
  }

  private string(e: StringLiteral, env: Env): EV {
    const site = this.site(e);
    const segment = (i: number): string => {
      const s = e.segments[i];
      if (!s) return '';
      const raw = this.text.slice(s.start, Math.max(s.start, s.end));
      return e.multiline ? raw : unescapeSegment(raw);
    };
    if (e.holes.length === 0) return str(segment(0), site);
    const holes = e.holes.map((h) => this.eval(h, env));
    // `'${x}'` is `x` itself as a string: a pass-through that keeps where the value was set.
    if (e.holes.length === 1 && segment(0) === '' && segment(1) === '' && holes[0]!.kind === 'string') return holes[0]!;
    let out = segment(0);
    for (let i = 0; i < holes.length; i++) {
      const text = asText(holes[i]!);
      if (text === undefined) return unknownOf(holes, site);
      out += text + segment(i + 1);
    }
    return str(out, site);
  }

  private object(e: Extract<Expression, { kind: 'object' }>, env: Env): EV {
    const site = this.site(e);
    const entries: EEntry[] = [];
    const unknowns: EV[] = [];
    for (const item of e.items) {
      if (item.kind === 'property') {
        let key: string | undefined = keyText(this.text, item.key);
        if (item.key.kind === 'string' && item.key.holes.length > 0) {
          const k = this.eval(item.key, env);
          key = k.kind === 'string' ? k.value : undefined;
          if (key === undefined) unknowns.push(k);
        }
        if (key !== undefined) setKey(entries, key, this.eval(item.value, env));
      } else if (item.kind === 'spread') {
        const spread = this.eval(item.expression, env);
        if (spread.kind === 'object') for (const entry of spread.entries) setKey(entries, entry.key, entry.value);
        else if (spread.kind !== 'null') unknowns.push(spread);
      }
    }
    // A key the code does not determine may be any key: the whole object is then unknown, with its references.
    if (unknowns.length > 0) return unknownOf([...unknowns, ...entries.map((x) => x.value)], site);
    return { kind: 'object', entries, site };
  }

  private array(e: Extract<Expression, { kind: 'array' }>, env: Env): EV {
    const site = this.site(e);
    const items: EV[] = [];
    for (const item of e.items) {
      if (item.kind === 'spread') {
        const spread = this.eval(item.expression, env);
        if (spread.kind === 'array') items.push(...spread.items);
        else return unknownOf([spread, ...items], site);
      } else {
        items.push(this.eval(item, env));
      }
    }
    return { kind: 'array', items, site };
  }

  /** The item envs of a loop over `iterable`, or undefined when the items are not known. */
  loopEnvs(e: Extract<Expression, { kind: 'for' }>, env: Env): Env[] | EV {
    const iterable = this.eval(e.iterable, env);
    if (iterable.kind !== 'array') return iterable.kind === 'unknown' ? iterable : failure('a loop needs an array', this.site(e.iterable));
    if (iterable.items.length > MAX_LOOP_ITEMS) return unknown(`the loop has more than ${MAX_LOOP_ITEMS} items`, this.site(e.iterable));
    return iterable.items.map((item, i) => {
      const bindings: Record<string, EV> = {};
      if (e.item) bindings[this.text.slice(e.item.start, e.item.end)] = item;
      if (e.index) bindings[this.text.slice(e.index.start, e.index.end)] = num(i, this.site(e.index));
      return bind(env, bindings);
    });
  }

  /** The env of a loop's body when its items are not known: the loop variables are unknown. */
  unknownLoopEnv(e: Extract<Expression, { kind: 'for' }>, env: Env, reason: EV): Env {
    const bindings: Record<string, EV> = {};
    const why = unknownOf([reason], reason.site, 'the value differs per loop item');
    if (e.item) bindings[this.text.slice(e.item.start, e.item.end)] = unknown('the value differs per loop item', this.site(e.item), why.refs);
    if (e.index) bindings[this.text.slice(e.index.start, e.index.end)] = unknown('the loop index differs per item', this.site(e.index));
    return bind(env, bindings);
  }

  private forLoop(e: Extract<Expression, { kind: 'for' }>, env: Env, site: Site): EV {
    const envs = this.loopEnvs(e, env);
    if (!Array.isArray(envs)) return unknownOf([envs as EV, this.eval(e.body, this.unknownLoopEnv(e, env, envs as EV))], site);
    const items: EV[] = [];
    for (const itemEnv of envs) {
      if (e.body.kind === 'if') {
        const condition = this.eval(e.body.condition, itemEnv);
        if (condition.kind !== 'bool') return unknownOf([condition], site);
        if (condition.value) items.push(this.eval(e.body.body, itemEnv));
      } else {
        items.push(this.eval(e.body, itemEnv));
      }
    }
    return { kind: 'array', items, site };
  }

  private identifier(name: string, env: Env, site: Site): EV {
    const bound = env.get(name);
    if (bound) return bound;
    return this.scope.symbol(name, site) ?? unknown(`\`${name}\` is not declared in this file`, site);
  }

  /** `a::b::c` as a symbolic name, when the expression is one. */
  private resourceChain(e: Expression): string | undefined {
    if (e.kind === 'identifier') return this.text.slice(e.start, e.end);
    if (e.kind === 'resourceAccess' && e.name.kind === 'identifier') {
      const base = this.resourceChain(e.object);
      return base === undefined ? undefined : `${base}::${this.text.slice(e.name.start, e.name.end)}`;
    }
    return undefined;
  }

  private member(objectExpr: Expression, name: string, safe: boolean, env: Env, site: Site): EV {
    const object = this.eval(objectExpr, env);
    return this.memberOf(object, name, safe, site);
  }

  /** Reads `name` of a value: an object's key (case-insensitively, as ARM does), or one more step of a reference. */
  memberOf(object: EV, name: string, safe: boolean, site: Site): EV {
    if (object.kind === 'object') {
      const value = entryOf(object, name, true);
      if (value) return value;
      return safe ? nul(site) : failure(`the object has no property \`${name}\``, site);
    }
    if (object.kind === 'null') return safe ? nul(site) : failure(`null has no property \`${name}\``, site);
    if (object.kind === 'unknown') {
      // A resource's declared name is known from its body; everything else it exposes is known only at deployment.
      if (name.toLowerCase() === 'name' && object.refs.length === 1 && object.refs[0]!.kind === 'resource' && object.refs[0]!.path.length === 0) {
        const declared = this.scope.resourceName(object.refs[0]!, site);
        if (declared) return declared;
      }
      return extendUnknown(object, site, name);
    }
    return failure(`a ${object.kind} has no property \`${name}\``, site);
  }

  private index(objectExpr: Expression, indexExpr: Expression, safe: boolean, env: Env, site: Site): EV {
    const object = this.eval(objectExpr, env);
    const index = this.eval(indexExpr, env);
    if (object.kind === 'unknown') return unknownOf([object, index], site);
    if (index.kind === 'unknown') {
      // `aoais[i]` still refers to the resources of `aoais`, whichever `i` is.
      return unknownOf([index, object], site);
    }
    if (object.kind === 'array' && index.kind === 'number') {
      const item = object.items[index.value];
      return item ?? (safe ? nul(site) : failure(`index ${index.value} is out of range`, site));
    }
    if (object.kind === 'object' && index.kind === 'string') return this.memberOf(object, index.value, safe, site);
    if (object.kind === 'null' && safe) return nul(site);
    return failure('the value cannot be indexed this way', site);
  }

  private binary(op: string, leftExpr: Expression, rightExpr: Expression, env: Env, site: Site): EV {
    const left = this.eval(leftExpr, env);
    switch (op) {
      case '&&':
        if (left.kind === 'bool' && !left.value) return bool(false, site);
        break;
      case '||':
        if (left.kind === 'bool' && left.value) return bool(true, site);
        break;
      case '??':
        if (left.kind !== 'null' && left.kind !== 'unknown') return left;
        if (left.kind === 'unknown') return unknownOf([left, this.eval(rightExpr, env)], site);
        return this.eval(rightExpr, env);
      default:
        break;
    }
    const right = this.eval(rightExpr, env);
    switch (op) {
      case '&&':
      case '||': {
        if (right.kind === 'bool' && left.kind === 'unknown') {
          // `unknown && false` is false, `unknown || true` is true.
          if (op === '&&' && !right.value) return bool(false, site);
          if (op === '||' && right.value) return bool(true, site);
        }
        const u = anyUnknown([left, right], site);
        if (u) return u;
        if (left.kind !== 'bool' || right.kind !== 'bool') return failure(`\`${op}\` needs bools`, site);
        return bool(op === '&&' ? left.value && right.value : left.value || right.value, site);
      }
      case '==':
      case '!=':
      case '=~':
      case '!~':
        return equality(op, left, right, site);
      case '<':
      case '<=':
      case '>':
      case '>=':
        return compare(op, left, right, site, false);
      default:
        return arithmetic(op, left, right, site, true);
    }
  }

  private call(e: Extract<Expression, { kind: 'call' }>, env: Env, site: Site): EV {
    const callee = e.callee;
    let name: string;
    if (callee.kind === 'member') {
      const fn = callee.name.kind === 'identifier' ? this.text.slice(callee.name.start, callee.name.end) : '';
      const namespace = callee.object.kind === 'identifier' ? this.text.slice(callee.object.start, callee.object.end) : undefined;
      // `ns.f()` of `import * as ns from './x.bicep'`: a function of the imported file.
      const imported = namespace !== undefined && !env.has(namespace) ? this.scope.func(fn, namespace) : undefined;
      if (imported) return this.userFunction(fn, imported, e.args.map((a) => this.eval(a, env)), site);
      if (namespace !== 'sys' && namespace !== 'az') {
        // `aoai.listKeys()`, `kv.getSecret('x')`: a function of a resource (or an imported namespace) reads from it.
        const target = this.eval(callee.object, env);
        const args = e.args.map((a) => this.eval(a, env));
        if (target.kind === 'unknown') return extendUnknown(unknownOf([target, ...args], site), site, `${fn}()`);
        return unknown(`\`${fn}()\` is not evaluated`, site);
      }
      name = fn;
    } else {
      name = this.text.slice(callee.start, callee.end);
    }
    const lower = name.toLowerCase();
    const lambdaResult = this.lambdaCall(lower, e.args, env, site);
    if (lambdaResult) return lambdaResult;
    const args = e.args.map((a) => this.eval(a, env));
    const user = this.scope.func(name);
    if (user) return this.userFunction(name, user, args, site);
    return this.builtin(lower, name, args, site);
  }

  private userFunction(name: string, fn: BicepFunction, args: EV[], site: Site): EV {
    if (this.depth > MAX_DEPTH) return unknown(`\`${name}()\` recurses too deeply`, site);
    const bindings: Record<string, EV> = {};
    fn.params.forEach((p, i) => (bindings[p] = args[i] ?? unknown(`argument \`${p}\` is missing`, site)));
    // An imported function's body is evaluated in its own file; the depth of this evaluator still bounds the recursion.
    const evaluator = fn.evaluator ?? this;
    const saved = evaluator.depth;
    evaluator.depth = Math.max(saved, this.depth);
    let result: EV;
    try {
      result = evaluator.eval(fn.body, bind(new Map(), bindings));
    } finally {
      evaluator.depth = saved;
    }
    return result.kind === 'unknown' ? result : withSite(result, result.site.file === this.file ? result.site : site);
  }

  /** `map`, `filter`, `reduce`, `sort`, `toObject`, `mapValues`: functions that take a lambda. */
  private lambdaCall(name: string, argExprs: Expression[], env: Env, site: Site): EV | undefined {
    const lambdas = ['map', 'filter', 'reduce', 'sort', 'toobject', 'mapvalues'];
    if (!lambdas.includes(name)) return undefined;
    const lambdaAt = name === 'reduce' ? 2 : 1;
    const lambda = argExprs[lambdaAt];
    if (!lambda || lambda.kind !== 'lambda') return undefined;
    const collection = argExprs[0] ? this.eval(argExprs[0], env) : unknown('argument missing', site);
    const apply = (fn: LambdaExpression, values: EV[]): EV => {
      const bindings: Record<string, EV> = {};
      fn.params.forEach((p, i) => (bindings[this.text.slice(p.start, p.end)] = values[i] ?? nul(site)));
      return this.eval(fn.body, bind(env, bindings));
    };
    if (name === 'mapvalues') {
      if (collection.kind !== 'object') return unknownOf([collection], site);
      const entries = collection.entries.map((x) => ({ key: x.key, value: apply(lambda, [x.value]) }));
      return { kind: 'object', entries, site };
    }
    if (collection.kind !== 'array') return unknownOf([collection], site);
    const items = collection.items;
    switch (name) {
      case 'map':
        return { kind: 'array', items: items.map((item, i) => apply(lambda, [item, num(i, site)])), site };
      case 'filter': {
        const kept: EV[] = [];
        for (let i = 0; i < items.length; i++) {
          const keep = apply(lambda, [items[i]!, num(i, site)]);
          if (keep.kind !== 'bool') return unknownOf([keep, collection], site);
          if (keep.value) kept.push(items[i]!);
        }
        return { kind: 'array', items: kept, site };
      }
      case 'reduce': {
        let acc = argExprs[1] ? this.eval(argExprs[1], env) : nul(site);
        for (let i = 0; i < items.length; i++) acc = apply(lambda, [acc, items[i]!, num(i, site)]);
        return acc;
      }
      case 'sort': {
        const sorted = [...items];
        let unknownOrder: EV | undefined;
        sorted.sort((a, b) => {
          const before = apply(lambda, [a, b]);
          if (before.kind !== 'bool') {
            unknownOrder = before;
            return 0;
          }
          return before.value ? -1 : 1;
        });
        return unknownOrder ? unknownOf([unknownOrder, collection], site) : { kind: 'array', items: sorted, site };
      }
      case 'toobject': {
        const valueLambda = argExprs[2]?.kind === 'lambda' ? argExprs[2] : undefined;
        const entries: EEntry[] = [];
        for (const item of items) {
          const key = apply(lambda, [item]);
          if (key.kind !== 'string') return unknownOf([key, collection], site);
          setKey(entries, key.value, valueLambda ? apply(valueLambda, [item]) : item);
        }
        return { kind: 'object', entries, site };
      }
      default:
        return undefined;
    }
  }

  /** A built-in function applied to evaluated arguments. */
  builtin(lower: string, name: string, args: EV[], site: Site): EV {
    if (LOAD_FUNCTIONS.has(lower)) return loadFunction(lower, name, args, site, this.scope.loadText);
    if (DEPLOYMENT_FUNCTIONS.has(lower)) return unknown(`\`${name}()\` is known only at deployment`, site);
    if (RESOURCE_ID_FUNCTIONS.has(lower)) return resourceIdOf(lower, args, site);
    if (lower === 'reference' || (lower.startsWith('list') && args.length > 0)) {
      // `listKeys(aoai.id, '…')`, `reference(x)`: read from the resource the first argument identifies.
      const target = args[0]!;
      if (target.kind === 'unknown') return extendUnknown(unknownOf([target], site), site, `${name}()`);
      return unknown(`\`${name}()\` is known only at deployment`, site);
    }
    // Functions that pass a value through or choose among values, before the unknown-argument rule.
    switch (lower) {
      case 'coalesce': {
        for (const a of args) {
          if (a.kind === 'unknown') return unknownOf(args, site);
          if (a.kind !== 'null') return a;
        }
        return nul(site);
      }
      case 'trygetvalue':
      case 'tryget': {
        let current: EV | undefined = args[0];
        for (const key of args.slice(1)) {
          if (!current || current.kind === 'null') return nul(site);
          if (current.kind === 'unknown' || key.kind === 'unknown') return unknownOf(args, site);
          if (current.kind === 'object' && key.kind === 'string') current = entryOf(current, key.value, true) ?? nul(site);
          else if (current.kind === 'array' && key.kind === 'number') current = current.items[key.value] ?? nul(site);
          else return nul(site);
        }
        return current ?? nul(site);
      }
      case 'first':
      case 'last': {
        const a = args[0];
        if (!a || a.kind === 'unknown') return unknownOf(args, site);
        if (a.kind === 'array') return (lower === 'first' ? a.items[0] : a.items[a.items.length - 1]) ?? nul(site);
        if (a.kind === 'string') return str(lower === 'first' ? a.value.slice(0, 1) : a.value.slice(-1), site);
        return failure(`\`${name}()\` needs an array or a string`, site);
      }
      case 'union':
        return union(args, site);
      case 'if': {
        const [c, a, b] = args;
        if (c?.kind === 'bool') return (c.value ? a : b) ?? nul(site);
        return unknownOf(args, site);
      }
      default:
        break;
    }
    const unknownArg = anyUnknown(args, site);
    if (unknownArg) return unknownArg;
    const s = (i: number): string | undefined => (args[i]?.kind === 'string' ? (args[i] as { value: string }).value : undefined);
    const n = (i: number): number | undefined => (args[i]?.kind === 'number' ? (args[i] as { value: number }).value : undefined);
    const wrong = (): EV => failure(`\`${name}()\` got arguments of the wrong type`, site);
    switch (lower) {
      case 'concat': {
        if (args.every((a) => a.kind === 'array')) return { kind: 'array', items: args.flatMap((a) => (a as EArray).items), site };
        const parts = args.map(asText);
        return parts.some((p) => p === undefined) ? wrong() : str(parts.join(''), site);
      }
      case 'format': {
        const template = s(0);
        if (template === undefined) return wrong();
        let ok = true;
        const out = template.replace(/\{\{|\}\}|\{(\d+)(?:,[^}:]*)?(?::[^}]*)?\}/g, (whole, index: string | undefined) => {
          if (whole === '{{') return '{';
          if (whole === '}}') return '}';
          const value = args[Number(index) + 1];
          const text = value ? asText(value) : undefined;
          if (text === undefined) ok = false;
          return text ?? '';
        });
        return ok ? str(out, site) : wrong();
      }
      case 'tolower':
        return s(0) !== undefined ? str(s(0)!.toLowerCase(), site) : wrong();
      case 'toupper':
        return s(0) !== undefined ? str(s(0)!.toUpperCase(), site) : wrong();
      case 'trim':
        return s(0) !== undefined ? str(s(0)!.trim(), site) : wrong();
      case 'replace':
        return s(0) !== undefined && s(1) !== undefined && s(2) !== undefined ? str(s(0)!.split(s(1)!).join(s(2)!), site) : wrong();
      case 'startswith':
        return s(0) !== undefined && s(1) !== undefined ? bool(s(0)!.toLowerCase().startsWith(s(1)!.toLowerCase()), site) : wrong();
      case 'endswith':
        return s(0) !== undefined && s(1) !== undefined ? bool(s(0)!.toLowerCase().endsWith(s(1)!.toLowerCase()), site) : wrong();
      case 'indexof':
      case 'lastindexof': {
        const a = args[0];
        if (a?.kind === 'string' && s(1) !== undefined) {
          const hay = a.value.toLowerCase();
          const needle = s(1)!.toLowerCase();
          return num(lower === 'indexof' ? hay.indexOf(needle) : hay.lastIndexOf(needle), site);
        }
        if (a?.kind === 'array' && args[1]) {
          const positions = a.items.map((item, i) => (sameValue(item, args[1]!) ? i : -1)).filter((i) => i >= 0);
          return num((lower === 'indexof' ? positions[0] : positions[positions.length - 1]) ?? -1, site);
        }
        return wrong();
      }
      case 'substring': {
        const text = s(0);
        const start = n(1) ?? 0;
        if (text === undefined) return wrong();
        const length = n(2);
        return str(length === undefined ? text.slice(start) : text.substr(start, length), site);
      }
      case 'split': {
        const text = s(0);
        const by = args[1];
        if (text === undefined || !by) return wrong();
        const delimiters = by.kind === 'string' ? [by.value] : by.kind === 'array' ? by.items.map(asText).filter((d): d is string => d !== undefined) : [];
        if (delimiters.length === 0) return wrong();
        const pattern = new RegExp(delimiters.map((d) => d.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
        return { kind: 'array', items: text.split(pattern).map((p) => str(p, site)), site };
      }
      case 'join': {
        const a = args[0];
        if (a?.kind !== 'array' || s(1) === undefined) return wrong();
        const parts = a.items.map(asText);
        return parts.some((p) => p === undefined) ? wrong() : str(parts.join(s(1)!), site);
      }
      case 'padleft': {
        const text = args[0] ? asText(args[0]) : undefined;
        const width = n(1);
        if (text === undefined || width === undefined) return wrong();
        return str(text.padStart(width, s(2) ?? ' '), site);
      }
      case 'take':
      case 'skip': {
        const a = args[0];
        const count = n(1);
        if (count === undefined) return wrong();
        if (a?.kind === 'array') return { kind: 'array', items: lower === 'take' ? a.items.slice(0, Math.max(0, count)) : a.items.slice(Math.max(0, count)), site };
        if (a?.kind === 'string') return str(lower === 'take' ? a.value.slice(0, Math.max(0, count)) : a.value.slice(Math.max(0, count)), site);
        return wrong();
      }
      case 'length': {
        const a = args[0];
        if (a?.kind === 'string') return num(a.value.length, site);
        if (a?.kind === 'array') return num(a.items.length, site);
        if (a?.kind === 'object') return num(a.entries.length, site);
        return wrong();
      }
      case 'empty': {
        const a = args[0];
        if (!a) return wrong();
        if (a.kind === 'null') return bool(true, site);
        if (a.kind === 'string') return bool(a.value.length === 0, site);
        if (a.kind === 'array') return bool(a.items.length === 0, site);
        if (a.kind === 'object') return bool(a.entries.length === 0, site);
        return bool(false, site);
      }
      case 'contains': {
        const [container, item] = args;
        if (!container || !item) return wrong();
        if (container.kind === 'string' && item.kind !== 'unknown') return bool(container.value.includes(asText(item) ?? ''), site);
        if (container.kind === 'array') return bool(container.items.some((x) => sameValue(x, item) === true), site);
        if (container.kind === 'object' && item.kind === 'string') return bool(entryOf(container, item.value, true) !== undefined, site);
        return wrong();
      }
      case 'string': {
        const text = args[0] ? asText(args[0]) : undefined;
        if (args[0]?.kind === 'string') return args[0];
        return text === undefined ? wrong() : str(text, site);
      }
      case 'bool': {
        const a = args[0];
        if (a?.kind === 'bool') return a;
        if (a?.kind === 'string' && /^(true|false)$/i.test(a.value)) return bool(a.value.toLowerCase() === 'true', site);
        if (a?.kind === 'number') return bool(a.value !== 0, site);
        return wrong();
      }
      case 'int': {
        const a = args[0];
        if (a?.kind === 'number') return num(Math.trunc(a.value), site);
        if (a?.kind === 'string' && /^\s*-?\d+\s*$/.test(a.value)) return num(parseInt(a.value, 10), site);
        return wrong();
      }
      case 'json': {
        const text = s(0);
        if (text === undefined) return wrong();
        try {
          return fromJson(JSON.parse(text), site);
        } catch {
          return failure('the text is not JSON', site);
        }
      }
      case 'array':
        return args[0]?.kind === 'array' ? args[0] : { kind: 'array', items: args.slice(0, 1), site };
      case 'createarray':
        return { kind: 'array', items: args, site };
      case 'createobject': {
        const entries: EEntry[] = [];
        for (let i = 0; i + 1 < args.length; i += 2) {
          const key = s(i);
          if (key === undefined) return wrong();
          setKey(entries, key, args[i + 1]!);
        }
        return { kind: 'object', entries, site };
      }
      case 'items': {
        const a = args[0];
        if (a?.kind !== 'object') return wrong();
        const sorted = [...a.entries].sort((x, y) => (x.key.toLowerCase() < y.key.toLowerCase() ? -1 : x.key.toLowerCase() > y.key.toLowerCase() ? 1 : 0));
        return {
          kind: 'array',
          items: sorted.map((x) => ({ kind: 'object', entries: [{ key: 'key', value: str(x.key, site) }, { key: 'value', value: x.value }], site }) as EObject),
          site,
        };
      }
      case 'objectkeys': {
        const a = args[0];
        return a?.kind === 'object' ? { kind: 'array', items: a.entries.map((x) => str(x.key, site)), site } : wrong();
      }
      case 'shallowmerge': {
        const a = args[0];
        if (a?.kind !== 'array' || !a.items.every((x) => x.kind === 'object')) return wrong();
        return mergeObjects(a.items as EObject[], site, true, false);
      }
      case 'intersection': {
        if (args.every((a) => a.kind === 'array')) {
          const [head, ...rest] = args as EArray[];
          return { kind: 'array', items: (head?.items ?? []).filter((x) => rest.every((r) => r.items.some((y) => sameValue(x, y) === true))), site };
        }
        if (args.every((a) => a.kind === 'object')) {
          const [head, ...rest] = args as EObject[];
          const entries = (head?.entries ?? []).filter((x) => rest.every((r) => { const other = entryOf(r, x.key, true); return other !== undefined && sameValue(other, x.value) === true; }));
          return { kind: 'object', entries, site };
        }
        return wrong();
      }
      case 'min':
      case 'max': {
        const values = args.length === 1 && args[0]!.kind === 'array' ? args[0]!.items : args;
        if (!values.every((v) => v.kind === 'number') || values.length === 0) return wrong();
        const numbers = values.map((v) => (v as { value: number }).value);
        return num(lower === 'min' ? Math.min(...numbers) : Math.max(...numbers), site);
      }
      case 'range': {
        const start = n(0);
        const count = n(1);
        if (start === undefined || count === undefined || count < 0 || count > 10_000) return wrong();
        return { kind: 'array', items: Array.from({ length: count }, (_, i) => num(start + i, site)), site };
      }
      case 'flatten': {
        const a = args[0];
        if (a?.kind !== 'array') return wrong();
        return { kind: 'array', items: a.items.flatMap((x) => (x.kind === 'array' ? x.items : [x])), site };
      }
      case 'equals':
        return args.length === 2 ? equality('==', args[0]!, args[1]!, site) : wrong();
      case 'not':
        return args[0]?.kind === 'bool' ? bool(!args[0].value, site) : wrong();
      case 'and':
      case 'or': {
        if (!args.every((a) => a.kind === 'bool')) return wrong();
        const values = args.map((a) => (a as { value: boolean }).value);
        return bool(lower === 'and' ? values.every(Boolean) : values.some(Boolean), site);
      }
      default:
        return unknown(`\`${name}()\` is not evaluated`, site);
    }
  }
}

/** Adds or replaces a key (ARM keys are case-insensitive; the last one wins). */
function setKey(entries: EEntry[], key: string, value: EV): void {
  const index = entries.findIndex((e) => e.key.toLowerCase() === key.toLowerCase());
  if (index >= 0) entries[index] = { key: entries[index]!.key, value };
  else entries.push({ key, value });
}

/** `union`: deep merge of objects, or the distinct items of arrays; an unknown part makes the result unknown. */
function union(args: EV[], site: Site): EV {
  const unknownArg = anyUnknown(args, site);
  if (unknownArg) return unknownArg;
  const present = args.filter((a) => a.kind !== 'null');
  if (present.every((a) => a.kind === 'object')) return mergeObjects(present as EObject[], site, true, true);
  if (present.every((a) => a.kind === 'array')) {
    const items: EV[] = [];
    for (const a of present as EArray[]) for (const item of a.items) if (!items.some((x) => sameValue(x, item) === true)) items.push(item);
    return { kind: 'array', items, site };
  }
  return failure('`union()` needs objects or arrays', site);
}

/**
 * `resourceId('Microsoft.KeyVault/vaults', 'kv-prod')` and its relatives: the id itself is known only at deployment,
 * but the type and the last name identify the resource, which the graph matches by name.
 */
function resourceIdOf(lower: string, args: EV[], site: Site): EV {
  const typeAt = args.findIndex((a) => a.kind === 'string' && /^[A-Za-z0-9]+\.[A-Za-z0-9.]+\/[A-Za-z0-9/]+$/.test(a.value));
  const base = unknownOf(args, site, `\`${lower}()\` is known only at deployment`);
  const reason = `the resource id is known only at deployment`;
  if (typeAt < 0) return unknown(reason, site, base.refs);
  const type = (args[typeAt] as { value: string }).value;
  const names = args.slice(typeAt + 1);
  const last = names[names.length - 1];
  const segments = type.split('/').length - 1;
  if (!last || last.kind !== 'string' || names.length !== segments) return unknown(reason, site, base.refs);
  return unknown(reason, site, [...base.refs, { kind: 'named', type, name: last.value, path: [] }]);
}
