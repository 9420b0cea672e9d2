// Builds the language-neutral FileModel (resources, parameters, variables, modules, declarations) from a Bicep syntax tree.
import type { ParseError, ParseResult, Span } from '../../types';
import type { Declaration, FileModel, ModuleCall, ObjectValue, Parameter, Resource, Value, Variable } from '../../model/types';
import type { BicepFile, Expression, ModuleDeclaration, ObjectExpression, ResourceDeclaration, Statement } from './ast';
import { ErrorIndex, ValueBuilder, keyText, stringValue } from './values';

const NO_NAMES: ReadonlySet<string> = new Set();

/** What a resource or module body holds once its `if` and `for` wrappers are peeled off. */
interface Body {
  object: ObjectExpression | undefined;
  condition: Expression | undefined;
  isLoop: boolean;
  /** Loop variables in scope inside the body. */
  bound: ReadonlySet<string>;
}

/** Builds the model of one parsed Bicep or `.bicepparam` file. */
export function buildBicepModel(file: string, text: string, parsed: ParseResult<BicepFile>, fileKind: 'bicep' | 'bicepparam'): FileModel {
  const errors: ParseError[] = [...parsed.errors].sort((a, b) => a.span.start - b.span.start);
  const errorIndex = new ErrorIndex(errors);
  const values = new ValueBuilder(text, errorIndex);
  const model: FileModel = { file, language: 'bicep', fileKind, resources: [], parameters: [], variables: [], modules: [], declarations: [], parseErrors: errors };
  const nameOf = (node: { kind: string; start: number; end: number }): string => (node.kind === 'missing' ? '' : text.slice(node.start, node.end));
  const span = (node: { start: number; end: number }): Span => ({ start: node.start, end: node.end });

  /** Peels `if (c) {…}`, `[for … : …]` and `[for …: if (c) {…}]` down to the object. */
  const bodyOf = (value: Expression): Body => {
    let e = value;
    let condition: Expression | undefined;
    let isLoop = false;
    let bound = NO_NAMES;
    if (e.kind === 'for') {
      isLoop = true;
      const names = new Set<string>();
      if (e.item !== undefined) names.add(nameOf(e.item));
      if (e.index !== undefined) names.add(nameOf(e.index));
      bound = names;
      e = e.body;
    }
    if (e.kind === 'if') {
      condition = e.condition.kind === 'paren' ? e.condition.expression : e.condition;
      e = e.body;
    }
    return { object: e.kind === 'object' ? e : undefined, condition, isLoop, bound };
  };

  const emptyObject = (at: number): ObjectValue => ({ kind: 'object', entries: [], span: { start: at, end: at }, bodySpan: { start: at, end: at } });

  const addResource = (r: ResourceDeclaration, parent: { name: string; type: string } | undefined, outerBound: ReadonlySet<string>): void => {
    const symbol = nameOf(r.name);
    const name = parent !== undefined ? `${parent.name}::${symbol}` : symbol;
    const typeString = r.typeString.kind === 'string' ? (stringValue(text, r.typeString) ?? '') : '';
    const at = typeString.indexOf('@');
    let type = at >= 0 ? typeString.slice(0, at) : typeString;
    const apiVersion = at >= 0 ? typeString.slice(at + 1) : undefined;
    // A nested child may give its type relative to its parent's ('deployments@…') or in full.
    if (parent !== undefined && !type.includes('/')) type = `${parent.type}/${type}`;
    const body = bodyOf(r.value);
    const bound = body.bound.size === 0 ? outerBound : new Set([...outerBound, ...body.bound]);
    const resource: Resource = {
      language: 'bicep',
      file,
      type,
      name,
      span: span(r),
      nameSpan: span(r.name),
      body: body.object !== undefined ? values.toObject(body.object, bound) : emptyObject(r.end),
      existing: r.existing,
      isLoop: body.isLoop,
      // No object body (`= 'x'`, or `=` and nothing): the parser reported it, but maybe just past the declaration's end,
      // and rules must not judge (or "fix" by inserting an object) settings that have nowhere to be.
      hasError: errorIndex.overlaps(r.start, r.end) || body.object === undefined,
    };
    if (apiVersion !== undefined) resource.apiVersion = apiVersion;
    if (parent !== undefined) {
      resource.parent = parent.name;
    } else if (body.object !== undefined) {
      const declared = body.object.items.find((item) => item.kind === 'property' && keyText(text, item.key) === 'parent');
      const target = declared?.kind === 'property' ? symbolicTarget(declared.value) : undefined;
      if (target !== undefined) resource.parent = target;
    }
    if (body.condition !== undefined) resource.condition = values.toValue(body.condition, bound);
    model.resources.push(resource);
    if (body.object !== undefined) {
      for (const item of body.object.items) if (item.kind === 'resource') addResource(item, { name, type }, bound);
    }
  };

  /** The resource a `parent:` value names: `foo`, `foo::bar`, or the collection `foos` of `foos[i]`. */
  const symbolicTarget = (e: Expression): string | undefined => {
    switch (e.kind) {
      case 'identifier':
        return nameOf(e);
      case 'resourceAccess': {
        const base = symbolicTarget(e.object);
        return base === undefined || e.name.kind !== 'identifier' ? undefined : `${base}::${nameOf(e.name)}`;
      }
      case 'index':
      case 'nonNull':
        return symbolicTarget(e.kind === 'index' ? e.object : e.expression);
      default:
        return undefined;
    }
  };

  const addModule = (m: ModuleDeclaration): void => {
    const body = bodyOf(m.value);
    let inputs: ObjectValue | undefined;
    if (body.object !== undefined) {
      const params = body.object.items.find((item) => item.kind === 'property' && keyText(text, item.key) === 'params');
      if (params?.kind === 'property') {
        // `params: union(a, b)` passes values no one can list here: an empty object at the value, never a guess.
        inputs = params.value.kind === 'object' ? values.toObject(params.value, body.bound) : emptyObject(params.value.start);
      }
    }
    const module: ModuleCall = {
      name: nameOf(m.name),
      span: span(m),
      nameSpan: span(m.name),
      source: m.path.kind === 'string' ? (stringValue(text, m.path) ?? text.slice(m.path.start, m.path.end)) : '',
      sourceSpan: span(m.path),
      // Without `params`, the empty inputs sit just inside the body's closing brace, where a fix would add them.
      inputs: inputs ?? emptyObject(body.object !== undefined ? body.object.end - (body.object.closed ? 1 : 0) : m.end),
      isLoop: body.isLoop,
    };
    if (body.condition !== undefined) module.condition = values.toValue(body.condition, body.bound);
    model.modules.push(module);
  };

  const valueOrEmpty = (e: Expression): Value => values.toValue(e, NO_NAMES);

  for (const statement of parsed.tree.statements) {
    if (statement.kind === 'skippedStatement') continue;
    model.declarations.push(declarationOf(statement, text, errorIndex));
    switch (statement.kind) {
      case 'resource':
        addResource(statement, undefined, NO_NAMES);
        break;
      case 'module':
        addModule(statement);
        break;
      case 'param': {
        const name = nameOf(statement.name);
        if (fileKind === 'bicepparam') {
          const value = statement.value !== undefined ? valueOrEmpty(statement.value) : values.expression({ kind: 'missing', start: statement.end, end: statement.end }, NO_NAMES);
          const variable: Variable = { name, span: span(statement), nameSpan: span(statement.name), value };
          model.variables.push(variable);
        } else {
          const parameter: Parameter = { name, span: span(statement), nameSpan: span(statement.name) };
          if (statement.value !== undefined) parameter.defaultValue = valueOrEmpty(statement.value);
          model.parameters.push(parameter);
        }
        break;
      }
      case 'var':
        model.variables.push({ name: nameOf(statement.name), span: span(statement), nameSpan: span(statement.name), value: valueOrEmpty(statement.value) });
        break;
      case 'using':
        if (statement.path.kind === 'string' && model.using === undefined) {
          model.using = { path: stringValue(text, statement.path) ?? text.slice(statement.path.start, statement.path.end), span: span(statement.path) };
        }
        break;
      default:
        break;
    }
  }
  return model;
}

/** The outline entry of a top-level statement. */
function declarationOf(statement: Exclude<Statement, { kind: 'skippedStatement' }>, text: string, errors: ErrorIndex): Declaration {
  let name = '';
  switch (statement.kind) {
    case 'metadata':
    case 'param':
    case 'var':
    case 'output':
    case 'type':
    case 'func':
    case 'resource':
    case 'module':
    case 'assert':
    case 'test':
      name = statement.name.kind === 'missing' ? '' : text.slice(statement.name.start, statement.name.end);
      break;
    case 'extension': {
      const named = statement.alias ?? statement.specification;
      name = named.kind === 'missing' ? '' : keyText(text, named);
      break;
    }
    default:
      break;
  }
  return { kind: statement.kind, name, span: { start: statement.start, end: statement.end }, hasError: errors.overlaps(statement.start, statement.end) };
}
