// AKS node pools that host inference should spread their nodes over availability zones, so a zone outage does not take the model down.
import type { Value } from '../../model/types';
import type { Rule, RuleContext } from '../rule';
import { nodePools, poolKeyName, poolSetting } from './shared/aksPools';
import { reportUndetermined, stringOf, UNDETERMINED } from './shared/inspect';
import { AKS_POOL_TYPES } from './shared/resources';

/** Pool types without zone support: ARM `VirtualMachines` pools and the legacy availability-set pools. */
const ZONELESS_POOL_TYPES = new Set(['virtualmachines', 'availabilityset']);

const isAuto = (zone: Value): boolean => zone.kind === 'string' && zone.value.toLowerCase() === 'auto';

const rule: Rule = {
  id: 'require-aks-availability-zones',
  resourceTypes: AKS_POOL_TYPES,
  messages: {
    absent: '{{label}} "{{name}}"{{pool}} has no availability zones (`{{setting}}` is not set): one zone outage takes down its nodes and the pods on them.',
    empty: '{{label}} "{{name}}"{{pool}} has no availability zones (`{{setting}}` is empty): one zone outage takes down its nodes and the pods on them.',
    single: '{{label}} "{{name}}"{{pool}} is pinned to a single availability zone (`{{setting}}` lists one): one zone outage takes down every node of the pool.',
    undetermined: UNDETERMINED,
  },
  // Which zones exist depends on the region, so no fix is offered.
  fixable: false,
  settings: [
    { language: 'bicep', setting: 'properties.agentPoolProfiles[].availabilityZones', recommended: "['1', '2', '3']", absentIsAligned: false },
    { language: 'terraform', setting: 'default_node_pool.zones', recommended: '["1", "2", "3"]', absentIsAligned: false },
  ],
  check(ctx: RuleContext): void {
    const scan = nodePools(ctx);
    if (scan.unknown) reportUndetermined(ctx, 'AKS cluster', scan.unknown.setting, scan.unknown.found, scan.unknown.at);
    for (const pool of scan.pools) {
      if (ZONELESS_POOL_TYPES.has(stringOf(poolSetting(pool, 'type'))?.toLowerCase() ?? '')) continue;
      const setting = poolKeyName(pool, 'zones');
      const data = { label: pool.label, pool: pool.pool, setting };
      const found = poolSetting(pool, 'zones');
      if (found.state === 'unknown') {
        reportUndetermined(ctx, pool.label, setting, found, pool.at);
      } else if (found.state === 'absent') {
        ctx.report({ messageId: 'absent', data, at: pool.at });
      } else if (found.value.kind === 'array') {
        if (found.value.items.some((i) => i.kind === 'expression')) continue;
        if (found.value.items.length === 0) ctx.report({ messageId: 'empty', data, at: found.entry.value.span });
        // `['auto']` asks AKS to pick the zones (automatic zone placement), which spreads the pool.
        else if (found.value.items.length === 1 && !isAuto(found.value.items[0]!)) ctx.report({ messageId: 'single', data, at: found.entry.value.span });
      } else if (found.value.kind === 'null') {
        ctx.report({ messageId: 'empty', data, at: found.entry.value.span });
      }
    }
  },
};

export default rule;
