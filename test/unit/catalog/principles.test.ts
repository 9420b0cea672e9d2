// Checks the principles catalog: its shape, its cross-references, its article links, and that its text is our own.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import data from '../../../principles/principles.json';
import {
  article,
  articleUrl,
  pillar,
  pillars,
  principle,
  principleByKey,
  principles,
  principlesOf,
  type PillarId,
} from '../../../server/src/engine/principles';
import { REPO_ROOT } from '../../support/repo';

// The article's pillars in order, each with its key letter and how many principles the article lists for it.
const PILLARS: { id: PillarId; letter: string; count: number; anchor: string }[] = [
  { id: 'reliability', letter: 'R', count: 5, anchor: '#reliability' },
  { id: 'security', letter: 'S', count: 6, anchor: '#security' },
  { id: 'cost', letter: 'C', count: 4, anchor: '#cost-optimization' },
  { id: 'operations', letter: 'O', count: 6, anchor: '#operational-excellence' },
  { id: 'performance', letter: 'P', count: 4, anchor: '#performance-efficiency' },
];
const PILLAR_IDS = PILLARS.map((p) => p.id);
const ID_PATTERN = /^(reliability|security|cost|operations|performance)\.[a-z0-9]+(-[a-z0-9]+)*$/;
const EVIDENCE = ['none', 'partial', 'strong'];

// Review questions: a few where code proves part of the principle, many more where it proves nothing.
const QUESTIONS = { withEvidence: { min: 3, max: 6 }, withoutEvidence: { min: 8 } };
const CONSIDERATIONS = { min: 2, max: 5 };

// Originality: no run of this many consecutive words of our text may appear in the article.
const RUN = 8;
// Keys whose values may echo the article verbatim: a principle's name, the article's own title and URL.
const EXEMPT_KEYS = new Set(['title', 'url']);

/** Lowercases and keeps letters only, so punctuation, digits and line breaks cannot hide a copied run. */
function words(text: string): string[] {
  return text.toLowerCase().replace(/[^a-z]+/g, ' ').trim().split(' ').filter(Boolean);
}

function runs(ws: string[], n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= ws.length; i++) out.push(ws.slice(i, i + n).join(' '));
  return out;
}

