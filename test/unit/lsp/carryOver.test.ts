// Tests of lsp/carryOver.ts: a document answered alone keeps its folder's workload findings, moved with their resource.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeFile, analyzeWorkspace, type FileAnalysis } from '../../../server/src/engine';
import { withWorkloadFindings } from '../../../server/src/lsp/carryOver';
import { REPO_ROOT } from '../../support/repo';

const FILE = '/ws/account.bicep';
const TEXT = fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'protocol', 'workspaces', 'workload', 'account.bicep'), 'utf8');

/** The file's analysis as its folder makes it (the workload rules included). */
function inFolder(text: string): FileAnalysis {
  return analyzeWorkspace([{ file: FILE, text }], { root: '/ws' }).files.find((f) => f.file === FILE)!;
}

const at = (analysis: FileAnalysis, text: string, ruleId: string): string[] =>
  analysis.findings.filter((f) => f.ruleId === ruleId).map((f) => text.slice(f.span.start, f.span.end));

describe('lsp/carryOver', () => {
  it('keeps the workload findings of the folder, at the resource name in the new text', () => {
    const previous = inFolder(TEXT);
    assert.deepEqual(at(previous, TEXT, 'require-private-endpoint'), ['aoai'], 'the fixture has the workload finding');
    const edited = `// Two lines typed above.\n// The resource moves down.\n${TEXT}`;
    const alone = analyzeFile(FILE, edited)!;
    assert.deepEqual(at(alone, edited, 'require-private-endpoint'), [], 'a lone analysis runs no workload rule');
    const kept = withWorkloadFindings(alone, previous);
    assert.deepEqual(at(kept, edited, 'require-private-endpoint'), ['aoai']);
    assert.deepEqual(
      kept.findings.map((f) => f.ruleId),
      inFolder(edited).findings.map((f) => f.ruleId),
      'the same findings, in the same order, as the folder will publish after the pause',
    );
    for (const finding of kept.findings) assert.ok(finding.span.end <= edited.length && finding.file === FILE);
  });

  it('drops a workload finding whose resource is gone, and adds nothing without a folder analysis', () => {
    const previous = inFolder(TEXT);
    const renamed = TEXT.replace('resource aoai ', 'resource openAi ');
    const alone = analyzeFile(FILE, renamed)!;
    assert.deepEqual(at(withWorkloadFindings(alone, previous), renamed, 'require-private-endpoint'), []);
    assert.equal(withWorkloadFindings(alone, undefined), alone);
  });
});
