// Reads the cost drivers of a workload from its code: what is billed, and the values (known or not) that size the bill.
import type { FileModel, ObjectValue, Resource, Value } from '../model/types';
import { lookup, type Lookup } from '../rules/helpers/lookup';
import { computeType } from '../rules/ml/shared/resources';
import { isGpuPool, nodePools, poolSetting, type NodePool } from '../rules/platform/shared/aksPools';
import type { Span } from '../types';
import type { CostDriver, CostDriverKind, CostFact, ReviewLocation } from './types';

/** Turns a span of a file into a located place; supplied by the review builder, which holds the line maps. */
export type Locate = (file: string, span: Span) => ReviewLocation;

/** A reader of one resource type: the drivers a resource of that type declares. */
type Reader = (resource: Resource, model: FileModel, text: string) => Array<Omit<CostDriver, 'resource'> & { at?: Span }>;

const ARM = {
  deployment: 'microsoft.cognitiveservices/accounts/deployments',
  search: 'microsoft.search/searchservices',
  cluster: 'microsoft.containerservice/managedclusters',
  pool: 'microsoft.containerservice/managedclusters/agentpools',
  compute: 'microsoft.machinelearningservices/workspaces/computes',
  plan: 'microsoft.web/serverfarms',
  cosmos: 'microsoft.documentdb/databaseaccounts',
  cosmosDatabase: 'microsoft.documentdb/databaseaccounts/sqldatabases',
  cosmosContainer: 'microsoft.documentdb/databaseaccounts/sqldatabases/containers',
  apim: 'microsoft.apimanagement/service',
} as const;

/** True for a resource written with ARM paths: Bicep, or a Terraform `azapi_resource` rewritten to its ARM type. */
const isArm = (resource: Resource): boolean => resource.language === 'bicep' || resource.azapi === true;

/** Looks a value up under a resource body or any object of it; an azapi body is an object literal, not a block body. */
function read(root: ObjectValue, path: readonly string[], resource: Resource, rootIsBlock = resource.language === 'terraform' && !resource.azapi): Lookup {
  return lookup(root, path, resource.language, rootIsBlock);
}

/** A fact from a lookup: the literal as written, the expression the code does not resolve, or unset (with a default if one is documented). */
export function factOf(label: string, found: Lookup, defaultValue?: string): CostFact {
  if (found.state === 'known') {
    const text = literalText(found.value);
    return text === undefined ? { label, state: 'unknown', written: `a ${found.value.kind}` } : { label, state: 'known', value: text };
  }
  if (found.state === 'unknown') {
    const written = found.at?.value.kind === 'expression' ? found.at.value.text : found.reason;
    return { label, state: 'unknown', written };
  }
  return defaultValue === undefined ? { label, state: 'unset' } : { label, state: 'default', value: defaultValue };
}

function literalText(value: Value): string | undefined {
  switch (value.kind) {
    case 'string':
      return value.value;
    case 'number':
    case 'bool':
      return String(value.value);
    default:
      return undefined;
  }
}

/** The number a fact holds, when it is known or a default. */
function numberOf(fact: CostFact): number | undefined {
  if ((fact.state !== 'known' && fact.state !== 'default') || fact.value === undefined) return undefined;
  const n = Number(fact.value);
  return Number.isFinite(n) ? n : undefined;
}

/** The first of several lookups that is not absent (Terraform renamed some arguments between provider versions). */
function firstSet(...found: Lookup[]): Lookup {
  return found.find((f) => f.state !== 'absent') ?? found[0]!;
}

const modelDeployment: Reader = (r) => {
  const arm = isArm(r);
  const b = r.body;
  const skuName = arm ? read(b, ['sku', 'name'], r) : firstSet(read(b, ['sku', 'name'], r), read(b, ['scale', 'type'], r));
  const capacity = arm ? read(b, ['sku', 'capacity'], r) : firstSet(read(b, ['sku', 'capacity'], r), read(b, ['scale', 'capacity'], r));
  const model = arm ? read(b, ['properties', 'model', 'name'], r) : read(b, ['model', 'name'], r);
  const version = arm ? read(b, ['properties', 'model', 'version'], r) : read(b, ['model', 'version'], r);
  const type = factOf('Deployment type', skuName);
  const provisioned = type.state === 'known' && /provisioned/i.test(type.value ?? '');
  const kind: CostDriverKind = provisioned ? 'provisioned-throughput' : 'model-deployment';
  return [
    {
      kind,
      title: provisioned ? 'Provisioned throughput (PTU) deployment' : 'Model deployment',
      facts: [factOf('Model', model), factOf('Version', version), type, factOf(provisioned ? 'Capacity (PTU)' : 'Capacity', capacity)],
      notes: provisioned
        ? ['Reserved capacity: billed per PTU per hour (or by reservation) whether or not it is used.']
        : type.state === 'known'
          ? ['Billed per token; capacity is a rate limit in thousands of tokens per minute, not a charge.']
          : ['Whether this is pay-per-token or provisioned throughput depends on the deployment type, which the code does not state.'],
    },
  ];
};

