// The HCL scanner, token by token: each case is an input and the tokens it must yield.
import * as assert from 'node:assert/strict';
import { Lexer } from '../../../server/src/engine/parse/hcl/lexer';
import { T, tokenName } from '../../../server/src/engine/parse/hcl/tokens';
import type { ParseError } from '../../../server/src/engine/types';

/** Scans `text` to the end; each token reads `kind text`, with a leading `⏎` when a line break precedes it. */
function tokens(text: string): { tokens: string[]; errors: ParseError[] } {
  const errors: ParseError[] = [];
  const lexer = new Lexer(text, errors);
  const result: string[] = [];
  for (let guard = 0; guard < 1000; guard++) {
    lexer.next();
    if (lexer.kind === T.EOF) break;
    const name = lexer.kind === T.Ident ? 'id' : lexer.kind === T.Number ? 'num' : tokenName(lexer.kind).replace(/"/g, '');
    result.push(`${lexer.nl ? '⏎' : ''}${name} ${text.slice(lexer.start, lexer.end)}`);
    // Templates are the parser's business; skip their text so the next scan starts after them.
    if (lexer.kind === T.Quote) lexer.pos = lexer.skipQuotedOnLine(lexer.pos);
    if (lexer.kind === T.Heredoc) lexer.pos = lexer.hdEnd;
  }
  return { tokens: result, errors };
}

const CASES: [string, string[]][] = [
  ['a = 1', ['id a', '= =', 'num 1']],
  ['x-y_z9 -1', ['id x-y_z9', '- -', 'num 1']],
  ['1 12.5 1e3 2.5E-4 6e+2 1.', ['num 1', 'num 12.5', 'num 1e3', 'num 2.5E-4', 'num 6e+2', 'num 1', '. .']],
  ['1e a.0.1', ['num 1', 'id e', 'id a', '. .', 'num 0.1']],
  ['== != <= >= < > && || ! => ? : :: ...', ['== ==', '!= !=', '<= <=', '>= >=', '< <', '> >', '&& &&', '|| ||', '! !', '=> =>', '? ?', ': :', ':: ::', '... ...']],
  ['{ } [ ] ( ) , . * / % + -', ['{ {', '} }', '[ [', '] ]', '( (', ') )', ', ,', '. .', '* *', '/ /', '% %', '+ +', '- -']],
  ['~} ${ %{', ['~} ~}', 'a template sequence ${', 'a template sequence %{']],
  ['a # comment\nb // comment\nc /* block\n */ d', ['id a', '⏎id b', '⏎id c', 'id d']],
  ['a /* inline */ b', ['id a', 'id b']],
  ['"str" x', ['string "', 'id x']],
  ['x = <<EOT\nbody\nEOT\ny', ['id x', '= =', 'heredoc <<EOT', '⏎id y']],
  ['x = <<-EOT\n  body\n  EOT\ny', ['id x', '= =', 'heredoc <<-EOT', '⏎id y']],
  ['\uFEFFa', ['id a']],
  ['a\r\n\tb', ['id a', '⏎id b']],
  ['résumé naïve_1 日本', ['id résumé', 'id naïve_1', 'id 日本']],
  ['𝒳 = 1', ['id 𝒳', '= =', 'num 1']],
  ['@ ^ 😀', ['invalid character @', 'invalid character ^', 'invalid character 😀']],
  ['& |', ['invalid character &', 'invalid character |']],
];

describe('HCL lexer', () => {
  for (const [input, expected] of CASES) {
    it(`scans ${JSON.stringify(input)}`, () => {
      assert.deepEqual(tokens(input).tokens, expected);
    });
  }

  it('reports an unterminated block comment once and stops at the end of the text', () => {
    const result = tokens('a /* never closed');
    assert.deepEqual(result.tokens, ['id a']);
    assert.equal(result.errors.length, 1);
    assert.match(result.errors[0]!.message, /never closed/);
  });

  it('locates a heredoc body and its indented closing marker', () => {
    const text = 'x = <<-EOT\n  one\n  two\n  EOT\n';
    const lexer = new Lexer(text, []);
    do lexer.next();
    while (lexer.kind !== T.Heredoc);
    assert.equal(text.slice(lexer.hdBodyStart, lexer.hdBodyEnd), '  one\n  two\n');
    assert.equal(text.slice(lexer.hdMarkerStart, lexer.hdEnd), 'EOT\n  one\n  two\n  EOT');
    assert.equal(lexer.hdTerminated, true);
    assert.equal(lexer.hdFlush, true);
  });

  it('ends an unterminated heredoc before the next top-level block header', () => {
    const text = 'x = <<EOT\nno marker\n\nresource "a" "b" {\n}\n';
    const lexer = new Lexer(text, []);
    do lexer.next();
    while (lexer.kind !== T.Heredoc);
    assert.equal(lexer.hdTerminated, false);
    assert.equal(text.slice(lexer.hdBodyStart, lexer.hdBodyEnd), 'no marker\n');
  });
});
