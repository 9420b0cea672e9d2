// Finds `waf-ai-lens-ignore` comments in a Bicep or Terraform text and reads their rule id and reason.
import type { Language } from '../model/types';
import { computeLineStarts } from '../text/lines';
import type { Span } from '../types';
import { SUPPRESSION_KEYWORD } from './meta';

/** One suppression comment as written: `// waf-ai-lens-ignore <rule-id>: <reason>` (Terraform also `# …`). */
export interface SuppressionComment {
  /** From the comment marker to the end of the comment (its line's end, save a Terraform comment running over a lone CR). */
  span: Span;
  /** From the keyword to the end of the line: what a finding about the comment underlines. */
  body: Span;
  /** 0-based line where the comment starts. */
  line: number;
  /** True when nothing but white space precedes the comment on its line. */
  ownLine: boolean;
  /** The rule id as written, or undefined when the comment names none. */
  ruleId: string | undefined;
  /** Where the rule id is written (the keyword when there is none). */
  ruleSpan: Span;
  /** The reason after the colon, trimmed; undefined when there is no colon or nothing after it. */
  reason: string | undefined;
}

/** The lines of a text with their start offsets, shared by the suppression code. */
export interface Lines {
  starts: number[];
  /** 0-based line of an offset. */
  lineOf(offset: number): number;
  /** The text of a 0-based line without its line break. */
  text(line: number): string;
  /** The offset just past a 0-based line's last character, before its break. */
  end(line: number): number;
  count: number;
}

/** Indexes the lines of a text. */
export function linesOf(text: string): Lines {
  const starts = computeLineStarts(text);
  // A byte-order mark is not part of line 1: a comment inserted "at the start of the file" goes after it.
  if (text.charCodeAt(0) === 0xfeff) starts[0] = 1;
  const end = (line: number): number => {
    let e = line + 1 < starts.length ? starts[line + 1]! : text.length;
    if (e > starts[line]! && text[e - 1] === '\n') e--;
    if (e > starts[line]! && text[e - 1] === '\r') e--;
    return e;
  };
  return {
    starts,
    count: starts.length,
    end,
    text: (line) => text.slice(starts[line] ?? text.length, end(line)),
    lineOf(offset) {
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (starts[mid]! <= offset) low = mid;
        else high = mid - 1;
      }
      return low;
    },
  };
}

/**
 * The 0-based lines that hold nothing but (part of) a line comment, from the file's line comments (`lineComments`):
 * a line of a multi-line string that happens to begin with `//` is not one.
 */
export function commentOnlyLines(text: string, comments: readonly Span[], lines: Lines): Set<number> {
  const only = new Set<number>();
  for (const comment of comments) {
    const first = lines.lineOf(comment.start);
    const last = lines.lineOf(comment.end);
    if (text.slice(lines.starts[first]!, comment.start).trim() === '') only.add(first);
    // A Terraform comment runs over a lone carriage return, which the editor shows as a line break.
    for (let line = first + 1; line <= last; line++) only.add(line);
  }
  return only;
}

const ESCAPED_KEYWORD = SUPPRESSION_KEYWORD.replace(/-/g, '\\-');

/**
 * Every suppression comment of the text, given its line comments (`lineComments`, which knows the language's strings
 * even where the parser gave up). `insideLiteral` says whether an offset lies inside a string the parsed model holds:
 * a second opinion, so that where the scan and the parser's recovery disagree, a string wins.
 * In Bicep only `//` starts a comment (a `#` line is a compiler pragma); Terraform also accepts `#`.
 * The keyword may follow the comment's own marker or a later one in it (`// see below // waf-ai-lens-ignore …`).
 */
export function findSuppressionComments(
  text: string,
  language: Language,
  lines: Lines,
  comments: readonly Span[],
  insideLiteral: (offset: number) => boolean,
): SuppressionComment[] {
  const marker = language === 'terraform' ? '(?:\\/\\/|#)' : '\\/\\/';
  const pattern = new RegExp(`${marker}[ \\t]*(${ESCAPED_KEYWORD})(?![\\w-])`);
  const found: SuppressionComment[] = [];
  for (const comment of comments) {
    const commentText = text.slice(comment.start, comment.end);
    if (!commentText.includes(SUPPRESSION_KEYWORD)) continue;
    const match = pattern.exec(commentText);
    if (!match) continue;
    const start = comment.start + match.index;
    if (insideLiteral(start)) continue;
    const line = lines.lineOf(comment.start);
    const keywordEnd = start + match[0].length;
    const rest = text.slice(keywordEnd, comment.end);
    const parsed = /^[ \t]*([A-Za-z0-9_.-]+)?[ \t]*(?::(.*))?/.exec(rest)!;
    const ruleOffset = keywordEnd + rest.indexOf(parsed[1] ?? '\u0000');
    const reason = parsed[2]?.trim();
    found.push({
      span: { start, end: comment.end },
      body: { start: keywordEnd - SUPPRESSION_KEYWORD.length, end: comment.end },
      line,
      ownLine: text.slice(lines.starts[line]!, start).trim() === '',
      ruleId: parsed[1],
      ruleSpan: parsed[1] ? { start: ruleOffset, end: ruleOffset + parsed[1].length } : { start: keywordEnd - SUPPRESSION_KEYWORD.length, end: keywordEnd },
      reason: reason ? reason : undefined,
    });
  }
  return found;
}
