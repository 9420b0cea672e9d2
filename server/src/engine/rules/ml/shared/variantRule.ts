// Builds one setting rule from several per-type variants, for settings whose name differs between azurerm resource types.
import type { Language, Resource } from '../../../model/types';
import { settingRule, type LanguageSetting, type SettingRuleSpec } from '../../helpers/settingRule';
import type { Report, Rule, RuleContext } from '../../rule';

/** One family of resource types that keep the setting under the same path. */
export interface Variant {
  types: Partial<Record<Language, readonly string[]>>;
  settings: Partial<Record<Language, LanguageSetting>>;
  appliesTo?(resource: Resource, language: Language): boolean;
  /** What the docs show as the recommended value, when `fixValue` cannot say it (a block or an object to write). */
  recommended?: Partial<Record<Language, string>>;
}

export interface VariantRuleSpec extends Omit<SettingRuleSpec, 'resourceTypes' | 'settings' | 'appliesTo'> {
  variants: readonly Variant[];
  /**
   * False when no edit is right to offer (a key must be chosen, or the change forces the resource to be replaced):
   * the findings then carry no fix. `fixValue` still names the recommended value in the docs.
   */
  fixable?: boolean;
  /**
   * False for a rule that judges a setting another rule already reads (one value, two thresholds): the other rule
   * reports the values the code does not state, so this one stays quiet about them.
   */
  reportUndetermined?: boolean;
}

const sameType = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * A rule that dispatches each resource to the first variant that lists its type and accepts it, each variant being a
 * `settingRule`.
 * Messages, labels and the fix title are shared, so the findings read the same whichever type raised them.
 */
export function variantRule(spec: VariantRuleSpec): Rule {
  const { variants, fixable: _fixable, reportUndetermined: _quiet, ...shared } = spec;
  const inner = variants.map((variant) => ({
    variant,
    rule: settingRule({ ...shared, resourceTypes: variant.types, settings: variant.settings, ...(variant.appliesTo ? { appliesTo: variant.appliesTo } : {}) }),
  }));
  const resourceTypes: Partial<Record<Language, string[]>> = {};
  for (const { variant } of inner) {
    for (const [language, types] of Object.entries(variant.types) as [Language, readonly string[]][]) {
      const list = (resourceTypes[language] ??= []);
      for (const type of types) if (!list.some((t) => sameType(t, type))) list.push(type);
    }
  }
  const fixable = spec.fixable ?? true;
  // The first variant that lists the type and accepts the resource: variants of one type can split on `appliesTo`.
  const variantFor = (resource: Resource, language: Language) =>
    inner.find(
      ({ variant }) =>
        (variant.types[language] ?? []).some((t) => sameType(t, resource.type)) && (!variant.appliesTo || variant.appliesTo(resource, language)),
    );
  return {
    id: spec.id,
    resourceTypes,
    messages: inner[0]!.rule.messages,
    fixable,
    settings: inner
      .flatMap(({ variant, rule }) =>
        (rule.settings ?? []).map((doc) => ({
          ...doc,
          // In Terraform an ARM type is an `azapi_resource`, whose settings live under its `body`.
          setting: doc.language === 'terraform' && (variant.types.terraform ?? []).some((t) => t.includes('/')) ? `body.${doc.setting}` : doc.setting,
          recommended: variant.recommended?.[doc.language] ?? doc.recommended,
        })),
      )
      .filter((doc, i, all) => all.findIndex((d) => d.language === doc.language && d.setting === doc.setting) === i),
    appliesTo(resource: Resource): boolean {
      const match = variantFor(resource, resource.language);
      return match !== undefined && (match.rule.appliesTo?.(resource) ?? true);
    },
    check(ctx: RuleContext): void {
      const match = variantFor(ctx.resource, ctx.language);
      if (!match) return;
      const quiet = spec.reportUndetermined === false;
      const report = (r: Report): void => {
        if (quiet && r.undetermined) return;
        ctx.report(fixable ? r : { ...r, fixes: [] });
      };
      match.rule.check({ ...ctx, report });
    },
  };
}
