// Azure Machine Learning online endpoints should authenticate callers with tokens, not static keys.
import { variantRule } from './shared/variantRule';
import { ARM_ENDPOINT, endpointLabel, stringIn } from './shared/resources';

// `authMode` is required by the service, so a template without it does not deploy and absence is not judged.
// `AADToken` (Microsoft Entra ID) and `AMLToken` (short-lived workspace tokens) both expire; `Key` does not.
const setting = { path: ['properties', 'authMode'], isAligned: stringIn('aadtoken', 'amltoken'), absentIsAligned: true, fixValue: 'AADToken' };

export default variantRule({
  id: 'no-ml-endpoint-key-auth',
  label: endpointLabel,
  messages: {
    misaligned: '{{label}} "{{name}}" accepts static keys that never expire: `{{setting}}` is {{value}}.',
    absent: '{{label}} "{{name}}" does not say how callers authenticate: `{{setting}}` is not set.',
  },
  fixTitle: 'Authenticate callers with Microsoft Entra ID tokens',
  variants: [{ types: { bicep: [ARM_ENDPOINT], terraform: [ARM_ENDPOINT] }, settings: { bicep: setting, terraform: setting } }],
});
