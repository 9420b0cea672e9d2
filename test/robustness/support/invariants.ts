// The invariants every parse and analysis must keep on any text, as functions that list violations instead of throwing.
import { analyzeFile, parseFile, type FileAnalysis, type FileKind, type FileModel, type Span, type TextEdit, type Value } from '../../../server/src/engine';
import { parseBicep } from '../../../server/src/engine/parse/bicep';
import { parseHcl } from '../../../server/src/engine/parse/hcl';
import type { ParseError } from '../../../server/src/engine/types';
import { languageOf } from './corpus';

interface Spanned {
  start: number;
  end: number;
}

function isSpanned(value: unknown): value is Spanned & Record<string, unknown> {
  return typeof value === 'object' && value !== null && typeof (value as Spanned).start === 'number' && typeof (value as Spanned).end === 'number';
}

/** True when `offset` falls between the two halves of a surrogate pair, where no edit or position may point. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** Collects violations, stopping at a readable number. */
class Violations {
  readonly list: string[] = [];
  add(message: string): void {
    if (this.list.length < 25) this.list.push(message);
  }
  get full(): boolean {
    return this.list.length >= 25;
  }
}

/** Checks that a span lies inside `[0, length]`, starts before it ends, and (when `pairs` is set) splits no surrogate pair. */
function checkSpan(out: Violations, text: string, what: string, span: Spanned, pairs: boolean): void {
  if (!(Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= text.length)) {
    out.add(`${what} [${span.start}, ${span.end}) is not a span inside the text (length ${text.length})`);
  } else if (pairs && (splitsSurrogatePair(text, span.start) || splitsSurrogatePair(text, span.end))) {
    out.add(`${what} [${span.start}, ${span.end}) splits a surrogate pair`);
  }
}

/**
 * Violations of the syntax tree's span invariants: every node (any object with numeric `start` and `end`, so new node
 * kinds are covered unasked) lies inside the text and inside its parent, and siblings come in order without overlapping.
 * Walks with an explicit stack: operator chains nest as deep as they are long, and a recursive walk would overflow first.
 */
export function treeViolations(text: string, tree: unknown): string[] {
  const out = new Violations();
  if (!isSpanned(tree)) return ['the tree has no span'];
  const stack: { node: Spanned & Record<string, unknown>; path: string }[] = [{ node: tree, path: 'file' }];
  const seen = new Set<object>();
  while (stack.length > 0 && !out.full) {
    const { node, path } = stack.pop()!;
    if (seen.has(node)) {
      out.add(`${path} is reachable twice in the tree`);
      continue;
    }
    seen.add(node);
    checkSpan(out, text, path, node, false);
    const children: { node: Spanned & Record<string, unknown>; path: string }[] = [];
    for (const [key, value] of Object.entries(node)) {
      if (Array.isArray(value)) value.forEach((item, i) => isSpanned(item) && children.push({ node: item, path: `${path}.${key}[${i}]` }));
      else if (isSpanned(value)) children.push({ node: value, path: `${path}.${key}` });
    }
    children.sort((a, b) => a.node.start - b.node.start || a.node.end - b.node.end);
    let previous: { node: Spanned; path: string } | undefined;
    for (const child of children) {
      if (child.node.start < node.start || child.node.end > node.end) {
        out.add(`${child.path} [${child.node.start}, ${child.node.end}) lies outside its parent ${path} [${node.start}, ${node.end})`);
      }
      if (previous && child.node.start < previous.node.end) out.add(`${child.path} overlaps ${previous.path}`);
      previous = child;
      stack.push(child);
    }
  }
  return out.list;
}

/** Violations of the error list: each error inside the text, with a message, and the list sorted by start (as documented). */
export function errorViolations(text: string, errors: readonly ParseError[]): string[] {
  const out = new Violations();
  let previous = -1;
  for (const error of errors) {
    checkSpan(out, text, `error "${error.message}"`, error.span, false);
    if (typeof error.message !== 'string' || error.message.trim() === '') out.add(`an error at ${error.span.start} has no message`);
    if (error.span.start < previous) out.add(`error "${error.message}" at ${error.span.start} comes after one at ${previous}: not sorted`);
    previous = error.span.start;
  }
  return out.list;
}

