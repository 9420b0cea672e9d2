// Evaluates one Terraform module (the .tf files of a folder) with one set of variable values.
import { applyAzapi } from '../model/azapi';
import type { FileModel, Resource } from '../model/types';
import type { Attribute, Block, Expr, HclFile } from '../parse/hcl/ast';
import type { FileNotice, Span } from '../types';
import { baseName, inputsKey } from './bicepInstance';
import { MAX_LOOP_ITEMS, siteOf, spanOf } from './common';
import { HclEvaluator, type HclScope } from './hcl';
import { convertToType } from './hclTypes';
import { Resolver } from './resolve';
import type { SpanIndex } from './spanIndex';
import { bind, EMPTY_ENV, type ChildCall, type Env, type InstanceHost, type InstanceResult, type OpaqueModule, type ResolvedResource } from './types';
import { describe, refsOf, str, unknown, unknownOf, type EV, type Site } from './value';

/** A parsed .tf or .tfvars file with what evaluation needs. */
export interface ParsedHcl {
  file: string;
  text: string;
  tree: HclFile;
  model: FileModel;
  index: SpanIndex;
}

const PENDING = Symbol('pending');

/** Module-block arguments that configure the call rather than pass an input. */
const MODULE_META = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

function attributeOf(block: Block, name: string): Attribute | undefined {
  for (const item of block.body?.items ?? []) if (item.kind === 'Attribute' && item.name === name) return item;
  return undefined;
}

interface Declared<T> {
  node: T;
  unit: ParsedHcl;
}

/**
 * Evaluates a Terraform module as Terraform would plan it: `var.*` from `inputs` (tfvars or a module call's arguments)
 * or the variable's default, `local.*` from the locals, `count` and `for_each` with known values giving one copy per
 * item (none for 0 or an empty collection), and `dynamic` blocks with known items expanded.
 */
export function evaluateHclInstance(unit: string, files: readonly ParsedHcl[], id: string, inputs: ReadonlyMap<string, EV> | undefined, host: InstanceHost): InstanceResult {
  return new HclInstance(unit, files, id, inputs, host).run();
}

class HclInstance implements HclScope {
  private readonly variables = new Map<string, Declared<Block>>();
  private readonly locals = new Map<string, Declared<Attribute>>();
  private readonly resources = new Map<string, Declared<Block>>();
  private readonly modules = new Map<string, Declared<Block>>();
  private readonly outputs = new Map<string, Declared<Block>>();
  private readonly evaluators = new Map<string, HclEvaluator>();
  private readonly resolvers = new Map<string, Resolver>();
  private readonly memo = new Map<string, EV | typeof PENDING>();
  private readonly evaluating: string[] = [];
  private readonly notices: FileNotice[] = [];
  private readonly calls: ChildCall[] = [];
  private readonly opaque: OpaqueModule[] = [];

  constructor(
    private readonly unit: string,
    private readonly files: readonly ParsedHcl[],
    private readonly id: string,
    private readonly inputs: ReadonlyMap<string, EV> | undefined,
    private readonly host: InstanceHost,
  ) {
    for (const file of files) {
      for (const item of file.tree.body.items) {
        if (item.kind !== 'Block') continue;
        const [a, b] = item.labels.map((l) => l.value);
        if (item.type === 'variable' && a !== undefined) this.variables.set(a, { node: item, unit: file });
        else if (item.type === 'locals') {
          for (const attr of item.body?.items ?? []) if (attr.kind === 'Attribute') this.locals.set(attr.name, { node: attr, unit: file });
        } else if (item.type === 'resource' && a !== undefined && b !== undefined) this.resources.set(`${a}.${b}`, { node: item, unit: file });
        else if (item.type === 'data' && a !== undefined && b !== undefined) this.resources.set(`data.${a}.${b}`, { node: item, unit: file });
        else if (item.type === 'module' && a !== undefined) this.modules.set(a, { node: item, unit: file });
        else if (item.type === 'output' && a !== undefined) this.outputs.set(a, { node: item, unit: file });
      }
      const evaluator = new HclEvaluator(file.file, file.text, this);
      this.evaluators.set(file.file, evaluator);
      this.resolvers.set(
        file.file,
        new Resolver({
          file: file.file,
          evaluate: (span, env) => {
            const node = file.index.at(span.start, span.end);
            return node ? evaluator.eval(node as Expr, env) : undefined;
          },
          isSpread: () => false,
          dynamicCopies: (entry, env) => this.dynamicCopies(file, entry.span, env),
          sourceText: (f, span) => host.sourceText(f, span),
        }),
      );
    }
  }

