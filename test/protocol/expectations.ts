// Checks published diagnostics against the expected-finding markers of the protocol fixtures.
import * as assert from 'node:assert/strict';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { ruleDocsUrl } from '../../server/src/engine/catalog';
import { readMarkers } from '../support/markers';

/** The source every diagnostic of ours carries. */
export const SOURCE = 'WAF AI Lens';

/**
 * The rules the protocol fixtures are written for.
 * Diagnostics of other rules are left out of the comparison with the markers (their shape is still checked), so that rules
 * added later do not break the protocol tests: whether a rule fires on a file is the rule tests' business, not the wire's.
 */
export const RULES_UNDER_TEST: ReadonlySet<string> = new Set([
  'no-public-network-access',
  'require-disable-local-auth',
  'require-search-replicas',
]);

// The marker severities are the engine's; LSP names the third one Information.
const SEVERITY_OF_LSP: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'note', 4: 'hint' };

// A marker line: carets under a span, on a comment line of its own.
const MARKER_LINE = /^\s*(?:\/\/|#)\s*\^+\s/;

/** The text a fix of the finding on the line containing `search` rewrites: from `search` to the end of the markers under it. */
export function lineWithMarkers(text: string, search: string): string {
  const start = text.indexOf(search);
  if (start < 0) throw new Error(`${JSON.stringify(search)} does not occur in the fixture.`);
  const lines = text.slice(start).split('\n');
  let taken = 1;
  while (taken < lines.length && MARKER_LINE.test(lines[taken]!)) taken++;
  return lines.slice(0, taken).join('\n');
}

/**
 * Checks one publication against the text the server was given:
 * it carries that text's version; every diagnostic has our source, the rule id as its code, the rule's documentation link,
 * a message and a range inside the text; and the diagnostics of the rules under test are exactly the text's markers:
 * same lines, same UTF-16 columns, same severity.
 */
export function checkDiagnostics(
  published: PublishDiagnosticsParams,
  text: string,
  version: number,
  rules: ReadonlySet<string> = RULES_UNDER_TEST,
): void {
  assert.equal(published.version, version, `Diagnostics were published for version ${published.version}, but the document is at version ${version}.`);
  const lines = text.split(/\r?\n/);
  for (const diagnostic of published.diagnostics) checkShape(diagnostic, lines);

  const actual = published.diagnostics
    .filter((d) => rules.has(String(d.code)))
    .map((d) => {
      const { start, end } = d.range;
      const endColumn = end.line === start.line ? end.character : lines[start.line]!.length;
      return `${start.line + 1}:${start.character}-${endColumn} ${SEVERITY_OF_LSP[d.severity ?? 0] ?? 'no severity'} ${String(d.code)}`;
    })
    .sort();
  const expected = readMarkers(text)
    .filter((m) => rules.has(m.ruleId))
    .map((m) => `${m.line + 1}:${m.startColumn}-${m.endColumn} ${m.severity} ${m.ruleId}`)
    .sort();
  assert.deepEqual(actual, expected, 'The published diagnostics differ from the fixture markers.');
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
