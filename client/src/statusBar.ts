// The status bar item: how many WAF AI Lens findings the active file has, from the diagnostics VS Code already holds.
import { languages, StatusBarAlignment, window, type Disposable, type DocumentSelector, type TextEditor } from 'vscode';
import { countFindings, statusOf } from './findingsSummary';

/**
 * Shows the finding count of the active editor's file while it is one the server analyses.
 * It counts `languages.getDiagnostics(uri)` filtered by our source instead of asking the server: the count then agrees
 * with the Problems panel by construction, follows every publication (settings changes included) with no protocol of
 * our own, and the server stays a plain LSP server that other editors use as is. Counting is presentation, not analysis.
 */
export function createFindingsStatus(selector: DocumentSelector): Disposable {
  const item = window.createStatusBarItem('wafAiLens.findings', StatusBarAlignment.Right, 100);
  item.name = 'WAF AI Lens findings';
  item.command = 'workbench.actions.view.problems';

  const update = (editor: TextEditor | undefined = window.activeTextEditor): void => {
    if (!editor || languages.match(selector, editor.document) === 0) {
      item.hide();
      return;
    }
    const name = editor.document.uri.path.split('/').pop() ?? editor.document.uri.toString();
    const { text, tooltip } = statusOf(countFindings(languages.getDiagnostics(editor.document.uri)), name);
    item.text = text;
    item.tooltip = tooltip;
    item.show();
  };

  const subscriptions = [
    item,
    window.onDidChangeActiveTextEditor((editor) => update(editor)),
    languages.onDidChangeDiagnostics((event) => {
      const active = window.activeTextEditor?.document.uri.toString();
      if (active && event.uris.some((uri) => uri.toString() === active)) update();
    }),
  ];
  update();
  return { dispose: () => subscriptions.forEach((s) => s.dispose()) };
}