/** Every string in the catalog with the key it sits under, titles and URLs left out. */
function catalogStrings(value: unknown, key = '', where = ''): { where: string; text: string }[] {
  if (typeof value === 'string') return EXEMPT_KEYS.has(key) ? [] : [{ where, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => catalogStrings(v, key, `${where}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => catalogStrings(v, k, where ? `${where}.${k}` : k));
  }
  return [];
}

/** The seed texts, read from `<repo>/../shared/seed/*.txt`; missing seeds fail loudly instead of passing. */
function readSeeds(): { file: string; text: string }[] {
  const dir = path.resolve(REPO_ROOT, '..', 'shared', 'seed');
  assert.ok(fs.existsSync(dir), `The seed article folder ${dir} is missing; the originality test needs it (CI provides it).`);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  assert.ok(files.length > 0, `No *.txt seed in ${dir}; the originality test needs the article text.`);
  return files.map((f) => ({ file: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

describe('principles catalog', () => {
  describe('structure', () => {
    it('has the five pillars in article order, with their anchors', () => {
      assert.deepEqual(pillars().map((p) => p.id), PILLAR_IDS);
      for (const expected of PILLARS) {
        const p = pillar(expected.id);
        assert.ok(p, `pillar ${expected.id} is missing`);
        assert.equal(p.articleAnchor, expected.anchor);
        assert.ok(p.title.trim(), `pillar ${p.id} has no title`);
        assert.ok(p.summary.trim(), `pillar ${p.id} has no summary`);
      }
    });

    it('has 25 principles, grouped pillar by pillar in article order', () => {
      assert.equal(principles().length, 25);
      const expectedPillars = PILLARS.flatMap((p) => Array<PillarId>(p.count).fill(p.id));
      assert.deepEqual(principles().map((p) => p.pillar), expectedPillars);
    });

    it('has unique, well-formed ids prefixed by their pillar', () => {
      const ids = principles().map((p) => p.id);
      assert.equal(new Set(ids).size, ids.length, 'duplicate principle ids');
      for (const p of principles()) {
        assert.match(p.id, ID_PATTERN);
        assert.equal(p.id.split('.')[0], p.pillar, `${p.id} sits under the wrong pillar`);
      }
    });

    it('carries every reference key exactly once, numbered in article order within each pillar', () => {
      const keys = principles().map((p) => p.key);
      const expected = PILLARS.flatMap((p) => Array.from({ length: p.count }, (_, i) => `${p.letter}${i + 1}`));
      assert.deepEqual(keys, expected);
    });

    it('gives every principle a summary, considerations, an evidence level and review questions', () => {
      for (const p of principles()) {
        assert.ok(p.title.trim(), `${p.id}: empty title`);
        assert.ok(p.summary.trim(), `${p.id}: empty summary`);
        assert.ok(
          p.considerations.length >= CONSIDERATIONS.min && p.considerations.length <= CONSIDERATIONS.max,
          `${p.id}: ${p.considerations.length} considerations`,
        );
        for (const c of p.considerations) assert.ok(c.trim(), `${p.id}: empty consideration`);
        assert.ok(EVIDENCE.includes(p.codeEvidence), `${p.id}: codeEvidence ${p.codeEvidence}`);
        const n = p.reviewQuestions.length;
        if (p.codeEvidence === 'none') {
          assert.ok(n >= QUESTIONS.withoutEvidence.min, `${p.id}: code proves nothing, yet only ${n} review questions`);
        } else {
          const { min, max } = QUESTIONS.withEvidence;
          assert.ok(n >= min && n <= max, `${p.id}: ${n} review questions`);
        }
        for (const q of p.reviewQuestions) assert.match(q, /\S.*\?$/, `${p.id}: not a question: ${q}`);
        assert.equal(new Set(p.reviewQuestions).size, n, `${p.id}: duplicate review questions`);
      }
    });

    it('anchors every principle to its pillar section', () => {
      for (const p of principles()) assert.equal(p.articleAnchor, pillar(p.pillar)?.articleAnchor, p.id);
    });

    it('names another real pillar in every trade-off, and records it on both sides', () => {
      const sides = new Set<string>();
      for (const p of principles()) {
        for (const t of p.tradeoffs) {
          assert.ok(PILLAR_IDS.includes(t.with), `${p.id}: trade-off with unknown pillar ${t.with}`);
          assert.notEqual(t.with, p.pillar, `${p.id}: trade-off with its own pillar`);
          assert.ok(t.text.trim(), `${p.id}: empty trade-off text`);
          sides.add(`${p.pillar}>${t.with}`);
        }
      }
      for (const side of sides) {
        const [from, to] = side.split('>');
        assert.ok(sides.has(`${to}>${from}`), `a ${from} principle trades off with ${to}, but no ${to} principle notes it back`);
      }
    });

    it('keeps text free of stray whitespace', () => {
      for (const { where, text } of catalogStrings(data)) assert.equal(text, text.trim(), `${where} has stray whitespace`);
    });
  });

  describe('accessors', () => {
    it('finds each principle by id and by key, and lists it under its pillar', () => {
      for (const p of principles()) {
        assert.equal(principle(p.id), p);
        assert.equal(principleByKey(p.key), p);
        assert.ok(principlesOf(p.pillar).includes(p), `${p.id} missing from principlesOf(${p.pillar})`);
      }
      assert.equal(principle('reliability.no-such-principle'), undefined);
      assert.deepEqual(
        PILLARS.map((p) => principlesOf(p.id).length),
        PILLARS.map((p) => p.count),
      );
    });

    it('builds https article URLs that end in the right anchor', () => {
      for (const item of [...pillars(), ...principles()]) {
        const url = new URL(articleUrl(item));
        assert.equal(url.protocol, 'https:');
        assert.equal(url.hash, item.articleAnchor);
        assert.equal(url.origin + url.pathname, article().url);
      }
    });
  });

  describe('originality', () => {
    it(`shares no run of ${RUN} words with the article (titles excepted)`, () => {
      const seeds = readSeeds();
      assert.ok(
        seeds.some((s) => s.text.trimStart().startsWith(article().title)),
        `None of the seeds is the article "${article().title}".`,
      );
      const articleRuns = new Set(seeds.flatMap((s) => runs(words(s.text), RUN)));
      const copied = catalogStrings(data).flatMap(({ where, text }) =>
        runs(words(text), RUN)
          .filter((r) => articleRuns.has(r))
          .map((r) => `${where}: "${r}"`),
      );
      assert.deepEqual(copied, [], 'Rephrase these in our own words.');
    });
  });
});
