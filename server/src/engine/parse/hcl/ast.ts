// The HCL syntax tree: plain objects with half-open UTF-16 offsets (`start`, `end`) into the parsed text.

/**
 * Every node carries flat `start`/`end` offsets rather than a `Span` object: the parser builds many nodes and one
 * allocation less per node is measurable.
 */
export interface NodeBase {
  start: number;
  end: number;
}

/** The root of one parsed `.tf` or `.tfvars` file. */
export interface HclFile extends NodeBase {
  kind: 'File';
  body: Body;
}

/** The attributes and blocks of a file or of a block; for a block, `start`/`end` lie just inside the braces. */
export interface Body extends NodeBase {
  items: BodyItem[];
}

export type BodyItem = Attribute | Block;

/** `name = expr`. */
export interface Attribute extends NodeBase {
  kind: 'Attribute';
  name: string;
  nameStart: number;
  nameEnd: number;
  expr: Expr;
}

/** `type label… { body }`. `open`/`close` are the offsets of the braces, -1 when missing. */
export interface Block extends NodeBase {
  kind: 'Block';
  type: string;
  typeStart: number;
  typeEnd: number;
  labels: Label[];
  /** Null when the block has no `{` at all (half-typed header). */
  body: Body | null;
  open: number;
  close: number;
}

/** A block label: `"quoted"` (span includes the quotes; `value` is decoded) or a bare identifier. */
export interface Label extends NodeBase {
  value: string;
  quoted: boolean;
}

export type Expr =
  | NumberLit
  | BoolLit
  | NullLit
  | TemplateExpr
  | VariableExpr
  | GetAttrExpr
  | IndexExpr
  | SplatExpr
  | CallExpr
  | TupleExpr
  | ObjectExpr
  | ForExpr
  | ConditionalExpr
  | BinaryExpr
  | UnaryExpr
  | ParenExpr
  | InvalidExpr;

export interface NumberLit extends NodeBase {
  kind: 'Number';
  value: number;
}

export interface BoolLit extends NodeBase {
  kind: 'Bool';
  value: boolean;
}

export interface NullLit extends NodeBase {
  kind: 'Null';
}

/** A bare identifier in expression position: the root of a traversal such as `var.name`. */
export interface VariableExpr extends NodeBase {
  kind: 'Variable';
  name: string;
}

/** `target.name`. */
export interface GetAttrExpr extends NodeBase {
  kind: 'GetAttr';
  target: Expr;
  name: string;
  nameStart: number;
  nameEnd: number;
}

/** `target[key]`, or the legacy `target.0` (`legacy` set, `key` a number literal). */
export interface IndexExpr extends NodeBase {
  kind: 'Index';
  target: Expr;
  key: Expr;
  legacy: boolean;
}

/** `target[*]` (`full`) or `target.*`; the traversal steps after it apply to each element. */
export interface SplatExpr extends NodeBase {
  kind: 'Splat';
  target: Expr;
  full: boolean;
}

/** `name(args…)`, including provider functions `provider::ns::fn(…)` (`name` holds the whole `::` path). */
export interface CallExpr extends NodeBase {
  kind: 'Call';
  name: string;
  nameStart: number;
  nameEnd: number;
  args: Expr[];
  /** True for `f(xs...)`: the final argument is expanded. */
  expandFinal: boolean;
  /** Offset of `)`, -1 when missing. */
  close: number;
}

export interface TupleExpr extends NodeBase {
  kind: 'Tuple';
  items: Expr[];
  /** Offset of `]`, -1 when missing. */
  close: number;
}

/** `{ k = v, "k2": v, (expr) = v }`. */
export interface ObjectExpr extends NodeBase {
  kind: 'Object';
  items: ObjectItem[];
  /** Offset of `}`, -1 when missing. */
  close: number;
}

/** One object element. A bare identifier key is a `Variable` node that means its literal name. */
export interface ObjectItem extends NodeBase {
  key: Expr;
  value: Expr;
  /** `=` or `:`. */
  separator: '=' | ':';
}

/** `[for k, v in coll : value if cond]` or `{for k, v in coll : key => value... if cond}`. */
export interface ForExpr extends NodeBase {
  kind: 'For';
  object: boolean;
  keyVar: Name | null;
  valueVar: Name | null;
  collection: Expr;
  /** The key expression of an object `for`; null for a tuple `for`. */
  keyExpr: Expr | null;
  value: Expr;
  /** `...` after the value of an object `for`. */
  group: boolean;
  condition: Expr | null;
  /** Offset of the closing bracket, -1 when missing. */
  close: number;
}

/** A name introduced by a `for` expression or directive. */
export interface Name extends NodeBase {
  name: string;
}

export interface ConditionalExpr extends NodeBase {
  kind: 'Conditional';
  condition: Expr;
  then: Expr;
  else: Expr;
}

export interface BinaryExpr extends NodeBase {
  kind: 'Binary';
  op: string;
  left: Expr;
  right: Expr;
}

export interface UnaryExpr extends NodeBase {
  kind: 'Unary';
  op: '!' | '-';
  operand: Expr;
}

export interface ParenExpr extends NodeBase {
  kind: 'Paren';
  expr: Expr;
  /** Offset of `)`, -1 when missing. */
  close: number;
}

/** Stands where an expression was expected but none could be read; an error was reported there. */
export interface InvalidExpr extends NodeBase {
  kind: 'Invalid';
}

/** A quoted string `"…"` or a heredoc `<<EOT … EOT`; a plain string is a template with one literal part. */
export interface TemplateExpr extends NodeBase {
  kind: 'Template';
  parts: TemplatePart[];
  /** Null for a quoted string. */
  heredoc: HeredocInfo | null;
  /** True when the closing quote or heredoc marker is missing. */
  unterminated: boolean;
}

export interface HeredocInfo {
  marker: string;
  /** `<<-`: the common leading whitespace of the lines is removed (already applied to the literal values). */
  flush: boolean;
  /** Where the body starts and where the closing-marker line starts. */
  bodyStart: number;
  bodyEnd: number;
}

export type TemplatePart = TemplateLiteral | TemplateInterp | TemplateIf | TemplateFor;

/**
 * Literal template text. `value` is what it contributes to the string: escapes (`\n`, `\uNNNN`, `$${`, `%%{`)
 * decoded, whitespace next to strip markers (`~`) removed and, in a `<<-` heredoc, the common indentation removed.
 */
export interface TemplateLiteral extends NodeBase {
  kind: 'TemplateLiteral';
  value: string;
}

/** `${ expr }`; the strip flags record `${~` and `~}`. */
export interface TemplateInterp extends NodeBase {
  kind: 'TemplateInterp';
  expr: Expr;
  stripLeft: boolean;
  stripRight: boolean;
}

/** `%{ if cond }…%{ else }…%{ endif }`. */
export interface TemplateIf extends NodeBase {
  kind: 'TemplateIf';
  condition: Expr;
  then: TemplatePart[];
  else: TemplatePart[] | null;
}

/** `%{ for k, v in coll }…%{ endfor }`. */
export interface TemplateFor extends NodeBase {
  kind: 'TemplateFor';
  keyVar: Name | null;
  valueVar: Name | null;
  collection: Expr;
  body: TemplatePart[];
}
