// Application Insights should accept telemetry only from Microsoft Entra ID-authenticated senders, so a leaked connection string cannot inject fake traces.
import { settingRule } from '../helpers/settingRule';
import { APP_INSIGHTS_TYPES } from './shared/resources';

export default settingRule({
  id: 'require-app-insights-disable-local-auth',
  resourceTypes: APP_INSIGHTS_TYPES,
  label: () => 'Application Insights component',
  messages: {
    misaligned:
      '{{label}} "{{name}}" accepts unauthenticated ingestion (`{{setting}}` is {{value}}): anyone with the connection string can send telemetry that pollutes model-quality and cost signals.',
    absent:
      '{{label}} "{{name}}" accepts unauthenticated ingestion (`{{setting}}` is not set): anyone with the connection string can send telemetry that pollutes model-quality and cost signals.',
  },
  fixTitle: 'Require Microsoft Entra ID for ingestion',
  settings: {
    // ARM: `DisableLocalAuth` defaults to false. azurerm 5: `local_authentication_enabled` defaults to true.
    bicep: { path: ['properties', 'DisableLocalAuth'], isAligned: (v) => v.kind === 'bool' && v.value, absentIsAligned: false, fixValue: true },
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
