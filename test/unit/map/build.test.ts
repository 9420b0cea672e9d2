// Tests the graph-to-map step on multi-file workloads in Bicep and Terraform: boxes, groups, connections, findings, exposure.
import * as assert from 'node:assert/strict';
import { analyzeWorkspace, SEVERITY_RANK, type Severity } from '../../../server/src/engine';
import type { MapCategory, MapEdgeKind, MapNode, WorkloadMap } from '../../../server/src/engine/map';
import { edit, fixtureFiles, mapOf } from './support';

/** What each fixture declares, in its own language's names; the two workloads are the same architecture. */
interface Case {
  language: 'bicep' | 'terraform';
  /** Resource name → category: every box the map must have, and no other. */
  nodes: Record<string, MapCategory>;
  /** The box in the module file (the AI half) and the ones in the root (the app half). */
  modules: { root: string; ai: string };
  edges: Array<[from: string, to: string, kind: MapEdgeKind]>;
  /** The AI module's file, for edits, and the texts that add a private endpoint to the account or close its public access. */
  aiFile: string;
  addEndpoint: [string, string];
  closeAccess: [string, string];
}

const CASES: Case[] = [
  {
    language: 'bicep',
    nodes: { vnet: 'network', logs: 'monitoring', plan: 'app', app: 'app', openai: 'ai', chat: 'model', search: 'search', storage: 'data' },
    modules: { root: 'main.bicep', ai: 'modules/ai.bicep' },
    edges: [
      ['app', 'plan', 'reference'],
      ['app', 'openai', 'roleAssignment'],
      ['app', 'search', 'keyAccess'],
      ['vnet', 'search', 'privateEndpoint'],
      ['openai', 'logs', 'diagnostics'],
      ['chat', 'openai', 'parent'],
    ],
    aiFile: 'modules/ai.bicep',
    addEndpoint: [
      "resource storage 'Microsoft",
      "resource openaiEndpoint 'Microsoft.Network/privateEndpoints@2024-05-01' = {\n  name: 'pe-openai'\n  location: location\n  properties: {\n    subnet: {\n      id: subnetId\n    }\n    privateLinkServiceConnections: [\n      {\n        name: 'openai'\n        properties: {\n          privateLinkServiceId: openai.id\n          groupIds: ['account']\n        }\n      }\n    ]\n  }\n}\n\nresource storage 'Microsoft",
    ],
    closeAccess: ['    disableLocalAuth: true\n', "    disableLocalAuth: true\n    publicNetworkAccess: 'Disabled'\n"],
  },
  {
    language: 'terraform',
    nodes: {
      'azurerm_virtual_network.chat': 'network',
      'azurerm_subnet.endpoints': 'network',
      'azurerm_log_analytics_workspace.chat': 'monitoring',
      'azurerm_service_plan.chat': 'app',
      'azurerm_linux_web_app.chat': 'app',
      'azurerm_cognitive_account.openai': 'ai',
      'azurerm_cognitive_deployment.chat': 'model',
      'azurerm_search_service.search': 'search',
      'azurerm_storage_account.data': 'data',
    },
    modules: { root: '.', ai: 'modules/ai' },
    edges: [
      ['azurerm_linux_web_app.chat', 'azurerm_service_plan.chat', 'reference'],
      ['azurerm_linux_web_app.chat', 'azurerm_cognitive_account.openai', 'roleAssignment'],
      ['azurerm_linux_web_app.chat', 'azurerm_search_service.search', 'keyAccess'],
      ['azurerm_subnet.endpoints', 'azurerm_search_service.search', 'privateEndpoint'],
      ['azurerm_cognitive_account.openai', 'azurerm_log_analytics_workspace.chat', 'diagnostics'],
      ['azurerm_cognitive_deployment.chat', 'azurerm_cognitive_account.openai', 'parent'],
    ],
    aiFile: 'modules/ai/main.tf',
    addEndpoint: [
      'resource "azurerm_storage_account"',
      'resource "azurerm_private_endpoint" "openai" {\n  name                = "pe-openai"\n  location            = var.location\n  resource_group_name = var.resource_group_name\n  subnet_id           = var.subnet_id\n\n  private_service_connection {\n    name                           = "openai"\n    is_manual_connection           = false\n    private_connection_resource_id = azurerm_cognitive_account.openai.id\n    subresource_names              = ["account"]\n  }\n}\n\nresource "azurerm_storage_account"',
    ],
    closeAccess: ['  local_auth_enabled    = false\n', '  local_auth_enabled    = false\n  public_network_access_enabled = false\n'],
  },
];

