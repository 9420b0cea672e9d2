// Where the data classification asks for customer-managed keys, AI Search can refuse to hold any index or synonym map not encrypted with one.
import { SEARCH_TYPES, skuName } from '../helpers/labels';
import { settingRule } from '../helpers/settingRule';
import { searchLabel } from './shared/resources';

export default settingRule({
  id: 'prefer-search-cmk-enforcement',
  resourceTypes: SEARCH_TYPES,
  label: searchLabel,
  // Platform encryption with Microsoft-managed keys meets the baseline, so this is situational advice; the free tier has no CMK.
  appliesTo: (resource) => skuName(resource)?.toLowerCase() !== 'free',
  messages: {
    misaligned:
      '{{label}} "{{name}}" does not enforce customer-managed keys (`{{setting}}` is {{value}}): if the indexed content is classified as sensitive, objects encrypted only with Microsoft-managed keys are still accepted.',
    absent:
      '{{label}} "{{name}}" does not enforce customer-managed keys (`{{setting}}` is not set): if the indexed content is classified as sensitive, objects encrypted only with Microsoft-managed keys are still accepted.',
  },
  fixTitle: 'Enforce customer-managed key encryption',
  settings: {
    bicep: {
      path: ['properties', 'encryptionWithCmk', 'enforcement'],
      isAligned: (v) => v.kind === 'string' && v.value.toLowerCase() === 'enabled',
      absentIsAligned: false,
      fixValue: 'Enabled',
    },
    terraform: { path: ['customer_managed_key_enforcement_enabled'], isAligned: (v) => v.kind === 'bool' && v.value, absentIsAligned: false, fixValue: true },
  },
});
