// Tests the review answers file's format (server/src/engine/review/answers.ts): what it writes, reads back, and every problem it names.
import * as assert from 'node:assert/strict';
import { emptyAnswers, parseAnswersText, serializeAnswers, tickedIds, withAnswer, type AnswersFile } from '../../../server/src/engine/review/answers';

const RED_TEAM = { principle: 'security.security-testing', question: 'Is there a red team?' };
const COST_MODEL = { principle: 'cost.cost-drivers', question: 'Is there a cost model?' };

/** The file's text with `answers` as given (any JSON), version 1. */
function fileWith(answers: unknown): string {
  return JSON.stringify({ version: 1, answers });
}

/**
 * Invalid files: the text, the answers a forgiving reader salvages from it, and for each problem (in order) the text it
 * points at and a fragment of its message.
 */
const INVALID: Array<{ name: string; text: string; salvaged: AnswersFile['answers']; problems: Array<[at: string, says: string]> }> = [
  { name: 'not JSON', text: '{"version": 1, "answers": {', salvaged: {}, problems: [['', 'not valid JSON']] },
  { name: 'an array', text: '[]', salvaged: {}, problems: [['[]', 'must be a JSON object with "version" and "answers", not an array']] },
  { name: 'no version', text: '{"answers": {}}', salvaged: {}, problems: [['{"answers": {}}', 'no "version"']] },
  { name: 'a later version', text: '{"version": 2, "answers": {}}', salvaged: {}, problems: [['2', 'Unsupported "version" the number 2']] },
  { name: 'no answers', text: '{"version": 1}', salvaged: {}, problems: [['{"version": 1}', 'no "answers" object']] },
  { name: 'answers not an object', text: '{"version": 1, "answers": 3}', salvaged: {}, problems: [['3', '"answers" must be an object mapping checklist ids to answers, not the number 3']] },
  { name: 'an unknown key', text: '{"version": 1, "answers": {}, "extra": true}', salvaged: {}, problems: [['"extra"', 'Unknown key "extra"']] },
  { name: 'a comment that is not a string', text: '{"$comment": 1, "version": 1, "answers": {}}', salvaged: {}, problems: [['1', '"$comment" must be a string']] },
  {
    name: 'an answer that is not an object',
    text: fileWith({ 'cost.cost-drivers#a': COST_MODEL, x: 'yes' }),
    salvaged: { 'cost.cost-drivers#a': COST_MODEL },
    problems: [['"yes"', 'The answer to "x" must be an object']],
  },
  { name: 'a field of the wrong type', text: fileWith({ x: { principle: 1, question: 'Q?' } }), salvaged: {}, problems: [['1', '"principle" of the answer to "x" must be a string, not the number 1']] },
  { name: 'a missing field', text: fileWith({ x: { principle: 'p' } }), salvaged: {}, problems: [['{"principle":"p"}', 'The answer to "x" has no "question"']] },
  { name: 'an empty id', text: fileWith({ '': COST_MODEL }), salvaged: {}, problems: [['""', 'empty checklist id']] },
  {
    name: 'an unknown field in an answer (the answer still reads)',
    text: fileWith({ x: { ...COST_MODEL, by: 'me' } }),
    salvaged: { x: COST_MODEL },
    problems: [['"by"', 'Unknown key "by" in the answer to "x"']],
  },
  {
    name: 'an id answered twice',
    text: '{"version": 1, "answers": {"x": {"principle": "p", "question": "old"}, "x": {"principle": "p", "question": "new"}}}',
    salvaged: { x: { principle: 'p', question: 'new' } },
    problems: [['"x"', 'answered twice']],
  },
];

describe('review answers file', () => {
  it('keeps answers in a stable, diff-friendly file and reads back what it wrote, with no problem', () => {
    let file = emptyAnswers();
    file = withAnswer(file, 'security.security-testing#b', RED_TEAM);
    file = withAnswer(file, 'cost.cost-drivers#a', COST_MODEL);
    const text = serializeAnswers(file);
    assert.deepEqual(Object.keys(JSON.parse(text).answers), ['cost.cost-drivers#a', 'security.security-testing#b'], 'sorted');
    assert.match(text, /"\$comment": "Answers to the WAF AI Lens review questions/);
    assert.ok(text.endsWith('}\n'));
    assert.deepEqual(parseAnswersText(text), { file, problems: [] });
    const cleared = withAnswer(parseAnswersText(text).file, 'cost.cost-drivers#a', undefined);
    assert.deepEqual(tickedIds(cleared), { 'security.security-testing#b': true }, 'clearing a box forgets it');
  });

  it('reads an empty file as no answers and no problem', () => {
    for (const text of ['', '  \n']) assert.deepEqual(parseAnswersText(text), { file: emptyAnswers(), problems: [] }, JSON.stringify(text));
  });

  for (const { name, text, salvaged, problems } of INVALID) {
    it(`names the problem with ${name}, where it is, and salvages only well-formed answers`, () => {
      const parsed = parseAnswersText(text);
      assert.deepEqual(parsed.file, { version: 1, answers: salvaged });
      const messages = parsed.problems.map((p) => p.message).join('\n');
      assert.equal(parsed.problems.length, problems.length, messages);
      parsed.problems.forEach((problem, i) => {
        const [at, says] = problems[i]!;
        assert.equal(text.slice(problem.span.start, problem.span.end), at, problem.message);
        assert.ok(problem.message.includes(says), `${JSON.stringify(problem.message)} does not say ${JSON.stringify(says)}`);
      });
    });
  }

  it('keeps an id such as "__proto__" as data, never as the prototype of the answers', () => {
    const parsed = parseAnswersText('{"version": 1, "answers": {"__proto__": {"principle": "p", "question": "q"}}}');
    assert.deepEqual(parsed.problems, []);
    assert.equal(Object.getPrototypeOf(parsed.file.answers), Object.prototype);
    assert.deepEqual(Object.keys(parsed.file.answers), ['__proto__']);
    assert.deepEqual(tickedIds(parsed.file), Object.fromEntries([['__proto__', true]]));
  });
});
