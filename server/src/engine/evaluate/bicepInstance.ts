// Evaluates one Bicep file with one set of parameter values: its resources, module calls and outputs; and .bicepparam files.
import type { FileModel, ModuleCall, Resource } from '../model/types';
import type { BicepFile, Expression, FunctionDeclaration, ModuleDeclaration, ObjectExpression, OutputDeclaration, ParameterDeclaration, ResourceDeclaration, VariableDeclaration } from '../parse/bicep/ast';
import { keyText } from '../parse/bicep/values';
import type { FileNotice, Span } from '../types';
import { BicepEvaluator, type BicepFunction, type BicepScope } from './bicep';
import { BicepImports, ImportContext } from './bicepImports';
import type { LoadText } from './bicepLoad';
import { spanOf } from './common';
import { Resolver } from './resolve';
import type { SpanIndex } from './spanIndex';
import { EMPTY_ENV, type ChildCall, type Env, type InstanceHost, type InstanceResult, type OpaqueModule, type ResolvedResource } from './types';
import { describe, refsOf, serialize, unknown, unknownOf, type EV, type Ref, type Site } from './value';

/** A parsed Bicep or `.bicepparam` file with what evaluation needs. */
export interface ParsedBicep {
  file: string;
  text: string;
  tree: BicepFile;
  model: FileModel;
  index: SpanIndex;
}

/** The key under which a module call whose `params` the code does not determine passes "every parameter unknown". */
export const ALL_INPUTS = '*';

const PENDING = Symbol('pending');

/** The last path segment, for messages. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** `{ … }`, `if (c) { … }`, `[for … : { … }]` and `[for … : if (c) { … }]` taken apart. */
interface Peeled {
  loop: Extract<Expression, { kind: 'for' }> | undefined;
  condition: Expression | undefined;
  object: ObjectExpression | undefined;
}

function peel(value: Expression): Peeled {
  let e = value;
  let loop: Peeled['loop'];
  let condition: Expression | undefined;
  if (e.kind === 'for') {
    loop = e;
    e = e.body;
  }
  if (e.kind === 'if') {
    condition = e.condition;
    e = e.body;
  }
  return { loop, condition, object: e.kind === 'object' ? e : undefined };
}

/** The value expression of a property of an object expression, by case-insensitive key. */
function property(text: string, object: ObjectExpression | undefined, key: string): Expression | undefined {
  let found: Expression | undefined;
  for (const item of object?.items ?? []) if (item.kind === 'property' && keyText(text, item.key).toLowerCase() === key.toLowerCase()) found = item.value;
  return found;
}

/**
 * Evaluates a Bicep file as one deployment: parameters take `inputs` (from a `.bicepparam` file or a module call), else
 * their defaults; variables, interpolations, ternaries and functions reduce to literals where the code determines them;
 * resources under a false condition are left out, and loops over known items give one copy per item.
 */
export function evaluateBicepInstance(unit: ParsedBicep, id: string, inputs: ReadonlyMap<string, EV> | undefined, host: InstanceHost): InstanceResult {
  return new BicepInstance(unit, id, inputs, host).run();
}

class BicepInstance implements BicepScope {
  private readonly params = new Map<string, ParameterDeclaration>();
  private readonly vars = new Map<string, VariableDeclaration>();
  private readonly funcs = new Map<string, FunctionDeclaration>();
  private readonly outputsDecl: OutputDeclaration[] = [];
  private readonly modules = new Map<string, ModuleDeclaration>();
  /** Every resource declaration by symbolic name (`parent::child` for nested ones), with its enclosing resource. */
  private readonly resources = new Map<string, { decl: ResourceDeclaration; parent: string | undefined }>();
  private readonly memo = new Map<string, EV | typeof PENDING>();
  private readonly evaluating: string[] = [];
  private readonly notices: FileNotice[] = [];
  private readonly calls: ChildCall[] = [];
  private readonly opaque: OpaqueModule[] = [];
  private readonly evaluator: BicepEvaluator;
  private readonly resolver: Resolver;
  private readonly imports: BicepImports;
  readonly loadText: LoadText;

