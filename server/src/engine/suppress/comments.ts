// Finds `waf-ai-lens-ignore` comments in a Bicep or Terraform text and reads their rule id and reason.
import type { Language } from '../model/types';
import { computeLineStarts } from '../text/lines';
import type { Span } from '../types';
import { SUPPRESSION_KEYWORD } from './meta';

/** One suppression comment as written: `// waf-ai-lens-ignore <rule-id>: <reason>` (Terraform also `# …`). */
export interface SuppressionComment {
  /** From the comment marker to the end of its line. */
  span: Span;
  /** From the keyword to the end of the line: what a finding about the comment underlines. */
  body: Span;
  /** 0-based line of the comment. */
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

/** True when a line holds nothing but a line comment (`//`, or `#` in Terraform). */
export function isCommentLine(lineText: string, language: Language): boolean {
  const trimmed = lineText.trimStart();
  return trimmed.startsWith('//') || (language === 'terraform' && trimmed.startsWith('#'));
}

const ESCAPED_KEYWORD = SUPPRESSION_KEYWORD.replace(/-/g, '\\-');

/**
 * Every suppression comment of the text. `insideLiteral` says whether an offset lies inside a string or other literal
 * (from the parsed model), so that `'// waf-ai-lens-ignore'` written inside a string is not taken for a comment.
 * In Bicep only `//` starts a comment (a `#` line is a compiler pragma); Terraform also accepts `#`.
 */
export function findSuppressionComments(text: string, language: Language, lines: Lines, insideLiteral: (offset: number) => boolean): SuppressionComment[] {
  if (!text.includes(SUPPRESSION_KEYWORD)) return [];
  const marker = language === 'terraform' ? '(?:\\/\\/|#)' : '\\/\\/';
  const found: SuppressionComment[] = [];
  for (let line = 0; line < lines.count; line++) {
    const lineText = lines.text(line);
    if (!lineText.includes(SUPPRESSION_KEYWORD)) continue;
    const lineStart = lines.starts[line]!;
    const pattern = new RegExp(`${marker}[ \\t]*(${ESCAPED_KEYWORD})(?![\\w-])`, 'g');
    for (const match of lineText.matchAll(pattern)) {
      const start = lineStart + match.index;
      if (insideLiteral(start)) continue;
      const keywordEnd = start + match[0].length;
      const rest = lineText.slice(match.index + match[0].length);
      const parsed = /^[ \t]*([A-Za-z0-9_.-]+)?[ \t]*(?::(.*))?/.exec(rest)!;
      const ruleOffset = keywordEnd + rest.indexOf(parsed[1] ?? '\u0000');
      const reason = parsed[2]?.trim();
      found.push({
        span: { start, end: lineStart + lineText.length },
        body: { start: keywordEnd - SUPPRESSION_KEYWORD.length, end: lineStart + lineText.length },
        line,
        ownLine: lineText.slice(0, match.index).trim() === '',
        ruleId: parsed[1],
        ruleSpan: parsed[1] ? { start: ruleOffset, end: ruleOffset + parsed[1].length } : { start: keywordEnd - SUPPRESSION_KEYWORD.length, end: keywordEnd },
        reason: reason ? reason : undefined,
      });
      // The rest of the line belongs to this comment.
      break;
    }
  }
  return found;
}
