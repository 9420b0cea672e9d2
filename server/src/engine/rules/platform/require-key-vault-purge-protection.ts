// A Key Vault that holds the workload's keys and secrets (customer-managed keys of AI services among them) should have purge protection.
import { settingRule } from '../helpers/settingRule';
import { KEY_VAULT_TYPES } from './shared/resources';

export default settingRule({
  id: 'require-key-vault-purge-protection',
  resourceTypes: KEY_VAULT_TYPES,
  label: () => 'Key Vault',
  messages: {
    misaligned: '{{label}} "{{name}}" can be purged (`{{setting}}` is {{value}}): a deleted vault or key is gone for good, and data encrypted with it becomes unreadable.',
    absent: '{{label}} "{{name}}" can be purged (`{{setting}}` is not set): a deleted vault or key is gone for good, and data encrypted with it becomes unreadable.',
  },
  // Purge protection cannot be turned off again once on, which the fix title says.
  fixTitle: 'Enable purge protection (irreversible)',
  settings: {
    // Neither ARM nor azurerm turns purge protection on by default.
    bicep: { path: ['properties', 'enablePurgeProtection'], isAligned: (v) => v.kind === 'bool' && v.value, absentIsAligned: false, fixValue: true },
    terraform: { path: ['purge_protection_enabled'], isAligned: (v) => v.kind === 'bool' && v.value, absentIsAligned: false, fixValue: true },
  },
});
