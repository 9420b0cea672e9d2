// Small readers and report helpers that the hand-written platform rules share, so each rule file states only its judgement.
import type { Entry, Language, ObjectValue, Resource, Value } from '../../../model/types';
import type { Span, TextEdit } from '../../../types';
import { lookup, type Lookup } from '../../helpers/lookup';
import type { Report, Rule, RuleContext } from '../../rule';

/** The wording the setting helper uses for a value the code does not state; hand-written rules say it the same way. */
export const UNDETERMINED = 'Could not determine `{{setting}}` of {{label}} "{{name}}": {{reason}}.';

export type Unknown = Extract<Lookup, { state: 'unknown' }>;

/** Looks a setting up from a resource's body (a Terraform resource body is a block body). */
export function find(resource: Resource, path: readonly string[]): Lookup {
  return lookup(resource.body, path, resource.language);
}

/** Looks a setting up inside an object that is not the resource body (an array item, a nested block). */
export function findIn(obj: ObjectValue, path: readonly string[], language: Language, objIsBlock: boolean): Lookup {
  return lookup(obj, path, language, objIsBlock);
}

/** The boolean a lookup found, if the code states one. */
export function boolOf(found: Lookup): boolean | undefined {
  return found.state === 'known' && found.value.kind === 'bool' ? found.value.value : undefined;
}

/** The string a lookup found, if the code states one. */
export function stringOf(found: Lookup): string | undefined {
  return found.state === 'known' && found.value.kind === 'string' ? found.value.value : undefined;
}

/** The number a lookup found, if the code states one. */
export function numberOf(found: Lookup): number | undefined {
  return found.state === 'known' && found.value.kind === 'number' ? found.value.value : undefined;
}

/** Every entry of an object with this key: HCL repeats a block once per item (`geo_location { … }` twice). */
export function entriesNamed(obj: ObjectValue, key: string, language: Language): Entry[] {
  return obj.entries.filter((e) => (language === 'bicep' ? e.key.toLowerCase() === key.toLowerCase() : e.key === key));
}

/** Where an unknown value sits, or the resource name when the lookup has no entry to point at (a spread). */
export function unknownAt(found: Unknown, fallback: Span): Span {
  return found.at?.value.span ?? fallback;
}

/** Longest quoted expression a note repeats in full; longer ones (a whole `map(…)` body) are cut at their first line. */
const MAX_QUOTED = 60;

/** Shortens a long quoted expression in a reason, so a note stays one readable line. */
export function shortReason(reason: string): string {
  return reason.replace(/`([^`]*)`/g, (whole, code: string) => {
    if (code.length <= MAX_QUOTED && !code.includes('\n')) return whole;
    const firstLineOfCode = code.split('\n')[0]!.trimEnd();
    return `\`${firstLineOfCode.slice(0, MAX_QUOTED).trimEnd()} …\``;
  });
}

/** Reports the note every rule gives when the code does not state what it needs. */
export function reportUndetermined(ctx: RuleContext, label: string, setting: string, found: Unknown, fallback: Span = ctx.resource.nameSpan): void {
  ctx.report({ messageId: 'undetermined', data: { label, setting, reason: shortReason(found.reason) }, at: unknownAt(found, fallback), undetermined: true });
}

/** Wraps a rule so that each report passes through `filter`, which may change it (drop a fix) or drop it. */
export function refine(rule: Rule, filter: (report: Report, ctx: RuleContext) => Report | undefined): Rule {
  return {
    ...rule,
    check(ctx: RuleContext): void {
      rule.check({
        ...ctx,
        report(report: Report): void {
          const kept = filter(report, ctx);
          if (kept) ctx.report(kept);
        },
      });
    },
  };
}

/** The report without its fixes, for when a fix would deploy something the service rejects. */
export function withoutFixes(report: Report): Report {
  return { ...report, fixes: [] };
}

/**
 * Merges edits into one edit list an editor can apply: insertions at one offset are joined in order,
 * and overlapping edits make the whole fix unsafe to offer (undefined).
 */
export function mergeEdits(edits: readonly TextEdit[]): TextEdit[] | undefined {
  const merged: TextEdit[] = [];
  for (const edit of edits) {
    const same = merged.find((m) => m.span.start === edit.span.start && m.span.end === edit.span.start && edit.span.end === edit.span.start);
    if (same) {
      same.text += edit.text;
      continue;
    }
    if (merged.some((m) => edit.span.start < m.span.end && m.span.start < edit.span.end)) return undefined;
    if (merged.some((m) => m.span.start === m.span.end && m.span.start === edit.span.start)) return undefined;
    merged.push({ ...edit });
  }
  return merged;
}

/** The span of the first line of a value: a finding about a whole object points at its opening line. */
export function firstLine(text: string, span: Span): Span {
  const newline = text.indexOf('\n', span.start);
  const end = newline < 0 || newline > span.end ? span.end : newline;
  return { start: span.start, end: text[end - 1] === '\r' ? end - 1 : end };
}

/** A value written as a literal array, or undefined (an expression or anything else). */
export function arrayItems(value: Value): Value[] | undefined {
  return value.kind === 'array' ? value.items : undefined;
}
