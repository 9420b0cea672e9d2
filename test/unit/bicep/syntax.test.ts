// Valid Bicep: every fixture parses without errors, and each construct parses into the expected tree shape.
import * as assert from 'node:assert/strict';
import type { Expression, Statement } from '../../../server/src/engine/parse/bicep/ast';
import { parseBicep } from '../../../server/src/engine/parse/bicep';
import { fixturesIn, position, readFixture, render, spanViolations } from './support';

/** The expression a one-declaration source `var v = …` (or the value of its only statement) parses into. */
function expressionOf(source: string): string {
  const text = `var v = ${source}`;
  const parsed = parseBicep(text);
  assert.deepEqual(parsed.errors.map((e) => `${position(text, e.span.start)} ${e.message}`), [], `errors in ${JSON.stringify(source)}`);
  const statement = parsed.tree.statements[0]!;
  assert.equal(statement.kind, 'var');
  return render(text, (statement as Statement & { value: Expression }).value);
}

/** The type a `type t = …` source parses into. */
function typeOf(source: string): string {
  const text = `type t = ${source}`;
  const parsed = parseBicep(text);
  assert.deepEqual(parsed.errors.map((e) => `${position(text, e.span.start)} ${e.message}`), [], `errors in ${JSON.stringify(source)}`);
  const statement = parsed.tree.statements[0]!;
  assert.ok(statement.kind === 'type');
  return render(text, statement.type);
}

/** [expression source, expected rendering] */
const EXPRESSIONS: [string, string][] = [
  // precedence: * / % over + - over comparisons over equality over && over || over ?? over ?:
  ['1 + 2 * 3', '(+ 1 (* 2 3))'],
  ['1 - 2 - 3', '(- (- 1 2) 3)'],
  ['a < b == c > d', '(== (< a b) (> c d))'],
  ['a && b || c && d', '(|| (&& a b) (&& c d))'],
  ['a ?? b || c', '(?? a (|| b c))'],
  ['a ?? b ?? c', '(?? (?? a b) c)'],
  ['a ? b : c ? d : e', '(? a b (? c d e))'],
  ['a ?? b ? c : d', '(? (?? a b) c d)'],
  ['!a && -b < 0', '(&& (! a) (< (- b) 0))'],
  ["'A' =~ 'a' && 'A' !~ 'b'", "(&& (=~ 'A' 'a') (!~ 'A' 'b'))"],
  ['(1 + 2) * 3', '(* (paren (+ 1 2)) 3)'],
  ['!!a', '(! (! a))'],
  ['-1', '(- 1)'],
  // access
  ['a.b.c', '(. (. a b) c)'],
  ['a.?b', '(.? a b)'],
  ['a[?0]', '([?] a 0)'],
  ["a['k'].b", "(. ([] a 'k') b)"],
  ['a!.b', '(. (! a) b)'],
  ['a::b::c.id', '(. (:: (:: a b) c) id)'],
  ['f()', '(call f)'],
  ["sys.concat('a', 'b')", "(call (. sys concat) 'a' 'b')"],
  ['az.resourceGroup().location', '(. (call (. az resourceGroup)) location)'],
  ['res.listKeys().keys[0].value', '(. ([] (. (call (. res listKeys)) keys) 0) value)'],
  ['f(\n  a,\n  b\n)', '(call f a b)'],
  // literals
  ['true', 'true'],
  ['null', 'null'],
  ["'it\\'s'", "'it\\'s'"],
  ["'a${b}c'", '(str "a" "c" | b)'],
  ["'${a}${b}'", '(str "" "" "" | a b)'],
  ["'x${'y${z}'}'", '(str "x" "" | (str "y" "" | z))'],
  ["$'''\nline ${a}\n'''", '(str "line " "\\n" | a)'],
  // objects and arrays in every layout
  ['{}', '{}'],
  ['{ a: 1, b: 2 }', '{a: 1, b: 2}'],
  ['{\n  a: 1\n  b: 2\n}', '{a: 1, b: 2}'],
  ['{\n  a: 1, b: 2\n  c: 3\n}', '{a: 1, b: 2, c: 3}'],
  ["{\n  'quoted-key': 1\n  if: 2\n  resource: 3\n}", "{'quoted-key': 1, if: 2, resource: 3}"],
  ['{ ...a, b: 1 }', '{...a, b: 1}'],
  ['{\n  ...a\n  b: 1\n}', '{...a, b: 1}'],
  ['[]', '[]'],
  ['[1, 2, 3]', '[1, 2, 3]'],
  ['[\n  1\n  2\n]', '[1, 2]'],
  ['[\n  1, 2\n  3\n]', '[1, 2, 3]'],
  ['[\n  1\n  -1\n]', '[1, (- 1)]'],
  ['[...a, 1]', '[...a, 1]'],
  ['[[1], [2]]', '[[1], [2]]'],
  // loops
  ['[for x in xs: x]', '(for x in xs: x)'],
  ['[for (x, i) in xs: i]', '(for x i in xs: i)'],
  ['[for x in xs: if (x.on) { n: x }]', '(for x in xs: (if (paren (. x on)) {n: x}))'],
  ['[\n  for x in xs: x\n]', '(for x in xs: x)'],
  // lambdas
  ['map(xs, x => x.n)', '(call map xs (=> (x) (. x n)))'],
  ['reduce(xs, 0, (acc, x) => acc + x)', '(call reduce xs 0 (=> (acc x) (+ acc x)))'],
  ['() => 1', '(=> () 1)'],
  ['filter(xs, x =>\n  x.on)', '(call filter xs (=> (x) (. x on)))'],
  // line breaks that continue an expression
  ['a\n  ? b\n  : c', '(? a b c)'],
  ['a &&\n  b', '(&& a b)'],
  ['a\n  ?? b', '(?? a b)'],
];

