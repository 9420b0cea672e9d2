// Keeps the review answers in `.waf-ai-lens/review-answers.json` of the workspace folder, so the team can commit and share them.
import { Uri, workspace, type WorkspaceFolder } from 'vscode';
// The file's format is the engine's, which the CLI reads too; the client only stores it (a pure module, no analysis).
import { ANSWERS_PATH, emptyAnswers, parseAnswersText, serializeAnswers, tickedIds, withAnswer, type Answer, type AnswersFile } from '../../../server/src/engine/review/answers';

/**
 * The answers of one workspace folder. A file, not `workspaceState`, because the questions are about the workload, not
 * about one person's machine: in the repository the answers travel with the code, show up in reviews of pull requests,
 * and survive a fresh clone. The file is written only when someone ticks or clears a box.
 */
export class AnswersStore {
  private readonly uri: Uri;
  /** Writes go one after another, so two quick clicks cannot lose an answer. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly folder: WorkspaceFolder) {
    this.uri = Uri.joinPath(folder.uri, ...ANSWERS_PATH);
  }

  /** The ticked question ids; none when the file does not exist or cannot be read. */
  async ticked(): Promise<Record<string, boolean>> {
    return tickedIds(await this.read());
  }

  /** Records a ticked question, or forgets a cleared one, and writes the file. */
  set(id: string, answer: Answer | undefined): Promise<void> {
    const next = this.queue.then(async () => {
      const updated = withAnswer(await this.read(), id, answer);
      await workspace.fs.createDirectory(Uri.joinPath(this.folder.uri, ANSWERS_PATH[0]));
      await workspace.fs.writeFile(this.uri, Buffer.from(serializeAnswers(updated), 'utf8'));
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * The file as far as it is valid. Unlike the CLI, which refuses a file with any problem, the view keeps the answers
   * it can read: a bad merge must never block it, and the next tick writes the file back clean.
   */
  private async read(): Promise<AnswersFile> {
    let text: string;
    try {
      text = Buffer.from(await workspace.fs.readFile(this.uri)).toString('utf8');
    } catch {
      return emptyAnswers();
    }
    return parseAnswersText(text).file;
  }
}
