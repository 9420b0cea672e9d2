// Rewrites Terraform `azapi_resource` blocks into resources of their ARM type, so that rules read their `body` by ARM paths.
import type { Entry, ExpressionValue, FileModel, ObjectValue, Resource, Value } from './types';
import type { Expr } from '../parse/hcl/ast';
import { parseHcl } from '../parse/hcl';
import { ErrorIndex, ValueBuilder } from '../parse/hcl/values';

/** `Namespace.Provider/type[/child…]@api-version`, the only form of `type` we rewrite. */
const AZAPI_TYPE = /^([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+(?:\/[A-Za-z0-9][A-Za-z0-9-]*)+)@([0-9A-Za-z][0-9A-Za-z.-]*)$/;

/**
 * Returns the model with every `azapi_resource` (and `data "azapi_resource"`) whose `type` is a literal
 * `Namespace/type@version` string rewritten into a resource of that ARM type:
 *
 * - `type` is the ARM type and `apiVersion` the version, so rules that list the ARM type under `terraform` see it;
 * - `body` is the block's `body = { … }` object (or the object inside `jsonencode({ … })`), so ARM paths such as
 *   `['properties', 'authMode']` match as they do in Bicep; it is an object literal, never a block body, and the
 *   resource is marked `azapi: true` so that fixes insert `key = value` into it;
 * - a `body` the code does not spell out (`local.body`, `merge(…)`, `jsonencode(var.x)`) becomes an object holding
 *   one spread entry, so rules report that they could not determine a setting instead of calling it absent;
 * - `parent` is the Terraform address that `parent_id = <address>.id` references, when it references one;
 * - the Terraform address stays the `name`, and `language`, `span`, `nameSpan`, `existing` and the rest are kept.
 *
 * A `data "azapi_resource"` (no body) gets an empty body and stays `existing`. Anything else is left as it is: an
 * interpolated or unknown `type`, and a resource block without `body` (which declares no properties to judge).
 * `identity`, `location` and `tags` are block-level arguments in azapi and stay out of the body.
 * The function is pure: it never mutates `model` and never throws on what the parser produced.
 */
export function applyAzapi(model: FileModel, text: string): FileModel {
  if (model.language !== 'terraform' || !model.resources.some((r) => r.type === 'azapi_resource')) return model;
  return { ...model, resources: model.resources.map((r) => (r.type === 'azapi_resource' ? rewrite(r, text) : r)) };
}

function rewrite(resource: Resource, text: string): Resource {
  const typeEntry = attribute(resource.body, 'type');
  if (!typeEntry || typeEntry.value.kind !== 'string') return resource;
  const match = AZAPI_TYPE.exec(typeEntry.value.value.trim());
  if (!match) return resource;
  const bodyEntry = attribute(resource.body, 'body');
  // A data source reads a resource declared elsewhere and has no body; a resource without one declares nothing to judge.
  if (!bodyEntry && !resource.existing) return resource;
  const rewritten: Resource = {
    ...resource,
    type: match[1]!,
    apiVersion: match[2]!,
    body: bodyEntry ? bodyObject(bodyEntry, text) : { kind: 'object', entries: [], span: resource.body.span, bodySpan: resource.body.bodySpan },
    azapi: true,
  };
  const parent = parentAddress(attribute(resource.body, 'parent_id')?.value);
  if (parent) rewritten.parent = parent;
  else delete rewritten.parent;
  return rewritten;
}

/** The last attribute (not block) named `key` of a block body. */
function attribute(body: ObjectValue, key: string): Entry | undefined {
  let found: Entry | undefined;
  for (const entry of body.entries) if (!entry.isBlock && entry.key === key) found = entry;
  return found;
}

/** The ARM body as an object: the literal itself, the literal inside `jsonencode(…)`, or an opaque spread. */
function bodyObject(entry: Entry, text: string): ObjectValue {
  const value = entry.value;
  if (value.kind === 'object') return value;
  if (value.kind === 'expression') {
    const inner = jsonencodeArgument(entry, text);
    if (inner) return inner;
    return opaque(value);
  }
  // A literal that is not an object (`null`, a string): nothing is known about the properties.
  return opaque({ kind: 'expression', text: text.slice(value.span.start, value.span.end), span: value.span, references: [] });
}

/**
 * The object literal `jsonencode` encodes, re-read from the source of the `body = jsonencode({ … })` attribute.
 * The HCL front end models every call as an opaque expression; re-parsing just this attribute with the same parser
 * gives the object's entries with their own spans, shifted back to offsets in the whole file.
 */
function jsonencodeArgument(entry: Entry, text: string): ObjectValue | undefined {
  if (!/^jsonencode\s*\(/.test(text.slice(entry.value.span.start, entry.value.span.end))) return undefined;
  const source = text.slice(entry.span.start, entry.span.end);
  const parsed = parseHcl(source);
  const item = parsed.tree.body.items[0];
  if (!item || item.kind !== 'Attribute') return undefined;
  let call: Expr = item.expr;
  while (call.kind === 'Paren') call = call.expr;
  if (call.kind !== 'Call' || call.name !== 'jsonencode' || call.args.length !== 1) return undefined;
  const argument = call.args[0]!;
  if (argument.kind !== 'Object') return undefined;
  const value = new ValueBuilder(source, new ErrorIndex(parsed.errors)).value(argument);
  return value.kind === 'object' ? (shift(value, entry.span.start) as ObjectValue) : undefined;
}

/** An object whose only entry is a spread of `value`: every lookup under it is "not known from the code". */
function opaque(value: ExpressionValue): ObjectValue {
  const spread: Entry = { key: '...', keySpan: value.span, value, span: value.span, isBlock: false, hasError: false };
  return { kind: 'object', entries: [spread], span: value.span, bodySpan: value.span };
}

/** `azapi_resource.ws.id`, `azurerm_machine_learning_workspace.ws.id` or `data.azapi_resource.ws.id` → the address. */
function parentAddress(value: Value | undefined): string | undefined {
  if (!value || value.kind !== 'expression') return undefined;
  const match = /^((?:data\.)?[A-Za-z_][A-Za-z0-9_-]*\.[A-Za-z_][A-Za-z0-9_-]*)\.id$/.exec(value.text.trim());
  return match?.[1];
}

/** A deep copy of `value` with every span moved by `delta`. */
function shift(value: Value, delta: number): Value {
  const span = { start: value.span.start + delta, end: value.span.end + delta };
  switch (value.kind) {
    case 'object':
      return {
        kind: 'object',
        span,
        bodySpan: { start: value.bodySpan.start + delta, end: value.bodySpan.end + delta },
        entries: value.entries.map((e) => ({
          ...e,
          keySpan: { start: e.keySpan.start + delta, end: e.keySpan.end + delta },
          span: { start: e.span.start + delta, end: e.span.end + delta },
          value: shift(e.value, delta),
        })),
      };
    case 'array':
      return { kind: 'array', span, items: value.items.map((item) => shift(item, delta)) };
    default:
      return { ...value, span };
  }
}
