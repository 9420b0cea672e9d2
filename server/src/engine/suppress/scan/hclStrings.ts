// The strings the Terraform front end read in a text that does not parse, which the suppression scan must not take for code.
import { parseHcl } from '../../parse/hcl';
import type { Span } from '../../types';

/**
 * The spans of every quoted string and heredoc in the HCL parser's tree. The comment scan follows the language; where
 * the text is broken, the parser's recovery can read more as a string than the language would (after an interpolation
 * it cannot close, it resumes string text right after the expression, comment and all). A suppression comment must be a
 * comment in both readings, or removing it could cut what the parser took for a string.
 * The walk is generic (any object with a `kind`), so node kinds added to the tree later are walked too.
 */
export function hclStringSpans(text: string): Span[] {
  const spans: Span[] = [];
  const stack: unknown[] = [parseHcl(text).tree];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    const record = node as Record<string, unknown>;
    if (record.kind === 'Template' && typeof record.start === 'number' && typeof record.end === 'number') spans.push({ start: record.start, end: record.end });
    for (const value of Object.values(record)) if (typeof value === 'object' && value !== null) stack.push(value);
  }
  return spans;
}
