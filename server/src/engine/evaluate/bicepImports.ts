// Bicep compile-time imports (`import {a, b as c} from './x.bicep'`, `import * as ns from './x.bicep'`) and the files the load functions read, through the instance host.
import type { Expression, Statement } from '../parse/bicep/ast';
import type { FileNotice, Span } from '../types';
import { BicepEvaluator, type BicepFunction, type BicepScope } from './bicep';
import type { LoadText } from './bicepLoad';
import type { ParsedBicep } from './bicepInstance';
import { spanOf } from './common';
import { EMPTY_ENV, type InstanceHost } from './types';
import { describe, unknown, type EObject, type EUnknown, type EV, type Site } from './value';

const PENDING = Symbol('pending');

/** The last path segment, for messages. */
function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** `br:…`, `br/alias:…`, `ts:…`: a registry or template-spec reference, which the engine never reads. */
function isRegistry(source: string): boolean {
  return /^(br|ts)[:/]/i.test(source);
}

/** The text of a string literal without interpolation, or undefined. */
function literal(text: string, node: { kind: string; start: number; end: number } | undefined): string | undefined {
  if (!node || node.kind !== 'string') return undefined;
  const s = node as Extract<Expression, { kind: 'string' }>;
  if (s.holes.length > 0 || !s.segments[0]) return undefined;
  return text.slice(s.segments[0].start, s.segments[0].end);
}

/** True when a declaration carries `@export()` (or `@sys.export()`). */
function isExported(text: string, statement: Statement): boolean {
  return statement.decorators.some((d) => {
    const e = d.expression;
    if (e.kind !== 'call') return false;
    const callee = e.callee;
    const name = callee.kind === 'member' ? (callee.name.kind === 'identifier' ? text.slice(callee.name.start, callee.name.end) : '') : text.slice(callee.start, callee.end);
    return name === 'export';
  });
}

/**
 * What the files one instance imports share: the host, each imported file's library (read once per instance), and the
 * notices. Problems reading a file (outside the root, missing) are said once per place that names it.
 */
export class ImportContext {
  private readonly libraries = new Map<string, BicepLibrary>();

  constructor(
    readonly host: InstanceHost,
    readonly notices: FileNotice[],
  ) {}

  private notice(file: string, span: Span, message: string): void {
    if (!this.notices.some((n) => n.file === file && n.span.start === span.start && n.message === message)) this.notices.push({ file, level: 'warning', message, span });
  }

  /** The library of the Bicep file `source` names from `fromFile`, or why its values stay unknown. */
  library(fromFile: string, source: string, at: Span): BicepLibrary | EUnknown {
    const site: Site = { file: fromFile, span: at };
    if (isRegistry(source)) return unknown(`\`${source}\` is a registry reference, which is not read`, site);
    const read = this.host.readRelated?.(fromFile, source);
    if (!read) return unknown(`the imported file \`${source}\` is not read when a file is reviewed on its own`, site);
    if (read.kind === 'problem') {
      this.notice(fromFile, at, `${read.message.replace(/\.$/, '')}, so the values imported from it are not determined.`);
      return unknown(`the imported file \`${source}\` could not be read`, site);
    }
    if (read.kind !== 'bicep') return unknown(`\`${source}\` is not a Bicep file`, site);
    let library = this.libraries.get(read.file);
    if (!library) {
      library = new BicepLibrary(read.parsed, this);
      this.libraries.set(read.file, library);
    }
    return library;
  }

  /** Reads a file a load function in `fromFile` names; a problem is said in a notice at the call. */
  text(fromFile: string, path: string, site: Site): { file: string; text: string } | EUnknown {
    const read = this.host.readRelated?.(fromFile, path);
    if (!read) return unknown(`\`${path}\` is not read when a file is reviewed on its own`, site);
    if (read.kind === 'problem') {
      this.notice(site.file, site.span, `${read.message.replace(/\.$/, '')}, so the value loaded from it is not determined.`);
      return unknown(`\`${path}\` could not be read`, site);
    }
    if (read.kind !== 'text') return unknown(`\`${path}\` is not read as text`, site);
    return { file: read.file, text: read.text };
  }
}

/** The names one file imports: each local name with the file it comes from and its name there; each namespace alias. */
export class BicepImports {
  private readonly names = new Map<string, { source: string; at: Span; original: string }>();
  private readonly namespaces = new Map<string, { source: string; at: Span }>();

  constructor(
    private readonly unit: ParsedBicep,
    private readonly context: ImportContext,
  ) {
    const text = unit.text;
    for (const s of unit.tree.statements) {
      if (s.kind !== 'import') continue;
      const source = literal(text, s.from);
      if (source === undefined || !s.from) continue;
      const at = spanOf(s.from);
      for (const item of s.items ?? []) {
        const original = item.name.kind === 'identifier' ? text.slice(item.name.start, item.name.end) : literal(text, item.name);
        if (original === undefined) continue;
        const local = item.alias && item.alias.kind === 'identifier' ? text.slice(item.alias.start, item.alias.end) : original;
        this.names.set(local, { source, at, original });
      }
      if (s.wildcardAlias && s.wildcardAlias.kind === 'identifier') this.namespaces.set(text.slice(s.wildcardAlias.start, s.wildcardAlias.end), { source, at });
    }
  }