const searchService: Reader = (r) => {
  const arm = isArm(r);
  const sku = factOf('SKU', arm ? read(r.body, ['sku', 'name'], r) : read(r.body, ['sku'], r));
  // Both settings default to 1 in ARM and azurerm.
  const replicas = factOf('Replicas', read(r.body, arm ? ['properties', 'replicaCount'] : ['replica_count'], r), '1');
  const partitions = factOf('Partitions', read(r.body, arm ? ['properties', 'partitionCount'] : ['partition_count'], r), '1');
  const [nr, np] = [numberOf(replicas), numberOf(partitions)];
  const units: CostFact =
    nr !== undefined && np !== undefined
      ? { label: 'Search units', state: replicas.state === 'known' && partitions.state === 'known' ? 'known' : 'default', value: String(nr * np) }
      : { label: 'Search units', state: 'unknown', written: 'replicas × partitions' };
  return [{ kind: 'search', title: 'AI Search service', facts: [sku, replicas, partitions, units], notes: ['Billed per search unit (replicas × partitions) per hour at the SKU\'s rate.'] }];
};

/** The AKS node pools a cluster or pool resource declares, through the same reader the AKS rules use. */
function pools(resource: Resource, model: FileModel, text: string): NodePool[] {
  return nodePools({ resource, model, text, language: resource.language, report: () => undefined }).pools;
}

const gpuPools: Reader = (r, model, text) =>
  pools(r, model, text)
    .filter(isGpuPool)
    .map((pool) => {
      const tf = pool.language === 'terraform';
      const name = poolSetting(pool, 'name');
      const poolName = name.state === 'known' && name.value.kind === 'string' ? name.value.value : undefined;
      const inline = pool.isDefaultPool || pool.pool !== '';
      const autoscale = tf ? firstSet(poolSetting(pool, 'auto_scaling_enabled'), poolSetting(pool, 'enable_auto_scaling')) : poolSetting(pool, 'enableAutoScaling');
      return {
        kind: 'gpu-node-pool' as const,
        title: 'GPU node pool',
        ...(inline ? { part: poolName ?? (pool.isDefaultPool ? 'default node pool' : 'unnamed node pool') } : {}),
        at: pool.at,
        facts: [
          factOf('VM size', poolSetting(pool, 'vmSize')),
          factOf('Nodes', poolSetting(pool, tf ? 'node_count' : 'count')),
          factOf('Autoscale', autoscale),
          factOf('Min nodes', poolSetting(pool, tf ? 'min_count' : 'minCount')),
          factOf('Max nodes', poolSetting(pool, tf ? 'max_count' : 'maxCount')),
          factOf('Priority', poolSetting(pool, 'priority')),
        ],
        notes: ['GPU virtual machines are billed per node per hour while they run; autoscale bounds cap the bill.'],
      };
    });

const mlCompute: Reader = (r) => {
  const type = computeType(r);
  const arm = isArm(r);
  const inner = (path: string[]): Lookup => read(r.body, ['properties', 'properties', ...path], r);
  if (type === 'amlcompute') {
    return [
      {
        kind: 'ml-compute-cluster',
        title: 'Machine learning compute cluster',
        facts: [
          factOf('VM size', arm ? inner(['vmSize']) : read(r.body, ['vm_size'], r)),
          factOf('Priority', arm ? inner(['vmPriority']) : read(r.body, ['vm_priority'], r)),
          factOf('Min nodes', arm ? inner(['scaleSettings', 'minNodeCount']) : read(r.body, ['scale_settings', 'min_node_count'], r)),
          factOf('Max nodes', arm ? inner(['scaleSettings', 'maxNodeCount']) : read(r.body, ['scale_settings', 'max_node_count'], r)),
        ],
        notes: ['Billed per node per hour; nodes above the minimum are released after the idle time.'],
      },
    ];
  }
  if (type === 'computeinstance') {
    const facts = [factOf('VM size', arm ? inner(['vmSize']) : read(r.body, ['virtual_machine_size'], r))];
    if (arm) facts.push(factOf('Idle shutdown after', inner(['idleTimeBeforeShutdown'])));
    return [{ kind: 'ml-compute-instance', title: 'Machine learning compute instance', facts, notes: ['Always on: billed for every hour it runs until it is stopped or shut down when idle.'] }];
  }
  return [];
};

