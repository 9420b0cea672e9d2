// Reads the content filters of a content filter policy (ARM `properties.contentFilters[]`, azurerm `content_filter` blocks) into one shape.
import type { Entry, Language, ObjectValue, Resource } from '../../../model/types';
import type { Span } from '../../../types';
import { lookup, type Lookup } from '../../helpers/lookup';

/**
 * Attribute names per language. ARM (`Microsoft.CognitiveServices/accounts/raiPolicies`, api 2024-10-01 and later):
 * `{ name, enabled, blocking, severityThreshold, source }`; azurerm `azurerm_cognitive_account_rai_policy`:
 * `content_filter { name, filter_enabled, block_enabled, severity_threshold, source }`.
 */
const KEYS = {
  bicep: { enabled: 'enabled', blocking: 'blocking', threshold: 'severityThreshold' },
  terraform: { enabled: 'filter_enabled', blocking: 'block_enabled', threshold: 'severity_threshold' },
} as const;

export type FilterSetting = keyof (typeof KEYS)['bicep'];

/** The name of a filter setting in a language, e.g. `enabled` (ARM) or `filter_enabled` (azurerm). */
export function filterKey(language: Language, which: FilterSetting): string {
  return KEYS[language][which];
}

/** The four harm categories that the default policies filter at medium severity on prompts and completions. */
export const HARM_CATEGORIES: ReadonlySet<string> = new Set(['hate', 'sexual', 'violence', 'selfharm']);

/** One content filter as written. */
export interface ContentFilter {
  /** The filter body (a Bicep object literal or an HCL block body). */
  body: ObjectValue;
  /** `Hate`, `Jailbreak`, `Protected Material Text`, … as written; undefined when the code does not state it. */
  name?: string;
  /** The name folded for comparison: lower case, letters only (`Selfharm`, `self_harm` → `selfharm`). */
  category?: string;
  /** `prompt`, `completion`, … in lower case; undefined when not stated. */
  source?: string;
  /** Where the filter's name is written, to point at the filter as a whole. */
  nameSpan: Span;
  setting(which: FilterSetting): Lookup;
  /** The name of a setting in this language, e.g. `enabled` or `filter_enabled`. */
  key(which: FilterSetting): string;
}

export type FilterList =
  | { state: 'known'; filters: ContentFilter[] }
  /** The list is absent: the policy states no filters of its own. */
  | { state: 'absent' }
  /** The list, or part of it, comes from something the code does not state (a parameter, a loop, a dynamic block). */
  | { state: 'unknown'; reason: string; at: Span };

const fold = (name: string): string => name.toLowerCase().replace(/[^a-z]/g, '');

function literal(body: ObjectValue, key: string, language: Language): string | undefined {
  const found = lookup(body, [key], language, language === 'terraform');
  return found.state === 'known' && found.value.kind === 'string' ? found.value.value : undefined;
}

function filterOf(body: ObjectValue, fallback: Span, language: Language): ContentFilter {
  const name = literal(body, 'name', language);
  const source = literal(body, 'source', language);
  const nameEntry = lookup(body, ['name'], language, language === 'terraform');
  const keys = KEYS[language];
  return {
    body,
    name,
    category: name === undefined ? undefined : fold(name),
    source: source?.toLowerCase(),
    nameSpan: nameEntry.state === 'known' ? nameEntry.entry.value.span : fallback,
    setting: (which) => lookup(body, [keys[which]], language, language === 'terraform'),
    key: (which) => keys[which],
  };
}

/** The policy's content filters, or why they cannot be read. */
export function contentFilters(resource: Resource): FilterList {
  const language = resource.language;
  if (language === 'bicep') {
    const found = lookup(resource.body, ['properties', 'contentFilters'], language);
    if (found.state === 'absent') return { state: 'absent' };
    if (found.state === 'unknown') return { state: 'unknown', reason: found.reason, at: found.at?.value.span ?? resource.nameSpan };
    if (found.value.kind !== 'array') return { state: 'unknown', reason: '`properties.contentFilters` is not a list', at: found.entry.value.span };
    const filters: ContentFilter[] = [];
    for (const item of found.value.items) {
      if (item.kind !== 'object') return { state: 'unknown', reason: `\`${describe(item)}\` in \`properties.contentFilters\` is not known from the code`, at: item.span };
      filters.push(filterOf(item, item.span, language));
    }
    return { state: 'known', filters };
  }
  const blocks = resource.body.entries.filter((e: Entry) => e.key === 'content_filter');
  if (blocks.length === 0) return { state: 'absent' };
  const dynamic = blocks.find((e) => e.dynamic);
  if (dynamic) return { state: 'unknown', reason: '`content_filter` is a dynamic block', at: dynamic.keySpan };
  const filters: ContentFilter[] = [];
  for (const block of blocks) {
    if (block.value.kind !== 'object') return { state: 'unknown', reason: '`content_filter` is not known from the code', at: block.value.span };
    filters.push(filterOf(block.value, block.keySpan, language));
  }
  return { state: 'known', filters };
}

function describe(value: { kind: string; text?: string }): string {
  return value.kind === 'expression' && value.text ? value.text : value.kind;
}

/** `prompts` / `completions` for messages; other sources (agent tool calls, runs) by their own name. */
export function directionOf(source: string | undefined): string {
  if (source === 'prompt') return 'prompts';
  if (source === 'completion') return 'completions';
  return source ? `\`${source}\` content` : 'an unstated source';
}
