// Azure Machine Learning compute clusters and instances should accept Microsoft Entra ID only, not local authentication.
import { variantRule } from './shared/variantRule';
import { ARM_COMPUTE, computeLabel, isClusterOrInstance, isFalse, isTrue, TF_CLUSTER, TF_INSTANCE } from './shared/resources';

// ARM leaves local authentication on unless `disableLocalAuth` is true; azurerm defaults `local_auth_enabled` to true.
const arm = { path: ['properties', 'disableLocalAuth'], isAligned: isTrue, absentIsAligned: false, fixValue: true };

export default variantRule({
  id: 'require-ml-compute-disable-local-auth',
  label: computeLabel,
  messages: {
    misaligned: '{{label}} "{{name}}" accepts local authentication besides Microsoft Entra ID: `{{setting}}` is {{value}}.',
    absent: '{{label}} "{{name}}" accepts local authentication besides Microsoft Entra ID: `{{setting}}` is not set, and local authentication is on by default.',
  },
  fixTitle: 'Disable local authentication',
  variants: [
    { types: { bicep: [ARM_COMPUTE], terraform: [ARM_COMPUTE] }, appliesTo: isClusterOrInstance, settings: { bicep: arm, terraform: arm } },
    {
      types: { terraform: [TF_CLUSTER, TF_INSTANCE] },
      settings: { terraform: { path: ['local_auth_enabled'], isAligned: isFalse, absentIsAligned: false, fixValue: false } },
    },
  ],
});
