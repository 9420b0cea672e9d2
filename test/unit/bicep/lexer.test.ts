// The Bicep lexer: token kinds and texts for each construct, line flags, trivia, and character-level errors.
import * as assert from 'node:assert/strict';
import { lex } from '../../../server/src/engine/parse/bicep/lexer';
import { F, TOKEN_NAMES } from '../../../server/src/engine/parse/bicep/tokens';

/** The tokens of `text` (EOF left out) as `Kind:text`, with `^` before tokens that start a line (the first excepted). */
function tokens(text: string): string[] {
  const { tokens: list } = lex(text);
  const out: string[] = [];
  for (let i = 0; i < list.count - 1; i++) {
    const lineStart = i > 0 && (list.flags[i]! & F.LineStart) !== 0 ? '^' : '';
    out.push(`${lineStart}${TOKEN_NAMES[list.kind[i]!]}:${text.slice(list.start[i]!, list.end[i]!)}`);
  }
  return out;
}

function errors(text: string): string[] {
  return lex(text).errors.map((e) => `${e.span.start}-${e.span.end} ${e.message}`);
}

/** [source, expected tokens] */
const CASES: [string, string[]][] = [
  ['param x int = 1', ['Identifier:param', 'Identifier:x', 'Identifier:int', 'Assign:=', 'Integer:1']],
  ['{}()[],.:;?@|', ['LBrace:{', 'RBrace:}', 'LParen:(', 'RParen:)', 'LBracket:[', 'RBracket:]', 'Comma:,', 'Dot:.', 'Colon::', 'Semicolon:;', 'Question:?', 'At:@', 'Pipe:|']],
  ['... :: ?? => == != =~ !~ <= >= && ||', ['Ellipsis:...', 'DoubleColon:::', 'DoubleQuestion:??', 'Arrow:=>', 'Equals:==', 'NotEquals:!=', 'EqualsInsensitive:=~', 'NotEqualsInsensitive:!~', 'LessOrEqual:<=', 'GreaterOrEqual:>=', 'AndAnd:&&', 'OrOr:||']],
  ['< > + - * / % ! =', ['Less:<', 'Greater:>', 'Plus:+', 'Minus:-', 'Star:*', 'Slash:/', 'Percent:%', 'Bang:!', 'Assign:=']],
  ['a.?b a[?0] a!.b', ['Identifier:a', 'Dot:.', 'Question:?', 'Identifier:b', 'Identifier:a', 'LBracket:[', 'Question:?', 'Integer:0', 'RBracket:]', 'Identifier:a', 'Bang:!', 'Dot:.', 'Identifier:b']],
  ["'plain' 'it\\'s' ''", ["StringComplete:'plain'", "StringComplete:'it\\'s'", "StringComplete:''"]],
  ["'a${b}c'", ["StringLeft:'a${", 'Identifier:b', "StringRight:}c'"]],
  ["'a${b}c${d}e'", ["StringLeft:'a${", 'Identifier:b', 'StringMiddle:}c${', 'Identifier:d', "StringRight:}e'"]],
  ["'${'${x}'}'", ["StringLeft:'${", "StringLeft:'${", 'Identifier:x', "StringRight:}'", "StringRight:}'"]],
  ["'${ {a: 1}.a }'", ["StringLeft:'${", 'LBrace:{', 'Identifier:a', 'Colon::', 'Integer:1', 'RBrace:}', 'Dot:.', 'Identifier:a', "StringRight:}'"]],
  ["'\\${not} $ alone'", ["StringComplete:'\\${not} $ alone'"]],
  ["'''a\n${b}\n'''", ["MultilineString:'''a\n${b}\n'''"]],
  ["'''it's''''", ["MultilineString:'''it's''''"]],
  ["$'''a${b}c'''", ["StringLeft:$'''a${", 'Identifier:b', "StringRight:}c'''"]],
  ["$$'''${a}$${b}'''", ["StringLeft:$$'''${a}$${", 'Identifier:b', "StringRight:}'''"]],
  ["$'''\nno holes\n'''", ["StringComplete:$'''\nno holes\n'''"]],
  ['a // comment\nb /* block */ c', ['Identifier:a', '^Identifier:b', 'Identifier:c']],
  ['#disable-next-line no-unused-vars\nvar x = 1', ['Identifier:var', 'Identifier:x', 'Assign:=', 'Integer:1']],
  ['  #disable-next-line rule // trailing\nx', ['Identifier:x']],
  ['x\n#disable-next-line rule\ny', ['Identifier:x', '^Identifier:y']],
  ['a\r\nb\rc\nd', ['Identifier:a', '^Identifier:b', '^Identifier:c', '^Identifier:d']],
  ['\uFEFFparam p string', ['Identifier:param', 'Identifier:p', 'Identifier:string']],
  ['a\tb\u00A0c', ['Identifier:a', 'Identifier:b', 'Identifier:c']],
  ["'unterminated\nnext", ["StringComplete:'unterminated", '^Identifier:next']],
  ["'a${b\nc", ["StringLeft:'a${", 'Identifier:b', '^Identifier:c']],
  ["x = '''never closed\ny", ['Identifier:x', 'Assign:=', "MultilineString:'''never closed", '^Identifier:y']],
  ["'😀 𝒳'", ["StringComplete:'😀 𝒳'"]],
  ['a 😀 b', ['Identifier:a', 'Unknown:😀', 'Identifier:b']],
  ['a ### b', ['Identifier:a', 'Unknown:###', 'Identifier:b']],
  ['café', ['Identifier:café']],
];

