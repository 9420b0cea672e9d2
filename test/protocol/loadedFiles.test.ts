// Protocol test: a text a Bicep load function reads (`loadJsonContent`) is followed when it changes on disk.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, DidChangeWatchedFilesNotification, FileChangeType, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from './lspClient';

const TEMPLATE = `var settings = loadJsonContent('settings.json')

resource aoai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'aoai-chat'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    publicNetworkAccess: settings.publicAccess
    disableLocalAuth: true
  }
}
`;

const has = (published: PublishDiagnosticsParams, code: string): boolean => published.diagnostics.some((d) => d.code === code);

describe('protocol: files read by Bicep load functions', () => {
  let root: string;
  let client: LspTestClient | undefined;

  beforeEach(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'waf-ai-lens-loaded-')));
    fs.writeFileSync(path.join(root, 'main.bicep'), TEMPLATE);
    fs.writeFileSync(path.join(root, 'settings.json'), '{ "publicAccess": "Enabled" }\n');
  });

  afterEach(() => {
    client?.dispose();
    client = undefined;
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('a loaded JSON file changed on disk changes the findings of the template that loads it', async () => {
    client = await LspTestClient.start({ workspaceFolder: root });
    const c = client;
    const template = pathToFileURL(path.join(root, 'main.bicep')).href;
    const settings = pathToFileURL(path.join(root, 'settings.json')).href;
    const first = await c.diagnosticsAfter(template, () => c.open(template, TEMPLATE));
    assert.ok(has(first, 'no-public-network-access'), 'The value loaded from settings.json enables public access.');

    fs.writeFileSync(path.join(root, 'settings.json'), '{ "publicAccess": "Disabled" }\n');
    const changed = await c.diagnosticsAfter(template, () =>
      c.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: settings, type: FileChangeType.Changed }] }),
    );
    assert.equal(has(changed, 'no-public-network-access'), false);

    fs.rmSync(path.join(root, 'settings.json'));
    const deleted = await c.diagnosticsAfter(template, () =>
      c.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: settings, type: FileChangeType.Deleted }] }),
    );
    // A missing file leaves the value undetermined: a note at most, never a warning.
    const left = deleted.diagnostics.filter((d) => d.code === 'no-public-network-access');
    assert.ok(left.every((d) => d.severity === DiagnosticSeverity.Information || d.severity === DiagnosticSeverity.Hint), JSON.stringify(left));
  });
});
