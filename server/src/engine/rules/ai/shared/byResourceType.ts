// Joins setting rules that read the same principle under different attribute names per resource type (azurerm's `azurerm_ai_services` beside `azurerm_cognitive_account`) into one rule.
import type { Resource } from '../../../model/types';
import type { Rule } from '../../rule';

/**
 * One rule whose resources are checked by the part that lists their type: the first part is the main one (its id and
 * messages), the others cover further types with their own setting. Every part must have the same id and message ids.
 */
export function byResourceType(main: Rule, ...others: Rule[]): Rule {
  const parts = [main, ...others];
  const partOf = (resource: Resource): Rule | undefined =>
    parts.find((p) => (p.resourceTypes[resource.language] ?? []).some((t) => t.toLowerCase() === resource.type.toLowerCase()));
  const resourceTypes: Rule['resourceTypes'] = {};
  for (const part of parts) {
    for (const [language, types] of Object.entries(part.resourceTypes) as [keyof Rule['resourceTypes'], readonly string[]][]) {
      resourceTypes[language] = [...(resourceTypes[language] ?? []), ...types];
    }
  }
  return {
    ...main,
    resourceTypes,
    settings: parts.flatMap((p) => p.settings ?? []),
    appliesTo: (resource) => {
      const part = partOf(resource);
      return part !== undefined && (part.appliesTo?.(resource) ?? true);
    },
    check: (ctx) => partOf(ctx.resource)?.check(ctx),
  };
}
