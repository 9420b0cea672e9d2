// The one place where engine types become LSP types: offsets become positions, findings become diagnostics.
import {
  CodeActionKind,
  DiagnosticSeverity,
  MarkupKind,
  type CodeAction,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type Hover,
  type Range,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocsUrl } from '../engine/catalog';
import type { ConfigProblem, Finding, Fix, HoverInfo, Severity, Span, TextEdit } from '../engine';

/** What every diagnostic of ours carries in `source`, so users can tell our findings from the compilers' and filter them. */
export const DIAGNOSTIC_SOURCE = 'WAF AI Lens';

/** A document's text for position conversion, with the URI the client knows it by. */
export interface OpenFile {
  uri: string;
  document: TextDocument;
}

/**
 * Finds the open document for a file path the engine reported, or undefined when it is not open.
 * Related locations need the other file's text to turn offsets into positions; the server never reads files for that.
 */
export type FileLookup = (file: string) => OpenFile | undefined;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  note: DiagnosticSeverity.Information,
};

/** The LSP severity of an engine severity: error → Error, warning → Warning, note → Information. */
export function toSeverity(severity: Severity): DiagnosticSeverity {
  return SEVERITY[severity];
}

/**
 * The LSP range of a span of UTF-16 offsets in a document.
 * Both sides count UTF-16 code units, so no re-encoding is needed; `positionAt` clamps offsets past the end,
 * which keeps a span computed on a slightly different text from producing an invalid range.
 */
export function toRange(span: Span, document: TextDocument): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

/**
 * Converts one finding on `file` into a diagnostic.
 * Related locations in files that are not open are left out, since their offsets cannot be placed without the file's text.
 */
export function toDiagnostic(finding: Finding, file: OpenFile, lookup: FileLookup = () => undefined): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(finding.span, file.document),
    severity: toSeverity(finding.severity),
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    codeDescription: { href: ruleDocsUrl(finding.ruleId) },
    message: finding.message,
  };
  const related: DiagnosticRelatedInformation[] = [];
  for (const location of finding.related) {
    const target = location.file === finding.file ? file : lookup(location.file);
    if (!target) continue;
    related.push({ location: { uri: target.uri, range: toRange(location.span, target.document) }, message: location.message });
  }
  if (related.length > 0) diagnostic.relatedInformation = related;
  return diagnostic;
}

/** Converts every finding on one file, in the engine's order (by position, then rule id). */
export function toDiagnostics(findings: readonly Finding[], file: OpenFile, lookup?: FileLookup): Diagnostic[] {
  return findings.map((finding) => toDiagnostic(finding, file, lookup));
}

/** A hover of Markdown over the span it is about. */
export function toHover(info: HoverInfo, document: TextDocument): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: info.markdown }, range: toRange(info.span, document) };
}

/** True when two LSP ranges are the same, for matching a client's diagnostic with the finding it was made from. */
export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/**
 * The workspace edit of engine edits made against `file` (an edit naming another file goes to that file's URI).
 * Undefined when some edit's file cannot be placed (neither open nor readable inside the workspace): half a fix would
 * leave the code inconsistent, so the whole fix is dropped rather than that one edit.
 */
export function toWorkspaceEdit(edits: readonly TextEdit[], file: OpenFile, filePath: string, lookup: FileLookup = () => undefined): WorkspaceEdit | undefined {
  const changes: Record<string, LspTextEdit[]> = {};
  for (const edit of edits) {
    const target = edit.file === undefined || edit.file === filePath ? file : lookup(edit.file);
    if (!target) return undefined;
    (changes[target.uri] ??= []).push({ range: toRange(edit.span, target.document), newText: edit.text });
  }
  return { changes };
}

/**
 * A quick fix bound to the diagnostic it fixes. Safe fixes (they change nothing that gets deployed) are preferred,
 * so the editor offers them first and may apply them with one key; the others are suggestions.
 */
export function toQuickFix(fix: Fix, diagnostic: Diagnostic, file: OpenFile, filePath: string, lookup?: FileLookup): CodeAction | undefined {
  const edit = toWorkspaceEdit(fix.edits, file, filePath, lookup);
  if (!edit) return undefined;
  return { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.safe, edit };
}

/** A problem of a config file as a diagnostic on that file, with our source so it is told apart from JSON schema errors. */
export function toConfigDiagnostic(problem: ConfigProblem, document: TextDocument): Diagnostic {
  return {
    range: toRange(problem.span, document),
    severity: toSeverity(problem.severity),
    source: DIAGNOSTIC_SOURCE,
    message: problem.message,
  };
}
