// Azure OpenAI / AI Services accounts should refuse API keys, so every caller authenticates with Microsoft Entra ID.
import type { Value } from '../../model/types';
import { settingRule } from '../helpers/settingRule';
import { byResourceType } from './shared/byResourceType';
import { ACCOUNT_TYPES, accountLabel } from './shared/resources';

const messages = {
  misaligned: '{{label}} "{{name}}" accepts API keys: `{{setting}}` is {{value}}.',
  absent: '{{label}} "{{name}}" accepts API keys: `{{setting}}` is not set, and keys are allowed by default.',
};
const fixTitle = 'Disable key-based authentication';
const keysOff = { isAligned: (v: Value) => v.kind === 'bool' && !v.value, absentIsAligned: false, fixValue: false };

export default byResourceType(
  settingRule({
    id: 'require-disable-local-auth',
    resourceTypes: { bicep: ACCOUNT_TYPES.bicep, terraform: ['azurerm_cognitive_account'] },
    label: accountLabel,
    messages,
    fixTitle,
    settings: {
      bicep: { path: ['properties', 'disableLocalAuth'], isAligned: (v) => v.kind === 'bool' && v.value, absentIsAligned: false, fixValue: true },
      terraform: { path: ['local_auth_enabled'], ...keysOff },
    },
  }),
  // azurerm 4.x `azurerm_ai_services` names the same setting `local_authentication_enabled` (default true).
  settingRule({
    id: 'require-disable-local-auth',
    resourceTypes: { terraform: ['azurerm_ai_services'] },
    label: accountLabel,
    messages,
    fixTitle,
    settings: { terraform: { path: ['local_authentication_enabled'], ...keysOff } },
  }),
);
