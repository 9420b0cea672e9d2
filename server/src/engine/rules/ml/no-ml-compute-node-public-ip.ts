// Azure Machine Learning compute clusters and instances should not give their nodes public IP addresses.
import { variantRule } from './shared/variantRule';
import { ARM_COMPUTE, computeLabel, isClusterOrInstance, isFalse, TF_CLUSTER, TF_INSTANCE } from './shared/resources';

// Nodes get public IPs unless `enableNodePublicIp` is false, in ARM and in azurerm (`node_public_ip_enabled`
// defaults to true). Without them the compute needs a subnet or the workspace's managed network.
const arm = { path: ['properties', 'properties', 'enableNodePublicIp'], isAligned: isFalse, absentIsAligned: false, fixValue: false };

export default variantRule({
  id: 'no-ml-compute-node-public-ip',
  label: computeLabel,
  messages: {
    misaligned: '{{label}} "{{name}}" gives its nodes public IP addresses: `{{setting}}` is {{value}}.',
    absent: '{{label}} "{{name}}" gives its nodes public IP addresses: `{{setting}}` is not set, and nodes get one by default.',
  },
  fixTitle: 'Remove the public IP addresses of the nodes',
  variants: [
    { types: { bicep: [ARM_COMPUTE], terraform: [ARM_COMPUTE] }, appliesTo: isClusterOrInstance, settings: { bicep: arm, terraform: arm } },
    {
      types: { terraform: [TF_CLUSTER, TF_INSTANCE] },
      settings: { terraform: { path: ['node_public_ip_enabled'], isAligned: isFalse, absentIsAligned: false, fixValue: false } },
    },
  ],
});
