// A Storage account that feeds an AI workload should refuse Shared Key (account key and key-signed SAS) authorization, so every caller uses Microsoft Entra ID.
import { settingRule } from '../helpers/settingRule';
import { STORAGE_TYPES } from './shared/resources';

export default settingRule({
  id: 'require-storage-disable-shared-key',
  resourceTypes: STORAGE_TYPES,
  label: () => 'Storage account',
  messages: {
    misaligned: '{{label}} "{{name}}" accepts Shared Key authorization (`{{setting}}` is {{value}}): an account key or a SAS signed with it grants access without any identity.',
    absent: '{{label}} "{{name}}" accepts Shared Key authorization (`{{setting}}` is not set, which allows it): an account key or a SAS signed with it grants access without any identity.',
  },
  fixTitle: 'Disable Shared Key authorization',
  settings: {
    // ARM: `allowSharedKeyAccess` null is equivalent to true. azurerm: `shared_access_key_enabled` defaults to true.
    bicep: { path: ['properties', 'allowSharedKeyAccess'], isAligned: (v) => v.kind === 'bool' && !v.value, absentIsAligned: false, fixValue: false },
    terraform: { path: ['shared_access_key_enabled'], isAligned: (v) => v.kind === 'bool' && !v.value, absentIsAligned: false, fixValue: false },
  },
});
