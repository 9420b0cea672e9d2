// The report view's document: the server's report body inside a strict content security policy, with the one small script that makes it interactive.

/** Messages the view posts to the extension. */
export type ViewMessage =
  | { type: 'ready' }
  | { type: 'open'; file: string; line: number; column: number; endLine: number; endColumn: number }
  | { type: 'answer'; id: string; principle: string; question: string; checked: boolean }
  | { type: 'external'; url: string };

/** Messages the extension posts to the view. */
export type HostMessage = { type: 'answers'; answers: Record<string, boolean> };

/**
 * The script of the view, run under the nonce. It does three things and nothing else: a click on a place in the code asks
 * the extension to open it (a compact link's file is looked up in the report's table of paths, and its title is set on
 * hover); a ticked or cleared review question is sent to be saved; answers sent by the extension tick their boxes.
 * Links to the web are opened by the extension, which allows only https.
 */
export const VIEW_SCRIPT = `(function () {
  const vscode = acquireVsCodeApi();
  const num = (value) => Number.parseInt(value || '1', 10) || 1;
  // A compact link (data-loc) names its file by an index into the report's table of paths, read once when first needed.
  let files;
  const fileAt = (index) => {
    if (!files) {
      const table = document.getElementById('wal-files');
      files = table && table.content ? Array.from(table.content.children, (item) => item.textContent || '') : [];
    }
    return files[Number.parseInt(index || '', 10)] || '';
  };
  const place = (d) => {
    if (d.loc === undefined) return { file: d.file || '', line: num(d.line), column: num(d.column), endLine: num(d.endLine), endColumn: num(d.endColumn) };
    const [file, line, column, endLine, endColumn] = d.loc.split(':');
    return { file: fileAt(file), line: num(line), column: num(column), endLine: num(endLine), endColumn: num(endColumn) };
  };
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a') : null;
    if (!link) return;
    const href = link.getAttribute('href') || '';
    if (link.classList.contains('loc')) {
      event.preventDefault();
      vscode.postMessage({ type: 'open', ...place(link.dataset) });
    } else if (!href.startsWith('#')) {
      event.preventDefault();
      vscode.postMessage({ type: 'external', url: href });
    }
  });
  // A compact link gets the title a full one carries, when the pointer first rests on it.
  document.addEventListener('mouseover', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a.loc[data-loc]') : null;
    if (link && !link.title) link.title = 'Open ' + link.textContent;
  });
  document.addEventListener('change', (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || !box.dataset.questionId) return;
    const label = box.closest('label');
    vscode.postMessage({ type: 'answer', id: box.dataset.questionId, principle: box.dataset.principleId || '', question: label ? label.textContent.trim() : '', checked: box.checked });
  });
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || message.type !== 'answers') return;
    for (const box of document.querySelectorAll('input[data-question-id]')) box.checked = message.answers[box.dataset.questionId] === true;
  });
  vscode.postMessage({ type: 'ready' });
})();`;

/** The content security policy of the view: nothing but our nonce'd style and script, and images from the view itself or data URIs. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return `default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src ${cspSource} data:;`;
}

/** The whole document of the view. `body` and `css` come from the server's renderer, which escapes every value from the code. */
export function viewDocument(options: { body: string; css: string; nonce: string; cspSource: string; title: string }): string {
  const { body, css, nonce, cspSource, title } = options;
  const escapedTitle = title.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(cspSource, nonce)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapedTitle}</title>`,
    `<style nonce="${nonce}">${css}</style>`,
    '</head>',
    '<body>',
    body,
    `<script nonce="${nonce}">${VIEW_SCRIPT}</script>`,
    '</body>',
    '</html>',
  ].join('\n');
}

/** True for a message the view may send; anything else is ignored, since the view's content came from files in the workspace. */
export function isViewMessage(value: unknown): value is ViewMessage {
  if (!value || typeof value !== 'object') return false;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return true;
    case 'open':
      return typeof m.file === 'string' && [m.line, m.column, m.endLine, m.endColumn].every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 1);
    case 'answer':
      return typeof m.id === 'string' && typeof m.principle === 'string' && typeof m.question === 'string' && typeof m.checked === 'boolean';
    case 'external':
      return typeof m.url === 'string';
    default:
      return false;
  }
}
