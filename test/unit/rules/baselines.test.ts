// Golden baselines of realistic workloads: each weak file's findings match its `.findings.txt`; each aligned twin yields only the advisory notes its header lists.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeWorkspace, type FileAnalysis, type Finding } from '../../../server/src/engine';
import { ruleMeta } from '../../../server/src/engine/catalog';
import { RULES } from '../../../server/src/engine/rules/registry';
import { isWorkloadRule } from '../../../server/src/engine/rules/workloadRule';
import { LineMap } from '../../../server/src/engine/text/lines';
import { fixturePath, REPO_ROOT } from '../../support/repo';

/** Each weak file and its aligned twin: the same workload before and after it follows the principles. */
const PAIRS = [
  { weak: 'rag-weak/main.bicep', aligned: 'rag-aligned/main.bicep' },
  { weak: 'rag-weak/main.tf', aligned: 'rag-aligned/main.tf' },
];

/** The header line of an aligned file that names the advisory rules whose notes it may carry, or `none`. */
const ADVISORY_LINE = /^(?:\/\/|#) Advisory notes expected: (.*?)\.?$/m;

/**
 * Analyses one baseline as the CLI does, as a workspace of its own, so the workload rules run too. Each file is its own
 * workload: reviewing a folder with both files reports the missing budget once for the two, on the first of them.
 */
function analyse(relative: string): { text: string; analysis: FileAnalysis } {
  const text = fs.readFileSync(fixturePath('baselines', ...relative.split('/')), 'utf8');
  const analysis = analyzeWorkspace([{ file: relative, text }]).files.find((f) => f.file === relative);
  assert.ok(analysis, `${relative} was not analysed as a Bicep or Terraform file`);
  return { text, analysis };
}

/** One finding as a baseline line: `line:col severity rule-id: message [resource]`, 1-based, UTF-16 columns. */
function baselineLines(text: string, findings: readonly Finding[]): string[] {
  const lines = new LineMap(text);
  return [...findings]
    .sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) || (a.message < b.message ? -1 : 1))
    .map((f) => {
      const at = lines.lineColumn(f.span.start);
      return `${at.line}:${at.column} ${f.severity} ${f.ruleId}: ${f.message} [${f.resourceName}]`;
    });
}

/** Compares the findings with the baseline beside the file; `UPDATE_BASELINES=1` rewrites the baseline first. */
function checkBaseline(relative: string): void {
  const { text, analysis } = analyse(relative);
  const actual = baselineLines(text, analysis.findings).map((line) => `${line}\n`).join('');
  const baseline = fixturePath('baselines', ...`${relative}.findings.txt`.split('/'));
  const shown = path.relative(REPO_ROOT, baseline).split(path.sep).join('/');
  if (process.env.UPDATE_BASELINES === '1') fs.writeFileSync(baseline, actual);
  assert.ok(fs.existsSync(baseline), `${shown} is missing: run \`UPDATE_BASELINES=1 npm test\` to write it, then review every line`);
  assert.equal(actual, fs.readFileSync(baseline, 'utf8'), `the findings on ${relative} differ from ${shown}; if the change is intended, rerun with UPDATE_BASELINES=1 and review the diff`);
}

/**
 * True when the file declares a resource that the rule reads: of the finding's type for a per-resource rule, of any type
 * the rule reads for a workload rule (whose finding may sit on another resource, such as the app given a key). Whether
 * the rule then judges it may rightly depend on the aligned setting itself (network rules matter only while public
 * access is on), so that is not asked.
 */
function reads(ruleId: string, analysis: FileAnalysis, resourceType: string): boolean {
  const rule = RULES.find((r) => r.id === ruleId)!;
  const types = (rule.resourceTypes[analysis.model.language] ?? []).map((t) => t.toLowerCase());
  const wanted = isWorkloadRule(rule) ? types : types.filter((t) => t === resourceType.toLowerCase());
  return analysis.model.resources.some((r) => !r.existing && wanted.includes(r.type.toLowerCase()));
}

describe('golden baselines (test/fixtures/baselines)', () => {
  for (const { weak, aligned } of PAIRS) {
    describe(weak, () => {
      it('parses cleanly', () => {
        const { analysis } = analyse(weak);
        assert.deepEqual(analysis.model.parseErrors, []);
        assert.deepEqual(analysis.notices, []);
      });

      it(`reports exactly the findings of ${weak}.findings.txt`, () => checkBaseline(weak));
    });

    describe(aligned, () => {
      it('parses cleanly', () => {
        const { analysis } = analyse(aligned);
        assert.deepEqual(analysis.model.parseErrors, []);
        assert.deepEqual(analysis.notices, []);
      });

      it('reports no warning or error, and only the notes of advisory rules its header lists', () => {
        const { text, analysis } = analyse(aligned);
        const header = ADVISORY_LINE.exec(text);
        assert.ok(header, `${aligned} needs a header line "Advisory notes expected: <rule ids, or none>."`);
        const listed = header[1]!.trim() === 'none' ? [] : header[1]!.split(/,\s*/).map((id) => id.trim());
        for (const id of listed) assert.equal(ruleMeta(id)?.severity, 'note', `${id} is listed as advisory, but it is not a note-level rule`);
        const shown = baselineLines(text, analysis.findings);
        assert.deepEqual(shown.filter((l) => !/^\d+:\d+ note /.test(l)), [], 'an aligned file has no warnings or errors');
        // A note that says a value could not be determined is not advice: the aligned file states what the rules read.
        assert.deepEqual(analysis.findings.filter((f) => f.undetermined).map((f) => `${f.ruleId} [${f.resourceName}]`), []);
        assert.deepEqual([...new Set(analysis.findings.map((f) => f.ruleId))].sort(), [...listed].sort(), shown.join('\n'));
      });

      it(`declares every resource type of ${weak} that a rule reads, so that its silence means aligned`, () => {
        const weakFile = analyse(weak).analysis;
        const alignedFile = analyse(aligned).analysis;
        const language = weakFile.model.language;
        const read = new Set(RULES.flatMap((r) => r.resourceTypes[language] ?? []).map((t) => t.toLowerCase()));
        const typesOf = (a: FileAnalysis) => new Set(a.model.resources.filter((r) => !r.existing).map((r) => r.type.toLowerCase()).filter((t) => read.has(t)));
        const alignedTypes = typesOf(alignedFile);
        // Only types some rule reads are compared: a resource the weak file needs only for its keys (an API Management
        // named value holding one) has no aligned counterpart.
        assert.deepEqual([...typesOf(weakFile)].filter((t) => !alignedTypes.has(t)), []);
        for (const f of weakFile.findings) {
          assert.ok(reads(f.ruleId, alignedFile, f.resourceType), `${f.ruleId} finds no ${f.resourceType} to read in ${aligned}`);
        }
      });
    });
  }
});
