// A Storage account that holds AI data should not allow anonymous read access to its containers and blobs.
import { settingRule } from '../helpers/settingRule';
import { STORAGE_TYPES } from './shared/resources';

export default settingRule({
  id: 'no-storage-blob-public-access',
  resourceTypes: STORAGE_TYPES,
  label: () => 'Storage account',
  messages: {
    misaligned: '{{label}} "{{name}}" allows anonymous blob access (`{{setting}}` is {{value}}): one container set to public exposes its documents or training data to anyone.',
    absent: '{{label}} "{{name}}" allows anonymous blob access.',
  },
  fixTitle: 'Disallow anonymous blob access',
  settings: {
    // New accounts disallow anonymous access unless asked (ARM, since the 2023 default change); azurerm 5 defaults
    // `allow_nested_items_to_be_public` to false (azurerm 4 defaulted it to true).
    bicep: { path: ['properties', 'allowBlobPublicAccess'], isAligned: (v) => v.kind === 'bool' && !v.value, absentIsAligned: true, fixValue: false },
    terraform: { path: ['allow_nested_items_to_be_public'], isAligned: (v) => v.kind === 'bool' && !v.value, absentIsAligned: true, fixValue: false },
  },
});
