// Reads the expected-finding markers of protocol fixtures and checks published diagnostics against them.
import * as assert from 'node:assert/strict';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { ruleDocsUrl, ruleMeta } from '../../server/src/engine/catalog';

/** The source every diagnostic of ours carries. */
export const SOURCE = 'WAF AI Lens';

/**
 * The rules the protocol fixtures are written for.
 * Diagnostics of other rules are ignored by the line check (though their shape is still checked), so that rules added later
 * do not break the protocol tests; whether a rule fires or not on a file is the rule tests' business.
 */
export const RULES_UNDER_TEST: ReadonlySet<string> = new Set([
  'no-public-network-access',
  'require-disable-local-auth',
  'require-search-replicas',
]);

/** One expected finding: its rule and the (0-based) line its range must start on. */
export interface ExpectedFinding {
  ruleId: string;
  line: number;
}

// `//  ^^^^ rule-id` on a line of its own; the carets are for the reader, only the line above them is checked here.
const MARKER = /^\s*\/\/\s*\^+\s+([a-z][a-z0-9-]*)\s*$/;

/** The markers of a text; stacked markers all refer to the nearest line above that is not a marker. */
export function expectedFindings(text: string): ExpectedFinding[] {
  const expected: ExpectedFinding[] = [];
  let target = -1;
  text.split(/\r?\n/).forEach((line, index) => {
    const marker = MARKER.exec(line);
    if (!marker) {
      target = index;
      return;
    }
    if (target < 0) throw new Error(`The marker on line ${index + 1} has no line above it.`);
    expected.push({ ruleId: marker[1]!, line: target });
  });
  return expected;
}

/** The line range that a fix of the finding on the line containing `search` rewrites: that text and the markers under it. */
export function lineWithMarkers(text: string, search: string): string {
  const start = text.indexOf(search);
  if (start < 0) throw new Error(`${JSON.stringify(search)} does not occur in the fixture.`);
  const lines = text.slice(start).split('\n');
  let taken = 1;
  while (taken < lines.length && MARKER.test(lines[taken]!)) taken++;
  return lines.slice(0, taken).join('\n');
}

const LSP_SEVERITY = { error: 1, warning: 2, note: 3 } as const;
const SEVERITY_NAME: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

/** The LSP severity name the catalog's severity for a rule maps to (error, warning, or information for a note). */
function expectedSeverity(ruleId: string): string {
  const meta = ruleMeta(ruleId);
  return meta ? SEVERITY_NAME[LSP_SEVERITY[meta.severity]]! : 'a severity from the catalog (the rule has no entry in principles/rules.json)';
}

function describe(ruleId: string, line: number, severity: string): string {
  return `line ${line + 1}: ${ruleId} (${severity})`;
}

/**
 * Checks one publication against the text the server was given:
 * it carries that text's version, every diagnostic has our source, a rule-id code, the rule's documentation link,
 * a message and a range inside the text; and the diagnostics of the rules under test are exactly the fixture's markers,
 * on the marked lines, with the severity the rule catalog gives.
 */
export function checkDiagnostics(published: PublishDiagnosticsParams, text: string, version: number): void {
  assert.equal(published.version, version, `Diagnostics were published for version ${published.version}, but the document is at version ${version}.`);
  const lines = text.split(/\r?\n/);
  for (const diagnostic of published.diagnostics) checkShape(diagnostic, lines);

  const actual = published.diagnostics
    .filter((d) => RULES_UNDER_TEST.has(String(d.code)))
    .map((d) => describe(String(d.code), d.range.start.line, SEVERITY_NAME[d.severity ?? 0] ?? 'no severity'))
    .sort();
  const expected = expectedFindings(text)
    .map((e) => describe(e.ruleId, e.line, expectedSeverity(e.ruleId)))
    .sort();
  assert.deepEqual(actual, expected, 'The diagnostics differ from the fixture markers.');
}

function checkShape(diagnostic: Diagnostic, lines: string[]): void {
  const where = `${String(diagnostic.code)} at line ${diagnostic.range.start.line + 1}`;
  assert.equal(diagnostic.source, SOURCE, `${where}: wrong source.`);
  assert.equal(typeof diagnostic.code, 'string', `${where}: the code must be the rule id.`);
  assert.equal(diagnostic.codeDescription?.href, ruleDocsUrl(String(diagnostic.code)), `${where}: wrong documentation link.`);
  const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
  assert.ok(message.trim().length > 0, `${where}: empty message.`);
  const { start, end } = diagnostic.range;
  assert.ok(start.line < lines.length && end.line < lines.length, `${where}: the range ends past the last line.`);
  assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `${where}: the range ends before it starts.`);
  assert.ok(start.character <= lines[start.line]!.length, `${where}: the range starts past the end of its line.`);
}
