// Content filter policies should state each harm category's filter for prompts and for completions alike, so that moderation runs both ways.
import type { Entry, Language, ObjectValue, Resource } from '../../model/types';
import { endOfLine, indentAt, lineEnding } from '../../fix/layout';
import { literalText } from '../../fix/literal';
import type { Fix, Span } from '../../types';
import { findEntry } from '../helpers/lookup';
import type { Rule, RuleContext } from '../rule';
import { contentFilters, HARM_CATEGORIES, type ContentFilter } from './shared/contentFilters';
import { RAI_POLICY_TYPES, raiPolicyLabel } from './shared/resources';

const DIRECTIONS = { prompt: { name: 'prompts', value: 'Prompt' }, completion: { name: 'completions', value: 'Completion' } } as const;
type Direction = keyof typeof DIRECTIONS;

const rule: Rule = {
  id: 'prefer-rai-policy-two-way-filters',
  resourceTypes: RAI_POLICY_TYPES,
  messages: {
    oneWay:
      '{{label}} "{{name}}" states the `{{filter}}` filter for {{present}} but not for {{missing}}: state both directions, so that the policy itself shows how this harm category is moderated on the way in and on the way out.',
    undetermined: 'Could not determine the content filters of {{label}} "{{name}}": {{reason}}.',
  },
  fixable: true,
  settings: [
    { language: 'bicep', setting: 'properties.contentFilters[].source', recommended: "'Prompt' and 'Completion'", absentIsAligned: true },
    { language: 'terraform', setting: 'content_filter.source', recommended: '"Prompt" and "Completion"', absentIsAligned: true },
  ],
  check(ctx: RuleContext): void {
    const label = raiPolicyLabel();
    const list = contentFilters(ctx.resource);
    if (list.state === 'absent') return;
    if (list.state === 'unknown') {
      ctx.report({ messageId: 'undetermined', data: { label, reason: list.reason }, at: list.at, undetermined: true });
      return;
    }
    const byCategory = new Map<string, ContentFilter[]>();
    for (const filter of list.filters) {
      if (filter.category === undefined || !HARM_CATEGORIES.has(filter.category)) continue;
      byCategory.set(filter.category, [...(byCategory.get(filter.category) ?? []), filter]);
    }
    for (const filters of byCategory.values()) {
      // A filter whose source the code does not state could be either direction: do not guess.
      if (filters.some((f) => f.source === undefined)) continue;
      const sources = new Set(filters.map((f) => f.source));
      for (const missing of ['prompt', 'completion'] as const) {
        const present = missing === 'prompt' ? 'completion' : 'prompt';
        if (sources.has(missing) || !sources.has(present)) continue;
        const stated = filters.find((f) => f.source === present)!;
        const fix = copyWithSource(ctx.resource, ctx.text, stated, missing);
        ctx.report({
          messageId: 'oneWay',
          data: { label, filter: stated.name ?? '', present: DIRECTIONS[present].name, missing: DIRECTIONS[missing].name },
          at: stated.nameSpan,
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
};

export default rule;

/**
 * A fix that writes a copy of the filter for the missing direction right after it, keeping its other settings.
 * ARM lists filters as array items; azurerm as repeated `content_filter` blocks.
 */
function copyWithSource(resource: Resource, text: string, filter: ContentFilter, direction: Direction): Fix | undefined {
  const language: Language = resource.language;
  const source = findEntry(filter.body, 'source', language);
  if (!source || source.value.kind !== 'string') return undefined;
  const whole = wholeFilter(resource, filter.body);
  if (!whole) return undefined;
  const copy =
    text.slice(whole.start, source.value.span.start) + literalText(language, DIRECTIONS[direction].value) + text.slice(source.value.span.end, whole.end);
  const eol = lineEnding(text);
  const singleLine = !text.slice(whole.start, whole.end).includes('\n') && text.slice(lineStartOf(text, whole.start), whole.start).trim() !== '';
  if (language === 'bicep' && singleLine) return edit(whole.end, `, ${copy}`);
  // On a line of its own: the copy goes on the next line at the same indentation, after anything that follows on the line.
  const at = endOfLine(text, whole.end);
  return edit(at, `${eol}${indentAt(text, whole.start)}${copy}`);

  function edit(offset: number, inserted: string): Fix {
    return { title: `Filter ${DIRECTIONS[direction].name} too`, edits: [{ span: { start: offset, end: offset }, text: inserted }], safe: false };
  }
}

/** The span of the whole filter: the object literal (Bicep) or the `content_filter { … }` block (Terraform). */
function wholeFilter(resource: Resource, body: ObjectValue): Span | undefined {
  if (resource.language === 'bicep') return body.span;
  const block: Entry | undefined = resource.body.entries.find((e) => e.key === 'content_filter' && e.value === body);
  return block?.span;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}
