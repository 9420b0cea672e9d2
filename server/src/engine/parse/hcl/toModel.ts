// Builds the language-neutral FileModel (resources, variables, locals, modules, declarations) from an HCL tree.
import type { ParseResult } from '../../types';
import type { Declaration, FileModel, ModuleCall, Parameter, Resource, Value, Variable } from '../../model/types';
import type { Block, Expr, HclFile } from './ast';
import { ErrorIndex, findAttribute, ValueBuilder } from './values';

/** Module-block arguments that configure the call itself rather than pass an input to the module. */
const MODULE_META_ARGUMENTS: ReadonlySet<string> = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

/**
 * Builds the model of one `.tf` or `.tfvars` file. Terraform addresses: `resource "T" "N"` is `T.N`,
 * `data "T" "N"` is `data.T.N` (existing), `module "m"` is `module.m`. Blocks with too few labels are left out
 * of resources, parameters and modules (they still appear as declarations).
 */
export function buildModel(file: string, text: string, parsed: ParseResult<HclFile>, fileKind: 'tf' | 'tfvars'): FileModel {
  const errors = new ErrorIndex(parsed.errors);
  const values = new ValueBuilder(text, errors);
  const model: FileModel = {
    file,
    language: 'terraform',
    fileKind,
    resources: [],
    parameters: [],
    variables: [],
    modules: [],
    declarations: [],
    parseErrors: parsed.errors,
  };
  for (const item of parsed.tree.body.items) {
    const span = { start: item.start, end: item.end };
    const hasError = errors.within(item.start, item.end);
    if (item.kind === 'Attribute') {
      model.declarations.push({ kind: 'attribute', name: item.name, span, hasError });
      if (fileKind === 'tfvars') {
        model.variables.push({ name: item.name, span, nameSpan: { start: item.nameStart, end: item.nameEnd }, value: values.value(item.expr) });
      }
      continue;
    }
    const declaration: Declaration = { kind: item.type, name: item.labels.map((l) => l.value).join('.'), span, hasError };
    model.declarations.push(declaration);
    switch (item.type) {
      case 'resource':
      case 'data': {
        // A header with no `{` has its error just past the block's end; without a body there is nothing for rules to judge.
        const resource = resourceOf(item, values, hasError || item.body === null);
        if (resource) model.resources.push({ ...resource, file });
        break;
      }
      case 'variable': {
        const parameter = parameterOf(item, values);
        if (parameter) model.parameters.push(parameter);
        break;
      }
      case 'locals':
        model.variables.push(...localsOf(item, values));
        break;
      case 'module': {
        const call = moduleOf(item, values);
        if (call) model.modules.push(call);
        break;
      }
      default:
        break;
    }
  }
  return model;
}

function resourceOf(block: Block, values: ValueBuilder, hasError: boolean): Omit<Resource, 'file'> | undefined {
  if (block.labels.length < 2) return undefined;
  const type = block.labels[0]!.value;
  const label = block.labels[1]!;
  const existing = block.type === 'data';
  const { isLoop, condition } = repetition(block, values);
  const resource: Omit<Resource, 'file'> = {
    language: 'terraform',
    type,
    name: `${existing ? 'data.' : ''}${type}.${label.value}`,
    span: { start: block.start, end: block.end },
    nameSpan: { start: label.start, end: label.end },
    body: values.blockBody(block),
    existing,
    isLoop,
    hasError,
  };
  if (condition) resource.condition = condition;
  return resource;
}

function parameterOf(block: Block, values: ValueBuilder): Parameter | undefined {
  const label = block.labels[0];
  if (!label) return undefined;
  const parameter: Parameter = { name: label.value, span: { start: block.start, end: block.end }, nameSpan: { start: label.start, end: label.end } };
  const fallback = findAttribute(block.body, 'default');
  if (fallback) parameter.defaultValue = values.value(fallback);
  return parameter;
}

function localsOf(block: Block, values: ValueBuilder): Variable[] {
  const result: Variable[] = [];
  for (const item of block.body?.items ?? []) {
    if (item.kind !== 'Attribute') continue;
    result.push({
      name: item.name,
      span: { start: item.start, end: item.end },
      nameSpan: { start: item.nameStart, end: item.nameEnd },
      value: values.value(item.expr),
    });
  }
  return result;
}

function moduleOf(block: Block, values: ValueBuilder): ModuleCall | undefined {
  const label = block.labels[0];
  if (!label) return undefined;
  const nameSpan = { start: label.start, end: label.end };
  const sourceExpr = findAttribute(block.body, 'source');
  let source = '';
  let sourceSpan = nameSpan;
  if (sourceExpr) {
    const value = values.value(sourceExpr);
    source = value.kind === 'string' ? value.value : value.kind === 'expression' ? value.text : '';
    sourceSpan = { start: sourceExpr.start, end: sourceExpr.end };
  }
  const { isLoop, condition } = repetition(block, values);
  const call: ModuleCall = {
    name: `module.${label.value}`,
    span: { start: block.start, end: block.end },
    nameSpan,
    source,
    sourceSpan,
    inputs: values.blockBody(block, (name) => !MODULE_META_ARGUMENTS.has(name)),
    isLoop,
  };
  if (condition) call.condition = condition;
  return call;
}

/**
 * `for_each` always repeats; `count` repeats unless it is a literal 0 or 1 or a conditional choosing between
 * them (`var.enabled ? 1 : 0`), which is the idiom for an optional resource. `condition` is `count` as written.
 */
function repetition(block: Block, values: ValueBuilder): { isLoop: boolean; condition?: Value } {
  const forEach = findAttribute(block.body, 'for_each');
  const count = findAttribute(block.body, 'count');
  const result: { isLoop: boolean; condition?: Value } = { isLoop: forEach !== undefined };
  if (count) {
    result.condition = values.value(count);
    if (!isZeroOrOne(count)) result.isLoop = true;
  }
  return result;
}

function isZeroOrOne(expr: Expr): boolean {
  let e = expr;
  while (e.kind === 'Paren') e = e.expr;
  if (e.kind === 'Number') return e.value === 0 || e.value === 1;
  if (e.kind === 'Conditional') return isZeroOrOne(e.then) && isZeroOrOne(e.else);
  return false;
}
