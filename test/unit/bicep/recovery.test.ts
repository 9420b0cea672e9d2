// Broken Bicep: errors where the fixtures' markers say, later declarations intact, no throw and sound spans on any input.
//
// Fixture markers (test/fixtures/bicep/recovery/*.bicep):
//   `//   ^^^^ error parse: text`  under a line: an error starts at the first caret, spans the carets (one caret for an
//                                  empty span) and its message contains `text`. Every error must be marked.
//   `// expect-intact`             the next declaration must come out without errors and span from its first line to
//                                  the last line before the next blank line.
import * as assert from 'node:assert/strict';
import { bicepToModel, parseBicep } from '../../../server/src/engine/parse/bicep';
import { MAX_DEPTH } from '../../../server/src/engine/parse/bicep/parserBase';
import { assertErrorsAsMarked, survivalAfterRandomEdits, topLevelItems, type TopLevelItem } from '../../support/parseTests';
import { fixturesIn, readFixture, seededRandom, spanViolations } from './support';

/** Checks one recovery fixture against its markers. */
function check(fixture: string): void {
  const text = readFixture(fixture);
  const parsed = parseBicep(text);
  assert.deepEqual(spanViolations(text, parsed), []);
  assertErrorsAsMarked(text, parsed.errors);

  const model = bicepToModel(fixture, text, parsed, 'bicep');
  const lines = text.split('\n');
  let offset = 0;
  let intact = 0;
  lines.forEach((line, index) => {
    const lineStart = offset;
    offset += line.length + 1;
    if (line.trim() !== '// expect-intact') return;
    const first = lineStart + line.length + 1;
    const blank = text.indexOf('\n\n', first);
    const whole = text.slice(first, blank < 0 ? text.trimEnd().length : blank);
    const declaration = model.declarations.find((d) => d.span.start >= first);
    assert.ok(declaration, `no declaration after the marker at line ${index + 1}`);
    assert.equal(text.slice(declaration.span.start, declaration.span.end), whole);
    assert.equal(declaration.hasError, false, `${declaration.kind} ${declaration.name} has an error`);
    intact++;
  });
  assert.ok(intact > 0, 'the fixture marks no declaration as expect-intact');
}

/** Top-level declarations of `text` as `kind name text`, each with whether it came out clean. */
function topLevel(text: string): TopLevelItem[] {
  return topLevelItems(text, bicepToModel('f.bicep', text, parseBicep(text), 'bicep').declarations);
}

/** Every valid fixture's text, for the random tests. */
function validSources(): string[] {
  return [...fixturesIn('valid'), ...fixturesIn('model'), ...fixturesIn('recovery')].map(readFixture);
}

/** Asserts that parsing and modelling `text` neither throws nor breaks a span invariant. */
function assertSound(text: string, what: string): void {
  const parsed = parseBicep(text);
  const internal = parsed.errors.filter((e) => e.message.startsWith('Internal'));
  assert.deepEqual(internal, [], what);
  assert.deepEqual(spanViolations(text, parsed), [], what);
  const model = bicepToModel('f.bicep', text, parsed, 'bicep');
  for (const d of model.declarations) assert.ok(d.span.start <= d.span.end && d.span.end <= text.length, what);
}

