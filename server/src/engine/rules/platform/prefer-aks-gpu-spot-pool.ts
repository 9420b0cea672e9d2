// GPU user pools that run interruptible training or batch work can use Spot VMs; WAF asks for spot pricing for highly interruptible training.
import type { Rule, RuleContext } from '../rule';
import { isGpuPool, isSystemPool, nodePools, poolKeyName, poolSetting } from './shared/aksPools';
import { reportUndetermined, stringOf, UNDETERMINED } from './shared/inspect';
import { AKS_POOL_TYPES } from './shared/resources';

/**
 * Whether a pool serves live inference (keep Regular) or interruptible jobs (prefer Spot) is not in the code, so this is a note.
 * System pools cannot be Spot, so they are skipped.
 */
const rule: Rule = {
  id: 'prefer-aks-gpu-spot-pool',
  resourceTypes: AKS_POOL_TYPES,
  messages: {
    absent:
      '{{label}} "{{name}}"{{pool}} runs GPU VMs ({{size}}) at regular priority (`{{setting}}` is not set): if it runs interruptible training or batch jobs, a Spot pool costs much less.',
    regular:
      '{{label}} "{{name}}"{{pool}} runs GPU VMs ({{size}}) at regular priority: if it runs interruptible training or batch jobs, a Spot pool costs much less.',
    undetermined: UNDETERMINED,
  },
  // A Spot pool also needs an eviction policy and tolerations on the pods, and cannot replace a pool in place.
  fixable: false,
  settings: [
    { language: 'bicep', setting: 'properties.agentPoolProfiles[].scaleSetPriority', recommended: "'Spot' (interruptible work only)", absentIsAligned: false },
    { language: 'terraform', setting: 'priority', recommended: '"Spot" (interruptible work only)', absentIsAligned: false },
  ],
  check(ctx: RuleContext): void {
    for (const pool of nodePools(ctx).pools.filter((p) => isGpuPool(p) && !isSystemPool(p))) {
      const setting = poolKeyName(pool, 'priority');
      const data = { label: pool.label, pool: pool.pool, size: `\`${stringOf(poolSetting(pool, 'vmSize'))}\``, setting };
      const found = poolSetting(pool, 'priority');
      if (found.state === 'unknown') reportUndetermined(ctx, pool.label, setting, found, pool.at);
      else if (found.state === 'absent') ctx.report({ messageId: 'absent', data, at: pool.at });
      else if (found.value.kind === 'string' && found.value.value.toLowerCase() === 'regular') ctx.report({ messageId: 'regular', data, at: found.entry.value.span });
    }
  },
};

export default rule;
