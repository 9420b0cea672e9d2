// The Log Analytics workspace that holds an AI workload's logs should accept data and queries only from Microsoft Entra ID identities, not shared workspace keys.
import { settingRule } from '../helpers/settingRule';
import { LOG_ANALYTICS_TYPES } from './shared/resources';

export default settingRule({
  id: 'require-log-analytics-disable-local-auth',
  resourceTypes: LOG_ANALYTICS_TYPES,
  label: () => 'Log Analytics workspace',
  messages: {
    misaligned: '{{label}} "{{name}}" accepts its shared keys (`{{setting}}` is {{value}}): a leaked key can write logs that hide or fake what the AI workload did.',
    absent: '{{label}} "{{name}}" accepts its shared keys (`{{setting}}` is not set): a leaked key can write logs that hide or fake what the AI workload did.',
  },
  fixTitle: 'Disable key-based authentication',
  settings: {
    // ARM: `features.disableLocalAuth` defaults to false. azurerm 5: `local_authentication_enabled` defaults to true.
    bicep: { path: ['properties', 'features', 'disableLocalAuth'], isAligned: (v) => v.kind === 'bool' && v.value, absentIsAligned: false, fixValue: true },
    terraform: {
      path: ['local_authentication_enabled'],
      isAligned: (v) => v.kind === 'bool' && !v.value,
      absentIsAligned: false,
      fixValue: false,
      // azurerm 4's inverted name, removed in 5.0.
      legacy: [{ path: ['local_authentication_disabled'], isAligned: (v) => v.kind === 'bool' && v.value, absentIsAligned: false, fixValue: true }],
    },
  },
});
