// Tests that the workload rules hold back what they cannot know while a declaration does not parse, in both languages.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeWorkspace } from '../../../server/src/engine';
import { WorkloadGraph } from '../../../server/src/engine/graph';
import type { GraphNode } from '../../../server/src/engine/graph/types';
import type { Resource } from '../../../server/src/engine/model/types';
import { runWorkloadRules, workloadRule } from '../../../server/src/engine/rules/workloadRule';
import { describeActual, describeExpected, readMarkers } from '../../support/markers';
import { fixturePath } from '../../support/repo';

/**
 * Each file is one workspace: `<case>.broken.*` and `<case>.read.*` do not parse, `<case>.complete.*` is the same code
 * parsing, so each held-back expectation has a twin showing the finding it holds back. The first line names the rules
 * compared (`rules: a b`); their findings must be exactly the file's markers.
 */
const DIR = fixturePath('workload-held-back');

function check(name: string): void {
  const text = fs.readFileSync(path.join(DIR, name), 'utf8');
  const rules = new Set(/^(?:\/\/|#) rules: (.+)$/m.exec(text)?.[1]?.split(' ') ?? []);
  assert.ok(rules.size > 0, `${name} names the rules it is about on its first line`);
  const analysis = analyzeWorkspace([{ file: name, text }]);
  const errors = analysis.files.flatMap((a) => a.model.parseErrors);
  if (name.includes('.complete.')) assert.deepEqual(errors, [], `${name} must parse cleanly`);
  else assert.ok(errors.length > 0, `${name} must have a parse error, or it holds nothing back`);
  const actual = analysis.files.flatMap((a) => a.findings).filter((f) => rules.has(f.ruleId)).map((f) => describeActual(text, f));
  const expected = readMarkers(text)
    .filter((m) => rules.has(m.ruleId))
    .map((m) => describeExpected(m, actual.find((a) => a.startsWith(`${m.line + 1}:${m.startColumn}-${m.endColumn} ${m.severity} ${m.ruleId}: `))?.split(': ').slice(1).join(': ')));
  assert.deepEqual(actual.sort(), expected.sort());
}

describe('workload rules: findings held back while a declaration does not parse', () => {
  const names = fs.readdirSync(DIR).sort();
  for (const name of names) it(name, () => check(name));

  it('every case is there in both languages, with its completed twin', () => {
    const cases = new Set(names.map((n) => n.split('.')[0]));
    for (const c of cases) for (const twin of [`${c}.broken.bicep`, `${c}.broken.tf`, `${c}.complete.bicep`, `${c}.complete.tf`]) assert.ok(names.includes(twin), `${twin} is missing`);
  });

  it('the runner holds back whatever a rule reports about a broken resource, and keeps the rest', () => {
    const node = (name: string, hasError: boolean): GraphNode => {
      const resource = { name, hasError } as Resource;
      return { id: `i#${name}`, instance: 'i', resource, copies: [resource], language: 'bicep', type: 'T/x', file: 'a.bicep', span: { start: 0, end: 1 }, nameSpan: { start: 0, end: 1 }, existing: false, conditional: false };
    };
    const nodes = [node('clean', false), node('broken', true)];
    const every = workloadRule({
      id: 'require-every',
      resourceTypes: { bicep: ['T/x'] },
      messages: { x: 'About "{{name}}".' },
      fixable: false,
      checkWorkload: (ctx) => ctx.graph.nodes.forEach((n) => ctx.report({ messageId: 'x', node: n })),
    });
    const run = runWorkloadRules(new WorkloadGraph(nodes, [], []), () => undefined, [every], 'a.bicep');
    assert.deepEqual(run.findings.map((f) => f.finding.message), ['About "clean".']);
  });
});
