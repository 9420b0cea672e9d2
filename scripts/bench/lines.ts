// Offset → 1-based line and column, for printing parse errors as `path:line:col` (the convention editors and terminals link).

/** The offset at which each line starts; a line ends at `\n` (a `\r` before it stays part of the line). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line and column (in UTF-16 code units, as VS Code counts) of an offset. */
export function positionAt(starts: readonly number[], offset: number): { line: number; col: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] as number) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, col: offset - (starts[low] as number) + 1 };
}
