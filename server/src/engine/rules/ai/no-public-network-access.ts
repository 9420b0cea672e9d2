// Azure OpenAI / AI Services accounts should not be reachable from the public internet; clients come through private endpoints.
import type { Value } from '../../model/types';
import { settingRule } from '../helpers/settingRule';
import { byResourceType } from './shared/byResourceType';
import { ACCOUNT_TYPES, accountLabel } from './shared/resources';

const messages = {
  misaligned: '{{label}} "{{name}}" is reachable from public networks: `{{setting}}` is {{value}}.',
  absent: '{{label}} "{{name}}" is reachable from public networks: `{{setting}}` is not set, and public access is on by default.',
};
const fixTitle = 'Disable public network access';
const disabled = (v: Value): boolean => v.kind === 'string' && v.value.toLowerCase() === 'disabled';

export default byResourceType(
  settingRule({
    id: 'no-public-network-access',
    resourceTypes: { bicep: ACCOUNT_TYPES.bicep, terraform: ['azurerm_cognitive_account'] },
    label: accountLabel,
    messages,
    fixTitle,
    settings: {
      bicep: { path: ['properties', 'publicNetworkAccess'], isAligned: disabled, absentIsAligned: false, fixValue: 'Disabled' },
      terraform: { path: ['public_network_access_enabled'], isAligned: (v) => v.kind === 'bool' && !v.value, absentIsAligned: false, fixValue: false },
    },
  }),
  // azurerm 4.x `azurerm_ai_services` takes `public_network_access = "Enabled" | "Disabled"` (default `Enabled`).
  settingRule({
    id: 'no-public-network-access',
    resourceTypes: { terraform: ['azurerm_ai_services'] },
    label: accountLabel,
    messages,
    fixTitle,
    settings: { terraform: { path: ['public_network_access'], isAligned: disabled, absentIsAligned: false, fixValue: 'Disabled' } },
  }),
);
