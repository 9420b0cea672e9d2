// Hovers that teach: what WAF AI Lens checks on a resource, on a setting a rule reads, and on a finding. Pure, Markdown out.
import { ruleDocsUrl, ruleMeta, type PillarId, type RuleMeta } from '../catalog';
import { ruleEnabled, type AnalyzeOptions } from '../config/policy';
import type { Entry, FileModel, Resource, Value } from '../model/types';
import { articleUrl, pillar, pillars, principle, principles, type Principle } from '../principles';
import { findEntry } from '../rules/helpers/lookup';
import type { Rule } from '../rules/rule';
import { rulesFor } from '../rules/runRules';
import type { SuppressedFinding } from '../suppress';
import { SUPPRESSION_KEYWORD, SUPPRESSION_RULE_ID } from '../suppress/meta';
import type { Finding, Span } from '../types';

/** A hover: Markdown to show, and the span of text it is about (the editor highlights it). */
export interface HoverInfo {
  markdown: string;
  span: Span;
}

/** What a hover needs from an analysis: the model and the findings after settings and suppressions. */
export interface HoverSource {
  model: FileModel;
  findings: readonly Finding[];
  suppressed?: readonly SuppressedFinding[];
}

/**
 * The hover at `offset`, or undefined when there is nothing to teach there. In order of precedence:
 * on a resource's symbolic name, type or Terraform labels, what its type is checked for and how it fares (plus a line per
 * finding reported on the name); on a finding, its principle, why it matters, the trade-off, the recommended value and
 * the rule's docs; on the key or value of a setting that a rule reads, the same without the docs link but with its status.
 */
export function hoverAt(source: HoverSource, text: string, offset: number, options: AnalyzeOptions = {}): HoverInfo | undefined {
  const { model } = source;
  const resource = innermost(model.resources.filter((r) => r.span.start <= offset && offset <= r.span.end));
  if (!resource) return undefined;

  const header = headerSpan(resource, text);
  if (contains(header, offset)) return resourceHover(resource, source, options, header, offset);

  const onFinding = source.findings
    .filter((f) => f.file === model.file && contains(f.span, offset))
    .sort((a, b) => a.span.end - a.span.start - (b.span.end - b.span.start))[0];
  if (onFinding) return { markdown: findingMarkdown(onFinding, resource, true), span: onFinding.span };

  return settingHover(resource, source, offset, options);
}

function contains(span: Span, offset: number): boolean {
  return span.start <= offset && (offset < span.end || (offset === span.end && span.start === span.end));
}

function innermost(resources: Resource[]): Resource | undefined {
  return resources.reduce<Resource | undefined>((best, r) => (!best || r.span.start > best.span.start ? r : best), undefined);
}

