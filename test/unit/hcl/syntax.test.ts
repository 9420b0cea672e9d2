// Valid HCL parses without errors into the right tree: every fixture in test/fixtures/hcl/valid/ against its baseline.
import * as assert from 'node:assert/strict';
import { parseHcl } from '../../../server/src/engine/parse/hcl';
import type { Attribute, Block } from '../../../server/src/engine/parse/hcl/ast';
import { baseline, fixturesIn, position, readFixture, renderExpr, renderTree, spanViolations } from './support';

/** Parses a valid fixture: no errors, sound spans, and the tree outline equal to the `.ast` baseline beside it. */
function check(fixture: string): void {
  const text = readFixture(fixture);
  const result = parseHcl(text);
  assert.deepEqual(
    result.errors.map((e) => `${position(text, e.span.start)} ${e.message}`),
    [],
  );
  assert.deepEqual(spanViolations(text, result), []);
  const { expected, actual } = baseline(`${fixture}.ast`, renderTree(result.tree, text));
  assert.equal(actual, expected);
}

/** Parses `x = <expression>` and renders the expression, for the one-line cases below. */
function expression(source: string): string {
  const result = parseHcl(`x = ${source}\n`);
  assert.deepEqual(result.errors, [], `errors in ${source}`);
  return renderExpr((result.tree.body.items[0] as Attribute).expr);
}

/** One-line expressions and the S-expression each must parse to. */
const EXPRESSIONS: [string, string][] = [
  ['1 + 2 * 3', '(+ 1 (* 2 3))'],
  ['a || b && c', '(|| a (&& b c))'],
  ['a == b < c', '(== a (< b c))'],
  ['a - b - c', '(- (- a b) c)'],
  ['-a.b', '(- (. a b))'],
  ['!!a', '(! (! a))'],
  ['a ? b : c ? d : e', '(? a b (? c d e))'],
  ['(a ? b : c).d', '(. (paren (? a b c)) d)'],
  ['a[0]["k"][b.c]', '(index (index (index a 0) (tpl "k")) (. b c))'],
  ['a.0.b', '(. (legacy-index a 0) b)'],
  ['a[*].b[0]', '(index (. ([*] a) b) 0)'],
  ['a.*.b', '(. (.* a) b)'],
  ['f()', '(call f)'],
  ['f(a, b,)', '(call f a b)'],
  ['f(xs...)', '(call f xs ...)'],
  ['provider::azurerm::parse_resource_id(x)', '(call provider::azurerm::parse_resource_id x)'],
  ['[for x in xs : x]', '(for x in xs : x)'],
  ['[for i, x in xs : x if i > 0]', '(for i x in xs : x if (> i 0))'],
  ['{for k, v in m : k => v...}', '(for-object k v in m : k => v...)'],
  ['{ (k) = 1, "s" : 2, id = 3 }', '{(paren k) = 1, (tpl "s") : 2, id = 3}'],
  ['[for]', '[for]'],
  ['{ for = 1 }', '{for = 1}'],
  ['true && false || null', '(|| (&& true false) null)'],
  ['"a${b}c"', '(tpl "a" (${ b) "c")'],
  ['"${a}${b}"', '(tpl (${ a) (${ b))'],
  ['"%{if a}x%{endif}"', '(tpl (%if a (then "x")))'],
];

/** Where line breaks are significant (bodies, objects) and where they are whitespace (inside ( [ ${ and for). */
const NEWLINES: [string, boolean][] = [
  ['x = [\n  1,\n  2\n]', true],
  ['x = f(\n  1,\n  2\n)', true],
  ['x = (\n  1\n  + 2\n)', true],
  ['x = {\n  a = 1\n  b = 2\n}', true],
  ['x = [for v in xs :\n  v\n  if v != null\n]', true],
  ['x = "${\n  var.a\n}"', true],
  ['x = a[\n  0\n]', true],
  ['x = 1\n+ 2', false],
  ['x = a ?\n  b : c', false],
  ['x = {\n  a = 1\n  + 2\n}', false],
  ['x =\n  1', false],
  ['b {\n  a = 1 c = 2\n}', false],
];

describe('HCL syntax: valid files', () => {
  for (const fixture of fixturesIn('valid')) {
    it(`parses ${fixture} without errors into its baseline tree`, () => check(fixture));
  }

  it('parses every valid fixture the same with CRLF line ends and a byte-order mark', () => {
    for (const fixture of fixturesIn('valid')) {
      const text = readFixture(fixture).replace(/^\uFEFF/, '');
      const converted = '\uFEFF' + text.replace(/\r?\n/g, '\r\n');
      const result = parseHcl(converted);
      assert.deepEqual(result.errors, [], fixture);
      assert.deepEqual(spanViolations(converted, result), [], fixture);
      assert.equal(result.tree.body.items.length, parseHcl(text).tree.body.items.length, fixture);
    }
  });

  for (const [source, expected] of EXPRESSIONS) {
    it(`parses ${source}`, () => assert.equal(expression(source), expected));
  }

  for (const [text, valid] of NEWLINES) {
    it(`${valid ? 'accepts' : 'rejects'} the line breaks of ${JSON.stringify(text)}`, () => {
      assert.equal(parseHcl(text).errors.length === 0, valid);
    });
  }

  it('reports invalid escapes but keeps the string', () => {
    const result = parseHcl('x = "a\\qb \\u12 c"\n');
    assert.deepEqual(
      result.errors.map((e) => e.message),
      ['Unknown escape sequence "\\q"; use "\\\\" for a literal backslash.', 'The escape sequence "\\u" needs exactly 4 hexadecimal digits naming a Unicode character.'],
    );
    assert.equal(renderExpr((result.tree.body.items[0] as Attribute).expr), '(tpl "a\\\\qb \\\\u12 c")');
  });

  it('gives blocks the spans of their header, braces and body', () => {
    const text = 'resource "t" "n" {\n  a = 1\n}\n';
    const block = parseHcl(text).tree.body.items[0] as Block;
    assert.equal(text.slice(block.start, block.end), text.trimEnd());
    assert.equal(text[block.open], '{');
    assert.equal(text[block.close], '}');
    assert.equal(text.slice(block.body!.start, block.body!.end), '\n  a = 1\n');
    assert.deepEqual(
      block.labels.map((l) => [l.value, text.slice(l.start, l.end)]),
      [
        ['t', '"t"'],
        ['n', '"n"'],
      ],
    );
  });

  it('accepts an empty file, a file of comments and a file of blank lines', () => {
    for (const text of ['', '# only a comment', '\n\n\n', '/* c */\n// d\n']) {
      const result = parseHcl(text);
      assert.deepEqual(result.errors, []);
      assert.deepEqual(result.tree.body.items, []);
    }
  });
});
