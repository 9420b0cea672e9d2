// Tests the review's scoring on hand-built analyses: what counts as a check, each outcome, the weights and the rounding.
import * as assert from 'node:assert/strict';
import { buildReview, outcomeOf, type ReviewInput, type WorkloadReview } from '../../../server/src/engine/review';
import { principle } from '../../../server/src/engine/principles';
import { analysis, finding, meta, resource, rule, suppressed, TEXT } from './helpers';

const T1 = 'Test.Provider/things';
const T2 = 'Test.Provider/others';

/** Made-up rules: one per severity, one that spans two pillars' principles, one that skips a resource by name. */
const RULES = [
  rule('r-error', [T1]),
  rule('r-warning', [T1]),
  rule('r-note', [T1]),
  rule('r-cost', [T2], (r) => r.name !== 'skipped'),
];
const META = new Map([
  ['r-error', meta('r-error', 'security', 'error', ['security.attack-surface'])],
  ['r-warning', meta('r-warning', 'reliability', 'warning', ['reliability.single-points-of-failure', 'performance.resource-needs'])],
  ['r-note', meta('r-note', 'security', 'note', ['security.data-protection'])],
  ['r-cost', meta('r-cost', 'cost', 'warning', ['cost.minimize-waste'])],
]);
const source = { rules: RULES, ruleMeta: (id: string) => META.get(id) };

const a = resource('a', T1, { at: 10 });
const b = resource('b', T1, { at: 50 });
const declaredElsewhere = resource('c', T1, { at: 90, existing: true });
const broken = resource('d', T1, { at: 120, hasError: true });
const e = resource('e', T2, { at: 150 });
const skipped = resource('skipped', T2, { at: 180 });

/**
 * The workload under test, check by check (weight in brackets):
 * a: r-error failed [3], r-warning undetermined, r-note advisory [1];
 * b: r-error passed [3], r-warning failed [2], r-note accepted;
 * e: r-cost passed [2]; `skipped` is not judged by r-cost; c (existing) and d (broken) have no checks.
 */
function workload(): ReviewInput[] {
  return [
    {
      analysis: analysis(
        'main.bicep',
        [a, b, declaredElsewhere, broken, e, skipped],
        [
          finding('r-error', a, 'error'),
          finding('r-warning', a, 'note', { undetermined: true }),
          finding('r-note', a, 'note'),
          finding('r-warning', b, 'warning'),
        ],
        [suppressed(finding('r-note', b, 'note'), 'The data is public.')],
      ),
      text: TEXT,
    },
  ];
}

function pillarOf(review: WorkloadReview, id: string) {
  return review.pillars.find((p) => p.id === id)!;
}

function principleOf(review: WorkloadReview, id: string) {
  return review.pillars.flatMap((p) => p.principles).find((p) => p.id === id)!;
}

