// Broken HCL: errors where the fixture's markers say, and the blocks marked `# expect-intact` parsed as if nothing broke.
//
// Fixture markers (test/fixtures/hcl/recovery/*.tf):
//   `#   ^^^^ error parse: text`  under a line: an error starts at the first caret, spans the carets (one caret for an
//                                 empty span) and its message contains `text`. Every error must be marked.
//   `# expect-intact`             the next top-level block must come out without errors and span from its header to
//                                 the first later line that is just `}`.
import * as assert from 'node:assert/strict';
import { hclToModel, parseHcl } from '../../../server/src/engine/parse/hcl';
import { assertErrorsAsMarked, survivalAfterRandomEdits, topLevelItems, type TopLevelItem } from '../../support/parseTests';
import { fixturesIn, readFixture, spanViolations } from './support';

/** Checks one recovery fixture against its markers. */
function check(fixture: string): void {
  const text = readFixture(fixture);
  const parsed = parseHcl(text);
  assert.deepEqual(spanViolations(text, parsed), []);
  assertErrorsAsMarked(text, parsed.errors);

  const model = hclToModel(fixture, text, parsed, 'tf');
  const lines = text.split('\n');
  let offset = 0;
  for (const line of lines) {
    const lineStart = offset;
    offset += line.length + 1;
    if (line.trim() !== '# expect-intact') continue;
    const headerStart = text.indexOf('\n', lineStart) + 1;
    const closing = text.indexOf('\n}', headerStart);
    const wholeBlock = text.slice(headerStart, closing + 2);
    const declaration = model.declarations.find((d) => d.span.start >= headerStart);
    assert.ok(declaration, `no declaration after the marker at line ${lines.indexOf(line) + 1}`);
    assert.equal(text.slice(declaration.span.start, declaration.span.end), wholeBlock);
    assert.equal(declaration.hasError, false, `${declaration.kind} ${declaration.name} has an error`);
  }
}

/** Top-level blocks of `text` as `kind name text`, each with whether it came out clean. */
function topLevel(text: string): TopLevelItem[] {
  return topLevelItems(text, hclToModel('f.tf', text, parseHcl(text), 'tf').declarations);
}

describe('HCL recovery: broken files', () => {
  for (const fixture of fixturesIn('recovery')) {
    it(`recovers from ${fixture}`, () => check(fixture));
  }

  it('keeps at least 90% of the later top-level blocks intact after deleting a "}" or inserting a \'"\' at random', () => {
    const sources = [...fixturesIn('valid'), ...fixturesIn('model')].map(readFixture);
    const { kept, total } = survivalAfterRandomEdits(sources, { seed: 20240601, rounds: 40, insert: '"', topLevel });
    assert.ok(total > 200, `only ${total} blocks measured`);
    assert.ok(kept / total >= 0.9, `kept ${kept} of ${total}`);
  });
});
