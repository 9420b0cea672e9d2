// Estimates how wide a line of text is drawn, so the layout can size boxes and cut names without measuring in a browser.

/**
 * Advance widths in em of a sans-serif UI font (system-ui, Segoe UI, Roboto, DejaVu Sans), rounded up so the estimate
 * errs wide: a box sized by it holds the real text with room to spare in every font the report may fall back to.
 */
function advance(c: string): number {
  if (/[iljtf.,:;'|!()[\]{} ]/.test(c)) return 0.36;
  if (/[mwMW@%]/.test(c)) return 0.95;
  if (/[A-Z]/.test(c)) return 0.72;
  if (/[0-9]/.test(c)) return 0.62;
  if (/[a-z_\-/#"]/.test(c)) return 0.6;
  // Anything else (symbols, accented and other scripts, emoji) as a wide glyph: never too narrow.
  return c.charCodeAt(0) > 0x2e7f ? 1.1 : 0.8;
}

/** The drawn width in pixels of `text` at `size` px; bold is about 7 % wider. */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const c of text) em += advance(c);
  return em * size * (bold ? 1.08 : 1);
}

/** `text`, or as much of its start as fits in `max` pixels followed by an ellipsis. */
export function fitText(text: string, size: number, max: number, bold = false): string {
  if (textWidth(text, size, bold) <= max) return text;
  const chars = [...text];
  let width = textWidth('…', size, bold);
  let out = '';
  for (const c of chars) {
    const w = textWidth(c, size, bold);
    if (width + w > max) break;
    width += w;
    out += c;
  }
  return `${out}…`;
}