function byName(map: WorkloadMap, name: string): MapNode {
  const node = map.nodes.find((n) => n.name === name);
  assert.ok(node, `a box for ${name} (boxes: ${map.nodes.map((n) => n.name).join(', ')})`);
  return node;
}

const account = (c: Case): string => Object.keys(c.nodes).find((name) => c.nodes[name] === 'ai')!;

for (const c of CASES) {
  describe(`map: a two-module ${c.language} workload`, () => {
    const files = fixtureFiles(c.language);
    const map = mapOf(files);

    it('draws one box per resource, connectors and the resource group left out', () => {
      assert.deepEqual(Object.fromEntries(map.nodes.map((n) => [n.name, n.category])), c.nodes);
      for (const node of map.nodes) assert.ok(node.kindLabel.length > 0 && node.label.length > 0, node.name);
      // A Terraform address shows without its type; a Bicep name as it is.
      assert.equal(byName(map, account(c)).label, 'openai');
    });

    it('groups the boxes by module, root first', () => {
      assert.equal(map.groupBy, 'module');
      const groups = map.groups.map((g) => g.label);
      assert.equal(groups.length, 2);
      assert.match(groups[0]!, new RegExp(`${c.modules.root === '.' ? '^\\./$|^[^/]*/$' : 'main\\.bicep$'}`));
      assert.match(groups[1]!, new RegExp(c.modules.ai.replace('.', '\\.')));
      const groupOf = (name: string): string => map.groups.find((g) => g.id === byName(map, name).group)!.label;
      assert.equal(groupOf(account(c)), groups[1]);
      for (const [name, category] of Object.entries(c.nodes)) if (category === 'app') assert.equal(groupOf(name), groups[0], name);
    });

    it('draws the connections with their kinds, across module boundaries', () => {
      const id = (name: string): string => byName(map, name).id;
      const drawn = new Set(map.edges.map((e) => `${e.from}|${e.to}|${e.kind}`));
      for (const [from, to, kind] of c.edges) assert.ok(drawn.has(`${id(from)}|${id(to)}|${kind}`), `${from} -${kind}-> ${to}; drawn: ${[...drawn].join('; ')}`);
      // The role assignment and the private endpoint are connections, never boxes, and a typed connection hides the plain reference.
      assert.ok(!map.edges.some((e) => e.kind === 'reference' && e.from === id(c.edges[1]![0]) && e.to === id(c.edges[1]![1])));
      for (const edge of map.edges) assert.ok(map.nodes.some((n) => n.id === edge.from) && map.nodes.some((n) => n.id === edge.to));
    });

    it('colours each box by its worst finding and counts its findings, as the analysis found them', () => {
      const analysis = analyzeWorkspace(Object.entries(files).map(([file, text]) => ({ file, text })));
      const findings = analysis.files.flatMap((f) => f.findings);
      for (const node of map.nodes) {
        const own = findings.filter((f) => f.file === node.location.file && f.resourceName === node.name);
        // A finding on a connector (a private endpoint, a role assignment) counts on the box it connects to, so at least its own.
        assert.ok(node.findings.count >= own.length, node.name);
        const worst = own.reduce<Severity | undefined>((w, f) => (!w || SEVERITY_RANK[f.severity] > SEVERITY_RANK[w] ? f.severity : w), undefined);
        if (node.findings.count === own.length) assert.equal(node.findings.worst, worst, node.name);
        assert.equal(node.findings.error + node.findings.warning + node.findings.note, node.findings.count, node.name);
      }
      // The public account has findings (public access, no private endpoint), the network none.
      assert.equal(byName(map, account(c)).findings.worst, 'warning');
      assert.ok(byName(map, account(c)).findings.count >= 2);
      assert.equal(byName(map, Object.keys(c.nodes)[0]!).findings.count, 0);
    });

    it('marks the account that is open to the internet, and only it', () => {
      assert.deepEqual(map.nodes.filter((n) => n.exposure === 'public').map((n) => n.name), [account(c)]);
      const search = Object.keys(c.nodes).find((name) => c.nodes[name] === 'search')!;
      assert.equal(byName(map, search).exposure, 'private');
      assert.equal(byName(map, search).privateEndpoints, 1);
      const storage = Object.keys(c.nodes).find((name) => c.nodes[name] === 'data')!;
      assert.equal(byName(map, storage).exposure, 'private', 'public access disabled');
      assert.equal(byName(map, storage).privateEndpoints, 0);
    });

    it('drops the public mark once a private endpoint connects to the account', () => {
      const closed = mapOf(edit(files, c.aiFile, ...c.addEndpoint));
      const node = byName(closed, account(c));
      assert.equal(node.exposure, 'private');
      assert.equal(node.privateEndpoints, 1);
      assert.ok(closed.edges.some((e) => e.to === node.id && e.kind === 'privateEndpoint'));
      assert.equal(closed.nodes.filter((n) => n.exposure === 'public').length, 0);
    });

    it('drops the public mark once public network access is disabled', () => {
      const closed = mapOf(edit(files, c.aiFile, ...c.closeAccess));
      assert.equal(byName(closed, account(c)).exposure, 'private');
      assert.equal(byName(closed, account(c)).privateEndpoints, 0);
    });

    it('calls exposure unknown when a parameter decides it', () => {
      // The subnet's id is known only at deployment.
      const value = c.language === 'bicep' ? "    publicNetworkAccess: empty(subnetId) ? 'Enabled' : 'Disabled'\n" : '  public_network_access_enabled = var.subnet_id == ""\n';
      const open = mapOf(edit(files, c.aiFile, c.closeAccess[0], c.closeAccess[0] + value));
      assert.equal(byName(open, account(c)).exposure, 'unknown');
    });

    it('links each box to its declaration', () => {
      for (const node of map.nodes) {
        const text = files[node.location.file]!;
        const line = text.split('\n')[node.location.line - 1] ?? '';
        const short = node.name.split('::').pop()!.split('.').pop()!;
        assert.ok(line.includes(short), `${node.name} at line ${node.location.line}: ${line}`);
      }
    });
  });
}

