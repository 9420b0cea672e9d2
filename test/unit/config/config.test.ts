// Engine tests of settings: the JSON reader, exclude globs, config checking, precedence, severity policy and the JSON schema.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { isExcluded } from '../../../server/src/engine/config/glob';
import { parseJson } from '../../../server/src/engine/config/json';
import { applyPolicy } from '../../../server/src/engine/config/policy';
import { mergeConfigs, parseConfigText, parseConfigValue } from '../../../server/src/engine/config/configFile';
import type { Finding } from '../../../server/src/engine';
import { CONFIG_SCHEMA_PATH, renderConfigSchema } from '../../../scripts/configSchema';
import { REPO_ROOT } from '../../support/repo';

/** `line:column` (1-based) of an offset, for readable expectations. */
function at(text: string, offset: number): string {
  const before = text.slice(0, offset);
  return `${before.split('\n').length}:${offset - before.lastIndexOf('\n')}`;
}

const JSON_CASES: { text: string; error?: string }[] = [
  { text: '{ "a": [1, -2.5e3, true, false, null, "x\\u00e9\\n"] }' },
  { text: '\uFEFF{}' },
  { text: '{ "a": 1, }', error: '1:11 JSON allows no comma before "}".' },
  { text: "{ 'a': 1 }", error: '1:3 Expected a property name in double quotes.' },
  { text: '{\n  // note\n  "a": 1\n}', error: '2:3 Expected a property name in double quotes.' },
  { text: '[1, 2', error: '1:6 Expected "," or "]".' },
  { text: '{ "a": "open\n}', error: '1:8 This string is never closed.' },
  { text: '{} {}', error: '1:4 Expected the end of the file after the JSON value.' },
  { text: '', error: '1:1 Expected a value, but the file ends here.' },
];

const GLOB_CASES: { path: string; globs: string[]; excluded: boolean }[] = [
  { path: 'infra/legacy/main.bicep', globs: ['infra/legacy'], excluded: true },
  { path: 'infra/legacy/main.bicep', globs: ['legacy'], excluded: true },
  { path: 'infra/main.bicep', globs: ['legacy'], excluded: false },
  { path: 'a/b/c/test.tf', globs: ['**/test.tf'], excluded: true },
  { path: 'test.tf', globs: ['**/test.tf'], excluded: true },
  { path: 'modules/x/main.tf', globs: ['modules/*/main.tf'], excluded: true },
  { path: 'modules/x/y/main.tf', globs: ['modules/*/main.tf'], excluded: false },
  { path: 'env/dev.tfvars', globs: ['*.{tfvars,bicepparam}'], excluded: true },
  { path: 'env/dev.tf', globs: ['*.{tfvars,bicepparam}'], excluded: false },
  { path: 'main.bicep', globs: ['/main.bicep'], excluded: true },
  { path: 'sub/main.bicep', globs: ['/main.bicep'], excluded: false },
  { path: 'gen/a1.tf', globs: ['gen/a?.tf'], excluded: true },
  { path: 'gen/a1.tf', globs: ['gen/a[0-9].tf'], excluded: true },
  { path: '../outside/main.tf', globs: ['**'], excluded: false },
  { path: 'main.tf', globs: ['{broken'], excluded: false },
  { path: 'main.tf', globs: [], excluded: false },
];

/** A config text and its problems as `line:column severity message`; `applies` is the valid part that takes effect. */
const CONFIG_CASES: { title: string; text: string; problems: string[]; applies: object }[] = [
  {
    title: 'a valid file',
    text: '{ "$schema": "./schemas/waf-ai-lens.schema.json", "rules": { "require-search-replicas": "error" }, "pillars": { "cost": false }, "exclude": ["legacy/**"] }',
    problems: [],
    applies: { rules: { 'require-search-replicas': 'error' }, pillars: { cost: false }, exclude: ['legacy/**'] },
  },
  {
    title: 'an empty file is all defaults',
    text: '  \n',
    problems: [],
    applies: {},
  },
  {
    title: 'unknown ids, wrong values and wrong shapes, each reported where it is',
    text: [
      '{',
      '  "rules": { "require-disable-local-oauth": "off", "no-public-network-access": "loud", "waf-ai-lens-suppression": "off" },',
      '  "pillars": { "security": "no", "safety": true },',
      '  "exclude": ["ok/**", "", 3],',
      '  "severity": "high"',
      '}',
    ].join('\n'),
    problems: [
      '2:14 error Unknown rule id "require-disable-local-oauth"; it is ignored. Did you mean "require-disable-local-auth"?',
      '2:80 error The level of "no-public-network-access" must be "error", "warning", "note" or "off"; its default applies.',
      '3:28 error The pillar "security" must be true or false; it stays on.',
      '3:34 error Unknown pillar "safety"; it is ignored. Expected one of: reliability, security, cost, operations, performance.',
      '4:24 error Each `exclude` entry must be a non-empty glob string; this one is ignored.',
      '4:28 error Each `exclude` entry must be a non-empty glob string; this one is ignored.',
      '5:3 warning Unknown setting "severity"; it is ignored. Expected one of: rules, pillars, exclude.',
    ],
    applies: { rules: { 'waf-ai-lens-suppression': 'off' }, pillars: {}, exclude: ['ok/**'] },
  },
  {
    title: 'not an object',
    text: '["rules"]',
    problems: ['1:1 error The config must be a JSON object with `rules`, `pillars` or `exclude`; the defaults apply.'],
    applies: {},
  },
  {
    title: 'not JSON',
    text: '{ "rules": { "require-search-replicas": "error", } }',
    problems: ['1:50 error JSON allows no comma before "}": the file is not valid JSON, so the defaults apply.'],
    applies: {},
  },
];