/** [type source, expected rendering] */
const TYPES: [string, string][] = [
  ['string', 'string'],
  ["'a' | 'b'", "(union 'a' 'b')"],
  ["| 'a' | 'b'", "(union 'a' 'b')"],
  ["\n  | 'a'\n  | 'b'", "(union 'a' 'b')"],
  ['string?', '(nullable string)'],
  ['string[]', '(array string)'],
  ['string[]?', '(nullable (array string))'],
  ["('a' | 'b')[]", "(array (paren (union 'a' 'b')))"],
  ['1 | -1 | true | null', '(union 1 (- 1) true null)'],
  ['{ a: string, b?: int, *: bool }', '{a: string, b?: int, *: bool}'],
  ["{\n  @description('x')\n  a: string\n  'b-c': int\n}", "{@description('x') a: string, 'b-c': int}"],
  ["{\n  mode:\n    | 'x'\n    | 'y'\n}", "{mode: (union 'x' 'y')}"],
  ['[string, int]', '[string, int]'],
  ["resourceInput<'A.B/c@2024-01-01'>.properties", "(. (resourceInput<> 'A.B/c@2024-01-01') properties)"],
  ['t.items[*]', '([] (. t items) *)'],
  ["t['items'][0]", "([] ([] t 'items') 0)"],
  ['t.*', '(. t *)'],
  ['sys.string', '(. sys string)'],
];

