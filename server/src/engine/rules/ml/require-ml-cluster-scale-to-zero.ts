// Azure Machine Learning compute clusters should scale to zero nodes when no job runs, so idle nodes cost nothing.
import { variantRule } from './shared/variantRule';
import { ARM_COMPUTE, computeLabel, isCluster, TF_CLUSTER } from './shared/resources';
import type { Value } from '../../model/types';

// The service's minimum is 0 when not set; azurerm requires `min_node_count`.
const zero = { isAligned: (v: Value) => v.kind === 'number' && v.value <= 0, absentIsAligned: true, fixValue: 0 };
const arm = { path: ['properties', 'properties', 'scaleSettings', 'minNodeCount'], ...zero };

export default variantRule({
  id: 'require-ml-cluster-scale-to-zero',
  label: computeLabel,
  messages: {
    misaligned: '{{label}} "{{name}}" keeps nodes running, and billed, while no job needs them: `{{setting}}` is {{value}}.',
    absent: '{{label}} "{{name}}" keeps nodes running while no job needs them: `{{setting}}` is not set.',
  },
  fixTitle: 'Scale the cluster down to zero nodes when idle',
  variants: [
    { types: { bicep: [ARM_COMPUTE], terraform: [ARM_COMPUTE] }, appliesTo: isCluster, settings: { bicep: arm, terraform: arm } },
    { types: { terraform: [TF_CLUSTER] }, settings: { terraform: { path: ['scale_settings', 'min_node_count'], ...zero } } },
  ],
});
