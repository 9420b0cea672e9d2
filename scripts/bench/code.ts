// A template tag for writing generated code readably: it strips the common indentation, re-indents multi-line values, drops omitted lines.

/** A line holding only this marker (a `false`, `undefined` or `null` value) is dropped, so optional lines read inline. */
const OMIT = '\u0001';

/**
 * `code\`…\`` returns the template's text with the common leading indentation removed, the first and last blank lines
 * dropped and trailing spaces trimmed. A multi-line value is indented to where it is interpolated, so a nested block
 * built by another `code` call lands at the right depth. A value of `false`, `undefined` or `null` removes its line.
 * An array value is joined one element per line.
 */
export function code(strings: TemplateStringsArray, ...values: unknown[]): string {
  let out = '';
  strings.forEach((literal, i) => {
    out += literal;
    if (i >= values.length) return;
    const value = values[i];
    if (value === false || value === undefined || value === null) {
      out += OMIT;
      return;
    }
    const text = Array.isArray(value) ? value.join('\n') : String(value);
    const lineStart = out.lastIndexOf('\n') + 1;
    const indent = /^[ ]*/.exec(out.slice(lineStart))?.[0] ?? '';
    out += text.split('\n').join(`\n${indent}`);
  });
  return dedent(out.split('\n').filter((line) => !(line.includes(OMIT) && line.replaceAll(OMIT, '').trim() === '')))
    .join('\n')
    .replaceAll(OMIT, '');
}

function dedent(lines: string[]): string[] {
  while (lines.length > 0 && (lines[0] as string).trim() === '') lines.shift();
  while (lines.length > 0 && (lines[lines.length - 1] as string).trim() === '') lines.pop();
  const indents = lines.filter((l) => l.trim() !== '').map((l) => (/^ */.exec(l)?.[0].length ?? 0));
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(common).trimEnd());
}

/** Collects generated lines and counts them, so a generator can stop near its target size. */
export class Writer {
  private readonly lines: string[] = [];

  /** Appends a block (usually from `code`), separated from what came before by one blank line. */
  block(text: string): void {
    if (this.lines.length > 0 && this.lines[this.lines.length - 1] !== '') this.lines.push('');
    this.lines.push(...text.split('\n'));
  }

  get count(): number {
    return this.lines.length;
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

/** A boolean as code text. Interpolate booleans through this: a bare `false` would drop its whole line. */
export function flag(value: boolean): string {
  return String(value);
}
