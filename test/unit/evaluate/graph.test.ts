// Tests the workload graph: nodes per deployed resource, typed edges across files, module outputs and existing resources resolved.
import * as assert from 'node:assert/strict';
import { analyzeWorkspace, type GraphEdge, type WorkloadGraph } from '../../../server/src/engine';

function graphOf(files: Record<string, string>): WorkloadGraph {
  return analyzeWorkspace(Object.entries(files).map(([file, text]) => ({ file, text }))).graph;
}

/** An edge as `kind from → to (path) details`, node ids shortened to their resource names. */
function show(graph: WorkloadGraph, e: GraphEdge): string {
  const name = (id: string | undefined): string => (id === undefined ? '?' : (graph.node(id)?.resource.name ?? id.replace(/^i\d+#/, '')));
  const details = Object.keys(e.details).length > 0 ? ` ${JSON.stringify(e.details)}` : '';
  return `${e.kind} ${name(e.from)} -> ${name(e.to)} (${e.path})${details}`;
}

describe('graph: Bicep across modules', () => {
  const main = `var vaultName = 'kv-chat'

module ai './ai.bicep' = {
  name: 'ai'
  params: { vaultName: vaultName }
}

module net './network.bicep' = {
  name: 'net'
  params: { accountId: ai.outputs.id }
}

resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  properties: { enablePurgeProtection: true }
}

resource key 'Microsoft.KeyVault/vaults/keys@2023-07-01' = {
  parent: kv
  name: 'cmk'
}
`;
  const ai = `param vaultName string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: vaultName
}

resource aoai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'aoai-chat'
  properties: {
    encryption: { keySource: 'Microsoft.KeyVault', keyVaultProperties: { keyVaultUri: vault.properties.vaultUri, keyName: 'cmk' } }
  }

  resource chat 'deployments' = {
    name: 'chat'
  }
}

resource diag 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'diag'
  scope: aoai
  properties: { logs: [ { categoryGroup: 'allLogs', enabled: true }, { category: 'Trace', enabled: false } ] }
}

resource role 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid('x')
  scope: aoai
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd')
    principalId: app.identity.principalId
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: 'app'
  properties: { siteConfig: { appSettings: [ { name: 'KEY', value: listKeys(aoai.id, '2024-10-01').key1 } ] } }
}

output id string = aoai.id
`;
  const network = `param accountId string

resource pe 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: 'pe'
  properties: {
    privateLinkServiceConnections: [ { name: 'c', properties: { privateLinkServiceId: accountId, groupIds: [ 'account' ] } } ]
  }
}
`;

  it('links private endpoints, diagnostics, roles, keys, customer-managed keys and children across files', () => {
    const graph = graphOf({ 'main.bicep': main, 'ai.bicep': ai, 'network.bicep': network });
    const edges = graph.edges.filter((e) => e.kind !== 'reference').map((e) => show(graph, e));
    assert.deepEqual(edges.sort(), [
      'customerManagedKey aoai -> kv (properties.encryption.keyVaultProperties.keyVaultUri)',
      'diagnostics diag -> aoai (scope) {"categories":[],"categoryGroups":["allLogs"]}',
      'keyAccess app -> aoai (properties.siteConfig.appSettings[0].value)',
      'parent aoai::chat -> aoai (parent)',
      'parent key -> kv (parent)',
      'privateEndpoint pe -> aoai (properties.privateLinkServiceConnections[0].properties.privateLinkServiceId) {"groupIds":["account"]}',
      'roleAssignment role -> aoai (scope) {"role":"5e0bd9bd-7b93-4f28-af87-19fc36ad61bd"}',
    ]);
  });

  it('places nodes and edges in their files, and answers queries', () => {
    const graph = graphOf({ 'main.bicep': main, 'ai.bicep': ai, 'network.bicep': network });
    const aoai = graph.nodes.find((n) => n.resource.name === 'aoai')!;
    assert.equal(aoai.file, 'ai.bicep');
    assert.equal(aoai.name, 'aoai-chat');
    assert.equal(ai.slice(aoai.nameSpan.start, aoai.nameSpan.end), 'aoai');
    const [pe] = graph.to(aoai.id, 'privateEndpoint');
    assert.equal(pe!.file, 'network.bicep');
    assert.equal(network.slice(pe!.span.start, pe!.span.end), 'accountId');
    assert.equal(pe!.attribute, 'id');
    const vault = graph.nodes.find((n) => n.resource.name === 'vault')!;
    assert.equal(vault.existing, true);
    assert.equal(graph.node(vault.declaredAs!)?.resource.name, 'kv', 'the existing vault is the one main.bicep declares');
    assert.deepEqual(graph.from(aoai.id).map((e) => e.kind).sort(), ['customerManagedKey']);
  });
});

describe('graph: Terraform', () => {
  const main = `module "ai" {
  source = "./modules/ai"
}

resource "azurerm_private_endpoint" "pe" {
  name = "pe"
  private_service_connection {
    name                           = "c"
    private_connection_resource_id = module.ai.id
    subresource_names              = ["account"]
  }
}

resource "azurerm_monitor_diagnostic_setting" "diag" {
  name               = "diag"
  target_resource_id = module.ai.id
  enabled_log {
    category = "Audit"
  }
  enabled_log {
    category_group = "allLogs"
  }
}

resource "azurerm_role_assignment" "user" {
  scope                = module.ai.id
  role_definition_name = "Cognitive Services OpenAI User"
  principal_id         = "00000000-0000-0000-0000-000000000000"
}

resource "azurerm_cognitive_deployment" "chat" {
  name                 = "chat"
  cognitive_account_id = module.ai.id
}

resource "azurerm_key_vault_secret" "key" {
  name         = "aoai-key"
  value        = module.ai.key
  key_vault_id = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-elsewhere"
}

resource "azurerm_private_endpoint" "unknown" {
  name = "pe-unknown"
  private_service_connection {
    name                           = "c"
    private_connection_resource_id = var.target
  }
}

variable "target" {}
`;
  const ai = `resource "azurerm_cognitive_account" "this" {
  name = "aoai"
}

output "id" {
  value = azurerm_cognitive_account.this.id
}

output "key" {
  value = azurerm_cognitive_account.this.primary_access_key
}
`;

  it('follows module outputs to the resource, and keeps a target it cannot determine as unresolved', () => {
    const graph = graphOf({ 'main.tf': main, 'modules/ai/main.tf': ai });
    const edges = graph.edges.filter((e) => e.kind !== 'reference').map((e) => show(graph, e));
    assert.deepEqual(edges.sort(), [
      'diagnostics azurerm_monitor_diagnostic_setting.diag -> azurerm_cognitive_account.this (target_resource_id) {"categories":["Audit"],"categoryGroups":["allLogs"]}',
      'keyAccess azurerm_key_vault_secret.key -> azurerm_cognitive_account.this (value)',
      'parent azurerm_cognitive_deployment.chat -> azurerm_cognitive_account.this (cognitive_account_id)',
      'privateEndpoint azurerm_private_endpoint.pe -> azurerm_cognitive_account.this (private_service_connection.private_connection_resource_id) {"groupIds":["account"]}',
      'privateEndpoint azurerm_private_endpoint.unknown -> ? (private_service_connection.private_connection_resource_id)',
      'roleAssignment azurerm_role_assignment.user -> azurerm_cognitive_account.this (scope) {"role":"Cognitive Services OpenAI User"}',
    ]);
    assert.equal(graph.unresolved('privateEndpoint').length, 1);
  });

  it('records references between resources that stay unknown as values', () => {
    const graph = graphOf({ 'main.tf': main, 'modules/ai/main.tf': ai });
    const references = graph.edges.filter((e) => e.kind === 'reference').map((e) => show(graph, e));
    assert.ok(references.includes('reference azurerm_key_vault_secret.key -> azurerm_cognitive_account.this (value)'), references.join('\n'));
  });
});

describe('graph: resources declared in loops', () => {
  const accounts = `resource aoai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'aoai'
}

resource search 'Microsoft.Search/searchServices@2024-06-01-preview' = {
  name: 'search'
}
`;
  const endpoints = (iterable: string): string => `${accounts}
${iterable}

resource pe 'Microsoft.Network/privateEndpoints@2024-05-01' = [for link in links: {
  name: 'pe-\${link.group}'
  properties: {
    privateLinkServiceConnections: [ { name: 'c', properties: { privateLinkServiceId: link.id, groupIds: [ link.group ] } } ]
  }
}]
`;
  const path = 'properties.privateLinkServiceConnections[0].properties.privateLinkServiceId';

  it('gives a Bicep loop over known items one edge per item, with the details of that item', () => {
    const graph = graphOf({ 'main.bicep': endpoints(`var links = [ { id: aoai.id, group: 'account' }, { id: search.id, group: 'searchService' } ]`) });
    assert.deepEqual(graph.edges.filter((e) => e.kind === 'privateEndpoint').map((e) => show(graph, e)).sort(), [
      `privateEndpoint pe -> aoai (${path}) {"groupIds":["account"]}`,
      `privateEndpoint pe -> search (${path}) {"groupIds":["searchService"]}`,
    ]);
  });

  it('keeps the target of a Bicep loop over unknown items unresolved', () => {
    const graph = graphOf({ 'main.bicep': endpoints('param links array') });
    assert.deepEqual(graph.edges.filter((e) => e.kind === 'privateEndpoint').map((e) => show(graph, e).replace(/ \{.*$/, '')), [`privateEndpoint pe -> ? (${path})`]);
  });

  it('gives a Terraform for_each over known items one edge per item', () => {
    const graph = graphOf({
      'main.tf': `resource "azurerm_cognitive_account" "x" {
  name = "aoai"
}

resource "azurerm_search_service" "y" {
  name = "search"
}

resource "azurerm_monitor_diagnostic_setting" "d" {
  for_each           = { a = azurerm_cognitive_account.x.id, b = azurerm_search_service.y.id }
  name               = "diag-\${each.key}"
  target_resource_id = each.value
  enabled_log {
    category_group = "allLogs"
  }
}
`,
    });
    assert.deepEqual(graph.edges.filter((e) => e.kind === 'diagnostics').map((e) => show(graph, e)).sort(), [
      'diagnostics azurerm_monitor_diagnostic_setting.d -> azurerm_cognitive_account.x (target_resource_id) {"categories":[],"categoryGroups":["allLogs"]}',
      'diagnostics azurerm_monitor_diagnostic_setting.d -> azurerm_search_service.y (target_resource_id) {"categories":[],"categoryGroups":["allLogs"]}',
    ]);
  });
});