  constructor(
    private readonly unit: ParsedBicep,
    private readonly id: string,
    private readonly inputs: ReadonlyMap<string, EV> | undefined,
    private readonly host: InstanceHost,
  ) {
    const text = unit.text;
    const name = (n: { kind: string; start: number; end: number }): string => (n.kind === 'missing' ? '' : text.slice(n.start, n.end));
    const addResource = (decl: ResourceDeclaration, parent: string | undefined): void => {
      const symbol = parent !== undefined ? `${parent}::${name(decl.name)}` : name(decl.name);
      this.resources.set(symbol, { decl, parent });
      for (const item of peel(decl.value).object?.items ?? []) if (item.kind === 'resource') addResource(item, symbol);
    };
    for (const s of unit.tree.statements) {
      switch (s.kind) {
        case 'param':
          this.params.set(name(s.name), s);
          break;
        case 'var':
          this.vars.set(name(s.name), s);
          break;
        case 'func':
          this.funcs.set(name(s.name), s);
          break;
        case 'output':
          this.outputsDecl.push(s);
          break;
        case 'module':
          this.modules.set(name(s.name), s);
          break;
        case 'resource':
          addResource(s, undefined);
          break;
        default:
          break;
      }
    }
    const context = new ImportContext(host, this.notices);
    this.imports = new BicepImports(unit, context);
    // Bound, not an arrow: an arrow made here shares the constructor's closure context with the resolver's callbacks,
    // which measurably kept each file's evaluation garbage alive longer (`analyzeFile` over 5,000 files peaked at 420
    // instead of 260 MB, with the same live heap at the end, and ran a third slower).
    this.loadText = context.text.bind(context, unit.file);
    this.evaluator = new BicepEvaluator(unit.file, text, this);
    this.resolver = new Resolver({
      file: unit.file,
      evaluate: (span, env) => {
        const node = unit.index.at(span.start, span.end) as Expression | { kind: 'spread'; expression: Expression } | undefined;
        if (!node) return undefined;
        return this.evaluator.eval(node.kind === 'spread' ? node.expression : (node as Expression), env);
      },
      isSpread: (span) => unit.index.at(span.start, span.end)?.kind === 'spread',
      sourceText: (file, span) => host.sourceText(file, span),
    });
  }

