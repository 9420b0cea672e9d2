// Model deployments of a regional type draw only on their own region's capacity; data zone or global types spread the load, where data residency allows.
import type { Rule, RuleContext } from '../rule';
import { describeLiteral, lookup } from '../helpers/lookup';
import { DEPLOYMENT_TYPES, deploymentLabel } from './shared/resources';

/** Regional types, with the data zone and global types of the same billing model. */
const REGIONAL: Record<string, { dataZone: string; global: string }> = {
  standard: { dataZone: 'DataZoneStandard', global: 'GlobalStandard' },
  provisionedmanaged: { dataZone: 'DataZoneProvisionedManaged', global: 'GlobalProvisionedManaged' },
};

const rule: Rule = {
  id: 'prefer-deployment-data-zone-or-global',
  resourceTypes: DEPLOYMENT_TYPES,
  messages: {
    regional:
      '{{label}} "{{name}}" is a regional deployment: `sku.name` is {{value}}, so it draws only on the model capacity of the account\'s region. Where prompts may be processed elsewhere in the data zone, `{{dataZone}}` routes each request to the data centre with the best availability (`{{global}}` does so worldwide); keep {{value}} when prompts must be processed in the account\'s geography.',
    undetermined: 'Could not determine `sku.name` of {{label}} "{{name}}": {{reason}}.',
  },
  fixable: false,
  settings: [
    { language: 'bicep', setting: 'sku.name', recommended: "'DataZoneStandard' or 'GlobalStandard'", absentIsAligned: true },
    { language: 'terraform', setting: 'sku.name', recommended: '"DataZoneStandard" or "GlobalStandard"', absentIsAligned: true },
  ],
  check(ctx: RuleContext): void {
    const data = { label: deploymentLabel() };
    const found = lookup(ctx.resource.body, ['sku', 'name'], ctx.language);
    // An unset SKU is not judged: the ARM reference documents no default deployment type, and azurerm requires one.
    if (found.state === 'absent') return;
    if (found.state === 'unknown') {
      ctx.report({ messageId: 'undetermined', data: { ...data, reason: found.reason }, at: found.at?.value.span ?? ctx.resource.nameSpan, undetermined: true });
      return;
    }
    const alternatives = found.value.kind === 'string' ? REGIONAL[found.value.value.toLowerCase()] : undefined;
    if (!alternatives) return;
    ctx.report({ messageId: 'regional', data: { ...data, ...alternatives, value: describeLiteral(found.value) }, at: found.entry.value.span });
  },
};

export default rule;
