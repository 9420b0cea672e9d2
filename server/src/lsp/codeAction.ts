// `textDocument/codeAction`: the fixes of the findings under the cursor, "Suppress" actions, and the safe-only fix-all.
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type TextDocuments,
  type TextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { suppressionFix, type Finding, type Span } from '../engine';
import { DIAGNOSTIC_SOURCE, sameRange, toQuickFix, toRange, type FileLookup } from './convert';
import type { Logger } from './log';
import type { ModelCache } from './modelCache';
import { runSafe } from './runSafe';
import type { SettingsStore } from './settings';
import { enginePath } from './folderWorkspaces';
import { closedFile } from './workspaceFiles';

/**
 * Our fix-all kind. Being under `source.fixAll`, it runs with `"editor.codeActionsOnSave": { "source.fixAll": "explicit" }`
 * and can be asked for alone as `source.fixAll.wafAiLens`.
 */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.wafAiLens`;

/** The code action kinds the server offers, for its capabilities. */
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

/** Makes the code action handler. */
export function codeActionHandler(documents: TextDocuments<TextDocument>, cache: ModelCache, settings: SettingsStore, log: Logger) {
  // A fix may edit another file: an open document, or a closed file inside the workspace folders (read on demand).
  const lookup: FileLookup = (file) => {
    const open = documents.all().find((d) => pathOf(d.uri) === file);
    return open ? { uri: open.uri, document: open } : closedFile(file, settings.allFolders());
  };

  return (params: CodeActionParams, token: CancellationToken) =>
    // A request without a document (a broken client) is answered with nothing, inside runSafe like every other answer.
    runSafe<CodeAction[]>(log, `Code actions for ${String(params?.textDocument?.uri)}`, token, [], () => {
      const uri = params?.textDocument?.uri;
      const document = typeof uri === 'string' ? documents.get(uri) : undefined;
      const entry = document && cache.get(document);
      if (!document || !entry) return [];
      const self = { uri: document.uri, document };
      const path = entry.file.path;
      const { only } = params.context;
      const wants = (kind: string): boolean => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
      const actions: CodeAction[] = [];

      if (wants(CodeActionKind.QuickFix)) {
        for (const diagnostic of params.context.diagnostics) {
          if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
          // The diagnostic was made from this version's analysis when its rule and range match a finding; a diagnostic
          // of an older version matches nothing, and the editor asks again once the new diagnostics arrive.
          // A folder's analysis names files by the engine's `/`-separated paths, a lone one by the document's path.
          const finding = entry.analysis.findings.find(
            (f) => enginePath(f.file) === enginePath(path) && f.ruleId === String(diagnostic.code) && sameRange(toRange(f.span, document), diagnostic.range),
          );
          if (!finding) continue;
          for (const fix of finding.fixes) {
            const action = toQuickFix(fix, diagnostic, self, path, lookup);
            if (action) actions.push(action);
            else log.info(`"${fix.title}" was not offered: it edits a file that is neither open nor inside the workspace.`);
          }
          const suppress = suppressionFix(entry.analysis.model, document.getText(), finding);
          const action = suppress && toQuickFix(suppress, diagnostic, self, path, lookup);
          if (action) actions.push(action);
        }
      }

      // Fix-all runs only when asked for by kind (on save, or from the Source Action menu), never in the light bulb.
      if (only && wants(FIX_ALL_KIND)) {
        const edits = safeEdits(entry.analysis.findings, path).map((e): TextEdit => ({ range: toRange(e.span, document), newText: e.text }));
        if (edits.length > 0) actions.push({ title: 'Apply every safe WAF AI Lens fix', kind: FIX_ALL_KIND, edit: { changes: { [document.uri]: edits } } });
      }
      return actions;
    });
}

/**
 * The edits of every safe fix on this file, skipping a fix that overlaps one already taken (the next fix-all gets it).
 * Fixes that change what gets deployed are never among them, nor fixes that edit another file.
 */
export function safeEdits(findings: readonly Finding[], path: string): { span: Span; text: string }[] {
  const taken: { span: Span; text: string }[] = [];
  // Two insertions at one offset overlap too: their order would be arbitrary.
  const overlaps = (a: Span, b: Span): boolean => (a.start < b.end && b.start < a.end) || (a.start === b.start && a.start === a.end && b.start === b.end);
  for (const finding of findings) {
    if (finding.file !== path) continue;
    const fix = finding.fixes.find((f) => f.safe && f.edits.every((e) => e.file === undefined || e.file === path));
    if (!fix || fix.edits.some((e) => taken.some((t) => overlaps(t.span, e.span)))) continue;
    taken.push(...fix.edits.map((e) => ({ span: e.span, text: e.text })));
  }
  return taken;
}

function pathOf(uri: string): string | undefined {
  try {
    return typeof uri === 'string' && uri.toLowerCase().startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}