/** Violations of the model's spans: everything inside the text, values inside their entries, entries inside bodies and in order. */
export function modelViolations(text: string, model: FileModel): string[] {
  const out = new Violations();
  const inside = (what: string, inner: Span, outer: Span): void => {
    checkSpan(out, text, what, inner, false);
    if (inner.start < outer.start || inner.end > outer.end) out.add(`${what} [${inner.start}, ${inner.end}) lies outside [${outer.start}, ${outer.end})`);
  };
  const whole: Span = { start: 0, end: text.length };
  // Values nest as deep as the code does (at most the parsers' depth limit), so recursion is safe here.
  const value = (what: string, v: Value, outer: Span): void => {
    if (out.full) return;
    inside(what, v.span, outer);
    if (v.kind === 'object') {
      inside(`${what} body`, v.bodySpan, v.span);
      let previousEnd = v.bodySpan.start;
      for (const entry of v.entries) {
        inside(`${what}.${entry.key}`, entry.span, v.bodySpan);
        inside(`${what}.${entry.key} key`, entry.keySpan, entry.span);
        if (entry.span.start < previousEnd) out.add(`${what}.${entry.key} [${entry.span.start}, ${entry.span.end}) overlaps the entry before it`);
        previousEnd = Math.max(previousEnd, entry.span.end);
        value(`${what}.${entry.key} value`, entry.value, entry.span);
      }
    } else if (v.kind === 'array') {
      v.items.forEach((item, i) => value(`${what}[${i}]`, item, v.span));
    }
  };
  for (const r of model.resources) {
    inside(`resource ${r.name}`, r.span, whole);
    inside(`resource ${r.name} name`, r.nameSpan, r.span);
    value(`resource ${r.name} body`, r.body, r.span);
    if (r.condition) value(`resource ${r.name} condition`, r.condition, r.span);
  }
  for (const p of model.parameters) {
    inside(`parameter ${p.name}`, p.span, whole);
    inside(`parameter ${p.name} name`, p.nameSpan, p.span);
    if (p.defaultValue) value(`parameter ${p.name} default`, p.defaultValue, p.span);
  }
  for (const v of model.variables) {
    inside(`variable ${v.name}`, v.span, whole);
    inside(`variable ${v.name} name`, v.nameSpan, v.span);
    value(`variable ${v.name} value`, v.value, v.span);
  }
  for (const m of model.modules) {
    inside(`module ${m.name}`, m.span, whole);
    inside(`module ${m.name} name`, m.nameSpan, m.span);
    inside(`module ${m.name} source`, m.sourceSpan, m.span);
    value(`module ${m.name} inputs`, m.inputs, m.span);
  }
  for (const d of model.declarations) inside(`declaration ${d.kind} ${d.name}`, d.span, whole);
  if (model.using) inside('using', model.using.span, whole);
  out.list.push(...errorViolations(text, model.parseErrors));
  return out.list;
}

/**
 * Violations of an analysis: the model's, plus every finding, related location, notice and fix edit inside the text;
 * findings sorted by position; the edits of one fix inside this file, splitting no surrogate pair and not overlapping.
 */
export function analysisViolations(file: string, text: string, analysis: FileAnalysis): string[] {
  const out = new Violations();
  if (analysis.file !== file) out.add(`the analysis is of ${analysis.file}, not ${file}`);
  for (const v of modelViolations(text, analysis.model)) out.add(v);
  let previous = -1;
  for (const finding of analysis.findings) {
    const what = `finding ${finding.ruleId} on ${finding.resourceName}`;
    if (finding.file !== file) out.add(`${what} is on ${finding.file}, not ${file}`);
    checkSpan(out, text, what, finding.span, true);
    if (finding.span.start < previous) out.add(`${what} at ${finding.span.start} comes after one at ${previous}: not sorted`);
    previous = finding.span.start;
    if (!['error', 'warning', 'note'].includes(finding.severity)) out.add(`${what} has the severity ${String(finding.severity)}`);
    if (finding.message.trim() === '') out.add(`${what} has no message`);
    for (const related of finding.related) {
      if (related.file === file) checkSpan(out, text, `${what}: related "${related.message}"`, related.span, true);
    }
    for (const fix of finding.fixes) {
      const edits = fix.edits.filter((e) => e.file === undefined || e.file === file);
      for (const edit of edits) checkSpan(out, text, `${what}: fix "${fix.title}" edit`, edit.span, true);
      const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
      for (let i = 1; i < sorted.length; i++) {
        if (sorted[i]!.span.start < sorted[i - 1]!.span.end) out.add(`${what}: fix "${fix.title}" has overlapping edits`);
      }
      if (fix.title.trim() === '') out.add(`${what}: a fix has no title`);
    }
  }
  for (const notice of analysis.notices) {
    if (notice.file === file) checkSpan(out, text, `notice "${notice.message}"`, notice.span, false);
  }
  return out.list;
}

