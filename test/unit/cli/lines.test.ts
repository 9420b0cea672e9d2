// Tests the shared UTF-16 offset ↔ 1-based line/column map on LF, CRLF, CR, mixed breaks, BOMs and odd offsets.
import * as assert from 'node:assert/strict';
import { LineMap, computeLineStarts } from '../../../server/src/engine/text/lines';

/**
 * Each case is a text with a `|` marking a place, and the 1-based line and column of that place.
 * The marker is removed before mapping, so the cases read as the text an editor shows.
 */
const CASES: Array<[string, number, number]> = [
  ['|abc', 1, 1],
  ['ab|c', 1, 3],
  ['abc|', 1, 4],
  ['a\n|b', 2, 1],
  ['a\nb\nc|d', 3, 2],
  ['a\r\n|b', 2, 1],
  ['a\r\nb\r\nc|d', 3, 2],
  ['a\r|b', 2, 1],
  ['a\rb\rcc|', 3, 3],
  ['a\n\r\n\rb|', 4, 2],
  ['a\r\n\n|b', 3, 1],
  ['ab|\r\ncd', 1, 3],
  ['x\n|', 2, 1],
  // Columns count UTF-16 code units: an emoji is two.
  ['😀|a', 1, 3],
  ['\n  "é😀"|', 2, 8],
  // A BOM is not a column: editors hide it.
  ['\uFEFF|abc', 1, 1],
  ['\uFEFFab|c', 1, 3],
  ['\uFEFFa\n|b', 2, 1],
];

function check(marked: string, line: number, column: number): void {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const map = new LineMap(text);
  assert.deepEqual(map.lineColumn(offset), { line, column }, `position of | in ${JSON.stringify(marked)}`);
  assert.equal(map.offsetAt(line, column), offset, `offset of ${line}:${column} in ${JSON.stringify(marked)}`);
}

describe('engine/text/lines', () => {
  for (const [marked, line, column] of CASES) it(`maps ${JSON.stringify(marked)}`, () => check(marked, line, column));

  it('treats CRLF as one break and counts lines as editors do', () => {
    assert.deepEqual(computeLineStarts('a\r\nb\rc\nd'), [0, 3, 5, 7]);
    assert.equal(new LineMap('').lineCount, 1);
    assert.equal(new LineMap('a\n').lineCount, 2);
    assert.equal(new LineMap('a\r\n\r\n').lineCount, 3);
  });

  it('keeps an offset inside a CRLF pair on the line the pair ends', () => {
    assert.deepEqual(new LineMap('ab\r\ncd').lineColumn(3), { line: 1, column: 4 });
  });

  it('clamps offsets outside the text instead of throwing', () => {
    const map = new LineMap('ab\ncd');
    assert.deepEqual(map.lineColumn(-5), { line: 1, column: 1 });
    assert.deepEqual(map.lineColumn(99), { line: 2, column: 3 });
    assert.deepEqual(map.lineColumn(Number.NaN), { line: 1, column: 1 });
    assert.equal(map.offsetAt(0, 1), 0);
    assert.equal(map.offsetAt(9, 1), 5);
    assert.equal(map.offsetAt(1, 99), 2, 'a column past the end of its line stops before the break');
  });

  it('gives each line its text without the break', () => {
    const map = new LineMap('\uFEFFone\r\ntwo\rthree\n');
    assert.deepEqual([1, 2, 3, 4].map((l) => map.lineText(l)), ['one', 'two', 'three', '']);
  });
});
