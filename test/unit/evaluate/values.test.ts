// Tests the expression evaluators of both languages, table-driven: each expression reduces to a literal or stays unknown.
import * as assert from 'node:assert/strict';
import { evaluateBicepInstance, type ParsedBicep } from '../../../server/src/engine/evaluate/bicepInstance';
import { evaluateHclInstance, type ParsedHcl } from '../../../server/src/engine/evaluate/hclInstance';
import { SpanIndex } from '../../../server/src/engine/evaluate/spanIndex';
import type { InstanceHost } from '../../../server/src/engine/evaluate/types';
import { toJson, type EV } from '../../../server/src/engine/evaluate/value';
import { parseSource } from '../../../server/src/engine/parse';

const UNKNOWN = Symbol('unknown');

function host(text: string): InstanceHost {
  return { resolveModule: () => ({ kind: 'external' }), instanceId: () => 'child', sourceText: (_file, span) => text.slice(span.start, span.end) };
}

/** The value of `output o` in a Bicep file made of `prelude` and that output. */
function bicep(expression: string, prelude = ''): EV {
  const text = `${prelude}\noutput o object = ${expression}\n`;
  const parsed = parseSource('t.bicep', text, 'bicep');
  assert.deepEqual(parsed.model.parseErrors, [], `${expression} parses`);
  const unit = { file: 't.bicep', text, tree: parsed.tree, model: parsed.model, index: new SpanIndex(parsed.tree) } as ParsedBicep;
  return evaluateBicepInstance(unit, 'i', undefined, host(text)).outputs.get('o')!;
}

/** The value of `output "o"` in a Terraform module made of `prelude` and that output. */
function hcl(expression: string, prelude = ''): EV {
  const text = `${prelude}\noutput "o" {\n  value = ${expression}\n}\n`;
  const parsed = parseSource('main.tf', text, 'tf');
  assert.deepEqual(parsed.model.parseErrors, [], `${expression} parses`);
  const unit = { file: 'main.tf', text, tree: parsed.tree, model: parsed.model, index: new SpanIndex(parsed.tree) } as ParsedHcl;
  return evaluateHclInstance('.', [unit], 'i', undefined, host(text)).outputs.get('o')!;
}

function plain(value: EV): unknown {
  const json = toJson(value);
  return json === undefined ? UNKNOWN : json;
}

const BICEP: Array<[string, unknown, string?]> = [
  ["toLower('ABC')", 'abc'],
  ["toUpper('abc')", 'ABC'],
  ["'a-${1}-${true}'", 'a-1-True'],
  ["format('{0}-{1:D2}-{{x}}', 'x', 2)", 'x-2-{x}'],
  ["concat('a', 'b', 'c')", 'abc'],
  ['concat([1], [2, 3])', [1, 2, 3]],
  ["empty('')", true],
  ['empty([1])', false],
  ["contains('abc', 'b')", true],
  ['contains([1, 2], 2)', true],
  ["contains({ Key: 1 }, 'key')", true],
  ['union({ a: { b: 1 } }, { a: { c: 2 } })', { a: { b: 1, c: 2 } }],
  ['union([1, 2], [2, 3])', [1, 2, 3]],
  ["coalesce(null, 'x', 'y')", 'x'],
  ["null ?? 'y'", 'y'],
  ['length([1, 2, 3])', 3],
  ['string(12)', '12'],
  ["bool('TRUE')", true],
  ["int('42')", 42],
  ["replace('a-b-c', '-', '_')", 'a_b_c'],
  ["startsWith('Hello', 'he')", true],
  ["endsWith('Hello', 'LO')", true],
  ["split('a,b', ',')", ['a', 'b']],
  ["join(['a', 'b'], '-')", 'a-b'],
  ['first([])', null],
  ["last('abc')", 'c'],
  ['1 + 2 * 3', 7],
  ['7 / 2', 3],
  ["'a' =~ 'A'", true],
  ["true ? 'x' : 'y'", 'x'],
  ['[for i in range(0, 3): i * 2]', [0, 2, 4]],
  ['[for i in range(0, 4): if (i % 2 == 0) i]', [0, 2]],
  ['filter([1, 2, 3], x => x > 1)', [2, 3]],
  ["map(['a'], x => toUpper(x))", ['A']],
  ["toObject(['a', 'b'], x => x, x => toUpper(x))", { a: 'A', b: 'B' }],
  ['{ a: 1 }.a', 1],
  ['{ a: 1 }.?b', null],
  ["{ A: 1 }['a']", 1],
  ["tryGet({ a: { b: 2 } }, 'a', 'b')", 2],
  ['items({ b: 2, a: 1 })', [{ key: 'a', value: 1 }, { key: 'b', value: 2 }]],
  ['double(4)', 8, 'func double(x int) int => x * 2'],
  ['cfg.network.public', false, "var cfg = { network: { public: false } }"],
  ['p', 'dflt', "param p string = 'dflt'"],
  ['p', UNKNOWN, 'param p string'],
  ['resourceGroup().location', UNKNOWN],
  ["uniqueString('a')", UNKNOWN],
  ['newGuid()', UNKNOWN],
  ['subscription().id', UNKNOWN],
  ['environment().name', UNKNOWN],
  ["utcNow('u')", UNKNOWN],
  ["p ? 'same' : 'same'", 'same', 'param p bool'],
  ['p && false', false, 'param p bool'],
  ['p || true', true, 'param p bool'],
  ['a', UNKNOWN, 'var a = b\nvar b = a'],
];

