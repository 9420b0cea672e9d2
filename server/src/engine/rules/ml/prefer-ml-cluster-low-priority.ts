// Azure Machine Learning compute clusters whose jobs can be interrupted cost much less on low-priority VMs.
import { variantRule } from './shared/variantRule';
import { ARM_COMPUTE, computeLabel, isCluster, stringIn, TF_CLUSTER } from './shared/resources';

// The service runs dedicated VMs unless told otherwise; azurerm requires `vm_priority`. A note, since only the team
// knows whether its jobs checkpoint and can resume, and no fix: changing the priority replaces the cluster.
const lowPriority = { isAligned: stringIn('lowpriority'), absentIsAligned: false, fixValue: 'LowPriority' };
const arm = { path: ['properties', 'properties', 'vmPriority'], ...lowPriority };

export default variantRule({
  id: 'prefer-ml-cluster-low-priority',
  label: computeLabel,
  messages: {
    misaligned: '{{label}} "{{name}}" runs on dedicated VMs: `{{setting}}` is {{value}}; if its jobs can resume after an eviction, low-priority VMs cost much less.',
    absent: '{{label}} "{{name}}" runs on dedicated VMs: `{{setting}}` is not set; if its jobs can resume after an eviction, low-priority VMs cost much less.',
  },
  fixTitle: 'Run the cluster on low-priority VMs',
  fixable: false,
  variants: [
    { types: { bicep: [ARM_COMPUTE], terraform: [ARM_COMPUTE] }, appliesTo: isCluster, settings: { bicep: arm, terraform: arm } },
    { types: { terraform: [TF_CLUSTER] }, settings: { terraform: { path: ['vm_priority'], ...lowPriority } } },
  ],
});
