// The review answers file, `.waf-ai-lens/review-answers.json`: parsing and writing it, without VS Code, so that it can be tested alone.

/** Where the answers live, relative to the workspace folder: beside the team's code, so that they can be committed. */
export const ANSWERS_PATH = ['.waf-ai-lens', 'review-answers.json'] as const;

/** One answered review question: the question as it was asked, so a reader of the file (or of its diff) sees what was answered. */
export interface Answer {
  principle: string;
  question: string;
}

/** The file's content: the ticked questions by checklist id. A question not in it is not (or no longer) answered. */
export interface AnswersFile {
  version: 1;
  answers: Record<string, Answer>;
}

const COMMENT = 'Answers to the WAF AI Lens review questions, written by "WAF AI Lens: Review workload". Commit this file so the team shares them.';

/** Reads the file's text; anything unreadable or of another shape gives no answers rather than an error, so a bad merge never blocks the view. */
export function parseAnswers(text: string | undefined): AnswersFile {
  const empty: AnswersFile = { version: 1, answers: {} };
  if (!text) return empty;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return empty;
  }
  if (!data || typeof data !== 'object' || !('answers' in data)) return empty;
  const raw = (data as { answers: unknown }).answers;
  if (!raw || typeof raw !== 'object') return empty;
  const answers: Record<string, Answer> = {};
  for (const [id, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!value || typeof value !== 'object') continue;
    const { principle, question } = value as Record<string, unknown>;
    if (typeof principle === 'string' && typeof question === 'string') answers[id] = { principle, question };
  }
  return { version: 1, answers };
}

/** Records one answer (ticked) or removes it (unticked); returns a new file. */
export function withAnswer(file: AnswersFile, id: string, answer: Answer | undefined): AnswersFile {
  const answers = { ...file.answers };
  if (answer) answers[id] = answer;
  else delete answers[id];
  return { version: 1, answers };
}

/** The file's text: keys sorted and two-space indented, so that diffs show only what changed. */
export function serializeAnswers(file: AnswersFile): string {
  const sorted: Record<string, Answer> = {};
  for (const id of Object.keys(file.answers).sort()) sorted[id] = { principle: file.answers[id]!.principle, question: file.answers[id]!.question };
  return `${JSON.stringify({ $comment: COMMENT, version: 1, answers: sorted }, null, 2)}\n`;
}

/** The ticked ids, as the view wants them. */
export function tickedIds(file: AnswersFile): Record<string, boolean> {
  return Object.fromEntries(Object.keys(file.answers).map((id) => [id, true]));
}
