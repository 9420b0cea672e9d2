// Reads the review answers the editor saves (`.waf-ai-lens/review-answers.json`) so the CLI's reports show them ticked; problems are reported, never fatal.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ANSWERS_PATH, parseAnswersText, type AnswersFile } from '../engine';
import { LineMap } from '../engine/text/lines';
import { displayPath } from './paths';
import { errorCode } from './problems';
import { isInside, isSymbolicLink } from './walk';

/** Far beyond any answers file (a few hundred bytes a question); a larger one is refused rather than read whole. */
const MAX_ANSWERS_BYTES = 1024 * 1024;

/** What was read: the answers when the file exists and is valid, and one line per problem (`path:line:col: error: message`). */
export interface LoadedAnswers {
  answers?: AnswersFile;
  problems: string[];
}

/**
 * The folder whose answers a review uses: the first folder named on the command line, as the editor keeps the answers
 * in the folder it reviews; else (only files named) the working folder.
 */
export function answersFolder(paths: readonly string[], cwd: string): string {
  for (const named of paths) {
    const absolute = path.resolve(cwd, named);
    try {
      if (fs.statSync(absolute).isDirectory()) return absolute;
    } catch {
      // A missing path is the walk's to report.
    }
  }
  return cwd;
}

/**
 * Reads `<folder>/.waf-ai-lens/review-answers.json`. No file: no answers and no problem. A file that is not valid, or
 * that lies outside `folder` by a symbolic link, gives problems and no answers: the review goes on with every question
 * unticked rather than with answers that its file does not clearly state.
 */
export function readAnswers(folder: string, cwd: string): LoadedAnswers {
  const file = path.join(folder, ...ANSWERS_PATH);
  const shown = displayPath(file, cwd);
  const refuse = (why: string): LoadedAnswers => ({ problems: [`${shown}: error: ${why}; the review questions are shown unanswered.`] });
  let real: string;
  let stat: fs.Stats;
  try {
    real = fs.realpathSync(file);
    stat = fs.statSync(real);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return isSymbolicLink(file) ? refuse('the answers file is a broken symbolic link') : { problems: [] };
    return refuse(`the answers file could not be read (${code})`);
  }
  // Only the reviewed folder's own file: a link out of it could make the report show (or probe) any file on the machine.
  if (!isInside(real, realFolder(folder))) return refuse(`the answers file leads outside ${displayPath(folder, cwd)}, so it is not read`);
  if (!stat.isFile()) return refuse('the answers file is not a regular file');
  if (stat.size > MAX_ANSWERS_BYTES) return refuse(`the answers file is larger than ${MAX_ANSWERS_BYTES / 1024 / 1024} MiB`);
  let text: string;
  try {
    text = fs.readFileSync(real, 'utf8');
  } catch (error) {
    return refuse(`the answers file could not be read (${errorCode(error)})`);
  }
  const parsed = parseAnswersText(text);
  if (parsed.problems.length === 0) return { answers: parsed.file, problems: [] };
  const lines = new LineMap(text);
  const problems = parsed.problems.map((p) => {
    const { line, column } = lines.lineColumn(p.span.start);
    return `${shown}:${line}:${column}: error: ${p.message}`;
  });
  problems.push(`${shown}: the answers file is not valid, so the review questions are shown unanswered.`);
  return { problems };
}

function realFolder(folder: string): string {
  try {
    return fs.realpathSync(folder);
  } catch {
    return folder;
  }
}
