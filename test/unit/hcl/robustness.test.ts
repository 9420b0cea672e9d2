// Parsing never throws, whatever the text: seeded random edits of every fixture, pathological nesting, odd characters.
import * as assert from 'node:assert/strict';
import { hclToModel, parseHcl } from '../../../server/src/engine/parse/hcl';
import { MAX_NESTING } from '../../../server/src/engine/parse/hcl/parserBase';
import { fixturesIn, modelViolations, readFixture, seededRandom, spanViolations } from './support';

/** Parses and models `text`; fails with the reproducer in the message when anything throws or a span is unsound. */
function check(text: string, what: string): void {
  let problems: string[];
  try {
    const parsed = parseHcl(text);
    problems = spanViolations(text, parsed);
    problems.push(...modelViolations(text, hclToModel('fuzz.tf', text, parsed, 'tf')));
  } catch (e) {
    problems = [`threw ${e instanceof Error ? e.stack : String(e)}`];
  }
  assert.deepEqual(problems, [], `${what}: ${JSON.stringify(text.length > 400 ? text.slice(0, 400) + '…' : text)}`);
}

/** Snippets spliced into the fixtures: openers and closers, quotes, template and heredoc starters, odd characters. */
const SNIPPETS = ['{', '}', '[', ']', '(', ')', '"', '${', '%{', '~}', '<<EOT\n', '<<-', '\n', '=', ',', '.', '...', '::', '#', '/*', '*/', '\\', '\\u12', 'for ', ' if ', '?', ':', '=>', '😀', '\uFEFF', '\r', '\t', 'endif', '%{ else }'];

/** Deeply nested inputs: each must end in a "nesting too deep" error (or none, for chains that do not nest calls). */
const DEEP: [string, string, boolean][] = [
  ['lists', 'x = ' + '['.repeat(10000) + ']'.repeat(10000), true],
  ['unclosed lists', 'x = ' + '['.repeat(10000), true],
  ['parentheses', 'x = ' + '('.repeat(10000) + '1' + ')'.repeat(10000), true],
  ['objects', 'x = ' + '{a = '.repeat(10000) + '1' + '}'.repeat(10000), true],
  ['unclosed braces', 'x = ' + '{'.repeat(10000), false],
  ['blocks', 'a {\n'.repeat(10000) + '}\n'.repeat(10000), true],
  ['calls', 'x = ' + 'f('.repeat(10000) + ')'.repeat(10000), true],
  ['interpolations', 'x = ' + '"${'.repeat(10000), true],
  ['directives', 'x = "' + '%{ if a }'.repeat(10000) + '"', true],
  ['heredoc directives', 'x = <<EOT\n' + '%{ for a in b }\n'.repeat(10000) + 'EOT\n', true],
  ['for expressions', 'x = ' + '[for a in '.repeat(10000), true],
  ['conditionals', 'x = ' + 'a ? b : '.repeat(10000) + 'c', true],
  ['mixed', 'x = ' + '[{("${'.repeat(2500), true],
  ['unary operators', 'x = ' + '!-'.repeat(100000) + 'a', false],
  ['binary operators', 'x = ' + 'a + '.repeat(100000) + 'a', false],
  ['traversals', 'x = a' + '.b[0]'.repeat(100000), false],
];

describe('HCL robustness', () => {
  const fixtures = [...fixturesIn('valid'), ...fixturesIn('recovery'), ...fixturesIn('model')];

  it('never throws and keeps spans sound on every prefix of every fixture (typing from the top)', () => {
    for (const fixture of fixtures) {
      const text = readFixture(fixture);
      const step = Math.max(1, Math.floor(text.length / 150));
      for (let end = 0; end <= text.length; end += step) check(text.slice(0, end), `${fixture} cut at ${end}`);
    }
  });

  it('never throws and keeps spans sound under 3000 seeded random edits', () => {
    const random = seededRandom(7);
    const texts = fixtures.map(readFixture);
    for (let round = 0; round < 3000; round++) {
      let text = texts[round % texts.length]!;
      const edits = 1 + Math.floor(random() * 4);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(random() * (text.length + 1));
        const choice = random();
        if (choice < 0.4) text = text.slice(0, at) + SNIPPETS[Math.floor(random() * SNIPPETS.length)]! + text.slice(at);
        else if (choice < 0.8) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 20));
        else text = text.slice(0, at) + text.slice(Math.floor(random() * text.length)); // splice two regions together
      }
      check(text, `round ${round}`);
    }
  });

  it('never throws on random characters', () => {
    const random = seededRandom(99);
    const alphabet = 'ab_-09 \t\n\r{}[]()"\'$%~<>=!&|?:.,*/+#\\😀é\uFEFF';
    for (let round = 0; round < 300; round++) {
      let text = '';
      const length = Math.floor(random() * 400);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      check(text, `random ${round}`);
    }
  });

  for (const [name, text, reportsDepth] of DEEP) {
    it(`survives 10,000 levels of ${name}`, () => {
      check(text, name);
      const { errors } = parseHcl(text);
      if (reportsDepth) assert.ok(errors.some((e) => e.message.startsWith('Nesting too deep')), errors.slice(0, 3).map((e) => e.message).join('; '));
    });
  }

  it('accepts nesting up to the limit without a depth error', () => {
    const depth = Math.floor(MAX_NESTING / 2) - 2;
    const text = 'x = ' + '['.repeat(depth) + ']'.repeat(depth) + '\n';
    assert.deepEqual(parseHcl(text).errors, []);
  });
});
