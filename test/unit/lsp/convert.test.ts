// Tests of lsp/convert.ts, the one engine-to-LSP mapping, on hand-made findings (so they do not wait for any rule).
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocsUrl } from '../../../server/src/engine/catalog';
import type { Finding, Severity } from '../../../server/src/engine';
import { DIAGNOSTIC_SOURCE, toDiagnostic, toSeverity, type OpenFile } from '../../../server/src/lsp/convert';

const MAIN: OpenFile = {
  uri: 'file:///ws/main.bicep',
  // A surrogate pair (😀) before the span checks that offsets stay UTF-16 code units on both sides.
  document: TextDocument.create('file:///ws/main.bicep', 'bicep', 3, "// 😀\nresource aoai 'x' = {\n  properties: {}\n}\n"),
};
const PARAMS: OpenFile = {
  uri: 'file:///ws/main.bicepparam',
  document: TextDocument.create('file:///ws/main.bicepparam', 'bicepparam', 1, "using 'main.bicep'\nparam localAuth = true\n"),
};

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'require-disable-local-auth',
    severity: 'warning',
    message: 'Azure OpenAI account "aoai" accepts API keys.',
    file: '/ws/main.bicep',
    span: { start: 15, end: 19 },
    resourceName: 'aoai',
    resourceType: 'Microsoft.CognitiveServices/accounts',
    fixes: [],
    related: [],
    ...overrides,
  };
}

const SEVERITIES: [Severity, number][] = [
  ['error', 1],
  ['warning', 2],
  ['note', 3],
];

describe('lsp/convert', () => {
  for (const [severity, lsp] of SEVERITIES) {
    it(`maps the ${severity} severity to LSP severity ${lsp}`, () => {
      assert.equal(toSeverity(severity), lsp);
      assert.equal(toDiagnostic(finding({ severity }), MAIN).severity, lsp);
    });
  }

  it('turns a finding into a diagnostic with source, code, link and UTF-16 range', () => {
    assert.deepEqual(toDiagnostic(finding(), MAIN), {
      range: { start: { line: 1, character: 9 }, end: { line: 1, character: 13 } },
      severity: 2,
      source: DIAGNOSTIC_SOURCE,
      code: 'require-disable-local-auth',
      codeDescription: { href: ruleDocsUrl('require-disable-local-auth') },
      message: 'Azure OpenAI account "aoai" accepts API keys.',
    });
    assert.equal(MAIN.document.getText(toDiagnostic(finding(), MAIN).range), 'aoai');
  });

  it('places related locations in the same file and in other open files, and drops those it cannot place', () => {
    const related = [
      { file: '/ws/main.bicep', span: { start: 30, end: 40 }, message: 'Properties are set here.' },
      { file: '/ws/main.bicepparam', span: { start: 25, end: 34 }, message: 'The value comes from here.' },
      { file: '/ws/closed.bicep', span: { start: 0, end: 5 }, message: 'Not open, so it cannot be placed.' },
    ];
    const lookup = (file: string): OpenFile | undefined => (file === '/ws/main.bicepparam' ? PARAMS : undefined);
    const diagnostic = toDiagnostic(finding({ related }), MAIN, lookup);
    assert.deepEqual(diagnostic.relatedInformation, [
      { location: { uri: MAIN.uri, range: { start: { line: 2, character: 2 }, end: { line: 2, character: 12 } } }, message: 'Properties are set here.' },
      { location: { uri: PARAMS.uri, range: { start: { line: 1, character: 6 }, end: { line: 1, character: 15 } } }, message: 'The value comes from here.' },
    ]);
  });

  it('leaves relatedInformation out when there is none', () => {
    assert.equal('relatedInformation' in toDiagnostic(finding(), MAIN), false);
  });
});
