// The review answers file, `.waf-ai-lens/review-answers.json`: its format, a strict reader that names every problem, and its writer.
import { parseJson, type JsonEntry, type JsonNode } from '../config/json';
import type { Span } from '../types';

/** Where the answers live, relative to the workspace (or reviewed) folder: beside the team's code, so that they can be committed. */
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

/** One thing wrong with an answers file: a full sentence, and where in the text it is. */
export interface AnswersProblem {
  message: string;
  span: Span;
}

/**
 * An answers file read as far as it is valid: every well-formed answer, and a problem for everything else.
 * A strict reader (the CLI) uses the answers only when there is no problem; a forgiving one (the editor, which must
 * never let a bad merge block its view) may use what was salvaged.
 */
export interface AnswersParse {
  file: AnswersFile;
  problems: AnswersProblem[];
}

const COMMENT = 'Answers to the WAF AI Lens review questions, written by "WAF AI Lens: Review workload". Commit this file so the team shares them.';

/** An answers file with no answer: what a missing or empty file means. */
export function emptyAnswers(): AnswersFile {
  return { version: 1, answers: {} };
}

/**
 * Reads the text of an answers file; never throws. Empty text is a file with no answers. The file must be a JSON object
 * with `version: 1` and an `answers` object mapping checklist ids to `{ "principle": string, "question": string }`;
 * `$comment` may say anything. Whatever else it holds is a problem.
 */
export function parseAnswersText(text: string): AnswersParse {
  if (text.trim() === '') return { file: emptyAnswers(), problems: [] };
  const parsed = parseJson(text);
  if (parsed.error) return { file: emptyAnswers(), problems: [{ message: `${parsed.error.message.replace(/\.$/, '')}: the file is not valid JSON.`, span: parsed.error.span }] };
  const problems: AnswersProblem[] = [];
  const problem = (message: string, span: Span): void => void problems.push({ message, span });
  const root = parsed.node;
  if (root.kind !== 'object') {
    problem(`The answers file must be a JSON object with "version" and "answers", not ${describe(root)}.`, root.span);
    return { file: emptyAnswers(), problems };
  }
  // A map, so that no id (not even "__proto__") can reach an object's prototype.
  const answers = new Map<string, Answer>();
  let version: JsonEntry | undefined;
  let answersEntry: JsonEntry | undefined;
  for (const entry of root.entries) {
    if (entry.key === '$comment') {
      if (entry.value.kind !== 'string') problem(`"$comment" must be a string, not ${describe(entry.value)}.`, entry.value.span);
    } else if (entry.key === 'version') {
      version = entry;
    } else if (entry.key === 'answers') {
      answersEntry = entry;
    } else {
      problem(`Unknown key "${entry.key}" in the answers file; expected "version", "answers" and "$comment".`, entry.keySpan);
    }
  }
  if (!version) problem('The answers file has no "version"; expected "version": 1.', root.span);
  else if (version.value.kind !== 'number' || version.value.value !== 1) problem(`Unsupported "version" ${describe(version.value)}; this version of WAF AI Lens reads version 1.`, version.value.span);
  if (!answersEntry) {
    problem('The answers file has no "answers" object.', root.span);
  } else if (answersEntry.value.kind !== 'object') {
    problem(`"answers" must be an object mapping checklist ids to answers, not ${describe(answersEntry.value)}.`, answersEntry.value.span);
  } else {
    for (const entry of answersEntry.value.entries) {
      const answer = readAnswer(entry, problem);
      if (!answer) continue;
      if (answers.has(entry.key)) problem(`The question "${entry.key}" is answered twice; the last answer counts.`, entry.keySpan);
      answers.set(entry.key, answer);
    }
  }
  return { file: { version: 1, answers: Object.fromEntries(answers) }, problems };
}

/** One entry of `answers`, or undefined (and a problem) when it is not a well-formed answer. */
function readAnswer(entry: JsonEntry, problem: (message: string, span: Span) => void): Answer | undefined {
  if (entry.key.trim() === '') {
    problem('An answer has an empty checklist id.', entry.keySpan);
    return undefined;
  }
  const value = entry.value;
  if (value.kind !== 'object') {
    problem(`The answer to "${entry.key}" must be an object with "principle" and "question", not ${describe(value)}.`, value.span);
    return undefined;
  }
  const fields: Partial<Answer> = {};
  let valid = true;
  for (const field of value.entries) {
    if (field.key !== 'principle' && field.key !== 'question') {
      // A problem, but the answer stands: what it says is still clear.
      problem(`Unknown key "${field.key}" in the answer to "${entry.key}"; expected "principle" and "question".`, field.keySpan);
    } else if (field.value.kind !== 'string') {
      problem(`"${field.key}" of the answer to "${entry.key}" must be a string, not ${describe(field.value)}.`, field.value.span);
      valid = false;
    } else {
      fields[field.key] = field.value.value;
    }
  }
  for (const key of ['principle', 'question'] as const) {
    if (!value.entries.some((f) => f.key === key)) {
      problem(`The answer to "${entry.key}" has no "${key}".`, value.span);
      valid = false;
    }
  }
  // An answer without both strings is left out whole: it would tick a box its file does not clearly state.
  if (!valid || fields.principle === undefined || fields.question === undefined) return undefined;
  return { principle: fields.principle, question: fields.question };
}

/** How a JSON value reads in a message. */
function describe(node: JsonNode): string {
  switch (node.kind) {
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'string':
      return `the string ${JSON.stringify(node.value.length > 40 ? `${node.value.slice(0, 40)}…` : node.value)}`;
    case 'number':
      return `the number ${node.value}`;
    case 'bool':
      return String(node.value);
    case 'null':
      return 'null';
  }
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

/** The ticked checklist ids, as the renderers' `answers` option and the editor's view take them. */
export function tickedIds(file: AnswersFile): Record<string, boolean> {
  return Object.fromEntries(Object.keys(file.answers).map((id) => [id, true]));
}
