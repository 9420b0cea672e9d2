// The shapes an evaluated instance hands back: resolved resources, module calls, outputs and notices.
import type { FileModel, Resource, Value } from '../model/types';
import type { FileNotice, Span } from '../types';
import type { ParsedBicep } from './bicepInstance';
import type { EV, Ref } from './value';

/** Names bound while evaluating: loop items, `each`, `count`, lambda and function parameters, dynamic-block iterators. */
export type Env = ReadonlyMap<string, EV>;

/** No bindings: the top level of a file. */
export const EMPTY_ENV: Env = new Map();

/** A child env with more bindings. */
export function bind(env: Env, bindings: Record<string, EV>): Env {
  const out = new Map(env);
  for (const [k, v] of Object.entries(bindings)) out.set(k, v);
  return out;
}

/** Where a module call leads, as the workspace resolved it. */
export type ModuleTarget =
  /** A unit the engine evaluates: a Bicep file or a Terraform folder (normalised path). */
  | { kind: 'unit'; unit: string }
  /** A registry, Git or other remote module: never read, seen as one opaque node. */
  | { kind: 'external' }
  /** A local module that cannot be read (missing, outside the workspace, a cycle): said in a notice, seen as opaque. */
  | { kind: 'problem'; message: string };

/**
 * A file an expression names besides modules: a Bicep file `import` reads (parsed, as the workspace caches it), the
 * text `loadTextContent()` or `loadJsonContent()` reads, or why it cannot be read (outside the root, missing).
 */
export type RelatedFile =
  | { kind: 'bicep'; file: string; parsed: ParsedBicep }
  | { kind: 'text'; file: string; text: string }
  | { kind: 'problem'; message: string };

/** What an instance asks of the workspace while it evaluates. Pure callbacks: the workspace owns every file. */
export interface InstanceHost {
  /** Resolves a module source written in `fromFile`. */
  resolveModule(fromFile: string, source: string): ModuleTarget;
  /** The id of the instance of `unit` evaluated with these inputs (same key, same id). */
  instanceId(unit: string, inputsKey: string): string;
  /** The text of a span of a known file, for messages and for values synthesised from elsewhere. */
  sourceText(file: string, span: Span): string;
  /**
   * Reads a file named by `path` relative to `fromFile`: a Bicep file for `import`, any other file as text for the
   * `load*Content()` functions. Undefined when files are not read at all (a file analysed on its own): the values stay
   * unknown without a notice. Which kinds of file are asked for, and how large a text is used, the evaluator decides.
   */
  readRelated?(fromFile: string, path: string): RelatedFile | undefined;
}

/** One deployed copy of a resource with its settings resolved. Loops with known items give one copy per item. */
export interface ResolvedResource {
  /** The resource with every value the evaluator could determine replaced by a literal (with its origin). */
  resource: Resource;
  /** The instance the copy belongs to. */
  instance: string;
  /** The evaluated `name` of the resource (Bicep `name:`, Terraform `name =`). */
  name: EV | undefined;
  /** True when the resource's condition (`if`, `count`) could not be determined: it may or may not be deployed. */
  conditional: boolean;
  /** The evaluator's value behind a value of `resource.body` (for its references), if it evaluated one there. */
  evOf(value: Value): EV | undefined;
}

/** A module call that leads to an instance the workspace evaluates next. */
export interface ChildCall {
  instance: string;
  unit: string;
  /** The arguments, described as "the argument `x` of module `m`", keyed by parameter / variable name. */
  inputs: ReadonlyMap<string, EV>;
  /** The calling file and the call's name, for notices and for related locations. */
  file: string;
  span: Span;
  sourceSpan: Span;
  /** `ai` (Bicep symbolic name) or `module.ai` (Terraform address); `ai[1]`, `module.ai["east"]` for one copy of a loop. */
  name: string;
  /** The module's name without a loop index: what `module` references name. */
  module: string;
}

/** A module the engine does not evaluate, kept as an opaque node with what its arguments refer to. */
export interface OpaqueModule {
  name: string;
  file: string;
  span: Span;
  source: string;
  refs: Ref[];
}

/** The evaluation of one unit (a Bicep file, a Terraform folder) with one set of inputs. */
export interface InstanceResult {
  id: string;
  unit: string;
  /** The files of the unit, each with its evaluated model (resources not deployed are left out). */
  models: FileModel[];
  resources: ResolvedResource[];
  outputs: ReadonlyMap<string, EV>;
  calls: ChildCall[];
  opaque: OpaqueModule[];
  notices: FileNotice[];
}