/** Applies non-overlapping edits to a text, last first, as an editor would. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.span.start) + edit.text + result.slice(edit.span.end);
  return result;
}

/**
 * Violations of "a fix never makes the file parse worse": applying any offered fix to the text must not raise the
 * number of syntax errors, and the fixed text must analyse without throwing.
 */
export function fixViolations(file: string, kind: FileKind, text: string, analysis: FileAnalysis): string[] {
  const out = new Violations();
  const before = analysis.model.parseErrors.length;
  for (const finding of analysis.findings) {
    for (const fix of finding.fixes) {
      if (out.full) return out.list;
      const edits = fix.edits.filter((e) => e.file === undefined || e.file === file);
      const fixed = applyTextEdits(text, edits);
      let after: FileModel | undefined;
      try {
        after = parseFile(file, fixed, kind);
        analyzeFile(file, fixed, kind);
      } catch (error) {
        out.add(`fix "${fix.title}" of ${finding.ruleId} on ${finding.resourceName}: the fixed text makes the engine throw: ${errorText(error)}`);
        continue;
      }
      const count = after?.parseErrors.length ?? 0;
      if (count > before) {
        const first = after!.parseErrors.find((e) => !analysis.model.parseErrors.some((o) => o.message === e.message));
        out.add(
          `fix "${fix.title}" of ${finding.ruleId} on ${finding.resourceName} raises the syntax errors from ${before} to ${count}` +
            (first ? ` (new: "${first.message}" at ${first.span.start})` : ''),
        );
      }
    }
  }
  return out.list;
}

/**
 * The literal text of every string in a syntax tree, as the parser read it: the segments of Bicep strings (between
 * their holes) and the literal parts of HCL quoted strings and heredocs. Strings in broken declarations are included,
 * which the model (and so the suppression code's own check) leaves out.
 */
export function stringTextSpans(tree: unknown): Span[] {
  const spans: Span[] = [];
  const stack: unknown[] = [tree];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    const kind = (node as { kind?: unknown }).kind;
    if (kind === 'string' && Array.isArray((node as { segments?: unknown }).segments)) spans.push(...(node as { segments: Span[] }).segments);
    if (kind === 'TemplateLiteral' && isSpanned(node)) spans.push({ start: node.start, end: node.end });
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) stack.push(...value);
      else if (typeof value === 'object' && value !== null) stack.push(value);
    }
  }
  return spans;
}

/**
 * Violations of "a suppression comment is a comment": no finding about a suppression comment, and no edit of its fix,
 * starts inside the literal text of a string the parser read, whether or not the declaration around it parsed.
 */
export function suppressionViolations(tree: unknown, analysis: FileAnalysis): string[] {
  const out = new Violations();
  const about = analysis.findings.filter((f) => f.ruleId === 'waf-ai-lens-suppression');
  if (about.length === 0) return [];
  const strings = stringTextSpans(tree);
  const inString = (offset: number): boolean => strings.some((s) => s.start <= offset && offset < s.end);
  for (const finding of about) {
    if (inString(finding.span.start)) out.add(`finding ${finding.ruleId} at ${finding.span.start} points into a string`);
    for (const fix of finding.fixes) {
      for (const edit of fix.edits) {
        if (edit.span.start < edit.span.end && inString(edit.span.start)) out.add(`fix "${fix.title}" of ${finding.ruleId} at ${finding.span.start} edits inside a string at ${edit.span.start}`);
      }
    }
  }
  return out.list;
}

/** Parses with the language's front end directly, for the tree invariants (the façade only returns the model). */
export function parseTree(kind: FileKind, text: string): { tree: unknown; errors: ParseError[] } {
  return languageOf(kind) === 'bicep' ? parseBicep(text) : parseHcl(text);
}

/**
 * Everything the fuzzers check on one text: no throw, sound tree, sound analysis, suppression comments that are comments,
 * fixes that do not break parsing.
 */
export function allViolations(file: string, kind: FileKind, text: string, options: { fixes: boolean } = { fixes: true }): string[] {
  try {
    const parsed = parseTree(kind, text);
    const problems = [...treeViolations(text, parsed.tree), ...errorViolations(text, parsed.errors)];
    const analysis = analyzeFile(file, text, kind);
    if (!analysis) return [...problems, `no analysis for ${file}`];
    problems.push(...analysisViolations(file, text, analysis), ...suppressionViolations(parsed.tree, analysis));
    if (options.fixes) problems.push(...fixViolations(file, kind, text, analysis));
    return problems;
  } catch (error) {
    return [`threw: ${errorText(error)}`];
  }
}

export function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** A text short enough for a failure message, with control characters visible. */
export function preview(text: string, max = 600): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…(${text.length} code units)` : text);
}