/** The declaration's head: from its `resource` keyword (after decorators) to its `{` (Bicep) or to the end of its labels (Terraform). */
function headerSpan(resource: Resource, text: string): Span {
  const lineStart = text.lastIndexOf('\n', resource.nameSpan.start - 1) + 1;
  let start = lineStart;
  while (start < resource.nameSpan.start && (text[start] === ' ' || text[start] === '\t')) start++;
  const bodyStart = resource.body.span.start;
  const lineEnd = text.indexOf('\n', resource.nameSpan.end);
  let end = resource.language === 'bicep' && bodyStart >= resource.nameSpan.end ? bodyStart : lineEnd < 0 ? text.length : lineEnd;
  // Stop before a Terraform block's `{` so that hovering inside the body never shows the resource.
  const brace = text.indexOf('{', resource.nameSpan.end);
  if (brace >= 0 && brace < end) end = brace;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** The rules that judge this resource under the settings. */
function applicableRules(resource: Resource, options: AnalyzeOptions): Rule[] {
  return rulesFor(resource).filter((rule) => ruleEnabled(rule.id, options) && (rule.appliesTo?.(resource) ?? true));
}

function resourceHover(resource: Resource, source: HoverSource, options: AnalyzeOptions, span: Span, offset: number): HoverInfo | undefined {
  const rules = applicableRules(resource, options);
  if (rules.length === 0) return undefined;
  const own = source.findings.filter((f) => f.file === source.model.file && f.resourceName === resource.name && f.ruleId !== SUPPRESSION_RULE_ID);
  const suppressed = (source.suppressed ?? []).filter((f) => f.resourceName === resource.name).length;
  const lines = [`**${resource.name}** · \`${resource.type}\``, '', statusLine(resource, own, suppressed, rules.length), ''];

  // Pillars in the catalog's order, each with its principles in the article's order.
  const served = new Set(rules.flatMap((r) => ruleMeta(r.id)?.principles ?? []));
  for (const p of pillars()) {
    const titles = principles()
      .filter((x) => x.pillar === p.id && served.has(x.id))
      .map((x) => x.title);
    if (titles.length > 0) lines.push(`- **${p.title}:** ${titles.join('; ')}`);
  }

  // Findings reported on the name itself (settings left out): one line each, since the name is their diagnostic range.
  const onName = own.filter((f) => contains(f.span, offset));
  if (onName.length > 0) {
    lines.push('');
    for (const f of onName) lines.push(`- [\`${f.ruleId}\`](${ruleDocsUrl(f.ruleId)}): ${ruleMeta(f.ruleId)?.title ?? f.message}`);
  }
  return { markdown: lines.join('\n'), span };
}

function statusLine(resource: Resource, findings: readonly Finding[], suppressed: number, checks: number): string {
  if (resource.existing) return `Declared elsewhere (\`existing\`), so its settings are not checked here.`;
  if (resource.hasError) return `Not checked: this declaration does not parse cleanly, so its findings are held back until it does.`;
  const tail = suppressed > 0 ? `; ${suppressed} suppressed` : '';
  if (findings.length === 0) return `No findings from ${plural(checks, 'check')}${tail}.`;
  const bySeverity = (['error', 'warning', 'note'] as const)
    .map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => plural(n, s));
  return `${plural(findings.length, 'finding')} from ${plural(checks, 'check')} (${bySeverity.join(', ')})${tail}.`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The hover of one rule's guidance; `docs` adds the link to the rule's documentation (on a finding). */
function findingMarkdown(finding: Finding, resource: Resource, docs: boolean): string {
  if (finding.ruleId === SUPPRESSION_RULE_ID) {
    return [
      `**Suppression comment** · \`${SUPPRESSION_RULE_ID}\``,
      '',
      `Write \`${SUPPRESSION_KEYWORD} <rule-id>: <reason>\` in a comment on the line above a resource (covers the resource) or above or at the end of a setting's line (covers that line).`,
      '',
      `[Documentation](${ruleDocsUrl(SUPPRESSION_RULE_ID)})`,
    ].join('\n');
  }
  return ruleGuidance(finding.ruleId, resource, undefined, docs);
}

/** Principle, why, recommended value and trade-off of one rule, for this resource's language. */
function ruleGuidance(ruleId: string, resource: Resource, settingPath: string | undefined, docs: boolean, status?: string): string {
  const meta = ruleMeta(ruleId);
  if (!meta) return `\`${ruleId}\``;
  const main = principle(meta.principles[0] ?? '');
  const lines = [`**${meta.title}** · \`${ruleId}\``, ''];
  if (main) lines.push(`**${pillarTitle(main.pillar)}** · [${main.title}](${articleUrl(main)})`, '');
  lines.push(`**Why it matters:** ${meta.rationale}`, '');
  lines.push(`**Recommended:** ${recommended(ruleId, meta, resource, settingPath)}`);
  const tradeoff = firstTradeoff(meta);
  if (tradeoff) lines.push('', `**Trade-off** with ${pillarTitle(tradeoff.with)}: ${tradeoff.text}`);
  if (status) lines.push('', status);
  if (docs) lines.push('', `[Rule documentation](${ruleDocsUrl(ruleId)})`);
  return lines.join('\n');
}

function pillarTitle(id: PillarId): string {
  return pillar(id)?.title ?? id;
}

/** The setting and value a rule recommends in this resource's language, else the rule's recommendation sentence. */
function recommended(ruleId: string, meta: RuleMeta, resource: Resource, settingPath: string | undefined): string {
  const rule = rulesFor(resource).find((r) => r.id === ruleId);
  const docs = (rule?.settings ?? []).filter((s) => s.language === resource.language && (!settingPath || s.setting === settingPath));
  const doc = docs[0];
  if (!doc) return meta.recommendation;
  const absent = doc.absentIsAligned ? ' (leaving it out is fine too)' : '';
  return `\`${doc.setting}\` set to \`${doc.recommended}\`${absent}.`;
}

/** The first trade-off any of the rule's principles names, main principle first. */
function firstTradeoff(meta: RuleMeta): Principle['tradeoffs'][number] | undefined {
  for (const id of meta.principles) {
    const found = principle(id)?.tradeoffs[0];
    if (found) return found;
  }
  return undefined;
}

/** The hover on the key or value of a setting a rule reads, when the offset is on one. */
function settingHover(resource: Resource, source: HoverSource, offset: number, options: AnalyzeOptions): HoverInfo | undefined {
  const sections: string[] = [];
  let span: Span | undefined;
  for (const rule of applicableRules(resource, options)) {
    for (const doc of rule.settings ?? []) {
      if (doc.language !== resource.language) continue;
      const entry = entryAt(resource.body, doc.setting.split('.'), resource.language);
      if (!entry) continue;
      const on = contains(entry.keySpan, offset) ? entry.keySpan : contains(entry.value.span, offset) && isLeaf(entry.value) ? entry.value.span : undefined;
      if (!on) continue;
      span ??= on;
      sections.push(ruleGuidance(rule.id, resource, doc.setting, false, statusOf(rule.id, resource, source)));
      break;
    }
  }
  if (!span || sections.length === 0) return undefined;
  // Several rules may read one setting (two thresholds of one value); three sections are plenty for a hover.
  return { markdown: sections.slice(0, 3).join('\n\n---\n\n'), span };
}

function isLeaf(value: Value): boolean {
  return value.kind !== 'object' && value.kind !== 'array';
}

/** The entry at a path of keys, through nested objects and blocks. */
function entryAt(root: Resource['body'], path: readonly string[], language: Resource['language']): Entry | undefined {
  let current = root;
  let entry: Entry | undefined;
  for (const key of path) {
    entry = findEntry(current, key, language);
    if (!entry) return undefined;
    if (entry.value.kind === 'object') current = entry.value;
    else if (key !== path[path.length - 1]) return undefined;
  }
  return entry;
}

/** How this resource fares on one rule: its finding's message, its suppression, or no finding. */
function statusOf(ruleId: string, resource: Resource, source: HoverSource): string {
  if (resource.hasError) return '_Not checked until this declaration parses cleanly._';
  const finding = source.findings.find((f) => f.ruleId === ruleId && f.resourceName === resource.name && f.file === source.model.file);
  if (finding) return `**Status:** ${finding.message}`;
  const suppressed = (source.suppressed ?? []).find((f) => f.ruleId === ruleId && f.resourceName === resource.name);
  if (suppressed) return `**Status:** suppressed (${suppressed.suppression.reason}).`;
  return '**Status:** aligned.';
}
