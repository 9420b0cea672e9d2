// Tests `waf-ai-lens rules` and `waf-ai-lens principles` in process: arguments, exit codes, and the listings' shape against the registry and the catalog.
import * as assert from 'node:assert/strict';
import { parseArgs, type Command } from '../../../server/src/cli/args';
import { LISTING_WIDTH, wrap } from '../../../server/src/cli/format/listing';
import type { PrincipleListing, RuleListing } from '../../../server/src/cli/listing';
import { main } from '../../../server/src/cli/main';
import { USAGE } from '../../../server/src/cli/usage';
import { ruleMeta } from '../../../server/src/engine/catalog';
import { pillars, principles } from '../../../server/src/engine/principles';
import { RULES } from '../../../server/src/engine/rules/registry';
import { captureIo } from './helpers';

/** Argument lists of the listing commands and the request each parses to. */
const GOOD: Array<[string[], Command]> = [
  [['rules'], { kind: 'rules', format: 'text' }],
  [['rules', '--format', 'json'], { kind: 'rules', format: 'json' }],
  [['rules', '--format=text'], { kind: 'rules', format: 'text' }],
  [['rules', '--format', 'json', '--format', 'text'], { kind: 'rules', format: 'text' }],
  [['rules', '--'], { kind: 'rules', format: 'text' }],
  [['principles'], { kind: 'principles', format: 'text' }],
  [['principles', '--format', 'json'], { kind: 'principles', format: 'json' }],
  [['rules', '--help'], { kind: 'help' }],
  [['principles', '--version'], { kind: 'version' }],
];

/** Usage errors of the listing commands, and a piece of the one-line message each must give. */
const BAD: Array<[string[], string]> = [
  [['rules', '--format', 'sarif'], 'invalid value "sarif" for --format of rules: expected one of text, json'],
  [['principles', '--format', 'markdown'], 'invalid value "markdown" for --format of principles'],
  [['rules', '--format'], 'option --format needs a value: one of text, json'],
  [['rules', '--format='], 'option --format needs a value'],
  [['rules', '--fail-on', 'note'], 'unknown option "--fail-on"'],
  [['principles', '--output', 'x.txt'], 'unknown option "--output"'],
  [['rules', 'infra'], 'rules takes no file or folder, but got "infra"'],
  [['principles', '--', '--format'], 'principles takes no file or folder'],
  [['rule'], 'unknown command "rule": expected "review", "map", "rules" or "principles"'],
];

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo(process.cwd());
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

const registeredIds = (): string[] => RULES.map((r) => r.id).sort();
const pillarIndex = new Map(pillars().map((p, i) => [p.id, i]));