const HCL: Array<[string, unknown, string?]> = [
  ['lower("ABC")', 'abc'],
  ['"${"a"}-b"', 'a-b'],
  ['var.x ? "a" : "b"', 'a', 'variable "x" {\n  default = true\n}'],
  ['var.x', UNKNOWN, 'variable "x" {}'],
  ['local.n', 'chat-aoai', 'locals {\n  n = "${local.p}-aoai"\n  p = "chat"\n}'],
  ['coalesce("", "x")', 'x'],
  ['try(local.m.missing, "fallback")', 'fallback', 'locals {\n  m = {}\n}'],
  ['can(local.m.missing)', false, 'locals {\n  m = {}\n}'],
  ['lookup({ a = 1 }, "a")', 1],
  ['lookup({ a = 1 }, "b", 2)', 2],
  ['merge({ a = 1 }, { b = 2 }, { a = 3 })', { a: 3, b: 2 }],
  ['tobool("true")', true],
  ['tonumber("2")', 2],
  ['[for s in ["a", "b"] : upper(s)]', ['A', 'B']],
  ['{ for k, v in { a = 1 } : k => v * 2 }', { a: 2 }],
  ['length("abc")', 3],
  ['format("%s-%d", "a", 2)', 'a-2'],
  ['join("-", ["a", "b"])', 'a-b'],
  ['"%{ if true }yes%{ else }no%{ endif }"', 'yes'],
  ['"%{ for s in ["a", "b"] }${s};%{ endfor }"', 'a;b;'],
  ['1 + 2', 3],
  ['5 / 2', 2.5],
  ['element(["a", "b"], 3)', 'b'],
  ['one([])', null],
  ['keys({ b = 1, a = 2 })', ['a', 'b']],
  ['["a", "b"][1]', 'b'],
  ['[{ n = 1 }, { n = 2 }][*].n', [1, 2]],
  ['timestamp()', UNKNOWN],
  ['uuid()', UNKNOWN],
  ['path.module', UNKNOWN],
  ['azurerm_cognitive_account.a.id', UNKNOWN, 'resource "azurerm_cognitive_account" "a" {}'],
  ['azurerm_cognitive_account.a.name', 'aoai', 'resource "azurerm_cognitive_account" "a" {\n  name = "aoai"\n}'],
  ['local.a', UNKNOWN, 'locals {\n  a = local.b\n  b = local.a\n}'],
];

describe('evaluate: Bicep expressions', () => {
  for (const [expression, expected, prelude] of BICEP) {
    it(`${expression}${prelude ? ` (with ${prelude.split('\n')[0]})` : ''} → ${expected === UNKNOWN ? 'unknown' : JSON.stringify(expected)}`, () => {
      assert.deepEqual(plain(bicep(expression, prelude)), expected);
    });
  }
});

describe('evaluate: Terraform expressions', () => {
  for (const [expression, expected, prelude] of HCL) {
    it(`${expression}${prelude ? ` (with ${prelude.split('\n')[0]})` : ''} → ${expected === UNKNOWN ? 'unknown' : JSON.stringify(expected)}`, () => {
      assert.deepEqual(plain(hcl(expression, prelude)), expected);
    });
  }
});

describe('evaluate: where values are set', () => {
  it('a value passed through parameters and variables keeps the site of its literal, named by its first binding', () => {
    const text = "param p string = 'x'\nvar v = p\n";
    const value = bicep('v', text);
    assert.equal(value.kind, 'string');
    const literal = text.indexOf("'x'");
    assert.deepEqual(value.site.span, { start: literal, end: literal + 3 });
    assert.equal(value.site.description, 'the default of parameter `p`');
  });

  it('a computed value is set where it is computed', () => {
    const value = bicep("toLower('X')");
    assert.equal(value.site.description, undefined);
  });

  it('an unknown value keeps what it refers to, through functions that read keys', () => {
    const value = bicep('aoai.listKeys().key1', "resource aoai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {\n  name: 'a'\n}");
    assert.equal(value.kind, 'unknown');
    assert.deepEqual(value.kind === 'unknown' ? value.refs : [], [{ kind: 'resource', instance: 'i', resource: 'aoai', path: ['listKeys()', 'key1'] }]);
  });
});