const appServicePlan: Reader = (r) => {
  if (isArm(r)) {
    return [
      {
        kind: 'app-service-plan',
        title: 'App Service plan',
        facts: [factOf('SKU', read(r.body, ['sku', 'name'], r)), factOf('Workers', read(r.body, ['sku', 'capacity'], r))],
        notes: ['Always on: billed per worker per hour at the SKU\'s rate.'],
      },
    ];
  }
  const legacy = r.type === 'azurerm_app_service_plan';
  return [
    {
      kind: 'app-service-plan',
      title: 'App Service plan',
      facts: [
        factOf('SKU', legacy ? read(r.body, ['sku', 'size'], r) : read(r.body, ['sku_name'], r)),
        factOf('Workers', legacy ? read(r.body, ['sku', 'capacity'], r) : read(r.body, ['worker_count'], r)),
      ],
      notes: ['Always on: billed per worker per hour at the SKU\'s rate.'],
    },
  ];
};

/** Serverless when a capability says so; provisioned throughput otherwise; unknown when the capabilities are not written out. */
function cosmosMode(r: Resource): CostFact {
  const label = 'Capacity mode';
  if (isArm(r)) {
    const found = read(r.body, ['properties', 'capabilities'], r);
    if (found.state === 'absent') return { label, state: 'known', value: 'Provisioned throughput' };
    if (found.state === 'unknown' || found.value.kind !== 'array') return factOf(label, found.state === 'unknown' ? found : { state: 'unknown', reason: 'not a list', at: found.entry });
    const names: Array<string | undefined> = found.value.items.map((item) => {
      if (item.kind !== 'object') return undefined;
      const name = read(item, ['name'], r, false);
      return name.state === 'known' && name.value.kind === 'string' ? name.value.value : undefined;
    });
    if (names.some((n) => n?.toLowerCase() === 'enableserverless')) return { label, state: 'known', value: 'Serverless' };
    return names.includes(undefined) ? { label, state: 'unknown', written: 'a capability is not known from the code' } : { label, state: 'known', value: 'Provisioned throughput' };
  }
  const blocks = r.body.entries.filter((e) => e.key === 'capabilities');
  let unknown = false;
  for (const block of blocks) {
    if (block.dynamic || block.value.kind !== 'object') {
      unknown = true;
      continue;
    }
    const name = read(block.value, ['name'], r, true);
    if (name.state === 'known' && name.value.kind === 'string' && name.value.value === 'EnableServerless') return { label, state: 'known', value: 'Serverless' };
    if (name.state !== 'known') unknown = true;
  }
  return unknown ? { label, state: 'unknown', written: 'a capability is not known from the code' } : { label, state: 'known', value: 'Provisioned throughput' };
}

const cosmosAccount: Reader = (r) => [
  { kind: 'cosmos-throughput', title: 'Cosmos DB account', facts: [cosmosMode(r)], notes: ['Provisioned throughput is billed per 100 RU/s per hour on the databases and containers that set it; serverless per request unit used.'] },
];

const cosmosThroughput: Reader = (r) => {
  const arm = isArm(r);
  const manual = read(r.body, arm ? ['properties', 'options', 'throughput'] : ['throughput'], r);
  const autoscale = read(r.body, arm ? ['properties', 'options', 'autoscaleSettings', 'maxThroughput'] : ['autoscale_settings', 'max_throughput'], r);
  // Without its own throughput a database or container shares what its parent provisions (or is serverless): no driver of its own.
  if (manual.state === 'absent' && autoscale.state === 'absent') return [];
  const container = r.type.toLowerCase().endsWith('containers') || r.type === 'azurerm_cosmosdb_sql_container';
  return [
    {
      kind: 'cosmos-throughput',
      title: container ? 'Cosmos DB container throughput' : 'Cosmos DB database throughput',
      facts: [factOf('Throughput (RU/s)', manual), factOf('Autoscale max (RU/s)', autoscale)],
      notes: ['Billed per 100 RU/s per hour: manual throughput all the time, autoscale for the highest RU/s reached each hour (at least 10 % of the maximum).'],
    },
  ];
};