  /** The value of an imported variable (`a`) or a namespace (`ns`, an object of its exported variables); undefined when not imported. */
  symbol(name: string, site: Site): EV | undefined {
    const imported = this.names.get(name);
    if (imported) {
      const library = this.context.library(this.unit.file, imported.source, imported.at);
      if ('kind' in library) return unknown(library.reason, site);
      return library.exportedVariable(imported.original, site) ?? unknown(`\`${imported.original}\` is not an exported variable of \`${fileName(imported.source)}\``, site);
    }
    const namespace = this.namespaces.get(name);
    if (namespace) {
      const library = this.context.library(this.unit.file, namespace.source, namespace.at);
      return 'kind' in library ? unknown(library.reason, site) : library.namespaceObject(site);
    }
    return undefined;
  }

  /** An imported function (`f` imported by name, or `ns.f`), to be evaluated in its own file. */
  func(name: string, namespace?: string): BicepFunction | undefined {
    const named = namespace === undefined ? this.names.get(name) : undefined;
    const imported = named ?? (namespace === undefined ? undefined : this.namespaces.get(namespace));
    if (!imported) return undefined;
    const library = this.context.library(this.unit.file, imported.source, imported.at);
    if ('kind' in library) return undefined;
    return library.exportedFunction(named?.original ?? name);
  }
}

/**
 * An imported Bicep file seen as a library: its variables and functions, evaluated in that file (a value keeps its
 * site there, so a fix edits the shared file), with its own imports. Parameters and resources have no value here:
 * exported values cannot depend on them.
 */
export class BicepLibrary implements BicepScope {
  private readonly vars = new Map<string, { value: Expression; exported: boolean; at: Span }>();
  private readonly funcs = new Map<string, { fn: BicepFunction; exported: boolean }>();
  private readonly memo = new Map<string, EV | typeof PENDING>();
  private readonly imports: BicepImports;
  readonly evaluator: BicepEvaluator;
  readonly loadText: LoadText;

  constructor(
    private readonly unit: ParsedBicep,
    private readonly context: ImportContext,
  ) {
    const text = unit.text;
    this.evaluator = new BicepEvaluator(unit.file, text, this);
    for (const s of unit.tree.statements) {
      if (s.kind === 'var' && s.name.kind === 'identifier') this.vars.set(text.slice(s.name.start, s.name.end), { value: s.value, exported: isExported(text, s), at: spanOf(s.name) });
      if (s.kind === 'func' && s.name.kind === 'identifier') {
        const fn: BicepFunction = { params: s.params.map((p) => text.slice(p.name.start, p.name.end)), body: s.body, evaluator: this.evaluator };
        this.funcs.set(text.slice(s.name.start, s.name.end), { fn, exported: isExported(text, s) });
      }
    }
    this.imports = new BicepImports(unit, context);
    // Bound, not an arrow, for the reason given in `BicepInstance`'s constructor.
    this.loadText = context.text.bind(context, unit.file);
  }

  /** An exported variable's value; undefined when the file exports no such variable. */
  exportedVariable(name: string, site: Site): EV | undefined {
    return this.vars.get(name)?.exported ? this.variable(name, site) : undefined;
  }

  exportedFunction(name: string): BicepFunction | undefined {
    const found = this.funcs.get(name);
    return found?.exported ? found.fn : undefined;
  }

  /** `ns` of `import * as ns`: an object of every exported variable. */
  namespaceObject(site: Site): EObject {
    const entries = [...this.vars].filter(([, v]) => v.exported).map(([name]) => ({ key: name, value: this.variable(name, site) }));
    return { kind: 'object', entries, site };
  }

  symbol(name: string, site: Site): EV | undefined {
    if (this.vars.has(name)) return this.variable(name, site);
    return this.imports.symbol(name, site);
  }

  func(name: string, namespace?: string): BicepFunction | undefined {
    if (namespace === undefined && this.funcs.has(name)) return this.funcs.get(name)!.fn;
    return this.imports.func(name, namespace);
  }

  resourceName(): EV | undefined {
    return undefined;
  }

  private variable(name: string, site: Site): EV {
    const decl = this.vars.get(name)!;
    const known = this.memo.get(name);
    if (known === PENDING) {
      const message = `Variable \`${name}\` of \`${fileName(this.unit.file)}\` refers to itself through imports, so its value is left undetermined.`;
      if (!this.context.notices.some((n) => n.message === message)) this.context.notices.push({ file: this.unit.file, level: 'warning', message, span: decl.at });
      return unknown(`variable \`${name}\` refers to itself`, site);
    }
    if (known) return known;
    this.memo.set(name, PENDING);
    const value = describe(this.evaluator.eval(decl.value, EMPTY_ENV), `variable \`${name}\` of \`${fileName(this.unit.file)}\``);
    this.memo.set(name, value);
    return value;
  }
}
