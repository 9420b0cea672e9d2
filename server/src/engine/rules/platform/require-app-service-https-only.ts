// A web or function app that fronts an AI workload should redirect HTTP to HTTPS, so prompts and answers never travel in clear text.
import { settingRule } from '../helpers/settingRule';
import { WEB_APP_TYPES, webAppLabel } from './shared/resources';

export default settingRule({
  id: 'require-app-service-https-only',
  resourceTypes: WEB_APP_TYPES,
  label: webAppLabel,
  messages: {
    misaligned: '{{label}} "{{name}}" serves plain HTTP (`{{setting}}` is {{value}}): prompts, answers and tokens can cross the network unencrypted.',
    absent: '{{label}} "{{name}}" serves plain HTTP (`{{setting}}` is not set): prompts, answers and tokens can cross the network unencrypted.',
  },
  fixTitle: 'Redirect HTTP to HTTPS',
  settings: {
    // ARM's `httpsOnly` and azurerm's `https_only` both default to false.
    bicep: { path: ['properties', 'httpsOnly'], isAligned: (v) => v.kind === 'bool' && v.value, absentIsAligned: false, fixValue: true },
    terraform: { path: ['https_only'], isAligned: (v) => v.kind === 'bool' && v.value, absentIsAligned: false, fixValue: true },
  },
});