describe('Bicep lexer', () => {
  it('names every token kind', () => {
    assert.equal(TOKEN_NAMES.length, 43);
    assert.equal(new Set(TOKEN_NAMES).size, TOKEN_NAMES.length);
  });

  for (const [source, expected] of CASES) {
    it(`cuts ${JSON.stringify(source)}`, () => assert.deepEqual(tokens(source), expected));
  }

  it('marks the first token of a line, and column 0', () => {
    const { tokens: list } = lex('a\n  b\nc');
    assert.equal(list.flags[0]! & F.Column0, F.Column0);
    assert.equal(list.flags[1]! & (F.LineStart | F.Column0), F.LineStart);
    assert.equal(list.flags[2]! & (F.LineStart | F.Column0), F.LineStart | F.Column0);
  });

  it('flags unterminated strings and reports them once, spanning up to the line end', () => {
    const text = "x = 'abc\ny";
    const { tokens: list } = lex(text);
    assert.equal(list.flags[2]! & F.Unterminated, F.Unterminated);
    assert.deepEqual(errors(text), ['4-8 This string is never closed with a quote on its line.']);
  });

  it('reports bad escapes, keeping the string whole', () => {
    assert.deepEqual(tokens("'a\\qb'"), ["StringComplete:'a\\qb'"]);
    assert.equal(errors("'a\\qb'").length, 1);
    assert.equal(errors("'\\u{110000}'").length, 1);
    assert.deepEqual(errors("'\\u{1F600} \\u{41}'"), []);
  });

  it('reports an unclosed block comment at its opener', () => {
    assert.deepEqual(errors('a /* never'), ["2-4 This comment is never closed with '*/'."]);
  });

  it('reports characters Bicep has no use for, one run at a time, never splitting a surrogate pair', () => {
    assert.deepEqual(errors('a 😀😀 b'), ["2-6 Unexpected characters '😀😀'."]);
    assert.deepEqual(errors('a \uD800 b'), ["2-3 Unexpected character '\uD800'."]);
  });

  it('reports non-ASCII names but keeps them one identifier', () => {
    assert.deepEqual(errors('var café = 1'), ['4-8 Bicep names may only use ASCII letters, digits and underscores.']);
  });

  it('lexes a large text with few allocations: token arrays grow as needed', () => {
    const text = 'var x = [1, 2, 3]\n'.repeat(20000);
    assert.equal(lex(text).tokens.count, 20000 * 10 + 1);
  });
});
