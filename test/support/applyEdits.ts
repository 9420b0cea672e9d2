// Applies engine text edits to a text, last edit first, as an editor would.
import type { TextEdit } from '../../server/src/engine/types';

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.span.start) + edit.text + result.slice(edit.span.end);
  return result;
}