function finding(overrides: Partial<Finding>): Finding {
  return {
    ruleId: 'require-disable-local-auth',
    severity: 'warning',
    message: 'm',
    file: '/w/main.bicep',
    span: { start: 0, end: 1 },
    resourceName: 'a',
    resourceType: 't',
    fixes: [],
    related: [],
    ...overrides,
  };
}

describe('config: JSON reader', () => {
  for (const c of JSON_CASES) {
    it(`${c.error ? 'rejects' : 'reads'} ${JSON.stringify(c.text)}`, () => {
      const parsed = parseJson(c.text);
      if (!c.error) {
        assert.equal(parsed.error, undefined);
        return;
      }
      assert.ok(parsed.error, 'expected an error');
      assert.equal(`${at(c.text, parsed.error.span.start)} ${parsed.error.message}`, c.error);
    });
  }

  it('keeps the spans of keys and values', () => {
    const text = '{ "rules": { "x": "off" } }';
    const root = parseJson(text).node!;
    assert.equal(root.kind, 'object');
    const rules = root.kind === 'object' ? root.entries[0]! : undefined;
    assert.equal(text.slice(rules!.keySpan.start, rules!.keySpan.end), '"rules"');
    assert.equal(text.slice(rules!.value.span.start, rules!.value.span.end), '{ "x": "off" }');
  });

  it('never overflows the stack on deep nesting', () => {
    assert.match(parseJson('['.repeat(100000)).error!.message, /nests too deeply/);
  });
});

describe('config: exclude globs', () => {
  for (const c of GLOB_CASES) {
    it(`${c.excluded ? 'excludes' : 'keeps'} ${c.path} with ${JSON.stringify(c.globs)}`, () => assert.equal(isExcluded(c.path, c.globs), c.excluded));
  }
});

describe('config: checking a config file', () => {
  for (const c of CONFIG_CASES) {
    it(c.title, () => {
      const parsed = parseConfigText(c.text);
      assert.deepEqual(
        parsed.problems.map((p) => `${at(c.text, p.span.start)} ${p.severity} ${p.message}`),
        c.problems,
      );
      assert.deepEqual(parsed.config, c.applies);
    });
  }

  it('checks editor settings the same way, without positions', () => {
    const parsed = parseConfigValue({ rules: { 'no-such-rule': 'off', 'require-search-replicas': 'note' } });
    assert.deepEqual(parsed.config, { rules: { 'require-search-replicas': 'note' } });
    assert.equal(parsed.problems.length, 1);
    assert.deepEqual(parseConfigValue(undefined), { config: {}, problems: [] });
  });

  it('layers configs: later ones win per rule and per pillar, excludes add up', () => {
    const team = { rules: { a: 'error', b: 'error' } as const, pillars: { cost: false }, exclude: ['legacy'] };
    const personal = { rules: { b: 'note' } as const, pillars: { cost: true, security: false }, exclude: ['scratch', 'legacy'] };
    assert.deepEqual(mergeConfigs(team, personal), {
      rules: { a: 'error', b: 'note' },
      pillars: { cost: true, security: false },
      exclude: ['legacy', 'scratch'],
    });
  });
});

describe('config: severity policy', () => {
  it('sets the severity of determinate findings, keeps "could not determine" notes, and drops what is off', () => {
    const findings = [
      finding({}),
      finding({ severity: 'note', undetermined: true }),
      finding({ ruleId: 'no-public-network-access' }),
      finding({ ruleId: 'require-search-replicas' }),
    ];
    const out = applyPolicy(findings, { rules: { 'require-disable-local-auth': 'error', 'require-search-replicas': 'warning' }, pillars: { security: false } });
    assert.deepEqual(
      out.map((f) => `${f.ruleId} ${f.severity}`),
      ['require-disable-local-auth error', 'require-disable-local-auth note', 'require-search-replicas warning'],
    );
  });
});

describe('config: the JSON schema', () => {
  const schemaFile = path.join(REPO_ROOT, CONFIG_SCHEMA_PATH);

  it('is up to date (npm run docs rewrites it)', () => {
    assert.equal(fs.readFileSync(schemaFile, 'utf8'), renderConfigSchema());
  });

  it('agrees with the checker on which configs are valid', () => {
    const validate = new Ajv({ strict: false }).compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as object);
    for (const c of CONFIG_CASES) {
      const parsed = parseJson(c.text);
      if (!parsed.node || c.text.trim() === '') continue;
      const value = JSON.parse(c.text) as unknown;
      assert.equal(validate(value), c.problems.length === 0, `${c.title}: the schema and the checker disagree`);
    }
  });

  it('is what package.json contributes for .waf-ai-lens.json', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      contributes: { jsonValidation?: { fileMatch: string | string[]; url: string }[] };
    };
    const entry = manifest.contributes.jsonValidation?.find((v) => [v.fileMatch].flat().includes('.waf-ai-lens.json'));
    assert.equal(entry?.url, `./${CONFIG_SCHEMA_PATH}`);
  });
});
