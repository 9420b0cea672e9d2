// The token kinds of HCL native syntax and their display names for error messages.

/**
 * Token kinds. A `const enum` so that both tsc and esbuild inline the numbers into the scanner's hot loops.
 * `Newline` never comes out of the lexer: the parser substitutes it for a token preceded by a line break
 * where line breaks are significant (bodies and object constructors).
 */
export const enum T {
  EOF,
  Invalid,
  Newline,
  Ident,
  Number,
  /** An opening `"`: the parser scans the template that follows it. */
  Quote,
  /** A heredoc introducer `<<EOT` or `<<-EOT`; the lexer has already located the body and the closing marker. */
  Heredoc,
  LBrace,
  RBrace,
  LBrack,
  RBrack,
  LParen,
  RParen,
  Comma,
  Dot,
  Ellipsis,
  Colon,
  DoubleColon,
  Question,
  Arrow,
  Assign,
  Eq,
  NotEq,
  Lt,
  Le,
  Gt,
  Ge,
  And,
  Or,
  Bang,
  Plus,
  Minus,
  Star,
  Slash,
  Percent,
  /** `~}`, the closing of a template sequence with a strip marker. */
  TildeRBrace,
  /**
   * `${` or `%{` outside a template. Never valid there; scanning them as one token keeps `%{` from reading as
   * modulo-then-object when an interpolation inside a template was left open.
   */
  TemplateSeq,
}

const NAMES: readonly string[] = [
  'end of file',
  'invalid character',
  'newline',
  'identifier',
  'number',
  'string',
  'heredoc',
  '"{"',
  '"}"',
  '"["',
  '"]"',
  '"("',
  '")"',
  '","',
  '"."',
  '"..."',
  '":"',
  '"::"',
  '"?"',
  '"=>"',
  '"="',
  '"=="',
  '"!="',
  '"<"',
  '"<="',
  '">"',
  '">="',
  '"&&"',
  '"||"',
  '"!"',
  '"+"',
  '"-"',
  '"*"',
  '"/"',
  '"%"',
  '"~}"',
  'a template sequence',
];

/** How a token kind reads in an error message, e.g. `"}"` or `end of file`. */
export function tokenName(kind: T): string {
  return NAMES[kind] ?? 'token';
}

/** Binary operator precedence as HCL defines it (higher binds tighter); 0 for tokens that are not binary operators. */
export function binaryPrecedence(kind: T): number {
  switch (kind) {
    case T.Or:
      return 1;
    case T.And:
      return 2;
    case T.Eq:
    case T.NotEq:
      return 3;
    case T.Lt:
    case T.Le:
    case T.Gt:
    case T.Ge:
      return 4;
    case T.Plus:
    case T.Minus:
      return 5;
    case T.Star:
    case T.Slash:
    case T.Percent:
      return 6;
    default:
      return 0;
  }
}

/** The source spelling of an operator token, for the AST. */
export function operatorText(kind: T): string {
  switch (kind) {
    case T.Or:
      return '||';
    case T.And:
      return '&&';
    case T.Eq:
      return '==';
    case T.NotEq:
      return '!=';
    case T.Lt:
      return '<';
    case T.Le:
      return '<=';
    case T.Gt:
      return '>';
    case T.Ge:
      return '>=';
    case T.Plus:
      return '+';
    case T.Minus:
      return '-';
    case T.Star:
      return '*';
    case T.Slash:
      return '/';
    case T.Percent:
      return '%';
    case T.Bang:
      return '!';
    default:
      return '?';
  }
}
