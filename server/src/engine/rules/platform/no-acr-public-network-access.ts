// A container registry that holds model-serving images should be reached over private networks, not from the internet.
import { settingRule } from '../helpers/settingRule';
import { refine, withoutFixes } from './shared/inspect';
import { skuName } from '../helpers/labels';
import { ACR_TYPES } from './shared/resources';

const base = settingRule({
  id: 'no-acr-public-network-access',
  resourceTypes: ACR_TYPES,
  label: () => 'Container registry',
  messages: {
    misaligned: '{{label}} "{{name}}" is reachable from public networks: `{{setting}}` is {{value}}.',
    absent: '{{label}} "{{name}}" is reachable from public networks: `{{setting}}` is not set, and public access is on by default.',
  },
  fixTitle: 'Disable public network access',
  settings: {
    bicep: {
      path: ['properties', 'publicNetworkAccess'],
      isAligned: (v) => v.kind === 'string' && v.value.toLowerCase() === 'disabled',
      absentIsAligned: false,
      fixValue: 'Disabled',
    },
    terraform: { path: ['public_network_access_enabled'], isAligned: (v) => v.kind === 'bool' && !v.value, absentIsAligned: false, fixValue: false },
  },
});

/** Only the Premium tier can turn public access off (and use private endpoints); on other tiers the fix would be rejected. */
export default refine(base, (report, ctx) => (skuName(ctx.resource)?.toLowerCase() === 'premium' ? report : withoutFixes(report)));
