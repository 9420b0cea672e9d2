// Every region of a Cosmos DB account that backs an AI workload should be zone-redundant, so a zone outage does not lose the chat history or vector store.
import type { Rule, RuleContext } from '../rule';
import { cosmosLabel } from './shared/cosmos';
import { boolOf, entriesNamed, find, findIn, firstLine, reportUndetermined, stringOf, UNDETERMINED } from './shared/inspect';
import { COSMOS_TYPES } from './shared/resources';

const rule: Rule = {
  id: 'require-cosmos-zone-redundancy',
  resourceTypes: COSMOS_TYPES,
  messages: {
    absent: '{{label}} "{{name}}" is not zone-redundant in {{region}} (`{{setting}}` is not set): a zone outage there takes the region\'s replicas down.',
    disabled: '{{label}} "{{name}}" is not zone-redundant in {{region}} (`{{setting}}` is false): a zone outage there takes the region\'s replicas down.',
    undetermined: UNDETERMINED,
  },
  // Zone redundancy is chosen when a region is added to the account and cannot be switched in place, so no fix is offered.
  fixable: false,
  settings: [
    { language: 'bicep', setting: 'properties.locations[].isZoneRedundant', recommended: 'true', absentIsAligned: false },
    { language: 'terraform', setting: 'geo_location.zone_redundant', recommended: 'true', absentIsAligned: false },
  ],
  check(ctx: RuleContext): void {
    const label = cosmosLabel();
    // ARM's `isZoneRedundant` and azurerm's `zone_redundant` both default to false.
    if (ctx.language === 'terraform') {
      for (const entry of entriesNamed(ctx.resource.body, 'geo_location', 'terraform')) {
        if (entry.dynamic || entry.value.kind !== 'object') {
          reportUndetermined(ctx, label, 'geo_location', { state: 'unknown', reason: '`geo_location` is a dynamic block', at: undefined }, firstLine(ctx.text, entry.span));
          continue;
        }
        const region = regionOf(stringOf(findIn(entry.value, ['location'], 'terraform', true)));
        const found = findIn(entry.value, ['zone_redundant'], 'terraform', true);
        const data = { label, region, setting: 'geo_location.zone_redundant' };
        if (found.state === 'unknown') reportUndetermined(ctx, label, data.setting, found, entry.keySpan);
        else if (found.state === 'absent') ctx.report({ messageId: 'absent', data, at: entry.keySpan });
        else if (boolOf(found) === false) ctx.report({ messageId: 'disabled', data, at: found.entry.value.span });
      }
      return;
    }
    const setting = 'properties.locations';
    const locations = find(ctx.resource, ['properties', 'locations']);
    if (locations.state === 'unknown') return reportUndetermined(ctx, label, setting, locations);
    if (locations.state !== 'known' || locations.value.kind !== 'array') return;
    for (const item of locations.value.items) {
      if (item.kind !== 'object') {
        if (item.kind === 'expression') reportUndetermined(ctx, label, setting, { state: 'unknown', reason: `\`${item.text}\` is not known from the code`, at: undefined }, item.span);
        continue;
      }
      const name = findIn(item, ['locationName'], 'bicep', false);
      const region = regionOf(stringOf(name));
      const found = findIn(item, ['isZoneRedundant'], 'bicep', false);
      const data = { label, region, setting: 'isZoneRedundant' };
      const at = name.state === 'known' ? name.entry.value.span : firstLine(ctx.text, item.span);
      if (found.state === 'unknown') reportUndetermined(ctx, label, `${setting}[].isZoneRedundant`, found, at);
      else if (found.state === 'absent') ctx.report({ messageId: 'absent', data, at });
      else if (boolOf(found) === false) ctx.report({ messageId: 'disabled', data, at: found.entry.value.span });
    }
  },
};

/** Names the region in a message, or says which one it could not name. */
function regionOf(location: string | undefined): string {
  return location === undefined ? 'one of its regions' : `\`${location}\``;
}

export default rule;
