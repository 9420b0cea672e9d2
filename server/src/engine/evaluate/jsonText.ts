// Reads JSON text into evaluator values whose every part remembers its exact span, so a setting loaded from a JSON file points at (and its fix edits) the literal there.
import type { EEntry, EV } from './value';

/** Deeper nesting than this is not read: no configuration file needs it, and it bounds the work. */
const MAX_NESTING = 64;

/**
 * The value of a JSON text, or undefined when it is not JSON. Each value's site is its span in `file`, described as
 * "`$.a.b` in `name`". Comments (`//`, `/* … *\/`) are skipped, as Bicep's own JSON reader allows them.
 */
export function parseJsonWithSites(text: string, file: string, name: string): EV | undefined {
  let at = 0;
  const fail = (): never => {
    throw new NotJson();
  };
  const skip = (): void => {
    for (;;) {
      while (at < text.length && /\s/.test(text[at]!)) at++;
      if (text.startsWith('//', at)) {
        const end = text.indexOf('\n', at);
        at = end < 0 ? text.length : end + 1;
      } else if (text.startsWith('/*', at)) {
        const end = text.indexOf('*/', at + 2);
        if (end < 0) fail();
        at = end + 2;
      } else return;
    }
  };
  const site = (start: number, path: string): EV['site'] => ({ file, span: { start, end: at }, description: `\`${path}\` in \`${name}\`` });
  const string = (): string => {
    const start = at;
    at++;
    while (at < text.length && text[at] !== '"') {
      if (text[at] === '\\') at++;
      if (text[at] === '\n') fail();
      at++;
    }
    if (at >= text.length) fail();
    at++;
    try {
      return JSON.parse(text.slice(start, at)) as string;
    } catch {
      return fail();
    }
  };
  const value = (path: string, depth: number): EV => {
    if (depth > MAX_NESTING) fail();
    skip();
    const start = at;
    const c = text[at];
    if (c === '{') {
      at++;
      const entries: EEntry[] = [];
      skip();
      if (text[at] === '}') at++;
      else {
        for (;;) {
          skip();
          if (text[at] !== '"') fail();
          const key = string();
          skip();
          if (text[at] !== ':') fail();
          at++;
          const item = value(`${path}.${key}`, depth + 1);
          // A repeated key: the last one wins, as JSON readers do.
          const index = entries.findIndex((e) => e.key === key);
          if (index >= 0) entries.splice(index, 1);
          entries.push({ key, value: item });
          skip();
          if (text[at] === ',') at++;
          else if (text[at] === '}') {
            at++;
            break;
          } else fail();
        }
      }
      return { kind: 'object', entries, site: site(start, path) };
    }
    if (c === '[') {
      at++;
      const items: EV[] = [];
      skip();
      if (text[at] === ']') at++;
      else {
        for (;;) {
          items.push(value(`${path}[${items.length}]`, depth + 1));
          skip();
          if (text[at] === ',') at++;
          else if (text[at] === ']') {
            at++;
            break;
          } else fail();
        }
      }
      return { kind: 'array', items, site: site(start, path) };
    }
    if (c === '"') {
      const s = string();
      return { kind: 'string', value: s, site: site(start, path) };
    }
    const word = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(at, at + 400));
    if (!word) return fail();
    at += word[0].length;
    if (word[0] === 'true' || word[0] === 'false') return { kind: 'bool', value: word[0] === 'true', site: site(start, path) };
    if (word[0] === 'null') return { kind: 'null', site: site(start, path) };
    return { kind: 'number', value: Number(word[0]), site: site(start, path) };
  };
  try {
    // A byte-order mark is not part of the JSON.
    if (text.charCodeAt(0) === 0xfeff) at = 1;
    const result = value('$', 0);
    skip();
    return at === text.length ? result : undefined;
  } catch (e) {
    if (e instanceof NotJson) return undefined;
    throw e;
  }
}

class NotJson extends Error {}
