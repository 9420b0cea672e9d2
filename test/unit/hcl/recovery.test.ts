// Broken HCL: errors where the fixture's markers say, and the blocks marked `# expect-intact` parsed as if nothing broke.
//
// Fixture markers (test/fixtures/hcl/recovery/*.tf):
//   `#   ^^^^ error parse: text`  under a line: an error starts at the first caret, spans the carets (one caret for an
//                                 empty span) and its message contains `text`. Every error must be marked.
//   `# expect-intact`             the next top-level block must come out without errors and span from its header to
//                                 the first later line that is just `}`.
import * as assert from 'node:assert/strict';
import { hclToModel, parseHcl } from '../../../server/src/engine/parse/hcl';
import { lineColumn, readMarkers } from '../../support/markers';
import { fixturesIn, readFixture, seededRandom, spanViolations } from './support';

/** Renders an error the way a marker states it: `line:start-end message`, lines 1-based. */
function describeError(text: string, span: { start: number; end: number }, message: string): string {
  const start = lineColumn(text, span.start);
  const end = lineColumn(text, span.end);
  const lineLength = text.split(/\r?\n/)[start.line]!.length;
  const endColumn = span.end === span.start ? start.column + 1 : end.line === start.line ? end.column : lineLength;
  return `${start.line + 1}:${start.column}-${endColumn} ${message}`;
}

/** Checks one recovery fixture against its markers. */
function check(fixture: string): void {
  const text = readFixture(fixture);
  const parsed = parseHcl(text);
  assert.deepEqual(spanViolations(text, parsed), []);

  const expected = readMarkers(text).filter((m) => m.ruleId === 'parse');
  const actual = parsed.errors.map((e) => describeError(text, e.span, e.message));
  const matched = actual.map((a) => expected.find((m) => a.startsWith(`${m.line + 1}:${m.startColumn}-${m.endColumn} `) && a.includes(m.message ?? '')));
  const unexpected = actual.filter((_, i) => matched[i] === undefined);
  const missing = expected.filter((m) => !matched.includes(m)).map((m) => `${m.line + 1}:${m.startColumn}-${m.endColumn} ${m.message ?? ''}`);
  assert.deepEqual({ unexpected, missing }, { unexpected: [], missing: [] }, `actual errors:\n${actual.join('\n')}`);

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
function topLevel(text: string): { key: string; start: number; clean: boolean }[] {
  const parsed = parseHcl(text);
  return hclToModel('f.tf', text, parsed, 'tf').declarations.map((d) => ({
    key: `${d.kind} ${d.name} ${text.slice(d.span.start, d.span.end)}`,
    start: d.span.start,
    clean: !d.hasError,
  }));
}

describe('HCL recovery: broken files', () => {
  for (const fixture of fixturesIn('recovery')) {
    it(`recovers from ${fixture}`, () => check(fixture));
  }

  it('keeps at least 90% of the later top-level blocks intact after deleting a "}" or inserting a \'"\' at random', () => {
    const random = seededRandom(20240601);
    const sources = [...fixturesIn('valid'), ...fixturesIn('model')].map(readFixture);
    let kept = 0;
    let total = 0;
    for (const text of sources) {
      const original = topLevel(text);
      const braces = [...text.matchAll(/}/g)].map((m) => m.index!);
      for (let round = 0; round < 40; round++) {
        const deleteBrace = round % 2 === 0;
        const at = deleteBrace ? braces[Math.floor(random() * braces.length)]! : Math.floor(random() * text.length);
        const edited = deleteBrace ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + '"' + text.slice(at);
        const shift = deleteBrace ? -1 : 1;
        const after = topLevel(edited);
        for (const block of original.filter((b) => b.start > at)) {
          total++;
          if (after.some((b) => b.clean && b.key === block.key && b.start - shift === block.start)) kept++;
        }
      }
    }
    assert.ok(total > 200, `only ${total} blocks measured`);
    assert.ok(kept / total >= 0.9, `kept ${kept} of ${total}`);
  });
});
