// Runs `main` in process with the review answers the editor saves: ticked in Markdown and HTML, listed in JSON, a bad file said on stderr.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { answersFolder } from '../../../server/src/cli/answers';
import { main } from '../../../server/src/cli/main';
import { ANSWERS_PATH, emptyAnswers, serializeAnswers, withAnswer } from '../../../server/src/engine/review/answers';
import { escapeMarkdown } from '../../../server/src/engine/review/render/escape';
import { captureIo, tempFolder, writeTree, type CapturedIo } from './helpers';

/** An Azure OpenAI account: enough for a report with findings and review questions in every pillar. */
const OPENAI = `resource aoai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'aoai'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: { disableLocalAuth: true }
}
`;

const ANSWERS_FILE = ANSWERS_PATH.join('/');

/** The review questions of an HTML report, in order: id, principle and wording, as its checkboxes carry them. */
function questionsOf(html: string): Array<{ id: string; principle: string; question: string; checked: boolean }> {
  const pattern = /<input type="checkbox" data-question-id="([^"]+)" data-principle-id="([^"]+)"( checked)?> <span>([^<]+)<\/span>/g;
  return [...html.matchAll(pattern)].map((m) => ({ id: m[1]!, principle: m[2]!, question: m[4]!, checked: m[3] !== undefined }));
}

/** Undoes the HTML escaping of a question's text. */
function unescape(text: string): string {
  return text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))).replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

describe('cli: the review answers saved by the editor', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir, cleanup } = tempFolder());
    writeTree(dir, { 'infra/openai.bicep': OPENAI });
  });
  afterEach(() => cleanup());

  async function run(argv: string[]): Promise<{ code: number; io: CapturedIo }> {
    const io = captureIo(dir);
    return { code: await main(argv, io), io };
  }

  /** The exit code of a review without answers: answers never change it, since it is about findings. */
  let codeWithout: number;

  /** Two questions of the report, answered in `folder`'s answers file as the editor writes it. */
  async function answerTwo(folder: string): Promise<Array<{ id: string; principle: string; question: string }>> {
    const unanswered = await run(['review', 'infra', '--format', 'html']);
    codeWithout = unanswered.code;
    const questions = questionsOf(unanswered.io.out());
    assert.ok(questions.length >= 3, 'the report asks review questions');
    assert.ok(questions.every((q) => !q.checked), 'nothing is ticked without an answers file');
    const answered = [questions[0]!, questions[questions.length - 1]!].map((q) => ({ id: q.id, principle: q.principle, question: unescape(q.question) }));
    const file = answered.reduce((f, a) => withAnswer(f, a.id, { principle: a.principle, question: a.question }), emptyAnswers());
    writeTree(folder, { [ANSWERS_FILE]: serializeAnswers(file) });
    return answered;
  }

  it('ticks the answered questions in the HTML report, and only those', async () => {
    const answered = await answerTwo(path.join(dir, 'infra'));
    const { code, io } = await run(['review', 'infra', '--format', 'html']);
    assert.equal(code, codeWithout);
    assert.equal(io.err(), '');
    const ticked = questionsOf(io.out()).filter((q) => q.checked).map((q) => q.id);
    assert.deepEqual(ticked, answered.map((a) => a.id));
  });

  it('ticks the answered questions in the Markdown report, and only those', async () => {
    const answered = await answerTwo(path.join(dir, 'infra'));
    const out = (await run(['review', 'infra', '--format', 'markdown'])).io.out();
    const ticked = out.split('\n').filter((line) => line.startsWith('- [x] '));
    assert.deepEqual(ticked, answered.map((a) => `- [x] ${escapeMarkdown(a.question)}`));
    assert.ok(out.includes('- [ ] '), 'the other questions stay open');
  });

  it('lists the answers in the JSON document, sorted by id', async () => {
    const answered = await answerTwo(path.join(dir, 'infra'));
    const json = JSON.parse((await run(['review', 'infra', '--format', 'json'])).io.out());
    assert.deepEqual(json.answers, [...answered].sort((a, b) => (a.id < b.id ? -1 : 1)));
    fs.rmSync(path.join(dir, 'infra', ANSWERS_PATH[0]), { recursive: true });
    assert.deepEqual(JSON.parse((await run(['review', 'infra', '--format', 'json'])).io.out()).answers, [], 'no file, no answers');
  });

  it('says what is wrong with an invalid file on stderr, and reviews on with every question unanswered', async () => {
    await answerTwo(path.join(dir, 'infra'));
    writeTree(dir, { [`infra/${ANSWERS_FILE}`]: '{\n  "version": 1,\n  "answers": {\n    "x": { "principle": 1, "question": "Q?" }\n  }\n}\n' });
    const { code, io } = await run(['review', 'infra', '--format', 'html']);
    assert.equal(code, codeWithout, 'the exit code is about findings');
    assert.equal(
      io.err(),
      [
        'waf-ai-lens: infra/.waf-ai-lens/review-answers.json:4:25: error: "principle" of the answer to "x" must be a string, not the number 1.',
        'waf-ai-lens: infra/.waf-ai-lens/review-answers.json: the answers file is not valid, so the review questions are shown unanswered.',
        '',
      ].join('\n'),
    );
    assert.ok(questionsOf(io.out()).every((q) => !q.checked));
  });

  it('reads only the reviewed folder\'s own file: a link out of the folder is refused', async () => {
    const without = (await run(['review', 'infra', '--format', 'json'])).code;
    writeTree(dir, { 'elsewhere/review-answers.json': serializeAnswers(withAnswer(emptyAnswers(), 'x', { principle: 'p', question: 'q' })) });
    fs.mkdirSync(path.join(dir, 'infra', ANSWERS_PATH[0]));
    fs.symlinkSync(path.join(dir, 'elsewhere', 'review-answers.json'), path.join(dir, 'infra', ...ANSWERS_PATH));
    const { code, io } = await run(['review', 'infra', '--format', 'json']);
    assert.equal(code, without);
    assert.equal(io.err(), 'waf-ai-lens: infra/.waf-ai-lens/review-answers.json: error: the answers file leads outside infra, so it is not read; the review questions are shown unanswered.\n');
    assert.deepEqual(JSON.parse(io.out()).answers, []);
  });

  it('takes the answers of the first folder named, else of the working folder', () => {
    writeTree(dir, { 'app/main.tf': '' });
    assert.equal(answersFolder(['infra/openai.bicep', 'app', 'infra'], dir), path.join(dir, 'app'));
    assert.equal(answersFolder(['infra/openai.bicep', 'missing'], dir), dir);
    assert.equal(answersFolder([], dir), dir);
  });
});
