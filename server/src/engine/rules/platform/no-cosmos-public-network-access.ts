// A Cosmos DB account that stores chat history, vectors or agent state should not be reachable from any network.
import { settingRule } from '../helpers/settingRule';
import { cosmosLabel } from './shared/cosmos';
import { arrayItems, boolOf, find, refine, shortReason, unknownAt } from './shared/inspect';
import { COSMOS_TYPES } from './shared/resources';

/** `Disabled` closes the endpoint; `SecuredByPerimeter` hands it to a network security perimeter. */
const CLOSED = new Set(['disabled', 'securedbyperimeter']);

const base = settingRule({
  id: 'no-cosmos-public-network-access',
  resourceTypes: COSMOS_TYPES,
  label: cosmosLabel,
  messages: {
    misaligned: '{{label}} "{{name}}" is reachable from any network: `{{setting}}` is {{value}} and no IP or virtual network filter limits it.',
    absent: '{{label}} "{{name}}" is reachable from any network: `{{setting}}` is not set and no IP or virtual network filter limits it.',
  },
  fixTitle: 'Disable public network access',
  settings: {
    // ARM defaults `publicNetworkAccess` to Enabled; azurerm defaults `public_network_access_enabled` to true.
    bicep: {
      path: ['properties', 'publicNetworkAccess'],
      isAligned: (v) => v.kind === 'string' && CLOSED.has(v.value.toLowerCase()),
      absentIsAligned: false,
      fixValue: 'Disabled',
    },
    terraform: { path: ['public_network_access_enabled'], isAligned: (v) => v.kind === 'bool' && !v.value, absentIsAligned: false, fixValue: false },
  },
});

/**
 * With IP rules or a virtual network filter the public endpoint only admits the networks listed, which also meets the principle;
 * when the code does not state them, the finding becomes a note saying so.
 */
export default refine(base, (report, ctx) => {
  if (report.undetermined) return report;
  const [ipPath, filterPath] =
    ctx.language === 'bicep' ? [['properties', 'ipRules'], ['properties', 'isVirtualNetworkFilterEnabled']] : [['ip_range_filter'], ['is_virtual_network_filter_enabled']];
  const ips = find(ctx.resource, ipPath);
  const vnetFilter = find(ctx.resource, filterPath);
  const hasIpRules = ips.state === 'known' && (arrayItems(ips.value)?.length ?? 0) > 0;
  if (hasIpRules || boolOf(vnetFilter) === true) return undefined;
  for (const [path, found] of [[ipPath, ips], [filterPath, vnetFilter]] as const) {
    if (found.state === 'unknown') {
      return { messageId: 'undetermined', data: { label: cosmosLabel(), setting: path.join('.'), reason: shortReason(found.reason) }, at: unknownAt(found, ctx.resource.nameSpan), undetermined: true };
    }
  }
  return report;
});