describe('Bicep recovery: broken files', () => {
  for (const fixture of fixturesIn('recovery')) {
    it(`recovers from ${fixture}`, () => check(fixture));
  }

  it("keeps at least 90% of the later declarations intact after deleting a '}' or inserting a \"'\" at random", () => {
    const sources = [...fixturesIn('valid'), ...fixturesIn('model')].map(readFixture);
    const { kept, total } = survivalAfterRandomEdits(sources, { seed: 20240601, rounds: 60, insert: "'", topLevel });
    assert.ok(total > 1000, `only ${total} declarations measured`);
    assert.ok(kept / total >= 0.9, `kept ${kept} of ${total}`);
  });

  it('never throws and keeps spans sound on every truncation of every fixture', () => {
    for (const text of validSources()) {
      const step = Math.max(1, Math.floor(text.length / 300));
      for (let end = 0; end <= text.length; end += step) assertSound(text.slice(0, end), `truncated at ${end}`);
    }
  });

  it('never throws and keeps spans sound when random characters are inserted or deleted', () => {
    const random = seededRandom(7);
    const alphabet = ['{', '}', '[', ']', '(', ')', "'", "'''", '${', '$', ':', ',', '\n', '\r\n', '@', '.', '?', '!', '=>', '/*', '//', '#', '\\', '😀', '\uD800', '\uFEFF', 'resource x ', 'param '];
    for (const text of validSources()) {
      for (let round = 0; round < 80; round++) {
        let edited = text;
        for (let edit = 0; edit < 1 + Math.floor(random() * 4); edit++) {
          const at = Math.floor(random() * (edited.length + 1));
          edited = random() < 0.3 ? edited.slice(0, at) + edited.slice(at + 1 + Math.floor(random() * 20)) : edited.slice(0, at) + alphabet[Math.floor(random() * alphabet.length)]! + edited.slice(at);
        }
        assertSound(edited, `round ${round}`);
      }
    }
  });

  it('reports deep nesting once instead of overflowing the stack', () => {
    const cases: [string, string][] = [
      ['brackets', 'var x = ' + '['.repeat(10000)],
      ['closed brackets', 'var x = ' + '['.repeat(10000) + ']'.repeat(10000)],
      ['braces', 'var x = ' + '{a: '.repeat(10000) + '1' + '}'.repeat(10000)],
      ['open braces', 'var x = ' + '{'.repeat(10000)],
      ['parentheses', 'var x = ' + '('.repeat(10000) + '1' + ')'.repeat(10000)],
      ['open parentheses', 'var x = ' + '('.repeat(10000)],
      ['mixed', 'var x = ' + '[{a: ('.repeat(5000)],
      ['negations', 'var x = ' + '!'.repeat(50000) + 'a'],
      ['ternaries', 'var x = ' + 'a ? b : '.repeat(10000) + 'c'],
      ['lambdas', 'var x = ' + 'a => '.repeat(10000) + 'a'],
      ['member chain', 'var x = a' + '.b'.repeat(50000)],
      ['operator chain', 'var x = 1' + ' + 1'.repeat(50000)],
      ['interpolations', 'var x = ' + "'${".repeat(5000)],
      ['type parentheses', 'type t = ' + '('.repeat(10000) + 'string' + ')'.repeat(10000)],
      ['type objects', 'type t = ' + '{a: '.repeat(10000)],
      ['array types', 'type t = string' + '[]'.repeat(50000)],
      ['nested resources', "resource r 'a/b@1' = {\n" + "  resource r 'c@1' = {\n".repeat(2000)],
    ];
    for (const [name, text] of cases) {
      const parsed = parseBicep(text);
      assert.deepEqual(parsed.errors.filter((e) => e.message.startsWith('Internal')), [], name);
      assert.deepEqual(spanViolations(text, parsed), [], name);
      bicepToModel('deep.bicep', text, parsed, 'bicep');
      const deep = parsed.errors.filter((e) => e.message.startsWith('Nesting too deep'));
      const needsLimit = !['open braces', 'nested resources'].includes(name);
      assert.equal(deep.length, needsLimit ? 1 : 0, `${name}: ${parsed.errors.slice(0, 3).map((e) => e.message).join(' | ')}`);
    }
    assert.equal(MAX_DEPTH, 500);
  });

  it('stops an unclosed construct at the next declaration, whatever kind it is', () => {
    const heads = ["resource r 'a/b@1' = {", 'var v = {', 'var v = [', 'var v = f(', 'output o object = {', "module m './m.bicep' = {", 'type t = {', '@description(', 'func f() object => {'];
    const nexts = ["@description('d')\nparam p string", 'var w = 1', 'targetScope = \'subscription\'', "import { a } from './a.bicep'", 'extension graph', "metadata m = 'x'", "using './main.bicep'", 'type u = string', 'func g() int => 1', 'assert ok = true'];
    for (const head of heads) {
      for (const next of nexts) {
        const text = `${head}\n  a: 1\n\n${next}\n`;
        const declarations = topLevel(text);
        const last = declarations[declarations.length - 1]!;
        assert.ok(last.clean && last.key.endsWith(next), `${JSON.stringify(head)} then ${JSON.stringify(next)}: ${JSON.stringify(declarations)}`);
      }
    }
  });
});
