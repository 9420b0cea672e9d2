// Finds the AKS node pools a resource declares (inline in the cluster or as separate resources) and reads their settings.
import type { Language, ObjectValue, Value } from '../../../model/types';
import type { Span } from '../../../types';
import type { Lookup } from '../../helpers/lookup';
import type { RuleContext } from '../../rule';
import { find, findIn, firstLine, stringOf, type Unknown } from './inspect';
import { isGpuVmSize } from './resources';

/** One node pool, wherever it is declared. */
export interface NodePool {
  /** `AKS cluster` for a pool declared inside the cluster, `AKS node pool` for a pool resource. */
  label: string;
  /** Names an inline pool inside a message (`, node pool "gpu",`); empty for a pool resource. */
  pool: string;
  /** Where a finding about a setting the pool leaves out points. */
  at: Span;
  /** Terraform's `default_node_pool`: always the system pool, and it cannot carry taints. */
  isDefaultPool: boolean;
  language: Language;
  root: ObjectValue;
  prefix: readonly string[];
  rootIsBlock: boolean;
}

export interface PoolScan {
  pools: NodePool[];
  /** Set when the cluster's inline pools are not written out (a parameter, a `for`, a `map()`). */
  unknown?: { setting: string; found: Unknown; at: Span };
}

/** The same setting under its ARM and azurerm names. */
export const POOL_KEYS = {
  vmSize: { bicep: 'vmSize', terraform: 'vm_size' },
  zones: { bicep: 'availabilityZones', terraform: 'zones' },
  taints: { bicep: 'nodeTaints', terraform: 'node_taints' },
  autoscale: { bicep: 'enableAutoScaling', terraform: 'auto_scaling_enabled' },
  priority: { bicep: 'scaleSetPriority', terraform: 'priority' },
  mode: { bicep: 'mode', terraform: 'mode' },
  name: { bicep: 'name', terraform: 'name' },
} as const;

export type PoolKey = keyof typeof POOL_KEYS;

/** Looks a pool setting up by its name in the pool's language. */
export function poolSetting(pool: NodePool, key: PoolKey | string): Lookup {
  const name = key in POOL_KEYS ? POOL_KEYS[key as PoolKey][pool.language] : key;
  return findIn(pool.root, [...pool.prefix, name], pool.language, pool.rootIsBlock);
}

/** The name of a setting as the user writes it, for messages. */
export function poolKeyName(pool: NodePool, key: PoolKey): string {
  return POOL_KEYS[key][pool.language];
}

/** True when the pool's VM size is stated and is a GPU size; a pool whose size the code does not state is not assumed to be one. */
export function isGpuPool(pool: NodePool): boolean {
  const size = stringOf(poolSetting(pool, 'vmSize'));
  return size !== undefined && isGpuVmSize(size);
}

/** True when the pool is stated to be a system pool (or is azurerm's default pool, which always is). */
export function isSystemPool(pool: NodePool): boolean {
  return pool.isDefaultPool || stringOf(poolSetting(pool, 'mode'))?.toLowerCase() === 'system';
}

/** The node pools the resource in `ctx` declares. */
export function nodePools(ctx: RuleContext): PoolScan {
  const { resource, language, text } = ctx;
  const type = resource.type.toLowerCase();
  if (type.endsWith('/agentpools') || type === 'azurerm_kubernetes_cluster_node_pool') {
    return {
      pools: [
        {
          label: 'AKS node pool',
          pool: '',
          at: resource.nameSpan,
          isDefaultPool: false,
          language,
          root: resource.body,
          prefix: language === 'bicep' ? ['properties'] : [],
          rootIsBlock: language === 'terraform',
        },
      ],
    };
  }
  if (language === 'terraform') {
    const found = find(resource, ['default_node_pool']);
    if (found.state === 'unknown') return { pools: [], unknown: { setting: 'default_node_pool', found, at: found.at ? firstLine(text, found.at.span) : resource.nameSpan } };
    if (found.state !== 'known' || found.value.kind !== 'object') return { pools: [] };
    const block = found.value;
    const name = stringOf(findIn(block, ['name'], language, true));
    return {
      pools: [
        {
          label: 'AKS cluster',
          pool: name ? `, default node pool "${name}",` : ', default node pool,',
          at: found.entry.keySpan,
          isDefaultPool: true,
          language,
          root: block,
          prefix: [],
          rootIsBlock: true,
        },
      ],
    };
  }
  const setting = 'properties.agentPoolProfiles';
  const found = find(resource, ['properties', 'agentPoolProfiles']);
  if (found.state === 'absent') return { pools: [] };
  if (found.state === 'unknown') return { pools: [], unknown: { setting, found, at: found.at?.value.span ?? resource.nameSpan } };
  if (found.value.kind !== 'array') return { pools: [] };
  const scan: PoolScan = { pools: [] };
  for (const item of found.value.items) {
    if (item.kind !== 'object') {
      scan.unknown ??= { setting, found: { state: 'unknown', reason: `${describe(item)} is not known from the code`, at: undefined }, at: item.span };
      continue;
    }
    const nameFound = findIn(item, ['name'], language, false);
    const name = stringOf(nameFound);
    scan.pools.push({
      label: 'AKS cluster',
      pool: name ? `, node pool "${name}",` : ', node pool,',
      at: nameFound.state === 'known' ? nameFound.entry.value.span : firstLine(text, item.span),
      isDefaultPool: false,
      language,
      root: item,
      prefix: [],
      rootIsBlock: false,
    });
  }
  return scan;
}

function describe(value: Value): string {
  return value.kind === 'expression' ? `\`${value.text}\`` : `a ${value.kind}`;
}