describe('map: grouping', () => {
  it('groups a one-file workload by kind, in tier order', () => {
    const files = fixtureFiles('bicep');
    const map = mapOf({ 'main.bicep': files['modules/ai.bicep']!.replace(/param (\w+) string/g, "param $1 string = 'x'") });
    assert.equal(map.groupBy, 'category');
    assert.deepEqual(map.groups.map((g) => g.id), ['category:ai', 'category:search', 'category:model', 'category:data']);
    for (const node of map.nodes) assert.equal(node.group, `category:${node.category}`);
  });

  it('draws a module that is not analysed as a box, connected to what it is given', () => {
    const main = [
      "resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {",
      "  name: 'kv-chat'",
      "  location: 'swedencentral'",
      '  properties: {',
      '    tenantId: subscription().tenantId',
      "    sku: { family: 'A', name: 'standard' }",
      '  }',
      '}',
      "module secrets 'br/public:avm/res/key-vault/vault/secret:0.1.0' = {",
      "  name: 'secrets'",
      '  params: {',
      '    keyVaultResourceId: vault.id',
      '  }',
      '}',
      '',
    ].join('\n');
    const map = mapOf({ 'main.bicep': main });
    const module = map.nodes.find((n) => n.category === 'module');
    assert.ok(module, map.nodes.map((n) => n.name).join(', '));
    assert.equal(module.kindLabel, 'Module not analysed');
    assert.equal(module.type, 'br/public:avm/res/key-vault/vault/secret:0.1.0');
    const vault = byName(map, 'vault');
    assert.ok(map.edges.some((e) => e.from === module.id && e.to === vault.id && e.kind === 'module'));
    // The module may declare a private endpoint to the vault: its exposure is not known.
    assert.equal(vault.exposure, 'unknown');
  });

  it('draws one box for a declaration evaluated twice (a module called twice), and counts loop copies', () => {
    const main = "module a './m.bicep' = {\n  name: 'a'\n}\nmodule b './m.bicep' = {\n  name: 'b'\n}\n";
    const module = "resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = [for i in range(0, 3): {\n  name: 'kv${i}'\n  location: 'swedencentral'\n  properties: {\n    tenantId: subscription().tenantId\n    sku: { family: 'A', name: 'standard' }\n  }\n}]\n";
    const map = mapOf({ 'main.bicep': main, 'm.bicep': module });
    const vaults = map.nodes.filter((n) => n.category === 'security');
    assert.equal(vaults.length, 1);
    assert.equal(vaults[0]!.copies, 3);
    assert.equal(vaults[0]!.exposure, 'public');
  });
});
