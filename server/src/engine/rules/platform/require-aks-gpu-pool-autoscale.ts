// GPU node pools should autoscale, so that expensive GPU nodes are released when inference or training load drops.
import type { Lookup } from '../helpers/lookup';
import type { Rule, RuleContext } from '../rule';
import { isGpuPool, nodePools, poolKeyName, poolSetting, type NodePool } from './shared/aksPools';
import { reportUndetermined, stringOf, UNDETERMINED } from './shared/inspect';
import { AKS_POOL_TYPES } from './shared/resources';

/** The autoscaler flag under its current name, or under azurerm 3.x's `enable_auto_scaling` when only that is set. */
function autoscaleSetting(pool: NodePool): { setting: string; found: Lookup } {
  const setting = poolKeyName(pool, 'autoscale');
  const found = poolSetting(pool, 'autoscale');
  if (found.state === 'absent' && pool.language === 'terraform') {
    const legacy = poolSetting(pool, 'enable_auto_scaling');
    if (legacy.state !== 'absent') return { setting: 'enable_auto_scaling', found: legacy };
  }
  return { setting, found };
}

const rule: Rule = {
  id: 'require-aks-gpu-pool-autoscale',
  resourceTypes: AKS_POOL_TYPES,
  messages: {
    absent: '{{label}} "{{name}}"{{pool}} runs GPU VMs ({{size}}) at a fixed node count (`{{setting}}` is not set): idle GPU nodes are billed around the clock.',
    misaligned: '{{label}} "{{name}}"{{pool}} runs GPU VMs ({{size}}) at a fixed node count (`{{setting}}` is false): idle GPU nodes are billed around the clock.',
    undetermined: UNDETERMINED,
  },
  // Turning the autoscaler on also needs a minimum and a maximum node count that only the user can choose.
  fixable: false,
  settings: [
    { language: 'bicep', setting: 'properties.agentPoolProfiles[].enableAutoScaling', recommended: 'true', absentIsAligned: false },
    { language: 'terraform', setting: 'auto_scaling_enabled', recommended: 'true', absentIsAligned: false },
  ],
  check(ctx: RuleContext): void {
    for (const pool of nodePools(ctx).pools.filter(isGpuPool)) {
      // `VirtualMachines` pools scale through their own profile, not the cluster autoscaler flag.
      if (stringOf(poolSetting(pool, 'type'))?.toLowerCase() === 'virtualmachines') continue;
      const { setting, found } = autoscaleSetting(pool);
      const data = { label: pool.label, pool: pool.pool, size: `\`${stringOf(poolSetting(pool, 'vmSize'))}\``, setting };
      if (found.state === 'unknown') reportUndetermined(ctx, pool.label, setting, found, pool.at);
      else if (found.state === 'absent') ctx.report({ messageId: 'absent', data, at: pool.at });
      else if (found.value.kind === 'bool' && !found.value.value) ctx.report({ messageId: 'misaligned', data, at: found.entry.value.span });
    }
  },
};

export default rule;
