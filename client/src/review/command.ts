// The "WAF AI Lens: Review workload" command: asks the server for the report of a folder (or the workspace) and shows it.
import { randomUUID } from 'node:crypto';
import { CancellationError, commands, ProgressLocation, Uri, window, workspace, type Disposable, type ExtensionContext } from 'vscode';
import { State, WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';
import { AnswersStore } from './answers';
import { ReviewPanel } from './panel';
import { REVIEW_METHOD, type ReviewAnswer, type ReviewParams } from './protocol';

export const REVIEW_COMMAND = 'wafAiLens.reviewWorkload';

/** Registers the command and its report view; `client` is the running language client, which does the analysis. */
export function registerReviewCommand(context: ExtensionContext, client: LanguageClient): Disposable {
  const panel = new ReviewPanel();
  const command = commands.registerCommand(REVIEW_COMMAND, (folder?: Uri) => reviewWorkload(client, panel, folder));
  context.subscriptions.push(panel);
  return command;
}

/** Runs one review: from the explorer, of the folder clicked; from the palette, of every workspace folder. */
async function reviewWorkload(client: LanguageClient, panel: ReviewPanel, folder: Uri | undefined): Promise<void> {
  const target = folder instanceof Uri ? folder : undefined;
  if (!workspace.workspaceFolders?.length) {
    void window.showInformationMessage('WAF AI Lens: open a folder to review the Bicep and Terraform code of its workload.');
    return;
  }
  if (target && !workspace.getWorkspaceFolder(target)) {
    void window.showWarningMessage('WAF AI Lens reviews folders of the workspace only.');
    return;
  }
  if (client.state !== State.Running) {
    void window.showErrorMessage('WAF AI Lens: the language server is not running; the "WAF AI Lens" output channel says why.');
    return;
  }
  const workDoneToken = randomUUID();
  const params: ReviewParams = { workDoneToken, ...(target ? { folders: [target.toString()] } : {}) };
  let answer: ReviewAnswer;
  try {
    answer = await window.withProgress(
      { location: ProgressLocation.Notification, title: 'WAF AI Lens: Reviewing the workload', cancellable: true },
      async (progress, token) => {
        // The server reports file by file on our token; pass its words and percentage on to the notification.
        let done = 0;
        const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
          if (value.kind === 'end') return;
          const percentage = value.percentage ?? done;
          progress.report({ message: value.message, increment: Math.max(0, percentage - done) });
          done = Math.max(done, percentage);
        });
        try {
          return await client.sendRequest<ReviewAnswer>(REVIEW_METHOD, params, token);
        } finally {
          listener.dispose();
        }
      },
    );
  } catch (error) {
    if (error instanceof CancellationError || (error instanceof Error && /cancel/i.test(error.message))) return;
    void window.showErrorMessage(`WAF AI Lens could not review the workload: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  const home = workspace.getWorkspaceFolder(Uri.parse(answer.folders[0] ?? workspace.workspaceFolders[0]!.uri.toString())) ?? workspace.workspaceFolders[0]!;
  const name = target ? workspace.asRelativePath(target, true) : workspace.name ?? home.name;
  panel.show(answer, new AnswersStore(home), `Review: ${name}`);
  if (answer.files && Object.keys(answer.files).length === 0) {
    void window.showInformationMessage('WAF AI Lens found no Bicep or Terraform file to review there.');
  } else if (answer.skipped.length > 0) {
    void window.showWarningMessage(`WAF AI Lens skipped ${answer.skipped.length} file(s): ${answer.skipped.map((s) => `${s.path} (${s.message})`).join('; ')}`);
  }
}
