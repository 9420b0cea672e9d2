// Azure OpenAI / AI Services accounts should not be reachable from the public internet; clients come through private endpoints.
import { AI_ACCOUNT_TYPES, aiAccountLabel } from '../helpers/labels';
import { settingRule } from '../helpers/settingRule';

export default settingRule({
  id: 'no-public-network-access',
  resourceTypes: AI_ACCOUNT_TYPES,
  label: aiAccountLabel,
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
