// Applies `waf-ai-lens-ignore` comments: silences the findings they cover and reports the comments that are wrong or unused.
import { closest } from '../config/configFile';
import { ruleEnabled, type AnalyzeOptions } from '../config/policy';
import type { FileModel, Resource, Value } from '../model/types';
import { RULES } from '../rules/registry';
import type { Finding, Fix, Span } from '../types';
import { commentOnlyLines, findSuppressionComments, linesOf, type Lines, type SuppressionComment } from './comments';
import { lineComments } from './scan';
import { hclStringSpans } from './scan/hclStrings';
import { SUPPRESSION_KEYWORD, SUPPRESSION_RULE_ID } from './meta';

export { SUPPRESSION_RULE_ID, SUPPRESSION_KEYWORD, PLACEHOLDER_REASON, SUPPRESSION_RULE_TITLE } from './meta';
export { suppressionFix } from './insert';

/** A finding a suppression comment silenced, with the comment's reason: the CLI lists these, the editor does not. */
export interface SuppressedFinding extends Finding {
  suppression: { reason: string; span: Span };
}

/** The findings left after suppression (with the findings about the comments themselves), and those silenced. */
export interface SuppressionResult {
  findings: Finding[];
  suppressed: SuppressedFinding[];
}

/** What one comment covers: a whole resource, or the findings that start on one line. */
type Scope = { kind: 'resource'; resource: Resource } | { kind: 'line'; line: number; resource: Resource | undefined } | { kind: 'none' };

const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.id));

/**
 * Applies the suppression comments of one file to its findings (already filtered by the settings).
 *
 * Scope: a comment applies to its own line when code precedes it, else to the first line below it that is not a comment
 * (so several comments can stack above one declaration). When that line is part of a resource's declaration line or its
 * decorators, the comment covers every finding of its rule on that resource; otherwise it covers the findings of its
 * rule that start on that line.
 *
 * A comment without a reason or naming an unknown rule is not applied and is reported; so is one that applies but
 * silences nothing, unless its rule is turned off or its resource is held back by a parse error (nothing to judge then).
 * A placeholder reason (starting with `TODO`) is applied and reported as a note, so it is not forgotten.
 */
export function applySuppressions(model: FileModel, text: string, findings: readonly Finding[], options: AnalyzeOptions = {}): SuppressionResult {
  // Most files have no suppression at all: then nothing below is worth computing.
  if (!text.includes(SUPPRESSION_KEYWORD)) return { findings: [...findings], suppressed: [] };
  const lines = linesOf(text);
  const allComments = lineComments(text, model.language);
  const literals = literalSpans(model);
  // The Bicep scan reads the front end's own tokens, so it agrees with the parser everywhere. The Terraform scan follows
  // the language, which the parser also does where the text parses; where it does not, the parser's strings are asked too.
  if (model.language === 'terraform' && model.parseErrors.length > 0) literals.push(...hclStringSpans(text));
  const comments = findSuppressionComments(text, model.language, lines, allComments, (offset) => literals.some((s) => s.start <= offset && offset < s.end));
  if (comments.length === 0) return { findings: [...findings], suppressed: [] };
  const commentLines = commentOnlyLines(text, allComments, lines);

  const silenced = new Map<Finding, SuppressionComment>();
  const problems: Finding[] = [];
  const problem = (comment: SuppressionComment, scope: Scope, message: string, extra: Partial<Finding> = {}): void => {
    const resource = scope.kind === 'none' ? undefined : scope.resource;
    problems.push({
      ruleId: SUPPRESSION_RULE_ID,
      severity: 'warning',
      message,
      file: model.file,
      span: comment.body,
      resourceName: resource?.name ?? '',
      resourceType: resource?.type ?? '',
      fixes: [],
      related: [],
      ...extra,
    });
  };

  for (const comment of comments) {
    const scope = scopeOf(comment, model, lines, commentLines);
    const id = comment.ruleId;
    if (!id) {
      problem(comment, scope, `This suppression names no rule: write "${SUPPRESSION_KEYWORD} <rule-id>: <reason>".`);
      continue;
    }
    if (!RULE_IDS.has(id)) {
      const message =
        id === SUPPRESSION_RULE_ID
          ? `Findings about suppressions cannot be suppressed; set "${SUPPRESSION_RULE_ID}" to "off" in the settings instead.`
          : `This suppression names an unknown rule "${id}", so it suppresses nothing.`;
      const hint = id === SUPPRESSION_RULE_ID ? undefined : closest(id, [...RULE_IDS]);
      const fixes: Fix[] = hint ? [{ title: `Change the rule to ${hint}`, edits: [{ span: comment.ruleSpan, text: hint }], safe: false }] : [];
      problem(comment, scope, hint ? `${message} Did you mean "${hint}"?` : message, { span: comment.ruleSpan, fixes });
      continue;
    }
    if (!comment.reason) {
      problem(comment, scope, `This suppression of ${id} gives no reason, so it is not applied: write why after a colon ("${SUPPRESSION_KEYWORD} ${id}: <reason>").`);
      continue;
    }
    const covered = findings.filter((f) => f.ruleId === id && !silenced.has(f) && inScope(f, scope, model, lines));
    for (const f of covered) silenced.set(f, comment);
    const where = describeScope(scope);
    if (covered.length === 0) {
      const heldBack = scope.kind !== 'none' && scope.resource?.hasError === true;
      if (ruleEnabled(id, options) && !heldBack) {
        problem(comment, scope, `This suppression of ${id} suppresses nothing: there is no ${id} finding ${where}.`, {
          // Removing a comment that silences nothing changes neither what is deployed nor what is reported.
          fixes: [{ title: 'Remove the unused suppression', edits: [{ span: removalSpan(comment, text, lines), text: '' }], safe: true }],
        });
      }
    } else if (/^todo\b/i.test(comment.reason)) {
      problem(comment, scope, `The reason for suppressing ${id} ${where} is a placeholder: write why the rule does not apply here.`, { severity: 'note' });
    }
  }

  const kept = findings.filter((f) => !silenced.has(f));
  const suppressed = [...silenced].map(([f, comment]): SuppressedFinding => ({ ...f, suppression: { reason: comment.reason ?? '', span: comment.span } }));
  const all = [...kept, ...problems].sort((a, b) => a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId));
  return { findings: all, suppressed };
}

