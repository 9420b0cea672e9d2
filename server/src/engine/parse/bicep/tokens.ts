// Token kinds, token flags, contextual keywords and the compact parallel-array token list the Bicep lexer fills.

/**
 * Token kinds. Bicep keywords are contextual (`param`, `resource`, … are fine as property names), so every word is an
 * `Identifier` and its keyword, if any, sits in `TokenList.keyword`.
 */
export const enum T {
  EOF,
  /** A character Bicep has no use for; the lexer has already reported it. */
  Unknown,
  Identifier,
  Integer,
  /** `'…'` with no interpolation. */
  StringComplete,
  /** `'…${` */
  StringLeft,
  /** `}…${` */
  StringMiddle,
  /** `}…'` */
  StringRight,
  /** `'''…'''`, no interpolation. */
  MultilineString,
  LBrace,
  RBrace,
  LParen,
  RParen,
  LBracket,
  RBracket,
  Comma,
  Dot,
  Ellipsis,
  Colon,
  DoubleColon,
  Question,
  DoubleQuestion,
  Assign,
  Arrow,
  Equals,
  NotEquals,
  EqualsInsensitive,
  NotEqualsInsensitive,
  Less,
  LessOrEqual,
  Greater,
  GreaterOrEqual,
  Plus,
  Minus,
  Star,
  Slash,
  Percent,
  Bang,
  AndAnd,
  OrOr,
  Pipe,
  At,
  Semicolon,
}

/** Per-token flags. */
export const enum F {
  /** The token is the first on its line: a line break (or the start of the file) lies in the trivia before it. */
  LineStart = 1,
  /** The token starts at column 0. */
  Column0 = 2,
  /** A string or multi-line string that reached the end of its line (or of the file) without its closing quote. */
  Unterminated = 4,
  /**
   * A piece (`StringLeft`/`Middle`/`Right`) of an interpolated multi-line string `$'''…${x}…'''`; its `keyword`
   * slot holds how many `$` open a hole (`$$'''` strings interpolate `$${x}`, leaving `${x}` literal).
   */
  Multiline = 8,
}

/** Contextual keywords, recognised once by the lexer so the parser compares small integers, never text. */
export const enum K {
  None,
  Param,
  Var,
  Resource,
  Output,
  Module,
  Type,
  Func,
  Import,
  Metadata,
  TargetScope,
  Using,
  Extension,
  Extends,
  Assert,
  Test,
  Existing,
  If,
  For,
  In,
  True,
  False,
  Null,
  With,
  As,
  From,
  None_,
}

/** The keyword an identifier spells, or `K.None`. Only called by the lexer, once per identifier. */
export function keywordOf(text: string, start: number, length: number): K {
  // Switching on the first character and the length first keeps this to one string comparison in the worst case.
  switch (text.charCodeAt(start)) {
    case 97: // a
      if (length === 2 && text.charCodeAt(start + 1) === 115) return K.As;
      if (length === 6 && text.startsWith('assert', start)) return K.Assert;
      return K.None;
    case 101: // e
      if (length === 8 && text.startsWith('existing', start)) return K.Existing;
      if (length === 9 && text.startsWith('extension', start)) return K.Extension;
      if (length === 7 && text.startsWith('extends', start)) return K.Extends;
      return K.None;
    case 102: // f
      if (length === 3 && text.startsWith('for', start)) return K.For;
      if (length === 4) {
        if (text.startsWith('func', start)) return K.Func;
        if (text.startsWith('from', start)) return K.From;
      }
      if (length === 5 && text.startsWith('false', start)) return K.False;
      return K.None;
    case 105: // i
      if (length === 2) {
        const c = text.charCodeAt(start + 1);
        if (c === 102) return K.If;
        if (c === 110) return K.In;
      }
      if (length === 6 && text.startsWith('import', start)) return K.Import;
      return K.None;
    case 109: // m
      if (length === 6 && text.startsWith('module', start)) return K.Module;
      if (length === 8 && text.startsWith('metadata', start)) return K.Metadata;
      return K.None;
    case 110: // n
      if (length === 4) {
        if (text.startsWith('null', start)) return K.Null;
        if (text.startsWith('none', start)) return K.None_;
      }
      return K.None;
    case 111: // o
      if (length === 6 && text.startsWith('output', start)) return K.Output;
      return K.None;
    case 112: // p
      if (length === 5 && text.startsWith('param', start)) return K.Param;
      return K.None;
    case 114: // r
      if (length === 8 && text.startsWith('resource', start)) return K.Resource;
      return K.None;
    case 116: // t
      if (length === 4) {
        if (text.startsWith('type', start)) return K.Type;
        if (text.startsWith('true', start)) return K.True;
        if (text.startsWith('test', start)) return K.Test;
      }
      if (length === 11 && text.startsWith('targetScope', start)) return K.TargetScope;
      return K.None;
    case 117: // u
      if (length === 5 && text.startsWith('using', start)) return K.Using;
      return K.None;
    case 118: // v
      if (length === 3 && text.startsWith('var', start)) return K.Var;
      return K.None;
    case 119: // w
      if (length === 4 && text.startsWith('with', start)) return K.With;
      return K.None;
    default:
      return K.None;
  }
}

