// The Bicep syntax tree: plain objects with half-open UTF-16 offsets `start`/`end`, children always inside parents.

/**
 * Every node carries its own offsets; names and literals are read from the source text on demand
 * (see `nodeText`), so the parser never slices strings it does not need.
 */
export interface NodeBase {
  start: number;
  end: number;
}

/** A half-open offset range inside the text, e.g. the raw content between a string's quotes. */
export interface Range {
  start: number;
  end: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Expressions

/** A name: a variable, parameter, resource, function or property name, or a keyword used as a name. */
export interface Identifier extends NodeBase {
  kind: 'identifier';
}

/**
 * A string literal. `segments` are the raw (still escaped) text runs between the holes, so a string with
 * `n` holes has `n + 1` segments. Multi-line strings have one segment and no escapes.
 */
export interface StringLiteral extends NodeBase {
  kind: 'string';
  segments: Range[];
  holes: Expression[];
  multiline: boolean;
  /** False when the closing quote is missing; the node then ends where the lexer gave up (the line's end). */
  terminated: boolean;
}

export interface IntegerLiteral extends NodeBase {
  kind: 'integer';
}

export interface BooleanLiteral extends NodeBase {
  kind: 'boolean';
  value: boolean;
}

export interface NullLiteral extends NodeBase {
  kind: 'null';
}

/** `{ … }`; `closed` is false when the closing brace is missing. */
export interface ObjectExpression extends NodeBase {
  kind: 'object';
  items: ObjectItem[];
  closed: boolean;
}

export type ObjectItem = ObjectProperty | SpreadExpression | ResourceDeclaration;

/** `key: value`; the key is a name or a string. */
export interface ObjectProperty extends NodeBase {
  kind: 'property';
  key: Identifier | StringLiteral;
  value: Expression;
}

/** `...expr` inside an object or an array. */
export interface SpreadExpression extends NodeBase {
  kind: 'spread';
  expression: Expression;
}

export interface ArrayExpression extends NodeBase {
  kind: 'array';
  items: (Expression | SpreadExpression)[];
  closed: boolean;
}

/** `[for item in items: body]` or `[for (item, index) in items: if (c) body]`. */
export interface ForExpression extends NodeBase {
  kind: 'for';
  item: Identifier | undefined;
  index: Identifier | undefined;
  iterable: Expression;
  body: Expression;
  closed: boolean;
}

/** `if (condition) body`, the conditional form of resource, module and loop bodies. */
export interface IfExpression extends NodeBase {
  kind: 'if';
  condition: Expression;
  body: Expression;
}

/** `f(a, b)`, `ns.f(a)` or `resource.f()`: the callee is a name or a member access. */
export interface CallExpression extends NodeBase {
  kind: 'call';
  callee: Identifier | MemberExpression;
  args: Expression[];
}

/** `a.b`, or `a.?b` when `safe`. */
export interface MemberExpression extends NodeBase {
  kind: 'member';
  object: Expression;
  name: Identifier | MissingNode;
  safe: boolean;
}

/** `a[i]`, or `a[?i]` when `safe`. */
export interface IndexExpression extends NodeBase {
  kind: 'index';
  object: Expression;
  index: Expression;
  safe: boolean;
}

/** `parent::child`, access to a nested resource. */
export interface ResourceAccessExpression extends NodeBase {
  kind: 'resourceAccess';
  object: Expression;
  name: Identifier | MissingNode;
}

/** `expr!`, the non-null assertion. */
export interface NonNullExpression extends NodeBase {
  kind: 'nonNull';
  expression: Expression;
}

export interface UnaryExpression extends NodeBase {
  kind: 'unary';
  operator: '!' | '-';
  operand: Expression;
}

export type BinaryOperator = '??' | '||' | '&&' | '==' | '!=' | '=~' | '!~' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';

export interface BinaryExpression extends NodeBase {
  kind: 'binary';
  operator: BinaryOperator;
  left: Expression;
  right: Expression;
}

/** `condition ? whenTrue : whenFalse`. */
export interface TernaryExpression extends NodeBase {
  kind: 'ternary';
  condition: Expression;
  whenTrue: Expression;
  whenFalse: Expression;
}

export interface ParenthesizedExpression extends NodeBase {
  kind: 'paren';
  expression: Expression;
}

/** `x => …`, `(a, b) => …`, `() => …`. */
export interface LambdaExpression extends NodeBase {
  kind: 'lambda';
  params: Identifier[];
  body: Expression;
}

/** Where something was required but nothing was written; always zero-length, and always paired with an error. */
export interface MissingNode extends NodeBase {
  kind: 'missing';
}

/** Tokens the parser skipped as unusable; always paired with an error. */
export interface SkippedNode extends NodeBase {
  kind: 'skipped';
}

export type Expression =
  | Identifier
  | StringLiteral
  | IntegerLiteral
  | BooleanLiteral
  | NullLiteral
  | ObjectExpression
  | ArrayExpression
  | ForExpression
  | IfExpression
  | CallExpression
  | MemberExpression
  | IndexExpression
  | ResourceAccessExpression
  | NonNullExpression
  | UnaryExpression
  | BinaryExpression
  | TernaryExpression
  | ParenthesizedExpression
  | LambdaExpression
  | MissingNode
  | SkippedNode;

// ---------------------------------------------------------------------------------------------------------------
// Types

/** `ns.name` in a type, or `T.prop` (property type access), or `T.*` (`name` is then undefined). */
export interface TypeMember extends NodeBase {
  kind: 'typeMember';
  object: TypeExpression;
  name: Identifier | MissingNode | undefined;
}

/** `T[*]` (element type, `index` undefined), `T[0]` (tuple item type) or `T['prop']` (property type). */
export interface TypeIndex extends NodeBase {
  kind: 'typeIndex';
  object: TypeExpression;
  index: IntegerLiteral | StringLiteral | undefined;
}

/** `resourceInput<'Microsoft.X/y@2024-01-01'>` and other parameterised types. */
export interface ParameterizedType extends NodeBase {
  kind: 'parameterizedType';
  name: Identifier;
  args: Expression[];
}

/** `resource 'Microsoft.X/y@2024-01-01'`, the resource-typed parameter or output. */
export interface ResourceType extends NodeBase {
  kind: 'resourceType';
  typeString: StringLiteral | MissingNode;
}

export interface ArrayType extends NodeBase {
  kind: 'arrayType';
  element: TypeExpression;
}

/** `T?` */
export interface NullableType extends NodeBase {
  kind: 'nullableType';
  type: TypeExpression;
}

/** `A | B | C`, with or without a leading pipe. */
export interface UnionType extends NodeBase {
  kind: 'unionType';
  members: TypeExpression[];
}

export interface ParenthesizedType extends NodeBase {
  kind: 'parenType';
  type: TypeExpression;
}

/** `{ name: string, size?: int, *: string }`. */
export interface ObjectType extends NodeBase {
  kind: 'objectType';
  properties: ObjectTypeProperty[];
  closed: boolean;
}

export interface ObjectTypeProperty extends NodeBase {
  kind: 'objectTypeProperty';
  decorators: Decorator[];
  /** A name, a string, or the `*` of additional properties. */
  key: Identifier | StringLiteral | StarKey;
  optional: boolean;
  type: TypeExpression;
}

/** The `*` key of an object type's additional properties. */
export interface StarKey extends NodeBase {
  kind: 'star';
}

/** `[string, int]`. */
export interface TupleType extends NodeBase {
  kind: 'tupleType';
  items: TupleTypeItem[];
  closed: boolean;
}

export interface TupleTypeItem extends NodeBase {
  kind: 'tupleTypeItem';
  decorators: Decorator[];
  type: TypeExpression;
}

export type TypeExpression =
  | Identifier
  | TypeMember
  | TypeIndex
  | ParameterizedType
  | ResourceType
  | StringLiteral
  | IntegerLiteral
  | BooleanLiteral
  | NullLiteral
  | UnaryExpression
  | ObjectType
  | TupleType
  | ArrayType
  | NullableType
  | UnionType
  | ParenthesizedType
  | MissingNode
  | SkippedNode;

// ---------------------------------------------------------------------------------------------------------------
// Statements

/** `@name(args)` or `@ns.name(args)` before a declaration, an object-type property or a tuple item. */
export interface Decorator extends NodeBase {
  kind: 'decorator';
  expression: Expression;
}

/** What every declaration has: its decorators and its keyword's offsets. `start` is the first decorator's. */
export interface StatementBase extends NodeBase {
  decorators: Decorator[];
  keywordStart: number;
  keywordEnd: number;
}

export interface TargetScopeDeclaration extends StatementBase {
  kind: 'targetScope';
  value: Expression;
}

export interface MetadataDeclaration extends StatementBase {
  kind: 'metadata';
  name: Identifier | MissingNode;
  value: Expression;
}

/** `param x string = default`, or in a `.bicepparam` file `param x = value` (then `type` is undefined). */
export interface ParameterDeclaration extends StatementBase {
  kind: 'param';
  name: Identifier | MissingNode;
  type: TypeExpression | undefined;
  value: Expression | undefined;
}

/** `var x = value` or the typed `var x string = value`. */
export interface VariableDeclaration extends StatementBase {
  kind: 'var';
  name: Identifier | MissingNode;
  type: TypeExpression | undefined;
  value: Expression;
}

export interface OutputDeclaration extends StatementBase {
  kind: 'output';
  name: Identifier | MissingNode;
  type: TypeExpression;
  value: Expression;
}

export interface TypeDeclaration extends StatementBase {
  kind: 'type';
  name: Identifier | MissingNode;
  type: TypeExpression;
}

/** One typed parameter of a user-defined function. */
export interface FunctionParameter extends NodeBase {
  kind: 'functionParameter';
  name: Identifier;
  type: TypeExpression;
}

/** `func name(a string) string => body`. */
export interface FunctionDeclaration extends StatementBase {
  kind: 'func';
  name: Identifier | MissingNode;
  params: FunctionParameter[];
  returnType: TypeExpression;
  body: Expression;
}

/**
 * `resource name 'Type@version' existing = value`, where the value is an object, `if (…) {…}` or `[for …]`.
 * Also used for resources nested inside another resource's body.
 */
export interface ResourceDeclaration extends StatementBase {
  kind: 'resource';
  name: Identifier | MissingNode;
  typeString: StringLiteral | MissingNode;
  existing: boolean;
  value: Expression;
}

/** `module name 'path-or-registry-ref' = value`. */
export interface ModuleDeclaration extends StatementBase {
  kind: 'module';
  name: Identifier | MissingNode;
  path: StringLiteral | MissingNode;
  value: Expression;
}

/** One name in `import { a, b as c } from '…'`. */
export interface ImportItem extends NodeBase {
  kind: 'importItem';
  name: Identifier | StringLiteral;
  alias: Identifier | MissingNode | undefined;
}

/**
 * `import {a, b as c} from 'x'` (`items`), `import * as ns from 'x'` (`wildcardAlias`), or the older provider
 * form `import 'az@1.0.0' with {…} as name` (`specification`, `config`, `alias`).
 */
export interface ImportDeclaration extends StatementBase {
  kind: 'import';
  items: ImportItem[] | undefined;
  wildcardAlias: Identifier | MissingNode | undefined;
  from: StringLiteral | MissingNode | undefined;
  specification: Identifier | StringLiteral | undefined;
  config: Expression | undefined;
  alias: Identifier | MissingNode | undefined;
}

/** `extension name`, `extension 'br:…' with {…} as alias`. */
export interface ExtensionDeclaration extends StatementBase {
  kind: 'extension';
  specification: Identifier | StringLiteral | MissingNode;
  config: Expression | undefined;
  alias: Identifier | MissingNode | undefined;
}

/** `using './main.bicep'` or `using none` (then `path` is the identifier `none`). */
export interface UsingDeclaration extends StatementBase {
  kind: 'using';
  path: StringLiteral | Identifier | MissingNode;
  config: Expression | undefined;
}

/** `extends './base.bicepparam'` in a `.bicepparam` file. */
export interface ExtendsDeclaration extends StatementBase {
  kind: 'extends';
  path: StringLiteral | MissingNode;
}

/** `assert name = condition` (experimental). */
export interface AssertDeclaration extends StatementBase {
  kind: 'assert';
  name: Identifier | MissingNode;
  value: Expression;
}

/** `test name 'path' = {…}` (experimental). */
export interface TestDeclaration extends StatementBase {
  kind: 'test';
  name: Identifier | MissingNode;
  path: StringLiteral | MissingNode;
  value: Expression;
}

/** Top-level text that is no declaration, skipped up to the next line that starts one. */
export interface SkippedStatement extends NodeBase {
  kind: 'skippedStatement';
  decorators: Decorator[];
}

export type Statement =
  | TargetScopeDeclaration
  | MetadataDeclaration
  | ParameterDeclaration
  | VariableDeclaration
  | OutputDeclaration
  | TypeDeclaration
  | FunctionDeclaration
  | ResourceDeclaration
  | ModuleDeclaration
  | ImportDeclaration
  | ExtensionDeclaration
  | UsingDeclaration
  | ExtendsDeclaration
  | AssertDeclaration
  | TestDeclaration
  | SkippedStatement;

/** The root of a parsed `.bicep` or `.bicepparam` file. */
export interface BicepFile extends NodeBase {
  kind: 'file';
  statements: Statement[];
}

/** The source text of a node. */
export function nodeText(text: string, node: NodeBase): string {
  return text.slice(node.start, node.end);
}
