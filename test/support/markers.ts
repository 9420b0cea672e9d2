// Reads inline expected-finding markers from fixtures: a comment line of carets under the code it points at.
//
//   resource aoai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
//   //       ^^^^ warning require-disable-local-auth: Azure OpenAI account "aoai" accepts API keys …
//
// Consecutive marker lines all point at the nearest code line above them. The message after the colon is optional.

export interface ExpectedFinding {
  line: number;
  startColumn: number;
  endColumn: number;
  severity: string;
  ruleId: string;
  message?: string;
}

const MARKER = /^(\s*)(?:\/\/|#)(\s*)(\^+)\s+(error|warning|note)\s+([a-z0-9-]+)(?::\s?(.*))?$/;

/** Every marker in the text, with 0-based lines and columns of the code it underlines. */
export function readMarkers(text: string): ExpectedFinding[] {
  const lines = text.split(/\r?\n/);
  const expected: ExpectedFinding[] = [];
  let codeLine = -1;
  lines.forEach((line, index) => {
    const match = MARKER.exec(line);
    if (!match) {
      codeLine = index;
      return;
    }
    const caretStart = line.indexOf('^');
    const finding: ExpectedFinding = {
      line: codeLine,
      startColumn: caretStart,
      endColumn: caretStart + match[3]!.length,
      severity: match[4]!,
      ruleId: match[5]!,
    };
    if (match[6] !== undefined) finding.message = match[6].trimEnd();
    expected.push(finding);
  });
  return expected;
}

/** 0-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart };
}

/** Renders a finding the way a marker states it, for readable assertion diffs. */
export function describeActual(text: string, f: { span: { start: number; end: number }; severity: string; ruleId: string; message: string }): string {
  const start = lineColumn(text, f.span.start);
  const end = lineColumn(text, f.span.end);
  const endColumn = end.line === start.line ? end.column : text.split(/\r?\n/)[start.line]!.length;
  return `${start.line + 1}:${start.column}-${endColumn} ${f.severity} ${f.ruleId}: ${f.message}`;
}

export function describeExpected(e: ExpectedFinding, actualMessage?: string): string {
  return `${e.line + 1}:${e.startColumn}-${e.endColumn} ${e.severity} ${e.ruleId}: ${e.message ?? actualMessage ?? ''}`;
}
