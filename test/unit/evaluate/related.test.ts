// Tests what the evaluator reads besides modules (Bicep imports, the load functions) and Terraform's conversion of variable values to their declared types.
import * as assert from 'node:assert/strict';
import { analyzeFile, analyzeWorkspace } from '../../../server/src/engine';
import { evaluateBicepInstance, type ParsedBicep } from '../../../server/src/engine/evaluate/bicepInstance';
import { evaluateHclInstance, type ParsedHcl } from '../../../server/src/engine/evaluate/hclInstance';
import { SpanIndex } from '../../../server/src/engine/evaluate/spanIndex';
import type { InstanceHost, RelatedFile } from '../../../server/src/engine/evaluate/types';
import { toJson, type EV } from '../../../server/src/engine/evaluate/value';
import { parseSource } from '../../../server/src/engine/parse';

const UNKNOWN = Symbol('unknown');

function plain(value: EV): unknown {
  const json = toJson(value);
  return json === undefined ? UNKNOWN : json;
}

function parsedBicep(file: string, text: string): ParsedBicep {
  const parsed = parseSource(file, text, 'bicep');
  assert.deepEqual(parsed.model.parseErrors, [], `${file} parses`);
  return { file, text, tree: parsed.tree, model: parsed.model, index: new SpanIndex(parsed.tree) } as ParsedBicep;
}

/** A host over in-memory files (paths relative to the folder of `main.bicep`), recording what it was asked to read. */
function host(files: Record<string, string>, asked: string[] = []): InstanceHost {
  return {
    resolveModule: () => ({ kind: 'external' }),
    instanceId: () => 'child',
    sourceText: (file, span) => (file === 'main.bicep' ? '' : (files[file] ?? '')).slice(span.start, span.end),
    readRelated: (_from, path): RelatedFile => {
      asked.push(path);
      const text = files[path];
      if (text === undefined) return { kind: 'problem', message: `\`${path}\` was not found` };
      return path.endsWith('.bicep') ? { kind: 'bicep', file: path, parsed: parsedBicep(path, text) } : { kind: 'text', file: path, text };
    },
  };
}

/** The value of `output o` of a Bicep file made of `prelude` and that output, with `files` beside it. */
function bicep(expression: string, files: Record<string, string>, prelude = '', instanceHost = host(files)): { value: EV; notices: string[] } {
  const text = `${prelude}\noutput o object = ${expression}\n`;
  const result = evaluateBicepInstance(parsedBicep('main.bicep', text), 'i', undefined, instanceHost);
  return { value: result.outputs.get('o')!, notices: result.notices.map((n) => n.message) };
}

const FILES: Record<string, string> = {
  'c.json': '{\n  // a comment\n  "a": { "b": "x" },\n  "list": [1, 2],\n  "Key": true\n}\n',
  'bad.json': '{ "a": }',
  't.txt': 'hello\n',
  'c.yaml': 'a: 1\n',
  'big.txt': 'x'.repeat(200_000),
  'lib.bicep': [
    '@export()',
    "var region = 'swedencentral'",
    '@export()',
    'var settings = { access: hidden }',
    "var hidden = 'Disabled'",
    '@export()',
    "func label(name string) string => '${name}-${region}'",
    "var notExported = 'x'",
  ].join('\n'),
  'a.bicep': "import { b } from 'b.bicep'\n@export()\nvar a = b\n",
  'b.bicep': "import { a } from 'a.bicep'\n@export()\nvar b = a\n",
};

const LOADS: Array<[string, unknown]> = [
  ["loadJsonContent('c.json')", { a: { b: 'x' }, list: [1, 2], Key: true }],
  ["loadJsonContent('c.json', '$.a.b')", 'x'],
  ["loadJsonContent('c.json', '$.list[1]')", 2],
  ["loadJsonContent('c.json', '$[\\'a\\'][\\'b\\']')", 'x'],
  ["loadJsonContent('c.json', 'a.b')", 'x'],
  // JSONPath is case-sensitive, wildcards and recursive descent are not followed, and a path that selects nothing fails.
  ["loadJsonContent('c.json', '$.key')", UNKNOWN],
  ["loadJsonContent('c.json', '$..b')", UNKNOWN],
  ["loadJsonContent('c.json', '$.list[*]')", UNKNOWN],
  ["loadJsonContent('bad.json')", UNKNOWN],
  ["loadTextContent('t.txt')", 'hello\n'],
  ["loadTextContent('t.txt', 'utf-8')", 'hello\n'],
  ["loadTextContent('t.txt', 'utf-16')", UNKNOWN],
  ["loadTextContent('big.txt')", UNKNOWN],
  ["loadYamlContent('c.yaml')", UNKNOWN],
  ["loadFileAsBase64('t.txt')", UNKNOWN],
  ["loadTextContent('missing.txt')", UNKNOWN],
];

