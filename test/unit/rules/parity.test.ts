// Parity: every rule has catalog metadata, fixtures per language, a fixed fixture when it fixes, and docs in the README.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRuleMeta, ruleMeta } from '../../../server/src/engine/catalog';
import { pillars, principle, principles } from '../../../server/src/engine/principles';
import { RULES } from '../../../server/src/engine/rules/registry';
import { withRuleTable } from '../../../scripts/ruleTable';
import { fixturePath, REPO_ROOT } from '../../support/repo';

const EXTENSIONS = { bicep: '.bicep', terraform: '.tf' } as const;

describe('rule parity', () => {
  it('rule ids are unique, kebab-case, start with no-/require-/use-/prefer-, and the registry is sorted', () => {
    const ids = RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^(no|require|use|prefer)-[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.deepEqual(ids, [...ids].sort());
  });

  it('every rule lives in a file of a family folder named after its rule id', () => {
    const dir = path.join(REPO_ROOT, 'server', 'src', 'engine', 'rules');
    const families = fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'helpers');
    const files = families.flatMap((d) => fs.readdirSync(path.join(dir, d.name)).filter((f) => f.endsWith('.ts') && f !== 'index.ts'));
    assert.deepEqual(files.map((f) => f.replace(/\.ts$/, '')).sort(), RULES.map((r) => r.id).sort());
  });

  it('every rule has metadata, and all metadata belongs to a rule', () => {
    for (const rule of RULES) assert.ok(ruleMeta(rule.id), `${rule.id} has no entry in principles/rules/`);
    const ids = new Set(RULES.map((r) => r.id));
    for (const meta of allRuleMeta()) assert.ok(ids.has(meta.id), `principles/rules/ describes ${meta.id}, which is no rule`);
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      const meta = ruleMeta(rule.id);
      it('names real principles of its own pillar first', () => {
        assert.ok(meta && meta.principles.length > 0);
        for (const id of meta.principles) assert.ok(principle(id), `${id} is not a principle`);
        assert.equal(principle(meta.principles[0]!)?.pillar, meta.pillar, 'the first principle sets the pillar');
        assert.ok(meta.rationale.length > 40 && meta.recommendation.length > 20);
      });
      it('reads types in exactly the languages its metadata lists', () => {
        const languages = Object.keys(rule.resourceTypes).filter((l) => (rule.resourceTypes as Record<string, readonly string[]>)[l]?.length);
        assert.deepEqual(languages.sort(), [...(meta?.languages ?? [])].sort());
      });
      it('has a bad and a good fixture per language, and a fix fixture per language when it fixes', () => {
        const dir = fixturePath('rules', rule.id);
        assert.ok(fs.existsSync(dir), `test/fixtures/rules/${rule.id}/ is missing`);
        // Multi-file cases are folders (`bad-bicep/main.bicep`): their files count by their path in the rule's folder.
        const files = fs.readdirSync(dir, { recursive: true }).map((f) => String(f).split(path.sep).join('/'));
        for (const language of meta?.languages ?? []) {
          const ext = EXTENSIONS[language];
          assert.ok(files.some((f) => f.startsWith('bad') && f.endsWith(ext)), `no bad*${ext}`);
          assert.ok(files.some((f) => f.startsWith('good') && f.endsWith(ext)), `no good*${ext}`);
          if (rule.fixable) assert.ok(files.some((f) => f.endsWith(`.fixed${ext}`)), `no *.fixed${ext}`);
        }
      });
      it('every message has text', () => {
        for (const [id, text] of Object.entries(rule.messages)) assert.ok(text.length > 10, `message ${id} is empty`);
      });
    });
  }

  it('every principle has rules or review questions', () => {
    const covered = new Set(allRuleMeta().flatMap((m) => m.principles));
    for (const p of principles()) assert.ok(covered.has(p.id) || p.reviewQuestions.length > 0, `${p.id} has neither rules nor questions`);
    assert.equal(pillars().length, 5);
  });

  it('the README rule table is up to date (npm run docs rewrites it)', () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    assert.equal(readme, withRuleTable(readme));
  });
});