const apiManagement: Reader = (r) => {
  if (isArm(r)) {
    return [{ kind: 'api-management', title: 'API Management', facts: [factOf('SKU', read(r.body, ['sku', 'name'], r)), factOf('Units', read(r.body, ['sku', 'capacity'], r))], notes: ['Billed per unit per hour at the SKU\'s rate (Consumption: per call).'] }];
  }
  // azurerm writes the tier and the units together: `Premium_2`.
  const sku = factOf('SKU', read(r.body, ['sku_name'], r));
  const match = sku.state === 'known' ? /^([A-Za-z]+)_(\d+)$/.exec(sku.value ?? '') : null;
  const facts: CostFact[] = match
    ? [{ label: 'SKU', state: 'known', value: match[1]! }, { label: 'Units', state: 'known', value: match[2]! }]
    : [sku, { label: 'Units', state: sku.state === 'known' ? 'unset' : 'unknown', ...(sku.written ? { written: sku.written } : {}) }];
  return [{ kind: 'api-management', title: 'API Management', facts, notes: ['Billed per unit per hour at the SKU\'s rate (Consumption: per call).'] }];
};

/** The reader per resource type (lower-cased): ARM types for Bicep and azapi, azurerm types for Terraform. */
const READERS: ReadonlyMap<string, Reader> = new Map<string, Reader>([
  [ARM.deployment, modelDeployment],
  ['azurerm_cognitive_deployment', modelDeployment],
  [ARM.search, searchService],
  ['azurerm_search_service', searchService],
  [ARM.cluster, gpuPools],
  [ARM.pool, gpuPools],
  ['azurerm_kubernetes_cluster', gpuPools],
  ['azurerm_kubernetes_cluster_node_pool', gpuPools],
  [ARM.compute, mlCompute],
  ['azurerm_machine_learning_compute_cluster', mlCompute],
  ['azurerm_machine_learning_compute_instance', mlCompute],
  [ARM.plan, appServicePlan],
  ['azurerm_service_plan', appServicePlan],
  ['azurerm_app_service_plan', appServicePlan],
  [ARM.cosmos, cosmosAccount],
  ['azurerm_cosmosdb_account', cosmosAccount],
  [ARM.cosmosDatabase, cosmosThroughput],
  [ARM.cosmosContainer, cosmosThroughput],
  ['azurerm_cosmosdb_sql_database', cosmosThroughput],
  ['azurerm_cosmosdb_sql_container', cosmosThroughput],
  [ARM.apim, apiManagement],
  ['azurerm_api_management', apiManagement],
]);

/** Notes about how many of a resource get deployed, when the declaration makes that uncertain. */
function countNotes(resource: Resource): string[] {
  const notes: string[] = [];
  if (resource.isLoop) notes.push('Declared in a loop: how many are deployed is not known from the code.');
  if (resource.condition) notes.push('Deployed only when its condition holds.');
  return notes;
}

/**
 * The cost drivers one file declares, in declaration order. Resources declared elsewhere (`existing`, `data`) are not
 * billed by this code, and a resource with a parse error inside is skipped as the rules skip it. Only values the code
 * states are read; the rest are shown as unknown or unset, never guessed.
 */
export function costDriversOf(model: FileModel, text: string, locate: Locate): CostDriver[] {
  const drivers: CostDriver[] = [];
  for (const resource of model.resources) {
    if (resource.existing || resource.hasError) continue;
    const reader = READERS.get(resource.type.toLowerCase());
    if (!reader) continue;
    for (const { at, notes, ...driver } of reader(resource, model, text)) {
      drivers.push({
        ...driver,
        notes: [...notes, ...countNotes(resource)],
        resource: { name: resource.name, type: resource.type, location: locate(model.file, at ?? resource.nameSpan) },
      });
    }
  }
  return drivers;
}

