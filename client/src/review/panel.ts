// The report view: one webview panel showing the server's report, opening findings in the editor and saving checklist answers.
import { randomBytes } from 'node:crypto';
import { env, Range, Uri, ViewColumn, window, type Disposable, type WebviewPanel } from 'vscode';
import type { AnswersStore } from './answers';
import type { ReviewAnswer } from './protocol';
import { isViewMessage, viewDocument, type HostMessage, type ViewMessage } from './webviewHtml';

/** The view type, for VS Code's bookkeeping and for tests that look for the panel. */
export const REVIEW_VIEW_TYPE = 'wafAiLens.review';

/** Shows reports in one panel, reused by every review so they do not pile up. */
export class ReviewPanel implements Disposable {
  private panel: WebviewPanel | undefined;
  private answer: ReviewAnswer | undefined;
  private answers: AnswersStore | undefined;
  private readonly disposables: Disposable[] = [];

  /** Shows a report (in the current panel, or a new one beside the editor) and ticks the saved answers. */
  show(answer: ReviewAnswer, answers: AnswersStore | undefined, title: string): void {
    this.answer = answer;
    this.answers = answers;
    if (!this.panel) {
      this.panel = window.createWebviewPanel(REVIEW_VIEW_TYPE, title, { viewColumn: ViewColumn.Active }, {
        enableScripts: true,
        enableCommandUris: false,
        // The report needs no file: its style and script are inline under a nonce, its charts are inline SVG.
        localResourceRoots: [],
        retainContextWhenHidden: false,
      });
      this.panel.onDidDispose(() => (this.panel = undefined), undefined, this.disposables);
      this.panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message), undefined, this.disposables);
    }
    this.panel.title = title;
    const nonce = randomBytes(16).toString('base64');
    this.panel.webview.html = viewDocument({ ...answer.html, nonce, cspSource: this.panel.webview.cspSource, title });
    this.panel.reveal(undefined, false);
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private async receive(message: unknown): Promise<void> {
    if (!isViewMessage(message)) return;
    try {
      await this.handle(message);
    } catch (error) {
      void window.showErrorMessage(`WAF AI Lens: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async handle(message: ViewMessage): Promise<void> {
    switch (message.type) {
      case 'ready': {
        // The view (re)loaded, e.g. after being hidden: tick the saved answers again.
        const answers = (await this.answers?.ticked()) ?? {};
        const reply: HostMessage = { type: 'answers', answers };
        await this.panel?.webview.postMessage(reply);
        return;
      }
      case 'open': {
        // Only files the server reviewed can be opened: the view cannot name any other file.
        const uri = this.answer?.files[message.file];
        if (!uri) return;
        const range = new Range(message.line - 1, message.column - 1, message.endLine - 1, message.endColumn - 1);
        await window.showTextDocument(Uri.parse(uri), { selection: range, viewColumn: ViewColumn.Beside, preview: true });
        return;
      }
      case 'answer': {
        if (!this.answers) {
          void window.showWarningMessage('WAF AI Lens: open a workspace folder to keep the answers to the review questions.');
          return;
        }
        await this.answers.set(message.id, message.checked ? { principle: message.principle, question: message.question } : undefined);
        return;
      }
      case 'external': {
        const uri = Uri.parse(message.url, true);
        if (uri.scheme === 'https') await env.openExternal(uri);
        return;
      }
    }
  }
}
