// Azure Machine Learning compute clusters should release idle nodes within 30 minutes rather than pay for them to wait.
import { variantRule } from './shared/variantRule';
import { ARM_COMPUTE, computeLabel, durationSeconds, isCluster, TF_CLUSTER } from './shared/resources';
import type { Value } from '../../model/types';

/** Idle time past which the rule speaks up; long enough for back-to-back jobs to reuse warm nodes. */
const THRESHOLD_SECONDS = 30 * 60;

// The service's own default is a few minutes, so absence is fine. A string that is not an ISO 8601 duration is the
// service's to reject, not this rule's. No fix: how long to keep warm nodes is the team's trade-off.
const short = {
  isAligned: (v: Value) => v.kind !== 'string' || (durationSeconds(v.value) ?? 0) <= THRESHOLD_SECONDS,
  absentIsAligned: true,
  fixValue: 'PT30M',
};

export default variantRule({
  id: 'prefer-ml-cluster-short-idle-scale-down',
  label: computeLabel,
  messages: {
    misaligned: '{{label}} "{{name}}" keeps idle nodes for more than 30 minutes before scaling down: `{{setting}}` is {{value}}.',
    absent: '{{label}} "{{name}}" does not say when its idle nodes scale down: `{{setting}}` is not set.',
  },
  fixTitle: 'Scale down after 30 idle minutes',
  fixable: false,
  variants: [
    {
      types: { bicep: [ARM_COMPUTE], terraform: [ARM_COMPUTE] },
      appliesTo: isCluster,
      settings: {
        bicep: { path: ['properties', 'properties', 'scaleSettings', 'nodeIdleTimeBeforeScaleDown'], ...short },
        terraform: { path: ['properties', 'properties', 'scaleSettings', 'nodeIdleTimeBeforeScaleDown'], ...short },
      },
    },
    { types: { terraform: [TF_CLUSTER] }, settings: { terraform: { path: ['scale_settings', 'scale_down_nodes_after_idle_duration'], ...short } } },
  ],
});
