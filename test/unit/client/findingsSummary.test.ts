// Tests of the client's status bar wording and counting, and that it counts the source the server really sets.
import * as assert from 'node:assert/strict';
import { countFindings, DIAGNOSTIC_SOURCE as CLIENT_SOURCE, statusOf } from '../../../client/src/findingsSummary';
import { DIAGNOSTIC_SOURCE } from '../../../server/src/lsp/convert';

// vscode.DiagnosticSeverity numbering: Error 0, Warning 1, Information 2, Hint 3.
const CASES: { title: string; diagnostics: { source?: string; severity: number }[]; text: string; tooltip: string }[] = [
  {
    title: 'no findings',
    diagnostics: [{ source: 'bicep', severity: 0 }],
    text: '$(pass) WAF 0',
    tooltip: 'WAF AI Lens: no findings in main.bicep. Click to open the Problems panel.',
  },
  {
    title: 'ours only, by severity, the worst deciding the icon',
    diagnostics: [
      { source: 'WAF AI Lens', severity: 1 },
      { source: 'WAF AI Lens', severity: 1 },
      { source: 'WAF AI Lens', severity: 2 },
      { source: 'Terraform', severity: 0 },
    ],
    text: '$(warning) WAF 3',
    tooltip: 'WAF AI Lens: 0 errors, 2 warnings, 1 note in main.bicep. Click to open the Problems panel.',
  },
  {
    title: 'an error',
    diagnostics: [{ source: 'WAF AI Lens', severity: 0 }, { source: 'WAF AI Lens', severity: 2 }],
    text: '$(error) WAF 2',
    tooltip: 'WAF AI Lens: 1 error, 0 warnings, 1 note in main.bicep. Click to open the Problems panel.',
  },
];

describe('client/findingsSummary', () => {
  it('counts the source the server sets', () => assert.equal(CLIENT_SOURCE, DIAGNOSTIC_SOURCE));
  for (const c of CASES) {
    it(c.title, () => assert.deepEqual(statusOf(countFindings(c.diagnostics), 'main.bicep'), { text: c.text, tooltip: c.tooltip }));
  }
});
