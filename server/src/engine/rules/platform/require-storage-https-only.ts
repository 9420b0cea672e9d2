// A Storage account that holds AI data should accept only HTTPS, so documents, training data and agent files never travel in clear text.
import { settingRule } from '../helpers/settingRule';
import { STORAGE_TYPES } from './shared/resources';

export default settingRule({
  id: 'require-storage-https-only',
  resourceTypes: STORAGE_TYPES,
  label: () => 'Storage account',
  messages: {
    misaligned: '{{label}} "{{name}}" accepts plain HTTP (`{{setting}}` is {{value}}): data in transit to and from the account is not encrypted.',
    absent: '{{label}} "{{name}}" accepts plain HTTP.',
  },
  fixTitle: 'Accept HTTPS only',
  settings: {
    // HTTPS-only is the default in ARM (since API 2019-04-01) and in azurerm, so only an explicit false is a finding.
    bicep: { path: ['properties', 'supportsHttpsTrafficOnly'], isAligned: (v) => v.kind === 'bool' && v.value, absentIsAligned: true, fixValue: true },
    terraform: {
      path: ['https_traffic_only_enabled'],
      isAligned: (v) => v.kind === 'bool' && v.value,
      absentIsAligned: true,
      fixValue: true,
      // azurerm 3.x name, renamed in 4.0; same meaning.
      legacy: [{ path: ['enable_https_traffic_only'], isAligned: (v) => v.kind === 'bool' && v.value, absentIsAligned: true, fixValue: true }],
    },
  },
});
