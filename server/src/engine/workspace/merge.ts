// Merges the findings one file gets under several deployments (parameter files, module calls, loop items) into one each.
import { SEVERITY_RANK, type Finding, type Fix, type RelatedLocation, type Span, type TextEdit } from '../types';

/** A deployment a file is evaluated in, as a user reads it: "with `dev.bicepparam`", "through module `ai` in `main.bicep`". */
export interface Context {
  /** Empty for a template evaluated on its own with its defaults. */
  label: string;
  /** Where the deployment is chosen (the `using` of a parameter file, the module call), for related locations. */
  anchor?: { file: string; span: Span };
}

/** One finding as one deployment produced it. */
export interface Occurrence {
  finding: Finding;
  context: Context;
}

const keyOf = (f: Finding): string => `${f.ruleId}\u0000${f.span.start}\u0000${f.span.end}`;

/**
 * One finding per rule and place. A demanding user expects this:
 * - a finding that holds in several deployments is reported once, where the code is, with a related location naming
 *   each deployment it holds in (when the file is evaluated in more than one);
 * - a finding that holds in some deployments only says so in its message ("Only with `dev.bicepparam`.");
 * - the most severe verdict wins: a warning under one parameter file outranks a "could not determine" note under another;
 * - the fix gathers the edits of every deployment where it holds (each parameter file that sets the value), once each.
 */
export function mergeOccurrences(occurrences: readonly Occurrence[], contextsOfFile: ReadonlyMap<string, readonly Context[]>): Finding[] {
  const groups = new Map<string, Occurrence[]>();
  for (const o of occurrences) {
    const key = `${o.finding.file}\u0000${keyOf(o.finding)}`;
    const group = groups.get(key);
    if (group) group.push(o);
    else groups.set(key, [o]);
  }
  const out: Finding[] = [];
  for (const group of groups.values()) {
    const top = Math.max(...group.map((o) => SEVERITY_RANK[o.finding.severity]));
    // A verdict (not "could not determine") of the top severity comes first.
    const kept = group.filter((o) => SEVERITY_RANK[o.finding.severity] === top);
    const decided = kept.filter((o) => !o.finding.undetermined);
    const members = decided.length > 0 ? decided : kept;
    const first = members[0]!.finding;
    const all = contextsOfFile.get(first.file) ?? [];
    const holding = unique(members.map((o) => o.context));
    const related: RelatedLocation[] = [];
    const seen = new Set<string>();
    const addRelated = (r: RelatedLocation): void => {
      const key = `${r.file}\u0000${r.span.start}\u0000${r.span.end}\u0000${r.message}`;
      if (!seen.has(key)) {
        seen.add(key);
        related.push(r);
      }
    };
    for (const o of members) for (const r of o.finding.related) addRelated(r);
    if (all.length > 1) {
      for (const c of holding) if (c.anchor && c.label) addRelated({ file: c.anchor.file, span: c.anchor.span, message: `Found ${c.label}.` });
    }
    let message = first.message;
    if (all.length > 1 && holding.length < all.length && holding.every((c) => c.label !== '')) {
      message = `${message} Only ${holding.map((c) => c.label).join('; ')}.`;
    }
    out.push({ ...first, message, related, fixes: mergeFixes(members.map((o) => o.finding.fixes)) });
  }
  return out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}

/** Contexts by label, in first-seen order. */
function unique(contexts: readonly Context[]): Context[] {
  const out: Context[] = [];
  for (const c of contexts) if (!out.some((x) => x.label === c.label)) out.push(c);
  return out;
}

/** The first deployment's fixes, each with the edits of the same-titled fix of every other deployment added once. */
function mergeFixes(all: readonly Fix[][]): Fix[] {
  const [head, ...rest] = all;
  if (!head) return [];
  return head.map((fix) => {
    const edits: TextEdit[] = [...fix.edits];
    const key = (e: TextEdit): string => `${e.file ?? ''}\u0000${e.span.start}\u0000${e.span.end}`;
    const seen = new Map(edits.map((e) => [key(e), e.text]));
    for (const fixes of rest) {
      const same = fixes.find((f) => f.title === fix.title);
      for (const edit of same?.edits ?? []) {
        // Two deployments that edit one place differently cannot both be applied: keep the first.
        if (seen.has(key(edit))) continue;
        seen.set(key(edit), edit.text);
        edits.push(edit);
      }
    }
    return { ...fix, edits };
  });
}