  private evaluator(file: ParsedHcl): HclEvaluator {
    return this.evaluators.get(file.file)!;
  }

  run(): InstanceResult {
    const resources: ResolvedResource[] = [];
    for (const file of this.files) {
      for (const resource of file.model.resources) {
        const declared = this.resources.get(resource.name);
        if (declared) resources.push(...this.copies(resource, declared));
      }
    }
    for (const name of this.modules.keys()) this.evaluateModule(name);
    const outputs = new Map<string, EV>();
    for (const [name, declared] of this.outputs) {
      const value = attributeOf(declared.node, 'value');
      if (value) outputs.set(name, this.evaluator(declared.unit).eval(value.expr, EMPTY_ENV));
    }
    const models = this.files.map((f) => ({ ...f.model, resources: resources.filter((r) => r.resource.file === f.file).map((r) => r.resource) }));
    return { id: this.id, unit: this.unit, models, resources, outputs, calls: this.calls, opaque: this.opaque, notices: this.notices };
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Names

  variable(name: string, site: Site): EV {
    const declared = this.variables.get(name);
    const given = this.inputs?.get(name);
    if (!declared) return given ?? unknown(`variable \`${name}\` is not declared`, site);
    const fallback = attributeOf(declared.node, 'default');
    if (!given && !fallback) return unknown(`variable \`${name}\` has no default and no value is set`, site);
    return this.memoized(`var:${name}`, `variable \`${name}\``, declared.unit.file, spanOf(declared.node.labels[0]!), () => {
      const evaluator = this.evaluator(declared.unit);
      const defaultValue = (): EV | undefined => (fallback ? describe(evaluator.eval(fallback.expr, EMPTY_ENV), `the default of variable \`${name}\``) : undefined);
      let value = given ?? defaultValue()!;
      // `nullable = false`: a null argument means "use the default", as Terraform reads it.
      if (value.kind === 'null' && given) {
        const nullable = attributeOf(declared.node, 'nullable');
        const notNullable = nullable ? evaluator.eval(nullable.expr, EMPTY_ENV) : undefined;
        if (notNullable?.kind === 'bool' && !notNullable.value) value = defaultValue() ?? unknown(`variable \`${name}\` is not nullable, is set to null and has no default`, value.site);
      }
      // The value converts to the variable's type ("5" to 5, `optional(type, default)` attributes filled in), as Terraform does.
      const type = attributeOf(declared.node, 'type');
      return type ? convertToType(value, type.expr, (e) => describe(evaluator.eval(e, EMPTY_ENV), `the default in the type of variable \`${name}\``), `variable \`${name}\``) : value;
    });
  }

  local(name: string, site: Site): EV {
    const declared = this.locals.get(name);
    if (!declared) return unknown(`local \`${name}\` is not declared`, site);
    return this.memoized(`local:${name}`, `local \`${name}\``, declared.unit.file, { start: declared.node.nameStart, end: declared.node.nameEnd }, () =>
      describe(this.evaluator(declared.unit).eval(declared.node.expr, EMPTY_ENV), `local \`${name}\``),
    );
  }

  resource(address: string, site: Site): EV | undefined {
    if (!this.resources.has(address)) return undefined;
    return unknown(`\`${address}\` is a resource: its attributes are known only after it is created`, site, [{ kind: 'resource', instance: this.id, resource: address, path: [] }]);
  }

  resourceName(address: string, site: Site): EV | undefined {
    const declared = this.resources.get(address);
    if (!declared) return undefined;
    const name = attributeOf(declared.node, 'name');
    if (!name) return undefined;
    const repeated = attributeOf(declared.node, 'count') ?? attributeOf(declared.node, 'for_each');
    const env = repeated ? unknownRepetitionEnv(site) : EMPTY_ENV;
    return this.memoized(`name:${address}`, `the name of \`${address}\``, declared.unit.file, spanOf(declared.node.labels[1] ?? declared.node), () =>
      this.evaluator(declared.unit).eval(name.expr, env),
    );
  }

  module(name: string, site: Site): EV {
    if (!this.modules.has(name)) return unknown(`module \`${name}\` is not declared`, site);
    return unknown(`the outputs of module \`${name}\` are known only after it is applied`, site, [{ kind: 'module', instance: this.id, module: `module.${name}`, path: [] }]);
  }

  private memoized(key: string, label: string, file: string, at: Span, compute: () => EV): EV {
    const known = this.memo.get(key);
    if (known === PENDING) {
      const start = this.evaluating.indexOf(label);
      const cycle = [...this.evaluating.slice(start < 0 ? 0 : start), label].join(' → ');
      this.notices.push({ file, level: 'warning', message: `${cycle.charAt(0).toUpperCase()}${cycle.slice(1)}: the values refer to each other in a cycle, so they are left undetermined.`, span: at });
      return unknown(`${label} refers to itself`, { file, span: at });
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
  // Repetition

  /**
   * The envs of a block's copies: one per `count` index or `for_each` item when known, none when there are none, and
   * one with `count`/`each` unknown otherwise (`conditional` then says the block may not be deployed at all).
   */
  private repetition(block: Block, file: ParsedHcl, env: Env): { envs: Env[]; conditional: boolean } {
    const evaluator = this.evaluator(file);
    const count = attributeOf(block, 'count');
    const forEach = attributeOf(block, 'for_each');
    if (count) {
      const value = evaluator.eval(count.expr, env);
      if (value.kind === 'number') {
        if (value.value <= 0) return { envs: [], conditional: false };
        if (value.value <= MAX_LOOP_ITEMS) {
          return { envs: Array.from({ length: value.value }, (_, i) => bind(env, { count: { kind: 'object', entries: [{ key: 'index', value: { kind: 'number', value: i, site: value.site } }], site: value.site } })), conditional: false };
        }
      }
      return { envs: [bind(env, { count: unknown('`count.index` differs per copy', siteOf(file.file, count.expr)) })], conditional: value.kind !== 'number' };
    }
    if (forEach) {
      const value = evaluator.eval(forEach.expr, env);
      const items = forEachItems(value);
      if (items && items.length === 0) return { envs: [], conditional: false };
      if (items && items.length <= MAX_LOOP_ITEMS) {
        return { envs: items.map(([key, item]) => bind(env, { each: { kind: 'object', entries: [{ key: 'key', value: key }, { key: 'value', value: item }], site: item.site } })), conditional: false };
      }
      const refs = value.kind === 'unknown' ? value.refs : [];
      return { envs: [bind(env, { each: unknown('`each` differs per copy', siteOf(file.file, forEach.expr), refs) })], conditional: !items };
    }
    return { envs: [env], conditional: false };
  }

  private copies(resource: Resource, declared: Declared<Block>): ResolvedResource[] {
    const { envs, conditional } = this.repetition(declared.node, declared.unit, EMPTY_ENV);
    const resolver = this.resolvers.get(declared.unit.file)!;
    const evaluator = this.evaluator(declared.unit);
    const nameAttr = attributeOf(declared.node, 'name');
    return envs.map((env) => {
      // Each copy keeps its own evaluated values: `each.value` stays one shared expression across copies.
      const { result: body, evs } = resolver.capture(() => resolver.value(resource.body, env));
      let copy: Resource = body === resource.body ? resource : { ...resource, body: body as Resource['body'] };
      // An `azapi_resource` whose `type` only evaluation determines (`type = var.resource_types.storage`) is read as its ARM type now.
      if (copy.type === 'azapi_resource') copy = applyAzapi({ ...declared.unit.model, resources: [copy] }, declared.unit.text).resources[0] ?? copy;
      return {
        resource: copy,
        instance: this.id,
        name: nameAttr ? evaluator.eval(nameAttr.expr, env) : undefined,
        conditional,
        // Bound, not an arrow: an arrow here would keep the whole instance (and its syntax trees) alive with the result.
        evOf: evs.get.bind(evs),
      };
    });
  }

  /** The envs of a `dynamic` block's copies when its `for_each` is known; the iterator is the label or `iterator = x`. */
  private dynamicCopies(file: ParsedHcl, span: Span, env: Env): Env[] | undefined {
    const node = file.index.at(span.start, span.end);
    if (!node || node.kind !== 'Block') return undefined;
    const block = node as Block;
    const forEach = attributeOf(block, 'for_each');
    if (!forEach) return undefined;
    const items = forEachItems(this.evaluator(file).eval(forEach.expr, env));
    if (!items || items.length > MAX_LOOP_ITEMS) return undefined;
    const iteratorAttr = attributeOf(block, 'iterator');
    const iterator = iteratorAttr?.expr.kind === 'Variable' ? iteratorAttr.expr.name : (block.labels[0]?.value ?? 'each');
    return items.map(([key, value]) => bind(env, { [iterator]: { kind: 'object', entries: [{ key: 'key', value: key }, { key: 'value', value }], site: value.site } }));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Modules

  /** Evaluates a module call's arguments (per copy) and records the instances it leads to, or the opaque module. */
  private evaluateModule(name: string): void {
    const { node: block, unit: file } = this.modules.get(name)!;
    const call = file.model.modules.find((m) => m.span.start === block.start);
    if (!call) return;
    const evaluator = this.evaluator(file);
    const source = attributeOf(block, 'source');
    const sourceValue = source ? evaluator.eval(source.expr, EMPTY_ENV) : undefined;
    const target =
      sourceValue?.kind === 'string'
        ? this.host.resolveModule(file.file, sourceValue.value)
        : ({ kind: 'problem', message: `Module \`${name}\` has no literal \`source\`, so it is not reviewed.` } as const);
    const { envs } = this.repetition(block, file, EMPTY_ENV);
    for (const env of envs) {
      // One copy of a repeated module is named by its key or index, so that deployments stay apart.
      const each = env.get('each');
      const count = env.get('count');
      const key = each?.kind === 'object' ? each.entries.find((e) => e.key === 'key')?.value : count?.kind === 'object' ? count.entries.find((e) => e.key === 'index')?.value : undefined;
      const copyName = key?.kind === 'string' ? `${call.name}[${JSON.stringify(key.value)}]` : key?.kind === 'number' ? `${call.name}[${key.value}]` : call.name;
      const inputs = new Map<string, EV>();
      for (const item of block.body?.items ?? []) {
        if (item.kind !== 'Attribute' || MODULE_META.has(item.name)) continue;
        inputs.set(item.name, describe(evaluator.eval(item.expr, env), `the argument \`${item.name}\` of module \`${name}\` in \`${baseName(file.file)}\``));
      }
      if (target.kind !== 'unit') {
        if (target.kind === 'problem' && !this.notices.some((n) => n.span.start === call.sourceSpan.start && n.message === target.message)) {
          this.notices.push({ file: file.file, level: 'warning', message: target.message, span: call.sourceSpan });
        }
        const opaqueRefs = [...inputs.values()].flatMap(refsOf);
        const existing = this.opaque.find((o) => o.name === call.name);
        if (existing) existing.refs.push(...opaqueRefs);
        else this.opaque.push({ name: call.name, file: file.file, span: call.nameSpan, source: call.source, refs: opaqueRefs });
        continue;
      }
      const instance = this.host.instanceId(target.unit, inputsKey(inputs));
      this.calls.push({ instance, unit: target.unit, inputs, file: file.file, span: call.nameSpan, sourceSpan: call.sourceSpan, name: copyName, module: call.name });
    }
  }
}

/** The `(each.key, each.value)` pairs of a known `for_each`: map entries, or set items (key = value). */
function forEachItems(value: EV): Array<[EV, EV]> | undefined {
  if (value.kind === 'object') return value.entries.map((e) => [str(e.key, e.value.site), e.value]);
  if (value.kind === 'array') return value.items.map((item) => [item, item]);
  if (value.kind === 'null') return [];
  return undefined;
}

function unknownRepetitionEnv(site: Site): Env {
  const why = unknownOf([], site, 'the value differs per copy');
  return bind(EMPTY_ENV, { count: why, each: why });
}
