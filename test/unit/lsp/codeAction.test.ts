// Tests of the code-action conversions: edits in other files, fixes that cannot be placed, and the safe-only fix-all edits.
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Fix } from '../../../server/src/engine';
import { safeEdits } from '../../../server/src/lsp/codeAction';
import { toQuickFix, toWorkspaceEdit, type OpenFile } from '../../../server/src/lsp/convert';

const MAIN: OpenFile = { uri: 'file:///ws/main.bicep', document: TextDocument.create('file:///ws/main.bicep', 'bicep', 1, 'abcdef\nghij\n') };
const PARAMS: OpenFile = { uri: 'file:///ws/main.bicepparam', document: TextDocument.create('file:///ws/main.bicepparam', 'bicepparam', 1, 'param x = 1\n') };
const lookup = (file: string): OpenFile | undefined => (file === '/ws/main.bicepparam' ? PARAMS : undefined);

function finding(fixes: Fix[], overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'r',
    severity: 'warning',
    message: 'm',
    file: '/ws/main.bicep',
    span: { start: 0, end: 1 },
    resourceName: 'a',
    resourceType: 't',
    fixes,
    related: [],
    ...overrides,
  };
}

describe('lsp/codeAction conversions', () => {
  it('sends an edit that names another file to that file', () => {
    const edit = toWorkspaceEdit(
      [
        { span: { start: 0, end: 1 }, text: 'A' },
        { span: { start: 10, end: 11 }, text: '2', file: '/ws/main.bicepparam' },
      ],
      MAIN,
      '/ws/main.bicep',
      lookup,
    );
    assert.deepEqual(edit, {
      changes: {
        [MAIN.uri]: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, newText: 'A' }],
        [PARAMS.uri]: [{ range: { start: { line: 0, character: 10 }, end: { line: 0, character: 11 } }, newText: '2' }],
      },
    });
  });

  it('drops a whole fix when one of its files cannot be placed, rather than apply half of it', () => {
    const fix: Fix = { title: 'Fix it', safe: true, edits: [{ span: { start: 0, end: 1 }, text: 'A' }, { span: { start: 0, end: 1 }, text: 'B', file: '/elsewhere/x.bicep' }] };
    assert.equal(toWorkspaceEdit(fix.edits, MAIN, '/ws/main.bicep', lookup), undefined);
    assert.equal(toQuickFix(fix, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'm' }, MAIN, '/ws/main.bicep', lookup), undefined);
  });

  it('binds a quick fix to its diagnostic and prefers it only when safe', () => {
    const diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'm' };
    for (const safe of [true, false]) {
      const action = toQuickFix({ title: 'Fix it', safe, edits: [{ span: { start: 0, end: 1 }, text: 'A' }] }, diagnostic, MAIN, '/ws/main.bicep');
      assert.equal(action?.kind, 'quickfix');
      assert.deepEqual(action?.diagnostics, [diagnostic]);
      assert.equal(action?.isPreferred, safe);
    }
  });

  it('fix-all takes safe fixes on this file only, and skips one that overlaps a fix already taken', () => {
    const safe = (start: number, end: number, text: string, file?: string): Fix => ({
      title: 't',
      safe: true,
      edits: [{ span: { start, end }, text, ...(file ? { file } : {}) }],
    });
    const findings = [
      finding([safe(0, 2, 'X')]),
      finding([{ ...safe(3, 4, 'unsafe'), safe: false }]),
      finding([safe(1, 3, 'overlaps')]),
      finding([safe(5, 5, 'insert')]),
      finding([safe(5, 5, 'same insertion point')]),
      finding([safe(7, 8, 'other file', '/ws/main.bicepparam')]),
      finding([safe(9, 10, 'not ours')], { file: '/ws/other.bicep' }),
    ];
    assert.deepEqual(
      safeEdits(findings, '/ws/main.bicep').map((e) => e.text),
      ['X', 'insert'],
    );
  });
});
