// The language-neutral resource model that both front ends produce and every rule reads.
import type { ParseError, Span } from '../types';

export type Language = 'bicep' | 'terraform';

/**
 * A value as written in the code. Literals are known; anything the front end cannot reduce to a literal
 * (a reference, a function call, an interpolated string) is an `expression` carrying its source text,
 * so that rules never guess about it.
 */
export type Value = StringValue | NumberValue | BoolValue | NullValue | ObjectValue | ArrayValue | ExpressionValue;

/**
 * Where a value the evaluator resolved is actually set, when that is not where it is used: the literal in a parameter
 * default, a `.bicepparam` or `.tfvars` entry, a variable or local, or a module call's argument (possibly in another file).
 * A value with an origin keeps the `span` of the property that uses it (findings point there); its fix edits `span` in
 * `file`, and its finding names the place in its related information. Values written as literals where they are used,
 * and values the front ends build, have no origin.
 */
export interface ValueOrigin {
  /** The file that sets the value (the same path form as `Resource.file`). */
  file: string;
  /** The literal (or, for a value computed elsewhere, the expression) that sets it, in `file`. */
  span: Span;
  /** A sentence fragment naming the place, e.g. "the default of parameter `publicAccess`" or "`sku` in prod.tfvars". */
  description: string;
}

export interface StringValue {
  kind: 'string';
  value: string;
  span: Span;
  /** Set by the evaluator on a value resolved from elsewhere; see `ValueOrigin`. */
  origin?: ValueOrigin;
}
export interface NumberValue {
  kind: 'number';
  value: number;
  span: Span;
  /** Set by the evaluator on a value resolved from elsewhere; see `ValueOrigin`. */
  origin?: ValueOrigin;
}
export interface BoolValue {
  kind: 'bool';
  value: boolean;
  span: Span;
  /** Set by the evaluator on a value resolved from elsewhere; see `ValueOrigin`. */
  origin?: ValueOrigin;
}
export interface NullValue {
  kind: 'null';
  span: Span;
  /** Set by the evaluator on a value resolved from elsewhere; see `ValueOrigin`. */
  origin?: ValueOrigin;
}

/**
 * An object literal (Bicep `{ … }`, HCL `{ … }`) or a block body (HCL `name { … }`).
 * `span` covers the braces; `bodySpan` covers what lies between them.
 * Repeated HCL blocks of one type appear as several entries with the same key.
 */
export interface ObjectValue {
  kind: 'object';
  entries: Entry[];
  span: Span;
  bodySpan: Span;
  /** Set by the evaluator on an object resolved from elsewhere; see `ValueOrigin`. Nothing can be inserted into such an object here. */
  origin?: ValueOrigin;
}

/** One `key: value` (Bicep), `key = value` (HCL attribute) or `key { … }` (HCL block, `isBlock` set). */
export interface Entry {
  key: string;
  keySpan: Span;
  value: Value;
  /** The whole entry, key to end of value. */
  span: Span;
  isBlock: boolean;
  /** HCL block labels other than the block type, e.g. `ip_rules "x" { … }` has the label `x`. */
  labels?: string[];
  /** HCL `dynamic "x" { content { … } }`: the entry's key is `x`, its value the `content` body, and how many there are is unknown. */
  dynamic?: boolean;
  /** True when a parse error lies inside this entry: rules hold back rather than guess. */
  hasError: boolean;
}

export interface ArrayValue {
  kind: 'array';
  items: Value[];
  span: Span;
  /** Set by the evaluator on a value resolved from elsewhere; see `ValueOrigin`. */
  origin?: ValueOrigin;
}

export interface ExpressionValue {
  kind: 'expression';
  /** The expression's source text. */
  text: string;
  span: Span;
  /** Dotted references the expression mentions (`param1`, `azurerm_x.y.id`, `var.name`), for later evaluation. */
  references: string[];
}

/** A `resource` (Bicep) or `resource` / `data` block (Terraform). */
export interface Resource {
  language: Language;
  file: string;
  /** `Microsoft.CognitiveServices/accounts` (Bicep, child types in full) or `azurerm_cognitive_account`. */
  type: string;
  /** The API version of a Bicep resource (`2024-10-01`), when given. */
  apiVersion?: string;
  /** Bicep symbolic name (`aoai`; a nested child is `parent::child`) or Terraform address (`azurerm_x.y`, `data.azurerm_x.y`). */
  name: string;
  /** The whole declaration, decorators included. */
  span: Span;
  /** Where to point at the resource itself: the symbolic name or the Terraform name label. */
  nameSpan: Span;
  /** Bicep: the resource's object body (`name`, `location`, `properties`, …). Terraform: the block body. */
  body: ObjectValue;
  /** Bicep `existing`, Terraform `data`: declared elsewhere, so rules do not judge its settings. */
  existing: boolean;
  /** The symbolic name of the parent resource (Bicep `parent:` or nesting); for an `azapi` resource, the address its `parent_id` references. */
  parent?: string;
  /** Bicep `if (…)`, Terraform `count` as a condition, as written. */
  condition?: Value;
  /** True for `[for …]` resources and Terraform `for_each`/`count` over many. */
  isLoop: boolean;
  /** True when a parse error lies inside the declaration. */
  hasError: boolean;
  /**
   * Set on a Terraform `azapi_resource` rewritten to its ARM type (see `model/azapi.ts`): `type` is then the ARM type,
   * `apiVersion` its version and `body` the `body = { … }` object literal (not a block body), so ARM paths match as in Bicep.
   */
  azapi?: true;
}

/** A Bicep `param` or a Terraform `variable`. */
export interface Parameter {
  name: string;
  span: Span;
  nameSpan: Span;
  defaultValue?: Value;
}

/** A Bicep `var`, a Terraform `locals` entry, a `.bicepparam` assignment or a `.tfvars` assignment. */
export interface Variable {
  name: string;
  span: Span;
  nameSpan: Span;
  value: Value;
}

/** A Bicep `module` or a Terraform `module` block. */
export interface ModuleCall {
  name: string;
  span: Span;
  nameSpan: Span;
  /** `./modules/ai.bicep`, `br/public:…`, `./modules/ai` or a registry address, as written. */
  source: string;
  sourceSpan: Span;
  /** The values passed: Bicep `params: { … }`, Terraform the module block's attributes. */
  inputs: ObjectValue;
  isLoop: boolean;
  condition?: Value;
}

/** A top-level declaration, for outlines and for measuring error recovery. */
export interface Declaration {
  /** `resource`, `param`, `var`, `output`, `module`, `type`, `func`, `import`, … or the HCL block type. */
  kind: string;
  /** The declared name (Bicep) or the labels joined by `.` (HCL); empty when there is none. */
  name: string;
  span: Span;
  hasError: boolean;
}

/** Everything one file declares, in one shape for both languages. */
export interface FileModel {
  file: string;
  language: Language;
  /** `bicep`, `bicepparam`, `tf`, `tfvars`. */
  fileKind: 'bicep' | 'bicepparam' | 'tf' | 'tfvars';
  resources: Resource[];
  parameters: Parameter[];
  variables: Variable[];
  modules: ModuleCall[];
  declarations: Declaration[];
  /** `.bicepparam`: the template named by `using`. */
  using?: { path: string; span: Span };
  parseErrors: ParseError[];
}
