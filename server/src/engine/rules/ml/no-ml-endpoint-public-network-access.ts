// Azure Machine Learning online endpoints should take scoring requests through the workspace's private endpoint only.
import { variantRule } from './shared/variantRule';
import { ARM_ENDPOINT, endpointLabel, stringIn } from './shared/resources';

// The service leaves public access on when `publicNetworkAccess` is not set.
const setting = { path: ['properties', 'publicNetworkAccess'], isAligned: stringIn('disabled'), absentIsAligned: false, fixValue: 'Disabled' };

export default variantRule({
  id: 'no-ml-endpoint-public-network-access',
  label: endpointLabel,
  messages: {
    misaligned: '{{label}} "{{name}}" takes scoring requests from public networks: `{{setting}}` is {{value}}.',
    absent: '{{label}} "{{name}}" takes scoring requests from public networks: `{{setting}}` is not set, and public access is on by default.',
  },
  fixTitle: 'Disable public network access',
  variants: [{ types: { bicep: [ARM_ENDPOINT], terraform: [ARM_ENDPOINT] }, settings: { bicep: setting, terraform: setting } }],
});
