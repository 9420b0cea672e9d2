// Tests the cost-driver inventory on Bicep and Terraform snippets: what is read, and that unknown values stay unknown.
import * as assert from 'node:assert/strict';
import { parseFile } from '../../../server/src/engine';
import { costDriversOf } from '../../../server/src/engine/review/costDrivers';
import type { CostDriver } from '../../../server/src/engine/review';

function drivers(file: string, text: string): CostDriver[] {
  const model = parseFile(file, text)!;
  return costDriversOf(model, text, (f, span) => ({ file: f, span, line: 1, column: 1, endLine: 1, endColumn: 1 }));
}

/** `label=value` for known values, `label=?written` for unknown ones, `label=value*` for defaults, `label=-` when unset. */
function facts(driver: CostDriver): string[] {
  return driver.facts.map((f) => `${f.label}=${f.state === 'known' ? f.value : f.state === 'default' ? `${f.value}*` : f.state === 'unknown' ? `?${f.written ?? ''}` : '-'}`);
}

function summary(list: CostDriver[]): Array<[string, string, string[]]> {
  return list.map((d) => [d.kind, d.part ? `${d.resource.name}/${d.part}` : d.resource.name, facts(d)]);
}

describe('review/costDrivers', () => {
  it('reads model deployments, telling provisioned throughput (PTU) from pay-per-token, and leaves a parameter unknown', () => {
    const bicep = `
param ptu int
resource aoai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'a'
  resource chat 'deployments' = {
    name: 'gpt-4o'
    sku: { name: 'GlobalProvisionedManaged', capacity: ptu }
    properties: { model: { format: 'OpenAI', name: 'gpt-4o', version: '2024-11-20' } }
  }
}
resource emb 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: aoai
  name: 'emb'
  sku: { name: 'Standard', capacity: 120 }
  properties: { model: { name: 'text-embedding-3-large' } }
}
resource other 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' existing = { name: 'x' }
`;
    assert.deepEqual(summary(drivers('main.bicep', bicep)), [
      ['provisioned-throughput', 'aoai::chat', ['Model=gpt-4o', 'Version=2024-11-20', 'Deployment type=GlobalProvisionedManaged', 'Capacity (PTU)=?ptu']],
      ['model-deployment', 'emb', ['Model=text-embedding-3-large', 'Version=-', 'Deployment type=Standard', 'Capacity=120']],
    ]);
    const tf = `
resource "azurerm_cognitive_deployment" "chat" {
  name = "gpt-4o"
  model {
    name    = "gpt-4o"
    version = "2024-11-20"
  }
  sku {
    name     = var.deployment_type
    capacity = 40
  }
}
resource "azurerm_cognitive_deployment" "legacy" {
  name = "old"
  scale {
    type     = "ProvisionedManaged"
    capacity = 100
  }
}
`;
    const list = drivers('main.tf', tf);
    assert.deepEqual(summary(list), [
      ['model-deployment', 'azurerm_cognitive_deployment.chat', ['Model=gpt-4o', 'Version=2024-11-20', 'Deployment type=?var.deployment_type', 'Capacity=40']],
      ['provisioned-throughput', 'azurerm_cognitive_deployment.legacy', ['Model=-', 'Version=-', 'Deployment type=ProvisionedManaged', 'Capacity (PTU)=100']],
    ]);
    assert.match(list[0]!.notes[0]!, /deployment type, which the code does not state/);
  });

  it('counts search units as replicas × partitions, with the documented default of 1 and unknown when either is unknown', () => {
    const bicep = `
param replicas int
resource s1 'Microsoft.Search/searchServices@2024-06-01-preview' = {
  name: 's1'
  sku: { name: 'standard2' }
  properties: { replicaCount: 3, partitionCount: 2 }
}
resource s2 'Microsoft.Search/searchServices@2024-06-01-preview' = {
  name: 's2'
  sku: { name: 'basic' }
}
resource s3 'Microsoft.Search/searchServices@2024-06-01-preview' = {
  name: 's3'
  sku: { name: 'standard' }
  properties: { replicaCount: replicas }
}
`;
    assert.deepEqual(summary(drivers('main.bicep', bicep)), [
      ['search', 's1', ['SKU=standard2', 'Replicas=3', 'Partitions=2', 'Search units=6']],
      ['search', 's2', ['SKU=basic', 'Replicas=1*', 'Partitions=1*', 'Search units=1*']],
      ['search', 's3', ['SKU=standard', 'Replicas=?replicas', 'Partitions=1*', 'Search units=?replicas × partitions']],
    ]);
    const tf = 'resource "azurerm_search_service" "s" {\n  sku           = "standard"\n  replica_count = 2\n}\n';
    assert.deepEqual(summary(drivers('main.tf', tf)), [['search', 'azurerm_search_service.s', ['SKU=standard', 'Replicas=2', 'Partitions=1*', 'Search units=2*']]]);
  });

  it('lists GPU node pools (N-series sizes) with their counts and autoscale bounds, inline or as pool resources, and no CPU pools', () => {
    const bicep = `
resource aks 'Microsoft.ContainerService/managedClusters@2024-09-01' = {
  name: 'aks'
  properties: {
    agentPoolProfiles: [
      { name: 'system', vmSize: 'Standard_D4s_v5', count: 3, mode: 'System' }
      { name: 'gpu', vmSize: 'Standard_NC24ads_A100_v4', enableAutoScaling: true, minCount: 0, maxCount: 4, scaleSetPriority: 'Spot' }
    ]
  }
}
resource infer 'Microsoft.ContainerService/managedClusters/agentPools@2024-09-01' = {
  parent: aks
  name: 'infer'
  properties: { vmSize: 'Standard_NV36ads_A10_v5', count: 2 }
}
`;
    assert.deepEqual(summary(drivers('main.bicep', bicep)), [
      ['gpu-node-pool', 'aks/gpu', ['VM size=Standard_NC24ads_A100_v4', 'Nodes=-', 'Autoscale=true', 'Min nodes=0', 'Max nodes=4', 'Priority=Spot']],
      ['gpu-node-pool', 'infer', ['VM size=Standard_NV36ads_A10_v5', 'Nodes=2', 'Autoscale=-', 'Min nodes=-', 'Max nodes=-', 'Priority=-']],
    ]);
    const tf = `
resource "azurerm_kubernetes_cluster" "aks" {
  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D4s_v5"
    node_count = 3
  }
}
resource "azurerm_kubernetes_cluster_node_pool" "gpu" {
  vm_size              = "Standard_NC6s_v3"
  auto_scaling_enabled = true
  min_count            = 1
  max_count            = var.max_gpu_nodes
}
resource "azurerm_kubernetes_cluster_node_pool" "cpu" {
  vm_size = var.size
}
`;
    assert.deepEqual(summary(drivers('main.tf', tf)), [
      ['gpu-node-pool', 'azurerm_kubernetes_cluster_node_pool.gpu', ['VM size=Standard_NC6s_v3', 'Nodes=-', 'Autoscale=true', 'Min nodes=1', 'Max nodes=?var.max_gpu_nodes', 'Priority=-']],
    ]);
  });

  it('reads ML compute clusters (size, min and max nodes) and compute instances (always on)', () => {
    const bicep = `
resource cluster 'Microsoft.MachineLearningServices/workspaces/computes@2024-10-01' = {
  name: 'ws/cpu'
  properties: {
    computeType: 'AmlCompute'
    properties: { vmSize: 'Standard_NC6s_v3', vmPriority: 'LowPriority', scaleSettings: { minNodeCount: 0, maxNodeCount: 8 } }
  }
}
resource ci 'Microsoft.MachineLearningServices/workspaces/computes@2024-10-01' = {
  name: 'ws/ci'
  properties: {
    computeType: 'ComputeInstance'
    properties: { vmSize: 'Standard_DS3_v2', idleTimeBeforeShutdown: 'PT30M' }
  }
}
`;
    const list = drivers('main.bicep', bicep);
    assert.deepEqual(summary(list), [
      ['ml-compute-cluster', 'cluster', ['VM size=Standard_NC6s_v3', 'Priority=LowPriority', 'Min nodes=0', 'Max nodes=8']],
      ['ml-compute-instance', 'ci', ['VM size=Standard_DS3_v2', 'Idle shutdown after=PT30M']],
    ]);
    assert.match(list[1]!.notes[0]!, /^Always on/);
    const tf = `
resource "azurerm_machine_learning_compute_cluster" "c" {
  vm_size     = "Standard_DS3_v2"
  vm_priority = "Dedicated"
  scale_settings {
    min_node_count = 1
    max_node_count = 4
  }
}
resource "azurerm_machine_learning_compute_instance" "i" {
  virtual_machine_size = "STANDARD_DS2_V2"
}
`;
    assert.deepEqual(summary(drivers('main.tf', tf)), [
      ['ml-compute-cluster', 'azurerm_machine_learning_compute_cluster.c', ['VM size=Standard_DS3_v2', 'Priority=Dedicated', 'Min nodes=1', 'Max nodes=4']],
      ['ml-compute-instance', 'azurerm_machine_learning_compute_instance.i', ['VM size=STANDARD_DS2_V2']],
    ]);
  });

  it('reads App Service plans (SKU × workers), Cosmos DB capacity mode and throughput, and API Management SKU and units', () => {
    const bicep = `
resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'p'
  sku: { name: 'P1v3', capacity: 3 }
}
resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: 'c'
  properties: { capabilities: [ { name: 'EnableServerless' } ] }
  resource db 'sqlDatabases' = {
    name: 'db'
    properties: { options: { autoscaleSettings: { maxThroughput: 4000 } } }
    resource shared 'containers' = { name: 'shared', properties: {} }
  }
}
resource apim 'Microsoft.ApiManagement/service@2024-05-01' = {
  name: 'gw'
  sku: { name: 'Premium', capacity: 2 }
}
`;
    assert.deepEqual(summary(drivers('main.bicep', bicep)), [
      ['app-service-plan', 'plan', ['SKU=P1v3', 'Workers=3']],
      ['cosmos-throughput', 'cosmos', ['Capacity mode=Serverless']],
      ['cosmos-throughput', 'cosmos::db', ['Throughput (RU/s)=-', 'Autoscale max (RU/s)=4000']],
      ['api-management', 'apim', ['SKU=Premium', 'Units=2']],
    ]);
    const tf = `
resource "azurerm_service_plan" "p" {
  sku_name = "P0v3"
}
resource "azurerm_cosmosdb_account" "c" {
  offer_type = "Standard"
}
resource "azurerm_cosmosdb_sql_container" "k" {
  throughput = 400
}
resource "azurerm_api_management" "gw" {
  sku_name = "Premium_2"
}
resource "azurerm_api_management" "dev" {
  sku_name = var.apim_sku
}
`;
    assert.deepEqual(summary(drivers('main.tf', tf)), [
      ['app-service-plan', 'azurerm_service_plan.p', ['SKU=P0v3', 'Workers=-']],
      ['cosmos-throughput', 'azurerm_cosmosdb_account.c', ['Capacity mode=Provisioned throughput']],
      ['cosmos-throughput', 'azurerm_cosmosdb_sql_container.k', ['Throughput (RU/s)=400', 'Autoscale max (RU/s)=-']],
      ['api-management', 'azurerm_api_management.gw', ['SKU=Premium', 'Units=2']],
      ['api-management', 'azurerm_api_management.dev', ['SKU=?var.apim_sku', 'Units=?var.apim_sku']],
    ]);
  });

  it('says when a loop or a condition makes the count uncertain, and skips resources declared elsewhere', () => {
    const bicep = `
param regions array
param withSearch bool
resource plans 'Microsoft.Web/serverfarms@2024-04-01' = [for r in regions: {
  name: 'p-\${r}'
  sku: { name: 'S1' }
}]
resource search 'Microsoft.Search/searchServices@2024-06-01-preview' = if (withSearch) {
  name: 's'
  sku: { name: 'basic' }
}
resource shared 'Microsoft.Search/searchServices@2024-06-01-preview' existing = { name: 'shared' }
`;
    const list = drivers('main.bicep', bicep);
    assert.deepEqual(list.map((d) => d.resource.name), ['plans', 'search']);
    assert.ok(list[0]!.notes.some((n) => /loop/.test(n)));
    assert.ok(list[1]!.notes.some((n) => /condition/.test(n)));
  });
});