/**
 * The tokens of one text as parallel typed arrays: no object per token, so lexing allocates almost nothing and
 * the parser's look-ups are plain array reads. Trivia (spaces, comments, `#disable-next-line` pragmas) and
 * line breaks are not tokens; a line break shows as `F.LineStart` on the token after it.
 */
export class TokenList {
  count = 0;
  kind: Uint8Array;
  keyword: Uint8Array;
  flags: Uint8Array;
  start: Int32Array;
  end: Int32Array;

  constructor(capacity: number) {
    this.kind = new Uint8Array(capacity);
    this.keyword = new Uint8Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
  }

  /** Doubles the capacity; called by the lexer when full. */
  grow(): void {
    const capacity = this.kind.length * 2;
    const kind = new Uint8Array(capacity);
    kind.set(this.kind);
    this.kind = kind;
    const keyword = new Uint8Array(capacity);
    keyword.set(this.keyword);
    this.keyword = keyword;
    const flags = new Uint8Array(capacity);
    flags.set(this.flags);
    this.flags = flags;
    const start = new Int32Array(capacity);
    start.set(this.start);
    this.start = start;
    const end = new Int32Array(capacity);
    end.set(this.end);
    this.end = end;
  }
}

/** The name of each token kind, indexed by kind, for tests and debugging output. */
export const TOKEN_NAMES: readonly string[] = [
  'EOF', 'Unknown', 'Identifier', 'Integer', 'StringComplete', 'StringLeft', 'StringMiddle', 'StringRight', 'MultilineString',
  'LBrace', 'RBrace', 'LParen', 'RParen', 'LBracket', 'RBracket', 'Comma', 'Dot', 'Ellipsis', 'Colon', 'DoubleColon',
  'Question', 'DoubleQuestion', 'Assign', 'Arrow', 'Equals', 'NotEquals', 'EqualsInsensitive', 'NotEqualsInsensitive',
  'Less', 'LessOrEqual', 'Greater', 'GreaterOrEqual', 'Plus', 'Minus', 'Star', 'Slash', 'Percent', 'Bang', 'AndAnd',
  'OrOr', 'Pipe', 'At', 'Semicolon',
];

/** How a token kind reads in an error message. */
export function describeToken(kind: T): string {
  switch (kind) {
    case T.EOF: return 'the end of the file';
    case T.Unknown: return 'an unexpected character';
    case T.Identifier: return 'a name';
    case T.Integer: return 'a number';
    case T.StringComplete: case T.StringLeft: case T.MultilineString: return 'a string';
    case T.StringMiddle: case T.StringRight: return "'}'";
    case T.LBrace: return "'{'";
    case T.RBrace: return "'}'";
    case T.LParen: return "'('";
    case T.RParen: return "')'";
    case T.LBracket: return "'['";
    case T.RBracket: return "']'";
    case T.Comma: return "','";
    case T.Dot: return "'.'";
    case T.Ellipsis: return "'...'";
    case T.Colon: return "':'";
    case T.DoubleColon: return "'::'";
    case T.Question: return "'?'";
    case T.DoubleQuestion: return "'??'";
    case T.Assign: return "'='";
    case T.Arrow: return "'=>'";
    case T.Equals: return "'=='";
    case T.NotEquals: return "'!='";
    case T.EqualsInsensitive: return "'=~'";
    case T.NotEqualsInsensitive: return "'!~'";
    case T.Less: return "'<'";
    case T.LessOrEqual: return "'<='";
    case T.Greater: return "'>'";
    case T.GreaterOrEqual: return "'>='";
    case T.Plus: return "'+'";
    case T.Minus: return "'-'";
    case T.Star: return "'*'";
    case T.Slash: return "'/'";
    case T.Percent: return "'%'";
    case T.Bang: return "'!'";
    case T.AndAnd: return "'&&'";
    case T.OrOr: return "'||'";
    case T.Pipe: return "'|'";
    case T.At: return "'@'";
    case T.Semicolon: return "';'";
  }
  return 'a token';
}