const IMPORTS: Array<[string, string, unknown]> = [
  ["import { region } from 'lib.bicep'", 'region', 'swedencentral'],
  ["import { region as r } from 'lib.bicep'", 'r', 'swedencentral'],
  // An exported value may use the variables its file does not export.
  ["import { settings } from 'lib.bicep'", 'settings.access', 'Disabled'],
  ["import * as lib from 'lib.bicep'", 'lib.region', 'swedencentral'],
  ["import { label } from 'lib.bicep'", "label('aoai')", 'aoai-swedencentral'],
  ["import * as lib from 'lib.bicep'", "lib.label('aoai')", 'aoai-swedencentral'],
  ["import { notExported } from 'lib.bicep'", 'notExported', UNKNOWN],
  ["import { region } from 'br/public:avm/utl/types/avm-common-types:0.6.1'", 'region', UNKNOWN],
  ["import { region } from 'missing.bicep'", 'region', UNKNOWN],
];

describe('evaluate: load functions', () => {
  for (const [expression, expected] of LOADS) {
    it(`${expression} is ${expected === UNKNOWN ? 'unknown' : JSON.stringify(expected)}`, () => {
      assert.deepEqual(plain(bicep(expression, FILES).value), expected);
    });
  }

  it('never asks for a file that is not text', () => {
    const asked: string[] = [];
    const { value } = bicep("loadTextContent('cert.pfx')", { 'cert.pfx': 'secret' }, '', host({ 'cert.pfx': 'secret' }, asked));
    assert.equal(value.kind, 'unknown');
    assert.deepEqual(asked, []);
  });

  it('leaves a loaded value unknown when the host reads no files (a file reviewed on its own)', () => {
    const bare: InstanceHost = { resolveModule: () => ({ kind: 'external' }), instanceId: () => 'child', sourceText: () => '' };
    assert.equal(bicep("loadJsonContent('c.json')", FILES, '', bare).value.kind, 'unknown');
  });

  it('points each loaded value at its literal in the JSON file', () => {
    const { value } = bicep("loadJsonContent('c.json', '$.a.b')", FILES);
    assert.equal(value.site.file, 'c.json');
    assert.equal(FILES['c.json']!.slice(value.site.span.start, value.site.span.end), '"x"');
    assert.equal(value.site.description, '`$.a.b` in `c.json`');
  });

  it('says in a notice that a file it names is missing', () => {
    assert.deepEqual(bicep("loadTextContent('missing.txt')", FILES).notices, ['`missing.txt` was not found, so the value loaded from it is not determined.']);
  });
});

describe('evaluate: Bicep imports', () => {
  for (const [statement, expression, expected] of IMPORTS) {
    it(`${statement}: ${expression} is ${expected === UNKNOWN ? 'unknown' : JSON.stringify(expected)}`, () => {
      assert.deepEqual(plain(bicep(expression, FILES, statement).value), expected);
    });
  }

  it('cuts variables that refer to each other across imports, with a notice', () => {
    const { value, notices } = bicep('a', FILES, "import { a } from 'a.bicep'");
    assert.equal(value.kind, 'unknown');
    assert.equal(notices.length, 1);
    assert.match(notices[0]!, /refers to itself through imports/);
  });

  it('keeps where an imported value is set: the literal in the imported file', () => {
    const { value } = bicep('region', FILES, "import { region } from 'lib.bicep'");
    assert.equal(value.site.file, 'lib.bicep');
    assert.equal(value.site.description, 'variable `region` of `lib.bicep`');
  });
});

describe('evaluate: imports and loads through the workspace', () => {
  const account = (access: string): string =>
    `resource aoai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {\n  name: 'aoai'\n  location: 'swedencentral'\n  kind: 'OpenAI'\n  properties: {\n    publicNetworkAccess: ${access}\n    disableLocalAuth: true\n  }\n}\n`;

  it('refuses a file above the root with a notice, and the value stays undetermined', () => {
    const text = `import { access } from '../shared.bicep'\n${account('access')}`;
    const asked: string[] = [];
    const analysis = analyzeWorkspace([{ file: 'infra/main.bicep', text }], { root: 'infra', readFile: (p) => (asked.push(p), "@export()\nvar access = 'Enabled'\n") });
    const main = analysis.files.find((f) => f.file === 'infra/main.bicep')!;
    assert.deepEqual(asked, []);
    assert.ok(main.notices.some((n) => /`\.\.\/shared\.bicep` lies outside the workspace/.test(n.message)));
    assert.deepEqual(main.findings.filter((f) => f.ruleId === 'no-public-network-access').map((f) => f.severity), ['note']);
  });

  it('reads a JSON file beside the template through readFile', () => {
    const text = `var cfg = loadJsonContent('cfg.json')\n${account('cfg.access')}`;
    const analysis = analyzeWorkspace([{ file: 'main.bicep', text }], { readFile: (p) => (p === 'cfg.json' ? '{ "access": "Enabled" }' : undefined) });
    const finding = analysis.files[0]!.findings.find((f) => f.ruleId === 'no-public-network-access');
    assert.equal(finding?.severity, 'warning');
    // The fix edits the JSON file, in JSON syntax.
    assert.deepEqual(finding.fixes[0]?.edits.map((e) => [e.file, e.text]), [['cfg.json', '"Disabled"']]);
  });

  it('reads nothing for a file analysed on its own: the value is undetermined, without a notice', () => {
    const text = `var cfg = loadJsonContent('cfg.json')\n${account('cfg.access')}`;
    const analysis = analyzeFile('main.bicep', text)!;
    assert.deepEqual(analysis.findings.filter((f) => f.ruleId === 'no-public-network-access').map((f) => f.severity), ['note']);
    assert.deepEqual(analysis.notices.filter((n) => /cfg\.json/.test(n.message)), []);
  });
});

