// Azure OpenAI / AI Services accounts should refuse API keys, so every caller authenticates with Microsoft Entra ID.
import { AI_ACCOUNT_TYPES, aiAccountLabel } from '../helpers/labels';
import { settingRule } from '../helpers/settingRule';

export default settingRule({
  id: 'require-disable-local-auth',
  resourceTypes: AI_ACCOUNT_TYPES,
  label: aiAccountLabel,
  messages: {
    misaligned: '{{label}} "{{name}}" accepts API keys: `{{setting}}` is {{value}}.',
    absent: '{{label}} "{{name}}" accepts API keys: `{{setting}}` is not set, and keys are allowed by default.',
  },
  fixTitle: 'Disable key-based authentication',
  settings: {
    bicep: { path: ['properties', 'disableLocalAuth'], isAligned: (v) => v.kind === 'bool' && v.value, absentIsAligned: false, fixValue: true },
    terraform: { path: ['local_auth_enabled'], isAligned: (v) => v.kind === 'bool' && !v.value, absentIsAligned: false, fixValue: false },
  },
});