  run(): InstanceResult {
    const resources = this.evaluateResources();
    for (const name of this.modules.keys()) this.evaluateModule(name);
    const outputs = new Map<string, EV>();
    for (const o of this.outputsDecl) {
      if (o.name.kind === 'missing') continue;
      outputs.set(this.unit.text.slice(o.name.start, o.name.end), this.evaluator.eval(o.value, EMPTY_ENV));
    }
    const model: FileModel = { ...this.unit.model, resources: resources.map((r) => r.resource) };
    return { id: this.id, unit: this.unit.file, models: [model], resources, outputs, calls: this.calls, opaque: this.opaque, notices: this.notices };
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Names

  symbol(name: string, site: Site): EV | undefined {
    if (this.params.has(name)) return this.param(name, site);
    if (this.vars.has(name)) return this.variable(name, site);
    if (this.resources.has(name)) {
      return unknown(`\`${name}\` is a resource: its properties are known only at deployment`, site, [{ kind: 'resource', instance: this.id, resource: name, path: [] }]);
    }
    if (this.modules.has(name)) {
      return unknown(`the outputs of module \`${name}\` are known only at deployment`, site, [{ kind: 'module', instance: this.id, module: name, path: [] }]);
    }
    return this.imports.symbol(name, site);
  }

  func(name: string, namespace?: string): BicepFunction | undefined {
    const f = namespace === undefined ? this.funcs.get(name) : undefined;
    if (!f) return this.imports.func(name, namespace);
    return { params: f.params.map((p) => this.unit.text.slice(p.name.start, p.name.end)), body: f.body };
  }

  resourceName(ref: Ref, site: Site): EV | undefined {
    if (ref.kind !== 'resource' || ref.instance !== this.id) return undefined;
    const found = this.resources.get(ref.resource);
    if (!found) return undefined;
    const peeled = peel(found.decl.value);
    const nameExpr = property(this.unit.text, peeled.object, 'name');
    if (!nameExpr) return undefined;
    const env = peeled.loop ? this.evaluator.unknownLoopEnv(peeled.loop, EMPTY_ENV, unknown('the value differs per loop item', site)) : EMPTY_ENV;
    return this.memoized(`name:${ref.resource}`, `the name of \`${ref.resource}\``, spanOf(found.decl.name), () => this.evaluator.eval(nameExpr, env));
  }

  private param(name: string, site: Site): EV {
    const all = this.inputs?.get(ALL_INPUTS);
    if (this.inputs?.has(name)) return this.inputs.get(name)!;
    if (all) return all.kind === 'unknown' ? unknown(all.reason, site, all.refs) : unknown('the module arguments are not known from the code', site);
    const decl = this.params.get(name)!;
    if (!decl.value) return unknown(`parameter \`${name}\` has no default and no value is passed`, site);
    const value = decl.value;
    return this.memoized(`param:${name}`, `parameter \`${name}\``, spanOf(decl.name), () => describe(this.evaluator.eval(value, EMPTY_ENV), `the default of parameter \`${name}\``));
  }

  private variable(name: string, _site: Site): EV {
    const decl = this.vars.get(name)!;
    return this.memoized(`var:${name}`, `variable \`${name}\``, spanOf(decl.name), () => describe(this.evaluator.eval(decl.value, EMPTY_ENV), `variable \`${name}\``));
  }

  /** Evaluates once per instance; a value that depends on itself is cut with a notice instead of recursing forever. */
  private memoized(key: string, label: string, at: Span, compute: () => EV): EV {
    const known = this.memo.get(key);
    if (known === PENDING) {
      const cycle = [...this.evaluating.slice(this.evaluating.indexOf(label)), label].join(' → ');
      this.notices.push({ file: this.unit.file, level: 'warning', message: `${capitalise(cycle)}: the values refer to each other in a cycle, so they are left undetermined.`, span: at });
      return unknown(`${label} refers to itself`, { file: this.unit.file, span: at });
    }
    if (known) return known;
    this.memo.set(key, PENDING);
    this.evaluating.push(label);
    try {
      const value = compute();
      this.memo.set(key, value);
      return value;
    } finally {
      this.evaluating.pop();
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Resources

  private evaluateResources(): ResolvedResource[] {
    const out: ResolvedResource[] = [];
    const deployed = new Map<string, boolean>();
    for (const resource of this.unit.model.resources) {
      const found = this.resources.get(resource.name);
      if (!found) continue;
      // A child of a resource that is not deployed is not deployed either.
      const parentName = found.parent ?? resource.parent;
      if (parentName !== undefined && deployed.get(parentName) === false) {
        deployed.set(resource.name, false);
        continue;
      }
      const peeled = peel(found.decl.value);
      const envs = this.envsOf(peeled.loop);
      let any = false;
      for (const env of envs) {
        let conditional = false;
        if (peeled.condition) {
          const condition = this.evaluator.eval(peeled.condition, env);
          if (condition.kind === 'bool' && !condition.value) continue;
          if (condition.kind !== 'bool') conditional = true;
        }
        any = true;
        out.push(this.resolveCopy(resource, peeled, env, conditional));
      }
      deployed.set(resource.name, any);
    }
    return out;
  }

  /** True when a loop's items are known (each env binds one item). */
  private loopKnown(loop: NonNullable<Peeled['loop']>): boolean {
    return Array.isArray(this.evaluator.loopEnvs(loop, EMPTY_ENV));
  }

  private envsOf(loop: Peeled['loop']): Env[] {
    if (!loop) return [EMPTY_ENV];
    const envs = this.evaluator.loopEnvs(loop, EMPTY_ENV);
    if (Array.isArray(envs)) return envs;
    return [this.evaluator.unknownLoopEnv(loop, EMPTY_ENV, envs as EV)];
  }

  private resolveCopy(resource: Resource, peeled: Peeled, env: Env, conditional: boolean): ResolvedResource {
    // Each copy keeps its own evaluated values: a loop item's `link.id` stays one shared expression across copies.
    const { result: body, evs } = this.resolver.capture(() => this.resolver.value(resource.body, env));
    const copy: Resource = body === resource.body ? resource : { ...resource, body: body as Resource['body'] };
    const nameExpr = property(this.unit.text, peeled.object, 'name');
    return {
      resource: copy,
      instance: this.id,
      name: nameExpr ? this.evaluator.eval(nameExpr, env) : undefined,
      conditional,
      // Bound, not an arrow: an arrow here would keep the whole instance (and its syntax trees) alive with the result.
      evOf: evs.get.bind(evs),
    };
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Modules

  /** Evaluates a module call's arguments (per loop copy) and records the instances it leads to, or the opaque module. */
  private evaluateModule(name: string): void {
    const decl = this.modules.get(name)!;
    const call = this.unit.model.modules.find((m) => m.nameSpan.start === decl.name.start);
    if (!call) return;
    const peeled = peel(decl.value);
    const paramsExpr = property(this.unit.text, peeled.object, 'params');
    const target = call.source === '' ? ({ kind: 'problem', message: `Module \`${name}\` has no path.` } as const) : this.host.resolveModule(this.unit.file, call.source);
    const envs = this.envsOf(peeled.loop);
    const known = peeled.loop !== undefined && this.loopKnown(peeled.loop);
    for (const [index, env] of envs.entries()) {
      if (peeled.condition) {
        const condition = this.evaluator.eval(peeled.condition, env);
        if (condition.kind === 'bool' && !condition.value) continue;
      }
      const params = paramsExpr ? this.evaluator.eval(paramsExpr, env) : undefined;
      if (target.kind !== 'unit') {
        this.addOpaque(name, call, target, params);
        continue;
      }
      const inputs = new Map<string, EV>();
      if (params?.kind === 'object') {
        for (const entry of params.entries) inputs.set(entry.key, describe(entry.value, `the argument \`${entry.key}\` of module \`${name}\` in \`${baseName(this.unit.file)}\``));
      } else if (params && params.kind !== 'null') {
        inputs.set(ALL_INPUTS, unknownOf([params], params.site, `the arguments of module \`${name}\` are not known from the code`));
      }
      const instance = this.host.instanceId(target.unit, inputsKey(inputs));
      // One copy of a loop over known items is named by its index, so that deployments stay apart.
      const copyName = known ? `${name}[${index}]` : name;
      this.calls.push({ instance, unit: target.unit, inputs, file: this.unit.file, span: call.nameSpan, sourceSpan: call.sourceSpan, name: copyName, module: name });
    }
  }

  private addOpaque(name: string, call: ModuleCall, target: { kind: 'external' } | { kind: 'problem'; message: string }, params: EV | undefined): void {
    if (target.kind === 'problem' && !this.notices.some((n) => n.span.start === call.sourceSpan.start && n.message === target.message)) {
      this.notices.push({ file: this.unit.file, level: 'warning', message: target.message, span: call.sourceSpan });
    }
    const existing = this.opaque.find((o) => o.name === name);
    const refs = params ? refsOf(params) : [];
    if (existing) existing.refs.push(...refs);
    else this.opaque.push({ name, file: this.unit.file, span: call.nameSpan, source: call.source, refs });
  }
}

/** The canonical key of a set of inputs (order-independent). */
export function inputsKey(inputs: ReadonlyMap<string, EV>): string {
  return [...inputs.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${JSON.stringify(k)}=${serialize(v)}`)
    .join(';');
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** What a `.bicepparam` file sets: each `param` value, described as set there, and the template it is `using`. */
export interface BicepParamValues {
  values: Map<string, EV>;
  using: { path: string; span: Span } | undefined;
  extends: { path: string; span: Span } | undefined;
  notices: FileNotice[];
}

/** Evaluates the assignments of a `.bicepparam` file (they may use its `var`s, each other, and the common functions). */
export function evaluateBicepParams(unit: ParsedBicep): BicepParamValues {
  const text = unit.text;
  const assignments = new Map<string, Expression>();
  const vars = new Map<string, Expression>();
  let extendsPath: BicepParamValues['extends'];
  for (const s of unit.tree.statements) {
    if (s.kind === 'param' && s.name.kind !== 'missing' && s.value) assignments.set(text.slice(s.name.start, s.name.end), s.value);
    else if (s.kind === 'var' && s.name.kind !== 'missing') vars.set(text.slice(s.name.start, s.name.end), s.value);
    else if (s.kind === 'extends' && s.path.kind === 'string' && extendsPath === undefined) {
      const path = s.path.segments[0] ? text.slice(s.path.segments[0].start, s.path.segments[0].end) : '';
      extendsPath = { path, span: spanOf(s.path) };
    }
  }
  const memo = new Map<string, EV | typeof PENDING>();
  const notices: FileNotice[] = [];
  const file = baseName(unit.file);
  const scope: BicepScope = {
    symbol: (name, site) => {
      const expr = assignments.get(name) ?? vars.get(name);
      if (!expr) return undefined;
      const known = memo.get(name);
      if (known === PENDING) {
        notices.push({ file: unit.file, level: 'warning', message: `\`${name}\` refers to itself, so its value is left undetermined.`, span: site.span });
        return unknown(`\`${name}\` refers to itself`, site);
      }
      if (known) return known;
      memo.set(name, PENDING);
      const label = assignments.has(name) ? `the value of \`${name}\` in \`${file}\`` : `variable \`${name}\` of \`${file}\``;
      const value = describe(evaluator.eval(expr, EMPTY_ENV), label);
      memo.set(name, value);
      return value;
    },
    resourceName: () => undefined,
    func: () => undefined,
  };
  const evaluator = new BicepEvaluator(unit.file, text, scope);
  const values = new Map<string, EV>();
  for (const [name, expr] of assignments) values.set(name, scope.symbol(name, { file: unit.file, span: spanOf(expr) })!);
  return { values, using: unit.model.using, extends: extendsPath, notices };
}