/** The value of `var.x` in a Terraform module that declares `variable "x" { … }` with `body`, given `input` (HCL) when set. */
function variable(body: string, input?: string): EV {
  const text = `variable "x" {\n${body}\n}\noutput "o" {\n  value = var.x\n}\n`;
  const parsed = parseSource('main.tf', text, 'tf');
  assert.deepEqual(parsed.model.parseErrors, [], `${body} parses`);
  const unit = { file: 'main.tf', text, tree: parsed.tree, model: parsed.model, index: new SpanIndex(parsed.tree) } as ParsedHcl;
  const inputs = new Map<string, EV>();
  if (input !== undefined) {
    const inputText = `output "i" {\n  value = ${input}\n}\n`;
    const p = parseSource('in.tf', inputText, 'tf');
    const u = { file: 'in.tf', text: inputText, tree: p.tree, model: p.model, index: new SpanIndex(p.tree) } as ParsedHcl;
    inputs.set('x', evaluateHclInstance('in', [u], 'j', undefined, host({})).outputs.get('i')!);
  }
  return evaluateHclInstance('.', [unit], 'i', inputs, host({})).outputs.get('o')!;
}

const CONVERSIONS: Array<[string, string, unknown]> = [
  ['number', '"5"', 5],
  ['number', '"-1.5"', -1.5],
  ['number', '"five"', UNKNOWN],
  ['number', 'true', UNKNOWN],
  ['bool', '"true"', true],
  ['bool', '"false"', false],
  ['bool', '"yes"', UNKNOWN],
  ['bool', '1', UNKNOWN],
  ['string', '5', '5'],
  ['string', 'false', 'false'],
  ['string', '[1]', UNKNOWN],
  ['any', '"5"', '5'],
  ['bool', 'null', null],
  ['list(number)', '["1", 2]', [1, 2]],
  ['list(number)', '["1", "x"]', UNKNOWN],
  ['list(string)', '{ a = 1 }', UNKNOWN],
  ['set(string)', '["a", "b", "a"]', ['a', 'b']],
  ['map(bool)', '{ a = "true", b = false }', { a: true, b: false }],
  ['map(bool)', '[true]', UNKNOWN],
  ['tuple([string, number])', '[1, "2"]', ['1', 2]],
  ['tuple([string, number])', '[1]', UNKNOWN],
  ['object({ a = string })', '{ a = 1, extra = true }', { a: '1' }],
  ['object({ a = string })', '{}', UNKNOWN],
  ['object({ a = optional(bool, true), b = optional(string) })', '{}', { a: true, b: null }],
  ['object({ a = optional(bool, true) })', '{ a = null }', { a: true }],
  ['object({ a = optional(bool, true) })', '{ a = "false" }', { a: false }],
  ['object({ a = optional(object({ b = optional(number, 1) }), {}) })', '{}', { a: { b: 1 } }],
  ['map(object({ on = optional(bool, true) }))', '{ east = {}, west = { on = "false" } }', { east: { on: true }, west: { on: false } }],
  ['list(object({ on = optional(bool, true) }))', '[{}]', [{ on: true }]],
];

describe('evaluate: Terraform variable types', () => {
  for (const [type, value, expected] of CONVERSIONS) {
    it(`${value} as ${type} is ${expected === UNKNOWN ? 'unknown' : JSON.stringify(expected)}`, () => {
      assert.deepEqual(plain(variable(`  type = ${type}`, value)), expected);
    });
  }

  it('converts the default too', () => {
    assert.deepEqual(plain(variable('  type    = number\n  default = "3"')), 3);
  });

  it('keeps where a converted value is set', () => {
    const value = variable('  type    = number\n  default = "3"');
    assert.equal(value.site.description, 'the default of variable `x`');
  });

  it('gives a non-nullable variable its default for a null argument', () => {
    assert.deepEqual(plain(variable('  type     = bool\n  nullable = false\n  default  = false', 'null')), false);
  });

  it('passes null through a nullable variable', () => {
    assert.deepEqual(plain(variable('  type    = bool\n  default = false', 'null')), null);
  });

  it('leaves a non-nullable variable without a default unknown when the argument is null', () => {
    assert.equal(variable('  type     = bool\n  nullable = false', 'null').kind, 'unknown');
  });
});
