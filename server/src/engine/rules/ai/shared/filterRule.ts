// Builds content-filter-policy rules that judge stated settings of selected filters, so each rule says only what it looks for.
import { literalText } from '../../../fix/literal';
import type { Value } from '../../../model/types';
import type { Fix } from '../../../types';
import { describeLiteral } from '../../helpers/lookup';
import type { Rule, RuleContext } from '../../rule';
import { contentFilters, directionOf, filterKey, type ContentFilter, type FilterSetting } from './contentFilters';
import { RAI_POLICY_TYPES, raiPolicyLabel } from './resources';

/** One setting of a filter that the rule judges. */
export interface FilterCheck {
  /** The message id; the message gets {{label}}, {{name}}, {{filter}}, {{direction}}, {{setting}} and {{value}}. */
  messageId: string;
  setting: FilterSetting;
  /**
   * True when the stated value is aligned. An absent setting is never judged: neither the ARM API nor azurerm documents
   * a default for a single filter's setting, so the rule does not guess what the service fills in.
   */
  isAligned(value: Value, filter: ContentFilter): boolean;
  /** Skips a filter that another check or rule already reports (a disabled filter is not also reported as non-blocking). */
  skip?(filter: ContentFilter): boolean;
  fixTitle: string;
  fixValue: boolean | string;
}

export interface FilterRuleSpec {
  id: string;
  messages: Record<string, string>;
  /** Which filters the rule reads, by folded category (`hate`, `jailbreak`, …). */
  appliesTo(filter: ContentFilter): boolean;
  checks: readonly FilterCheck[];
}

const UNDETERMINED = 'Could not determine the content filters of {{label}} "{{name}}": {{reason}}.';
const UNDETERMINED_SETTING = 'Could not determine `{{setting}}` of the `{{filter}}` filter in {{label}} "{{name}}": {{reason}}.';

/** A rule over a content filter policy's filters; values the code does not state become notes, never findings. */
export function filterRule(spec: FilterRuleSpec): Rule {
  return {
    id: spec.id,
    resourceTypes: RAI_POLICY_TYPES,
    messages: { ...spec.messages, undetermined: UNDETERMINED, undeterminedSetting: UNDETERMINED_SETTING },
    fixable: true,
    settings: spec.checks.flatMap((c) => [
      { language: 'bicep' as const, setting: `properties.contentFilters[].${filterKey('bicep', c.setting)}`, recommended: literalText('bicep', c.fixValue), absentIsAligned: true },
      { language: 'terraform' as const, setting: `content_filter.${filterKey('terraform', c.setting)}`, recommended: literalText('terraform', c.fixValue), absentIsAligned: true },
    ]),
    check(ctx: RuleContext): void {
      const label = raiPolicyLabel();
      const list = contentFilters(ctx.resource);
      if (list.state === 'absent') return;
      if (list.state === 'unknown') {
        ctx.report({ messageId: 'undetermined', data: { label, reason: list.reason }, at: list.at, undetermined: true });
        return;
      }
      for (const filter of list.filters) {
        if (filter.category === undefined || !spec.appliesTo(filter)) continue;
        for (const check of spec.checks) {
          if (check.skip?.(filter)) continue;
          const found = filter.setting(check.setting);
          const data = { label, filter: filter.name ?? '', direction: directionOf(filter.source), setting: filter.key(check.setting) };
          if (found.state === 'unknown') {
            ctx.report({ messageId: 'undeterminedSetting', data: { ...data, reason: found.reason }, at: found.at?.value.span ?? filter.nameSpan, undetermined: true });
            continue;
          }
          if (found.state === 'absent' || check.isAligned(found.value, filter)) continue;
          const fix: Fix = { title: check.fixTitle, edits: [{ span: found.entry.value.span, text: literalText(ctx.language, check.fixValue) }], safe: false };
          ctx.report({ messageId: check.messageId, data: { ...data, value: describeLiteral(found.value) }, at: found.entry.value.span, fixes: [fix] });
        }
      }
    },
  };
}

/** A filter setting the code states as a boolean, else undefined. */
export function statedBool(filter: ContentFilter, which: FilterSetting): boolean | undefined {
  const found = filter.setting(which);
  return found.state === 'known' && found.value.kind === 'bool' ? found.value.value : undefined;
}

/** True unless the value is a stated `false`: only an explicit false turns something off. */
export const notFalse = (value: Value): boolean => !(value.kind === 'bool' && !value.value);
