// Counts the WAF AI Lens diagnostics of one file and words the status bar item; no `vscode` import, so it is unit-tested.

/** The `source` the server puts on every diagnostic (server/src/lsp/convert.ts `DIAGNOSTIC_SOURCE`; a test keeps them equal). */
export const DIAGNOSTIC_SOURCE = 'WAF AI Lens';

/** `vscode.DiagnosticSeverity` values (Error 0, Warning 1, Information 2, Hint 3), which differ from LSP's numbering. */
const ERROR = 0;
const WARNING = 1;

/** How many findings of each severity one file has. */
export interface FindingsCount {
  errors: number;
  warnings: number;
  notes: number;
}

/** Counts the diagnostics that come from our server, leaving the compilers' and other linters' aside. */
export function countFindings(diagnostics: readonly { source?: string; severity: number }[]): FindingsCount {
  const count: FindingsCount = { errors: 0, warnings: 0, notes: 0 };
  for (const d of diagnostics) {
    if (d.source !== DIAGNOSTIC_SOURCE) continue;
    if (d.severity === ERROR) count.errors++;
    else if (d.severity === WARNING) count.warnings++;
    else count.notes++;
  }
  return count;
}

/** The status bar text (with a codicon) and tooltip for one file's count. */
export function statusOf(count: FindingsCount, fileName: string): { text: string; tooltip: string } {
  const total = count.errors + count.warnings + count.notes;
  const icon = count.errors > 0 ? '$(error)' : count.warnings > 0 ? '$(warning)' : total > 0 ? '$(info)' : '$(pass)';
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const detail = total === 0 ? 'no findings' : [plural(count.errors, 'error'), plural(count.warnings, 'warning'), plural(count.notes, 'note')].join(', ');
  return {
    text: `${icon} WAF ${total}`,
    tooltip: `WAF AI Lens: ${detail} in ${fileName}. Click to open the Problems panel.`,
  };
}