describe('review/score', () => {
  it('decides a check from its findings: failed, advisory, undetermined, accepted, passed', () => {
    const r = resource('r', T1);
    const cases: Array<[string, Parameters<typeof outcomeOf>[0], Parameters<typeof outcomeOf>[1], string]> = [
      ['an error', [finding('x', r, 'error')], [], 'failed'],
      ['a warning beside notes', [finding('x', r, 'note'), finding('x', r, 'warning')], [], 'failed'],
      ['a note about the setting', [finding('x', r, 'note')], [], 'advisory'],
      ['a note beside a could-not-determine note', [finding('x', r, 'note', { undetermined: true }), finding('x', r, 'note')], [], 'advisory'],
      ['only could-not-determine notes', [finding('x', r, 'note', { undetermined: true })], [], 'undetermined'],
      ['only suppressed findings', [], [finding('x', r, 'warning')], 'accepted'],
      ['a warning beside a suppressed one', [finding('x', r, 'warning')], [finding('x', r, 'warning')], 'failed'],
      ['nothing', [], [], 'passed'],
    ];
    for (const [name, findings, silenced, expected] of cases) assert.equal(outcomeOf(findings, silenced), expected, name);
  });

  it('counts a check per (rule, resource) it applies to, never for existing or broken resources', () => {
    const review = buildReview(workload(), source);
    assert.equal(review.checks, 7);
    assert.deepEqual(review.overall.counts, { passed: 2, advisory: 1, failed: 2, undetermined: 1, accepted: 1 });
    assert.equal(review.resources, 5, 'every declared resource but the existing one');
    assert.deepEqual(review.files[0]!.checks, 7);
  });

  it('scores a pillar over the checks of its rules, weighted by severity: 100 × (passed + advisory) / (passed + advisory + failed)', () => {
    const review = buildReview(workload(), source);
    // r-error: a failed (3), b passed (3); r-note: a advisory (1), b accepted (out of the score).
    assert.deepEqual(pillarOf(review, 'security').score, {
      value: 57, // 100 × 4 / 7 = 57.14
      earned: 4,
      possible: 7,
      counts: { passed: 1, advisory: 1, failed: 1, undetermined: 0, accepted: 1 },
    });
    // r-warning: a undetermined (out of the score), b failed (2).
    assert.deepEqual(pillarOf(review, 'reliability').score, {
      value: 0,
      earned: 0,
      possible: 2,
      counts: { passed: 0, advisory: 0, failed: 1, undetermined: 1, accepted: 0 },
    });
    assert.equal(pillarOf(review, 'cost').score.value, 100);
    assert.deepEqual(pillarOf(review, 'cost').score.counts, { passed: 1, advisory: 0, failed: 0, undetermined: 0, accepted: 0 }, '`skipped` is not judged');
  });

  it('shows a pillar without any determinate check as no evidence, and leaves it out of the overall mean', () => {
    const review = buildReview(workload(), source);
    for (const id of ['operations', 'performance']) {
      assert.equal(pillarOf(review, id).score.value, null, id);
      assert.equal(pillarOf(review, id).score.possible, 0, id);
    }
    // Mean of security 4/7, reliability 0/2 and cost 2/2: (57.14 + 0 + 100) / 3 = 52.38.
    assert.equal(review.overall.score, 52);
    assert.equal(review.overall.pillarsScored, 3);
  });

  it('scores a principle over the checks of every rule that lists it, whatever the rule\'s pillar', () => {
    const review = buildReview(workload(), source);
    assert.equal(principleOf(review, 'security.attack-surface').score.value, 50); // 3 of 6
    assert.equal(principleOf(review, 'security.data-protection').score.value, 100); // advisory 1 of 1; accepted aside
    assert.equal(principleOf(review, 'security.data-protection').score.counts.accepted, 1);
    // r-warning is a reliability rule that also serves a performance principle: the principle counts it, the pillar does not.
    assert.equal(principleOf(review, 'performance.resource-needs').score.value, 0);
    assert.equal(pillarOf(review, 'performance').score.value, null);
    assert.equal(principleOf(review, 'cost.cost-drivers').score.value, null);
  });

  it('averages the unrounded pillar scores and rounds once', () => {
    // Security 2 of 3 (66.67) and reliability 1 of 1 (100): the mean is 83.33, not (67 + 100) / 2 = 83.5 → 84.
    const x = resource('x', T1, { file: 'm.bicep' });
    const y = resource('y', T1, { file: 'm.bicep', at: 40 });
    const rules = [rule('s-warn', [T1]), rule('s-note', [T1]), rule('r-only', [T1], (r) => r.name === 'x')];
    const metas = new Map([
      ['s-warn', meta('s-warn', 'security', 'warning', ['security.attack-surface'])],
      ['s-note', meta('s-note', 'security', 'note', ['security.attack-surface'])],
      ['r-only', meta('r-only', 'reliability', 'warning', ['reliability.single-points-of-failure'])],
    ]);
    // s-warn: x passed (2), y failed (2); s-note: x passed (1), y passed (1) → 4 of 6.
    const input = { analysis: analysis('m.bicep', [x, y], [finding('s-warn', y, 'warning')]), text: TEXT };
    const review = buildReview([input], { rules, ruleMeta: (id) => metas.get(id) });
    assert.equal(pillarOf(review, 'security').score.value, 67);
    assert.equal(pillarOf(review, 'reliability').score.value, 100);
    assert.equal(review.overall.score, 83);
  });

  it('has no overall score when nothing is determinate', () => {
    const review = buildReview([{ analysis: analysis('main.bicep', []), text: '' }], source);
    assert.equal(review.overall.score, null);
    assert.equal(review.overall.pillarsScored, 0);
    assert.ok(review.pillars.every((p) => p.score.value === null));
  });

  it('makes a check of a finding on a pair the rules did not list, and none of a finding outside the catalog', () => {
    const other = resource('o', 'Test.Provider/unlisted', { file: 'w.bicep', at: 30 });
    const input = {
      analysis: analysis('w.bicep', [other], [finding('r-error', other, 'error'), finding('waf-ai-lens-suppression', other, 'warning')]),
      text: TEXT,
    };
    const review = buildReview([input], source);
    assert.equal(review.checks, 1);
    assert.equal(pillarOf(review, 'security').score.counts.failed, 1);
  });

  it('does not count the checks of a rule the team turned off', () => {
    const [input] = workload();
    const review = buildReview([{ ...input!, options: { rules: { 'r-cost': 'off' } } }], source);
    assert.equal(pillarOf(review, 'cost').score.value, null);
    assert.equal(review.checks, 6);
  });

  it('groups findings by principle and resource, in position order, and lists accepted risks with their reason', () => {
    const review = buildReview(workload(), source);
    const attack = principleOf(review, 'security.attack-surface');
    assert.deepEqual(
      attack.resources.map((g) => [g.resource.name, g.findings.map((f) => [f.ruleId, f.kind])]),
      [['a', [['r-error', 'failed']]]],
    );
    const spof = principleOf(review, 'reliability.single-points-of-failure');
    assert.deepEqual(
      spof.resources.map((g) => [g.resource.name, g.findings.map((f) => [f.ruleId, f.kind])]),
      [
        ['a', [['r-warning', 'undetermined']]],
        ['b', [['r-warning', 'failed']]],
      ],
    );
    assert.equal(attack.resources[0]!.findings[0]!.location.line, 1);
    assert.equal(attack.resources[0]!.findings[0]!.location.column, 11);
    assert.deepEqual(
      review.accepted.map((x) => [x.ruleId, x.resource, x.reason]),
      [['r-note', 'b', 'The data is public.']],
    );
  });

  it('asks the review questions of principles code cannot prove, and of proven ones without a determinate check', () => {
    const review = buildReview(workload(), source);
    const testing = principleOf(review, 'security.security-testing'); // evidence: none
    assert.equal(testing.checklist.length, principle('security.security-testing')!.reviewQuestions.length);
    assert.ok(testing.checklist.every((item) => item.id.startsWith('security.security-testing#') && item.principleId === testing.id));
    assert.deepEqual(principleOf(review, 'security.attack-surface').checklist, [], 'strong evidence, and checked');
    assert.ok(principleOf(review, 'security.segmentation').checklist.length > 0, 'strong evidence, but nothing here checks it');
    const again = buildReview(workload(), source);
    assert.deepEqual(principleOf(again, 'security.security-testing').checklist, testing.checklist, 'ids are stable');
  });

  it('lists the trade-offs of the principles the code bears on', () => {
    const review = buildReview(workload(), source);
    const principles = new Set(review.tradeoffs.map((t) => t.principleId));
    assert.ok(principles.has('security.data-protection'), 'checked, and it has trade-offs');
    assert.ok(!principles.has('operations.monitoring'), 'nothing here bears on it');
    for (const t of review.tradeoffs) assert.notEqual(t.with, t.pillar);
  });
});