describe('cli listings (rules, principles)', () => {
  describe('arguments', () => {
    for (const [argv, expected] of GOOD) {
      it(`parses ${JSON.stringify(argv)}`, () => assert.deepEqual(parseArgs(argv), expected));
    }
    for (const [argv, piece] of BAD) {
      it(`rejects ${JSON.stringify(argv)} with exit 2 and one line on stderr`, async () => {
        const parsed = parseArgs(argv);
        assert.equal(parsed.kind, 'error');
        assert.ok((parsed as { message: string }).message.includes(piece), (parsed as { message: string }).message);
        const { code, out, err } = await run(...argv);
        assert.equal(code, 2);
        assert.equal(out, '');
        assert.match(err, /^waf-ai-lens: [^\n]+\. Run "waf-ai-lens --help" for usage\.\n$/);
      });
    }
    it('documents both commands and their format in the help', () => {
      for (const text of ['waf-ai-lens rules [--format text|json]', 'waf-ai-lens principles [--format text|json]']) {
        assert.ok(USAGE.includes(text), `help mentions ${text}`);
      }
    });
  });

  describe('rules --format json', () => {
    let rules: RuleListing[];
    before(async () => {
      const { code, out, err } = await run('rules', '--format', 'json');
      assert.equal(code, 0);
      assert.equal(err, '');
      rules = JSON.parse(out) as RuleListing[];
    });

    it('is an array listing every registered rule exactly once', () => {
      assert.ok(Array.isArray(rules));
      assert.deepEqual(rules.map((r) => r.id).sort(), registeredIds());
    });

    it('gives each rule its fields in a stable key order', () => {
      for (const rule of rules) {
        assert.deepEqual(Object.keys(rule), ['id', 'title', 'pillar', 'principles', 'languages', 'resourceTypes', 'severity', 'fixable', 'peers', 'docsUrl'], rule.id);
      }
    });

    it('takes each field from the registry and the rule metadata', () => {
      for (const rule of rules) {
        const meta = ruleMeta(rule.id)!;
        const registered = RULES.find((r) => r.id === rule.id)!;
        assert.equal(rule.title, meta.title);
        assert.equal(rule.pillar, meta.pillar);
        assert.deepEqual(rule.principles, meta.principles);
        assert.deepEqual([...rule.languages].sort(), [...meta.languages].sort());
        assert.equal(rule.severity, meta.severity);
        assert.equal(rule.fixable, registered.fixable);
        assert.deepEqual(rule.peers, meta.peers);
        // Resource types per language, exactly the languages the rule reads, Bicep first.
        assert.deepEqual(Object.keys(rule.resourceTypes), rule.languages, rule.id);
        for (const language of rule.languages) assert.deepEqual(rule.resourceTypes[language], registered.resourceTypes[language], `${rule.id} ${language}`);
      }
    });

    it('is sorted by pillar, in the article order, then by id', () => {
      const sorted = [...rules].sort((a, b) => pillarIndex.get(a.pillar)! - pillarIndex.get(b.pillar)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      assert.deepEqual(rules.map((r) => r.id), sorted.map((r) => r.id));
    });
  });

  describe('principles --format json', () => {
    let list: PrincipleListing[];
    before(async () => {
      const { code, out, err } = await run('principles', '--format', 'json');
      assert.equal(code, 0);
      assert.equal(err, '');
      list = JSON.parse(out) as PrincipleListing[];
    });

    it('is an array listing every principle of the catalog exactly once, in the article order', () => {
      assert.deepEqual(list.map((p) => p.id), principles().map((p) => p.id));
    });

    it('gives each principle its fields in a stable key order, with its review questions', () => {
      for (const p of list) {
        assert.deepEqual(Object.keys(p), ['id', 'key', 'pillar', 'title', 'rules', 'reviewQuestions'], p.id);
        const source = principles().find((q) => q.id === p.id)!;
        assert.equal(p.title, source.title);
        assert.equal(p.pillar, source.pillar);
        assert.deepEqual(p.reviewQuestions, source.reviewQuestions);
        assert.ok(p.reviewQuestions.length > 0, `${p.id} has review questions`);
      }
    });

    it("lists under each principle exactly the rules whose metadata names it", () => {
      for (const p of list) {
        const expected = RULES.filter((r) => ruleMeta(r.id)!.principles.includes(p.id)).map((r) => r.id).sort();
        assert.deepEqual(p.rules, expected, p.id);
      }
      // And the other way round: every principle a rule names is listed, with that rule.
      for (const rule of RULES) {
        for (const id of ruleMeta(rule.id)!.principles) assert.ok(list.find((p) => p.id === id)?.rules.includes(rule.id), `${id} lists ${rule.id}`);
      }
    });
  });

  describe('text', () => {
    it('rules: a table per pillar within 120 columns, every registered rule on one row', async () => {
      const { code, out, err } = await run('rules');
      assert.equal(code, 0);
      assert.equal(err, '');
      const lines = out.trimEnd().split('\n');
      for (const line of lines) assert.ok(line.length <= LISTING_WIDTH, `too wide (${line.length}): ${line}`);
      for (const id of registeredIds()) {
        const rows = lines.filter((l) => l.startsWith(`${id} `));
        assert.equal(rows.length, 1, `one row for ${id}`);
        const meta = ruleMeta(id)!;
        assert.match(rows[0]!, new RegExp(`^${id} +${meta.severity} +(yes|no) +\\S`));
      }
      const headings = lines.filter((l) => /^[A-Z][a-z]+( [A-Z][a-z]+)? \(\d+ rules?\)$/.test(l)).map((l) => l.replace(/ \(.*$/, ''));
      const withRules = pillars().filter((p) => RULES.some((r) => ruleMeta(r.id)!.pillar === p.id));
      assert.deepEqual(headings, withRules.map((p) => p.title));
      assert.equal(lines[0], `${RULES.length} rules. SEVERITY is the default, which a config file can change; FIX says whether the rule offers a code fix.`);
    });

    it('rules: each row is followed by its principles, resource types per language and peers', async () => {
      const lines = (await run('rules')).out.split('\n');
      const row = lines.findIndex((l) => l.startsWith('require-disable-local-auth '));
      assert.deepEqual(lines.slice(row + 1, row + 5), [
        '    principles  security.attack-surface, security.access-management',
        '    bicep       Microsoft.CognitiveServices/accounts',
        '    terraform   azurerm_cognitive_account, azurerm_ai_services',
        '    peers       PSRule:Azure.AI.DisableLocalAuth, Checkov:CKV_AZURE_236',
      ]);
    });

    it('principles: one block per principle with its id, title, rules and review questions', async () => {
      const { code, out, err } = await run('principles');
      assert.equal(code, 0);
      assert.equal(err, '');
      const lines = out.trimEnd().split('\n');
      for (const line of lines) assert.ok(line.length <= LISTING_WIDTH, `too wide (${line.length}): ${line}`);
      for (const p of principles()) {
        const at = lines.indexOf(`${p.id} (${p.key}) — ${p.title}`);
        assert.ok(at >= 0, `a block for ${p.id}`);
        assert.match(lines[at + 1]!, /^ {2}Rules: /);
        const questions = lines.indexOf('  Review questions:', at);
        assert.ok(questions > at, `${p.id} lists its review questions`);
        // The list runs until the first line that is not indented under it (a blank line or the next block).
        const end = lines.findIndex((l, i) => i > questions && !l.startsWith('    '));
        const items = lines.slice(questions + 1, end === -1 ? undefined : end).filter((l) => l.startsWith('    - '));
        assert.equal(items.length, p.reviewQuestions.length, p.id);
      }
    });
  });

  it('wrap: breaks at spaces within the width and never cuts a word', () => {
    assert.deepEqual(wrap('one two three four', 9), ['one two', 'three', 'four']);
    assert.deepEqual(wrap('Microsoft.MachineLearningServices/workspaces x', 10), ['Microsoft.MachineLearningServices/workspaces', 'x']);
    assert.deepEqual(wrap('', 10), ['']);
  });
});
