// Finds where Bicep line comments start, from the Bicep front end's own tokens, so a `//` in a string is never one.
import { lex } from '../../parse/bicep/lexer';
import type { Span } from '../../types';

/**
 * The `//` comments of the text, in order, each up to (not including) the line break that ends it. The lexer cuts strings (one-line, multi-line, interpolated,
 * unterminated) into tokens the same way whether or not the parser later gives up, and comments are only ever trivia
 * between tokens; so a `//` counts when it starts a comment in that trivia, and never when it lies in a token.
 */
export function bicepLineComments(text: string): Span[] {
  const { tokens } = lex(text);
  const found: Span[] = [];
  let from = 0;
  // The token list ends with an EOF token at the end of the text, so the trivia after the last real token is scanned too.
  for (let i = 0; i < tokens.count; i++) {
    scanTrivia(text, from, tokens.start[i]!, found);
    from = tokens.end[i]!;
  }
  return found;
}

/**
 * Walks the trivia between two tokens: spaces, line breaks, `//` and `/* … *\/` comments, and `#` pragma lines.
 * A `//` inside a block comment or a pragma line starts nothing, which is why the trivia is walked and not searched.
 */
function scanTrivia(text: string, start: number, end: number, found: Span[]): void {
  let p = start;
  while (p < end) {
    const c = text.charCodeAt(p);
    const d = text.charCodeAt(p + 1);
    if (c === 0x2f && d === 0x2f) {
      const comment = p;
      p = lineEnd(text, p, end);
      found.push({ start: comment, end: p });
    } else if (c === 0x2f && d === 0x2a) {
      const close = text.indexOf('*/', p + 2);
      p = close < 0 || close + 2 > end ? end : close + 2;
    } else if (c === 0x23) {
      // Only a pragma line (`#disable-next-line …`) can put a `#` in the trivia; it runs to the end of its line.
      p = lineEnd(text, p, end);
    } else {
      p++;
    }
  }
}

/** The offset of the line break ending the line at `p` (or `end`, whichever comes first). */
function lineEnd(text: string, p: number, end: number): number {
  while (p < end) {
    const c = text.charCodeAt(p);
    if (c === 0x0a || c === 0x0d) return p;
    p++;
  }
  return end;
}
