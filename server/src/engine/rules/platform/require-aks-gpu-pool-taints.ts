// GPU node pools that host inference should be isolated with a NoSchedule (or NoExecute) taint, so other workloads cannot land on them.
import type { Rule, RuleContext } from '../rule';
import { isGpuPool, isSystemPool, nodePools, poolKeyName, poolSetting } from './shared/aksPools';
import { reportUndetermined, stringOf, UNDETERMINED } from './shared/inspect';
import { AKS_POOL_TYPES } from './shared/resources';

/** `key=value:NoSchedule` or `key:NoExecute` keeps untolerated pods off the nodes; `PreferNoSchedule` only discourages them. */
const isolates = (taint: string): boolean => /:(noschedule|noexecute)$/i.test(taint.trim());

const rule: Rule = {
  id: 'require-aks-gpu-pool-taints',
  resourceTypes: AKS_POOL_TYPES,
  messages: {
    absent:
      '{{label}} "{{name}}"{{pool}} runs GPU VMs ({{size}}) without taints (`{{setting}}` is not set): any workload can be scheduled onto the inference nodes.',
    soft: '{{label}} "{{name}}"{{pool}} runs GPU VMs ({{size}}) without a NoSchedule or NoExecute taint: other workloads can still be scheduled onto the inference nodes.',
    systemPool:
      '{{label}} "{{name}}"{{pool}} is a system pool on GPU VMs ({{size}}): system pods and other workloads share the inference nodes; host inference on a dedicated, tainted user pool.',
    undetermined: UNDETERMINED,
  },
  // The taint key is the user's convention and pods need a matching toleration, so no fix is offered.
  fixable: false,
  settings: [
    { language: 'bicep', setting: 'properties.agentPoolProfiles[].nodeTaints', recommended: "['sku=gpu:NoSchedule']", absentIsAligned: false },
    { language: 'terraform', setting: 'node_taints', recommended: '["sku=gpu:NoSchedule"]', absentIsAligned: false },
  ],
  check(ctx: RuleContext): void {
    // Pools whose size the code does not state are not assumed to be GPU pools, so an unknown pool list is not a finding here.
    for (const pool of nodePools(ctx).pools.filter(isGpuPool)) {
      const sizeFound = poolSetting(pool, 'vmSize');
      const size = `\`${stringOf(sizeFound)}\``;
      const setting = poolKeyName(pool, 'taints');
      const data = { label: pool.label, pool: pool.pool, size, setting };
      if (isSystemPool(pool)) {
        ctx.report({ messageId: 'systemPool', data, at: sizeFound.state === 'known' ? sizeFound.entry.value.span : pool.at });
        continue;
      }
      const found = poolSetting(pool, 'taints');
      if (found.state === 'unknown') {
        reportUndetermined(ctx, pool.label, setting, found, pool.at);
      } else if (found.state === 'absent') {
        ctx.report({ messageId: 'absent', data, at: pool.at });
      } else if (found.value.kind === 'array') {
        const items = found.value.items;
        if (items.some((t) => t.kind === 'string' && isolates(t.value))) continue;
        const unknown = items.find((t) => t.kind === 'expression');
        if (unknown?.kind === 'expression') {
          reportUndetermined(ctx, pool.label, setting, { state: 'unknown', reason: `\`${unknown.text}\` is not known from the code`, at: undefined }, unknown.span);
        } else {
          ctx.report({ messageId: 'soft', data, at: found.entry.value.span });
        }
      } else if (found.value.kind === 'null') {
        ctx.report({ messageId: 'soft', data, at: found.entry.value.span });
      }
    }
  },
};

export default rule;
