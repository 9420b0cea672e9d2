// Tests that the workload graph built after an edit, which links again only the instances an edit reaches, equals a fresh workspace's graph.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Workspace, type WorkloadGraph } from '../../../server/src/engine';
import { fixturePath } from '../../support/repo';

/** The workload-map fixtures (module outputs, private endpoints, diagnostics, keys), plus a customer-managed key in a vault. */
function fixtureFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  const root = fixturePath('map');
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[path.relative(root, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(root);
  files['keys/main.bicep'] = KEYS;
  files['keys/account.bicep'] = ACCOUNT;
  return files;
}

const KEYS = `resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-keys'
  location: 'swedencentral'
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enablePurgeProtection: true
  }
}

resource key 'Microsoft.KeyVault/vaults/keys@2023-07-01' = {
  parent: vault
  name: 'cmk'
  properties: { kty: 'RSA' }
}

resource aoai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-keys'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    encryption: {
      keySource: 'Microsoft.KeyVault'
      keyVaultProperties: {
        keyName: key.name
        keyVersion: last(split(key.properties.keyUriWithVersion, '/'))
        keyVaultUri: vault.properties.vaultUri
      }
    }
  }
}
`;

/** An account in another file (another instance) naming the key by its id: its key edge is retargeted to the vault. */
const ACCOUNT = `resource other 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-other'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    encryption: {
      keySource: 'Microsoft.KeyVault'
      keyVaultProperties: {
        keyName: '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-keys/keys/cmk'
      }
    }
  }
}
`;

/** The graph as plain data, instance ids (numbered in evaluation order) left out. */
function plain(graph: WorkloadGraph): unknown {
  const json = JSON.stringify({ nodes: graph.nodes.map((n) => [n.id, n.declaredAs]), edges: graph.edges, opaque: graph.opaque });
  return JSON.parse(json.replace(/"i\d+#/g, '"#'));
}

function workspaceOf(files: Readonly<Record<string, string>>): Workspace {
  const ws = new Workspace();
  for (const [file, text] of Object.entries(files)) ws.update(file, text);
  return ws;
}

/** Edits that change an instance's outputs, a resource's name (what references by name find), a key's vault, and nothing. */
const EDITS: Array<[string, (text: string) => string | undefined]> = [
  ['bicep/modules/ai.bicep', (t) => `${t}// a comment only\n`],
  ['bicep/modules/ai.bicep', (t) => t.replace('output endpoint string = openai.properties.endpoint', "output endpoint string = 'https://example.invalid/'")],
  ['bicep/modules/ai.bicep', (t) => t.replace("name: 'srch-chat'", "name: 'srch-renamed'")],
  ['terraform/modules/ai/main.tf', (t) => `${t}# a comment only\n`],
  // The key leaves its vault: the other file's key edge, linked before and not linked again, must no longer lead to the vault.
  ['keys/main.bicep', (t) => t.replace('parent: vault', '')],
  ['keys/main.bicep', () => undefined],
  ['bicep/main.bicep', (t) => t.replace(/ai\.outputs\.endpoint/g, "'literal'")],
];

describe('workspace: the workload graph after edits', () => {
  it('the fixtures make a graph with edges through module outputs and keys', () => {
    const graph = workspaceOf(fixtureFiles()).analyses().graph;
    assert.ok(graph.edges.length > 10, `${graph.edges.length} edges`);
    assert.ok(graph.edges.some((e) => e.kind === 'customerManagedKey' && e.details.key !== undefined), 'a key edge retargeted to its vault');
    assert.ok(graph.edges.some((e) => e.kind === 'customerManagedKey' && e.file === 'keys/account.bicep' && e.details.key !== undefined), 'one from another instance');
    assert.ok(graph.edges.some((e) => e.kind === 'privateEndpoint' && e.to !== undefined), 'a private endpoint that reaches its resource');
  });

  it('after each edit, equals the graph of a fresh workspace given the same texts', () => {
    const texts = fixtureFiles();
    const ws = workspaceOf(texts);
    ws.analyses();
    for (const [file, edit] of EDITS) {
      const text = edit(texts[file]!);
      if (text === undefined) {
        ws.remove(file);
        delete texts[file];
      } else {
        ws.update(file, text);
        texts[file] = text;
      }
      const graph = ws.analyses().graph;
      assert.deepEqual(plain(graph), plain(workspaceOf(texts).analyses().graph), `after editing ${file}`);
    }
  });

  it('two workspaces analysed in turn keep their own graphs', () => {
    const a = workspaceOf(fixtureFiles());
    const b = workspaceOf({ 'keys/main.bicep': KEYS });
    const first = [plain(a.analyses().graph), plain(b.analyses().graph)];
    a.update('bicep/modules/ai.bicep', `${fixtureFiles()['bicep/modules/ai.bicep']}// edited\n`);
    b.update('keys/main.bicep', `${KEYS}// edited\n`);
    assert.deepEqual([plain(a.analyses().graph), plain(b.analyses().graph)], first);
  });
});
