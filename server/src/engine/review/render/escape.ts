// Escaping for the review's renderers: every name and value from the code passes through here before it reaches HTML or Markdown.

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML and SVG content and for double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}

/**
 * Escapes text for Markdown prose and table cells (never the start of a line): a backslash before the characters that mean
 * something anywhere in a line (emphasis, code, links, table cells, strike-through), HTML-significant characters as
 * entities (so raw HTML in a name stays text in every renderer), and line breaks as spaces.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n|[\r\n]/g, ' ')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/[&<>"]/g, (c) => HTML_ENTITIES[c]!);
}

/** A Markdown code span holding `text` verbatim: the fence is one backtick longer than the longest run inside it. */
export function markdownCode(text: string): string {
  const clean = text.replace(/\r\n|[\r\n]/g, ' ');
  const longest = Math.max(0, ...[...clean.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') || clean === '' ? ' ' : '';
  // A `|` would still end a GFM table cell inside a code span; GFM honours `\|` there.
  return `${fence}${pad}${clean.replace(/\|/g, '\\|')}${pad}${fence}`;
}

/** A URL safe for an `href`: only http(s), relative paths and fragments; anything else (`javascript:`, `data:`) becomes `#`. */
export function safeHref(url: string): string {
  const trimmed = url.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/^https?:/i.test(trimmed)) return '#';
  return trimmed;
}
