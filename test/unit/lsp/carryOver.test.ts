// Tests of lsp/carryOver.ts: a document answered alone keeps its folder's workload findings, moved with their resource.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeFile, analyzeWorkspace, type FileAnalysis } from '../../../server/src/engine';
import { sameFindings, withWorkloadFindings } from '../../../server/src/lsp/carryOver';
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

  describe('sameFindings: whether a lone analysis can stand in for the folder\'s', () => {
    const PARAMS = path.join(REPO_ROOT, 'test', 'fixtures', 'protocol', 'workspaces', 'bicep-params');
    const read = (name: string): string => fs.readFileSync(path.join(PARAMS, name), 'utf8');

    it('agrees for a file nothing else sets values in, whatever workload findings the folder adds', () => {
      const folder = inFolder(TEXT);
      assert.ok(folder.findings.some((f) => f.ruleId === 'require-private-endpoint'), 'the folder has a workload finding the lone analysis lacks');
      assert.equal(sameFindings(analyzeFile(FILE, TEXT)!, folder), true);
    });

    it('disagrees for a template whose parameter file sets a value that changes a finding', () => {
      const template = read('main.bicep');
      const folder = analyzeWorkspace(
        [
          { file: '/ws/main.bicep', text: template },
          { file: '/ws/main.bicepparam', text: read('main.bicepparam') },
        ],
        { root: '/ws' },
      ).files.find((f) => f.file === '/ws/main.bicep')!;
      assert.equal(sameFindings(analyzeFile('/ws/main.bicep', template)!, folder), false);
    });

    it('disagrees when a finding differs only in its message or place', () => {
      const folder = inFolder(TEXT);
      const alone = analyzeFile(FILE, TEXT)!;
      const first = alone.findings[0]!;
      assert.equal(sameFindings({ ...alone, findings: [{ ...first, message: `${first.message}!` }, ...alone.findings.slice(1)] }, folder), false);
      assert.equal(sameFindings({ ...alone, findings: [{ ...first, span: { start: first.span.start + 1, end: first.span.end } }, ...alone.findings.slice(1)] }, folder), false);
    });
  });
});
