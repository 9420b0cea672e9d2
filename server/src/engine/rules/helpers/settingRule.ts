// Builds a rule that checks one setting per language, where absence means the service's or provider's default.
import type { Language, Resource, Value } from '../../model/types';
import type { RelatedLocation } from '../../types';
import { setSetting } from '../../fix/setSetting';
import { literalText, type LiteralInput } from '../../fix/literal';
import type { Rule, RuleContext } from '../rule';
import { describeLiteral, lookup } from './lookup';

/** Where a setting lives in one language and what counts as aligned there. */
export interface LanguageSetting {
  /** Keys from the resource body down to the setting, e.g. `['properties', 'disableLocalAuth']`. */
  path: readonly string[];
  /** True when a value the code states outright is aligned with the principle. */
  isAligned(value: Value): boolean;
  /** True when leaving the setting out is aligned (decided per rule from the service or provider default). */
  absentIsAligned: boolean;
  /** The value the fix writes. */
  fixValue: LiteralInput;
  /**
   * Older names of the same setting (azurerm 4.x names that 5.x renamed, say), each judged by its own semantics.
   * They count only when the current name is absent; the fix then edits the older name where it is set.
   */
  legacy?: readonly Omit<LanguageSetting, 'legacy'>[];
}

export interface SettingRuleSpec {
  id: string;
  resourceTypes: Partial<Record<Language, readonly string[]>>;
  /** `misaligned` ({{value}}, {{setting}}) and `absent` ({{setting}}); `{{name}}` and `{{label}}` are always known. */
  messages: { misaligned: string; absent: string };
  fixTitle: string;
  /** True when the fix changes nothing that gets deployed, so "fix all" may apply it. */
  fixIsSafe?: boolean;
  settings: Partial<Record<Language, LanguageSetting>>;
  /** Narrows the rule to some resources of its types (a kind, a SKU); returning false skips the resource. */
  appliesTo?(resource: Resource, language: Language): boolean;
  /** A short human name for the resource, e.g. `Azure OpenAI account`. */
  label(resource: Resource): string;
}

const UNDETERMINED = 'Could not determine `{{setting}}` of {{label}} "{{name}}": {{reason}}.';

/** Makes a rule from a declarative setting spec; it never guesses about values the code does not state. */
export function settingRule(spec: SettingRuleSpec): Rule {
  return {
    id: spec.id,
    resourceTypes: spec.resourceTypes,
    messages: { ...spec.messages, undetermined: UNDETERMINED },
    fixable: true,
    appliesTo: (resource) => spec.settings[resource.language] !== undefined && (spec.appliesTo?.(resource, resource.language) ?? true),
    settings: (Object.entries(spec.settings) as [Language, LanguageSetting][]).map(([language, s]) => ({
      language,
      setting: s.path.join('.'),
      recommended: literalText(language, s.fixValue),
      absentIsAligned: s.absentIsAligned,
    })),
    check(ctx: RuleContext): void {
      const setting = spec.settings[ctx.language];
      if (!setting || (spec.appliesTo && !spec.appliesTo(ctx.resource, ctx.language))) return;
      let judged: Omit<LanguageSetting, 'legacy'> = setting;
      // An azapi `body = { … }` is an object literal, so missing settings are inserted as `key = value`, never as blocks.
      const rootIsBlock = ctx.language === 'terraform' && !ctx.resource.azapi;
      let found = lookup(ctx.resource.body, setting.path, ctx.language, rootIsBlock);
      for (const older of setting.legacy ?? []) {
        if (found.state !== 'absent') break;
        const olderFound = lookup(ctx.resource.body, older.path, ctx.language, rootIsBlock);
        if (olderFound.state !== 'absent') [judged, found] = [older, olderFound];
      }
      const data = { label: spec.label(ctx.resource), setting: judged.path.join('.') };
      if (found.state === 'unknown') {
        ctx.report({ messageId: 'undetermined', data: { ...data, reason: found.reason }, at: found.at?.value.span ?? ctx.resource.nameSpan, undetermined: true });
        return;
      }
      if (found.state === 'known' && judged.isAligned(found.value)) return;
      if (found.state === 'absent' && judged.absentIsAligned) return;
      const edits = setSetting(ctx.text, ctx.language, found, judged.fixValue, ctx.model.file);
      const fixes = edits ? [{ title: spec.fixTitle, edits, safe: spec.fixIsSafe ?? false }] : [];
      if (found.state === 'known') {
        const at = found.entry.value.span;
        ctx.report({ messageId: 'misaligned', data: { ...data, value: describeLiteral(found.value) }, at, fixes, related: originRelated(found.value, ctx.model.file, at) });
      } else {
        ctx.report({ messageId: 'absent', data, at: ctx.resource.nameSpan, fixes, related: originRelated(found.parent, ctx.model.file, ctx.resource.nameSpan) });
      }
    },
  };
}

/**
 * Where a value the evaluator resolved is set, as a related location: a parameter default, a parameter file entry, a
 * variable, a module argument. Nothing for a value written where the finding points.
 */
export function originRelated(value: Value, file: string, at: { start: number; end: number }): RelatedLocation[] {
  const origin = value.kind === 'expression' ? undefined : value.origin;
  if (!origin || (origin.file === file && origin.span.start >= at.start && origin.span.end <= at.end)) return [];
  return [{ file: origin.file, span: origin.span, message: `The value is set by ${origin.description}.` }];
}

/** Reads a top-level string setting such as `kind` or `sku_name`, when the code states it. */
export function literalString(resource: Resource, path: readonly string[]): string | undefined {
  const found = lookup(resource.body, path, resource.language);
  return found.state === 'known' && found.value.kind === 'string' ? found.value.value : undefined;
}