describe('Bicep syntax: valid files', () => {
  for (const fixture of [...fixturesIn('valid'), ...fixturesIn('model')]) {
    it(`parses ${fixture} without errors and with consistent spans`, () => {
      const text = readFixture(fixture);
      const parsed = parseBicep(text);
      assert.deepEqual(parsed.errors.map((e) => `${position(text, e.span.start)} ${e.message}`), []);
      assert.deepEqual(spanViolations(text, parsed), []);
      assert.ok(parsed.tree.statements.length > 0);
      assert.ok(parsed.tree.statements.every((s) => s.kind !== 'skippedStatement'));
    });

    it(`parses ${fixture} the same with CRLF line ends, a BOM and tab indentation`, () => {
      const text = readFixture(fixture);
      const variant = '\uFEFF' + text.replace(/\n/g, '\r\n').replace(/^( {2})+/gm, (m) => '\t'.repeat(m.length / 2));
      const parsed = parseBicep(variant);
      assert.deepEqual(parsed.errors.map((e) => `${position(variant, e.span.start)} ${e.message}`), []);
      assert.deepEqual(spanViolations(variant, parsed), []);
      assert.deepEqual(
        parsed.tree.statements.map((s) => s.kind),
        parseBicep(text).tree.statements.map((s) => s.kind),
      );
    });
  }

  for (const [source, expected] of EXPRESSIONS) {
    it(`parses the expression ${JSON.stringify(source)}`, () => assert.equal(expressionOf(source), expected));
  }

  for (const [source, expected] of TYPES) {
    it(`parses the type ${JSON.stringify(source)}`, () => assert.equal(typeOf(source), expected));
  }

  it('parses each declaration kind with its parts', () => {
    const text = readFixture('valid/declarations.bicep');
    const { tree } = parseBicep(text);
    const src = (n: { start: number; end: number } | undefined): string => (n === undefined ? '_' : text.slice(n.start, n.end));
    const summary = tree.statements.map((s) => {
      switch (s.kind) {
        case 'param':
          return `param ${src(s.name)} ${render(text, s.type)}${s.value ? ` = ${render(text, s.value)}` : ''}${s.decorators.length ? ` @${s.decorators.length}` : ''}`;
        case 'var':
          return `var ${src(s.name)}${s.type ? ` ${render(text, s.type)}` : ''}`;
        case 'output':
          return `output ${src(s.name)} ${render(text, s.type)}`;
        case 'func':
          return `func ${src(s.name)}(${s.params.map((p) => `${src(p.name)} ${render(text, p.type)}`).join(', ')}) ${render(text, s.returnType)} => ${render(text, s.body)}`;
        case 'import':
          return `import ${s.items ? `{${s.items.map((i) => src(i.name) + (i.alias ? ` as ${src(i.alias)}` : '')).join(', ')}}` : `* as ${src(s.wildcardAlias)}`} from ${src(s.from)}`;
        case 'extension':
          return `extension ${src(s.specification)}${s.config ? ' with {…}' : ''}${s.alias ? ` as ${src(s.alias)}` : ''}`;
        case 'metadata':
        case 'type':
        case 'assert':
          return `${s.kind} ${src(s.name)}`;
        default:
          return s.kind;
      }
    });
    assert.deepEqual(summary, [
      'targetScope',
      'metadata name',
      'metadata description',
      'param location string = (. (call resourceGroup) location) @1',
      'param replicaCount int = 3 @3',
      'param adminKey string @1',
      "param skuName string = 'S0' @1",
      'param tags object = {} @1',
      'param optionalName (nullable string)',
      'param zones (array int) = [1, 2, 3]',
      "param networkRules (nullable (. (. (resourceInput<> 'Microsoft.CognitiveServices/accounts@2024-10-01') properties) networkAcls))",
      "param createMode (union 'Default' 'Recovery')",
      "param settings {name: string, size?: int} = {name: 'default'}",
      'var prefix',
      'var accountName string',
      'var enabled bool',
      'output endpoint string',
      'output count int',
      'output names array',
      'type environment',
      'func shortName(name string, length int) string => (call take name length)',
      "func withDefault(value (nullable string)) string => (?? value 'none')",
      'func noArgs() int => 42',
      "import {lockType, roleAssignmentType as roles} from 'br/public:avm/utl/types/avm-common-types:0.5.1'",
      "import * as common from './common.bicep'",
      "import {first, second as other} from 'ts:00000000-0000-0000-0000-000000000000/rg/specs:1.0'",
      'extension microsoftGraphV1',
      'extension kubernetes with {…} as k8s',
      'assert replicasArePositive',
      'var unusedButAllowed',
    ]);
  });

  it('parses resource headers, bodies, nested resources and module paths', () => {
    const text = readFixture('valid/resources.bicep');
    const { tree } = parseBicep(text);
    const src = (n: { start: number; end: number }): string => text.slice(n.start, n.end);
    const heads = tree.statements.flatMap((s) => {
      if (s.kind === 'resource') {
        const nested = s.value.kind === 'object' ? s.value.items.filter((i) => i.kind === 'resource').map((i) => ` [${src(i.name)} ${i.value.kind} @${i.decorators.length}]`) : [];
        return [`resource ${src(s.name)} ${src(s.typeString)}${s.existing ? ' existing' : ''} ${s.value.kind}${nested.join('')}`];
      }
      if (s.kind === 'module') return [`module ${src(s.name)} ${src(s.path)} ${s.value.kind}`];
      return [];
    });
    assert.deepEqual(heads, [
      "resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing object",
      "resource aoai 'Microsoft.CognitiveServices/accounts@2024-10-01' object [chat for @1] [policy if @0]",
      "resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' object",
      "resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' for",
      "resource filtered 'Microsoft.Network/privateEndpoints@2024-01-01' for",
      "resource conditional 'Microsoft.Insights/components@2020-02-02' if",
      "module network './modules/network.bicep' object",
      "module registry 'br/public:avm/res/network/private-endpoint:0.11.1' if",
      "module alias 'br:contoso.azurecr.io/bicep/modules/core:v1' for",
      "module spec 'ts:00000000-0000-0000-0000-000000000000/rg/spec:1.0' object",
    ]);
  });

  it('treats `using` and `param x = value` in a .bicepparam file as declarations', () => {
    const text = readFixture('valid/main.bicepparam');
    const { tree } = parseBicep(text);
    assert.deepEqual(
      tree.statements.map((s) => (s.kind === 'param' ? `param ${text.slice(s.name.start, s.name.end)} type=${s.type === undefined ? 'none' : 'some'}` : s.kind)),
      ['using', 'param location type=none', 'param deployments type=none', 'param enablePrivate type=none', 'param subnets type=none'],
    );
    const none = parseBicep(readFixture('valid/none.bicepparam')).tree.statements[0]!;
    assert.ok(none.kind === 'using' && none.path.kind === 'identifier');
  });

  it('gives strings their raw segments: escapes kept, and no leading line break in multi-line strings', () => {
    const text = readFixture('valid/expressions.bicep');
    const { tree } = parseBicep(text);
    const valueOf = (name: string): Expression => {
      const s = tree.statements.find((st) => st.kind === 'var' && text.slice(st.name.start, st.name.end) === name)!;
      return (s as Statement & { value: Expression }).value;
    };
    const verbatim = valueOf('verbatim');
    assert.ok(verbatim.kind === 'string' && verbatim.multiline);
    assert.ok(text.slice(verbatim.segments[0]!.start, verbatim.segments[0]!.end).startsWith('Nothing ${here}'));
    const quotes = valueOf('quotesAtEnd');
    assert.ok(quotes.kind === 'string');
    assert.equal(text.slice(quotes.segments[0]!.start, quotes.segments[0]!.end), "ends with a quote'");
    assert.equal(render(text, valueOf('doubleDollar')), '(str "${literal} but " " is interpolated\\n" | name)');
  });
});