/** The line a comment applies to, and whether that line declares a resource. */
function scopeOf(comment: SuppressionComment, model: FileModel, lines: Lines, commentLines: ReadonlySet<number>): Scope {
  let line = comment.line;
  if (comment.ownLine) {
    line = lines.lineOf(comment.span.end) + 1;
    while (line < lines.count && commentLines.has(line)) line++;
    if (line >= lines.count || lines.text(line).trim() === '') return { kind: 'none' };
  }
  const declared = declaredOn(line, model, lines);
  if (declared) return { kind: 'resource', resource: declared };
  // The resource the line lies in, so that an unused suppression inside a resource that does not parse is not reported.
  const start = lines.starts[line]!;
  const end = lines.end(line);
  return { kind: 'line', line, resource: innermost(model.resources.filter((r) => r.span.start <= end && start < r.span.end)) };
}

/** The innermost resource whose declaration line (or decorators) includes this line. */
function declaredOn(line: number, model: FileModel, lines: Lines): Resource | undefined {
  return innermost(model.resources.filter((r) => lines.lineOf(r.span.start) <= line && line <= headerEndLine(r, lines)));
}

/** The last line of a resource's declaration header: its `{` in Bicep, its labels in Terraform. */
export function headerEndLine(resource: Resource, lines: Lines): number {
  const { body, nameSpan } = resource;
  const end = resource.language === 'bicep' && body.span.start >= nameSpan.end ? body.span.start : nameSpan.end;
  return lines.lineOf(end);
}

function innermost(resources: Resource[]): Resource | undefined {
  return resources.reduce<Resource | undefined>((best, r) => (!best || r.span.start > best.span.start ? r : best), undefined);
}

function inScope(finding: Finding, scope: Scope, model: FileModel, lines: Lines): boolean {
  if (finding.file !== model.file) return false;
  if (scope.kind === 'resource') return finding.resourceName === scope.resource.name;
  if (scope.kind === 'line') return lines.lineOf(finding.span.start) === scope.line;
  return false;
}

function describeScope(scope: Scope): string {
  if (scope.kind === 'resource') return `on "${scope.resource.name}"`;
  if (scope.kind === 'line') return `on line ${scope.line + 1}`;
  return 'on the line below it, which is empty';
}

/** What removing a comment deletes: its whole line (or lines) when it stands alone, else the comment and the space before it. */
function removalSpan(comment: SuppressionComment, text: string, lines: Lines): Span {
  if (comment.ownLine) {
    const start = lines.starts[comment.line]!;
    const last = lines.lineOf(comment.span.end);
    const end = last + 1 < lines.count ? lines.starts[last + 1]! : text.length;
    return { start, end };
  }
  let start = comment.span.start;
  while (start > lines.starts[comment.line]! && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  return { start, end: comment.span.end };
}

/** The spans of the file's strings (plain, interpolated, multi-line, heredoc): a `//` inside them is no comment. */
function literalSpans(model: FileModel): Span[] {
  const spans: Span[] = [];
  const visit = (value: Value | undefined): void => {
    if (!value) return;
    switch (value.kind) {
      case 'string':
        spans.push(value.span);
        return;
      case 'expression':
        if (/^(['"]|<<)/.test(value.text)) spans.push(value.span);
        return;
      case 'object':
        for (const entry of value.entries) visit(entry.value);
        return;
      case 'array':
        for (const item of value.items) visit(item);
        return;
      default:
        return;
    }
  };
  for (const resource of model.resources) visit(resource.body);
  for (const variable of model.variables) visit(variable.value);
  for (const parameter of model.parameters) visit(parameter.defaultValue);
  for (const module of model.modules) visit(module.inputs);
  return spans;
}
