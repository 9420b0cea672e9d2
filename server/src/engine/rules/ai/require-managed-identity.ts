// AI accounts and Foundry projects should have a managed identity, so that they reach storage, search and key vaults without secrets.
import type { Value } from '../../model/types';
import { settingRule } from '../helpers/settingRule';
import { ACCOUNT_TYPES, PROJECT_TYPES, accountOrProjectLabel } from './shared/resources';

const hasIdentity = (v: Value): boolean => v.kind === 'string' && v.value.trim() !== '' && v.value.toLowerCase() !== 'none';

export default settingRule({
  id: 'require-managed-identity',
  resourceTypes: {
    bicep: [...ACCOUNT_TYPES.bicep, ...PROJECT_TYPES.bicep],
    terraform: [...ACCOUNT_TYPES.terraform, ...PROJECT_TYPES.terraform],
  },
  label: accountOrProjectLabel,
  messages: {
    misaligned: '{{label}} "{{name}}" has no managed identity: `{{setting}}` is {{value}}, so it can reach other services only with keys or secrets.',
    absent: '{{label}} "{{name}}" has no managed identity: `{{setting}}` is not set, so it can reach other services only with keys or secrets.',
  },
  fixTitle: 'Add a system-assigned identity',
  settings: {
    bicep: { path: ['identity', 'type'], isAligned: hasIdentity, absentIsAligned: false, fixValue: 'SystemAssigned' },
    terraform: { path: ['identity', 'type'], isAligned: hasIdentity, absentIsAligned: false, fixValue: 'SystemAssigned' },
  },
});
