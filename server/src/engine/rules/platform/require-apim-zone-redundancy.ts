// API Management used as the AI gateway sits on every model call, so it should survive a zone outage: Premium with at least two units across zones.
import type { Rule, RuleContext } from '../rule';
import { arrayItems, find, numberOf, reportUndetermined, stringOf, UNDETERMINED } from './shared/inspect';
import { APIM_TYPES } from './shared/resources';

const LABEL = 'API Management service';

/** Classic and v2 tiers with no availability zone support. Standard v2 and Premium v2 are not judged here. */
const ZONELESS_TIERS = new Set(['consumption', 'developer', 'basic', 'standard', 'basicv2']);

const rule: Rule = {
  id: 'require-apim-zone-redundancy',
  resourceTypes: APIM_TYPES,
  messages: {
    tier: '{{label}} "{{name}}" runs on the {{tier}} tier, which has no availability zone support: the gateway in front of the models is a single point of failure.',
    oneUnit: '{{label}} "{{name}}" runs one Premium unit: a zone outage takes down the only gateway unit in front of the models; use at least two units.',
    oneZone: '{{label}} "{{name}}" is pinned to a single availability zone (`zones` lists one): a zone outage takes down the gateway in front of the models.',
    undetermined: UNDETERMINED,
  },
  // Units are billed per unit and zones depend on the region, so no fix is offered.
  fixable: false,
  settings: [
    { language: 'bicep', setting: 'sku.name / sku.capacity / zones', recommended: "'Premium', 2 or more units", absentIsAligned: false },
    { language: 'terraform', setting: 'sku_name / zones', recommended: '"Premium_2" or more', absentIsAligned: false },
  ],
  check(ctx: RuleContext): void {
    // Bicep states the tier and the unit count apart; azurerm joins them as `Premium_2`.
    const skuPath = ctx.language === 'bicep' ? ['sku', 'name'] : ['sku_name'];
    const sku = find(ctx.resource, skuPath);
    if (sku.state === 'unknown') return reportUndetermined(ctx, LABEL, skuPath.join('.'), sku);
    const skuText = stringOf(sku);
    if (skuText === undefined || sku.state !== 'known') return;
    const [tier = '', unitsText] = ctx.language === 'bicep' ? [skuText] : skuText.split('_');
    if (ZONELESS_TIERS.has(tier.toLowerCase())) {
      ctx.report({ messageId: 'tier', data: { label: LABEL, tier }, at: sku.entry.value.span });
      return;
    }
    if (tier.toLowerCase() !== 'premium') return;
    const zones = find(ctx.resource, ['zones']);
    const zoneItems = zones.state === 'known' ? arrayItems(zones.value) : undefined;
    if (zones.state === 'known' && zoneItems?.length === 1) {
      ctx.report({ messageId: 'oneZone', data: { label: LABEL }, at: zones.entry.value.span });
      return;
    }
    // Premium spreads its units over zones by itself when `zones` is left out, but only from two units on.
    if (ctx.language === 'terraform') {
      if (unitsText !== undefined && Number(unitsText) < 2) ctx.report({ messageId: 'oneUnit', data: { label: LABEL }, at: sku.entry.value.span });
      return;
    }
    const capacity = find(ctx.resource, ['sku', 'capacity']);
    if (capacity.state === 'unknown') return reportUndetermined(ctx, LABEL, 'sku.capacity', capacity);
    const units = numberOf(capacity);
    if (units !== undefined && units < 2 && capacity.state === 'known') ctx.report({ messageId: 'oneUnit', data: { label: LABEL }, at: capacity.entry.value.span });
  },
};

export default rule;
