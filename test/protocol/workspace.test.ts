// Protocol tests of analysis across files: parameter files, module calls and workload rules, with the workspace folder as the unit.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, DidChangeWorkspaceFoldersNotification, FileChangeType, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkDiagnostics } from './expectations';
import { fixture, fixturesFolder, LspTestClient } from './lspClient';

const WORKSPACES = path.join(fixturesFolder(), 'workspaces');

/** A copy of test/fixtures/protocol/workspaces/<name> in a fresh temporary folder (its real path), and its files' URIs. */
class Folder {
  readonly root: string;

  constructor(name?: string) {
    this.root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'waf-ai-lens-workspace-')));
    if (name) fs.cpSync(path.join(WORKSPACES, name), this.root, { recursive: true });
  }

  uri(relative: string): string {
    return pathToFileURL(path.join(this.root, relative)).href;
  }

  text(relative: string): string {
    return fs.readFileSync(path.join(this.root, relative), 'utf8');
  }

  write(relative: string, text: string): string {
    fs.mkdirSync(path.dirname(path.join(this.root, relative)), { recursive: true });
    fs.writeFileSync(path.join(this.root, relative), text);
    return this.uri(relative);
  }

  remove(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

const codes = (published: PublishDiagnosticsParams): string[] => published.diagnostics.map((d) => String(d.code));
const find = (published: PublishDiagnosticsParams, code: string): Diagnostic | undefined => published.diagnostics.find((d) => d.code === code);

/** The range of the only occurrence of `search` in a text. */
function rangeIn(text: string, search: string): { start: { line: number; character: number }; end: { line: number; character: number } } {
  const start = text.indexOf(search);
  assert.ok(start >= 0 && text.indexOf(search, start + 1) < 0, `${JSON.stringify(search)} must occur once`);
  const document = TextDocument.create('file:///x', 'x', 0, text);
  return { start: document.positionAt(start), end: document.positionAt(start + search.length) };
}

describe('protocol: analysis across the files of a workspace folder', () => {
  let folder: Folder;
  let client: LspTestClient | undefined;

  afterEach(() => {
    client?.dispose();
    client = undefined;
    folder.remove();
  });

  async function start(name?: string, setup?: (f: Folder) => void): Promise<LspTestClient> {
    folder = new Folder(name);
    setup?.(folder);
    client = await LspTestClient.start({ workspaceFolder: folder.root });
    return client;
  }

  it('a .bicepparam value causes a finding on its closed template, related to the entry, and editing it clears the finding', async () => {
    const c = await start('bicep-params');
    const template = folder.uri('main.bicep');
    const params = folder.uri('main.bicepparam');
    const paramsText = folder.text('main.bicepparam');
    // Only the parameter file is open: the template's finding is published because it relates to what is being edited.
    const published = await c.diagnosticsAfter(template, () => c.open(params, paramsText));
    assert.equal(published.version, undefined, 'A closed file has no version.');
    const finding = find(published, 'no-public-network-access');
    assert.ok(finding, `No no-public-network-access on the template: ${codes(published).join(', ')}`);
    assert.equal(finding.range.start.line, rangeIn(folder.text('main.bicep'), 'publicNetworkAccess: publicAccess').start.line, 'On the setting in the template.');
    assert.deepEqual(
      finding.relatedInformation?.find((r) => r.location.uri === params)?.location.range,
      rangeIn(paramsText, "'Enabled'"),
      'The related information points at the value in the parameter file.',
    );

    // A compliant value clears the finding on the template; nothing else relates it to the open file, so it is cleared.
    const cleared = await c.diagnosticsAfter(template, () => c.replace(params, "'Enabled'", "'Disabled'"));
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('an edit of an open .bicepparam re-publishes the open template at its unchanged version', async () => {
    const c = await start('bicep-params');
    const template = folder.uri('main.bicep');
    const params = folder.uri('main.bicepparam');
    const first = await c.diagnosticsAfter(template, () => c.open(template, folder.text('main.bicep')));
    assert.ok(find(first, 'no-public-network-access'), 'The parameter file on disk applies to the open template.');
    await c.diagnosticsAfter(params, () => c.open(params, folder.text('main.bicepparam')));
    const after = await c.diagnosticsAfter(template, () => c.replace(params, "'Enabled'", "'Disabled'"));
    assert.equal(after.version, 1);
    assert.equal(find(after, 'no-public-network-access'), undefined);
    // Closing the parameter file falls back to its text on disk, where the value is still 'Enabled'.
    const reverted = await c.diagnosticsAfter(template, () => c.close(params));
    assert.ok(find(reverted, 'no-public-network-access'));
  });

  it('a Terraform module argument causes a finding in the module, related to the argument, whose fix edits the caller', async () => {
    const c = await start('terraform-module');
    const root = folder.uri('main.tf');
    const module = folder.uri('modules/ai/main.tf');
    const rootText = folder.text('main.tf');
    const closed = await c.diagnosticsAfter(module, () => c.open(root, rootText));
    const onClosed = find(closed, 'require-disable-local-auth');
    assert.ok(onClosed, `No require-disable-local-auth on the closed module: ${codes(closed).join(', ')}`);
    const argument = rangeIn(rootText, 'local_auth = true');
    const related = onClosed.relatedInformation?.filter((r) => r.location.uri === root).map((r) => r.location.range.start.line);
    assert.ok(related?.includes(argument.start.line), 'The related information points at the pilot module call.');

    // Opened, the module carries the same finding; its quick fix edits the argument in main.tf.
    const opened = await c.diagnosticsAfter(module, () => c.open(module, folder.text('modules/ai/main.tf')));
    const diagnostic = find(opened, 'require-disable-local-auth')!;
    const actions = await c.codeActions(module, diagnostic.range, [diagnostic]);
    const fix = actions.find((a) => a.title === 'Disable key-based authentication');
    assert.ok(fix, `No fix among ${actions.map((a) => a.title).join(', ')}`);
    assert.deepEqual(Object.keys(fix.edit?.changes ?? {}), [root], 'The fix edits the caller only.');
    const fixed = TextDocument.applyEdits(TextDocument.create(root, 'terraform', 1, rootText), fix.edit!.changes![root]!);
    assert.equal(fixed, rootText.replace('local_auth = true', 'local_auth = false'));
    const after = await c.diagnosticsAfter(module, () => c.change(root, [{ text: fixed }]));
    assert.equal(find(after, 'require-disable-local-auth'), undefined, 'Once main.tf is fixed, the module has no key-auth finding.');
  });

  it('a workload rule fires in the editor, and goes when a private endpoint is opened, and when one is added on disk', async () => {
    const c = await start('workload');
    const account = folder.uri('account.bicep');
    const first = await c.diagnosticsAfter(account, () => c.open(account, folder.text('account.bicep')));
    assert.ok(find(first, 'require-private-endpoint'), `No require-private-endpoint: ${codes(first).join(', ')}`);

    // An unsaved document counts as the editor holds it.
    const endpointText = fs.readFileSync(path.join(WORKSPACES, 'workload-additions', 'endpoint.bicep'), 'utf8');
    const endpoint = folder.uri('endpoint.bicep');
    const withOpen = await c.diagnosticsAfter(account, () => c.open(endpoint, endpointText));
    assert.equal(find(withOpen, 'require-private-endpoint'), undefined);
    // Closed without being saved, it is not on disk: the finding is back.
    const withoutIt = await c.diagnosticsAfter(account, () => c.close(endpoint));
    assert.ok(find(withoutIt, 'require-private-endpoint'));

    // Written by another tool, it arrives through workspace/didChangeWatchedFiles.
    const written = folder.write('network/endpoint.bicep', endpointText);
    const onDisk = await c.diagnosticsAfter(account, () =>
      c.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: written, type: FileChangeType.Created }] }),
    );
    assert.equal(find(onDisk, 'require-private-endpoint'), undefined);
    fs.rmSync(path.join(folder.root, 'network', 'endpoint.bicep'));
    const deleted = await c.diagnosticsAfter(account, () =>
      c.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: written, type: FileChangeType.Deleted }] }),
    );
    assert.ok(find(deleted, 'require-private-endpoint'));
  });

  it('a closed file changed on disk is read again when the client reports it', async () => {
    const c = await start('bicep-params');
    const template = folder.uri('main.bicep');
    const first = await c.diagnosticsAfter(template, () => c.open(template, folder.text('main.bicep')));
    assert.ok(find(first, 'no-public-network-access'));
    fs.writeFileSync(path.join(folder.root, 'main.bicepparam'), folder.text('main.bicepparam').replace("'Enabled'", "'Disabled'"));
    const changed = await c.diagnosticsAfter(template, () =>
      c.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: folder.uri('main.bicepparam'), type: FileChangeType.Changed }] }),
    );
    assert.equal(find(changed, 'no-public-network-access'), undefined);
  });

  it('a document opened before its folder is read is analysed alone at once, then again with its folder', async () => {
    folder = new Folder('workload');
    // Opened right behind `initialized`, before the server has the client's settings, so before it reads the folder.
    client = await LspTestClient.start({ workspaceFolder: folder.root, waitForWorkspace: false });
    const account = folder.uri('account.bicep');
    const alone = client.nextDiagnostics(account);
    await client.open(account, folder.text('account.bicep'));
    const first = await alone;
    assert.equal(first.version, 1);
    assert.equal(find(first, 'require-private-endpoint'), undefined, 'Alone, no workload rule runs.');
    assert.ok(find(first, 'require-managed-identity'), `The file's own findings come at once: ${codes(first).join(', ')}`);
    const withFolder = await client.nextDiagnostics(account);
    assert.equal(withFolder.version, 1);
    assert.ok(find(withFolder, 'require-private-endpoint'), 'Once the folder is read, the workload rules run.');
  });

  it('a workspace folder added later is read and analysed as its own workload; removed, its documents are analysed alone', async () => {
    const c = await start('workload');
    const added = new Folder('bicep-params');
    try {
      const template = added.uri('main.bicep');
      const alone = await c.diagnosticsAfter(template, () => c.open(template, added.text('main.bicep')));
      assert.equal(find(alone, 'no-public-network-access'), undefined, 'Outside every folder, the parameter file does not apply.');
      const folderUri = pathToFileURL(added.root).href;
      const withFolder = await c.diagnosticsAfter(template, () =>
        c.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: [{ uri: folderUri, name: 'params' }], removed: [] } }),
      );
      assert.ok(find(withFolder, 'no-public-network-access'), `Its folder's parameter file applies: ${codes(withFolder).join(', ')}`);
      assert.ok(find(withFolder, 'require-private-endpoint'), 'The workload rules run on the added folder.');
      const removed = await c.diagnosticsAfter(template, () =>
        c.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: [], removed: [{ uri: folderUri, name: 'params' }] } }),
      );
      assert.equal(find(removed, 'no-public-network-access'), undefined);
      assert.equal(find(removed, 'require-private-endpoint'), undefined);
    } finally {
      added.remove();
    }
  });

  it('a document outside the workspace folder is analysed alone, with its own file-local findings', async () => {
    const c = await start('workload');
    const { uri, text } = fixture('openai.bicep');
    const published = await c.diagnosticsAfter(uri, () => c.open(uri, text));
    checkDiagnostics(published, text, 1);
    assert.equal(find(published, 'require-private-endpoint'), undefined, 'Workload rules need the workspace; a lone file does not run them.');
  });

  it('files the settings exclude are neither analysed nor read for other files', async () => {
    const c = await start('bicep-params', (f) => f.write('.waf-ai-lens.json', '{ "exclude": ["*.bicepparam"] }'));
    const template = folder.uri('main.bicep');
    const params = folder.uri('main.bicepparam');
    const published = await c.diagnosticsAfter(template, () => c.open(template, folder.text('main.bicep')));
    assert.ok(codes(published).length > 0, 'The template is analysed.');
    assert.equal(find(published, 'no-public-network-access'), undefined, 'The excluded parameter file must not apply.');
    const excluded = await c.diagnosticsAfter(params, () => c.open(params, folder.text('main.bicepparam')));
    assert.deepEqual(excluded.diagnostics, []);
    // Nothing arrived on the template: an excluded open document is not given to the workspace either.
    assert.equal(c.published.get(template)?.length, 1);
  });

  it('a symbolic link out of the workspace folder is not read, as a file or as a module folder', async () => {
    const outside = new Folder();
    try {
      const c = await start('bicep-params', (f) => {
        fs.rmSync(path.join(f.root, 'main.bicepparam'));
        outside.write('evil.bicepparam', "using './main.bicep'\n\nparam publicAccess = 'Enabled'\n");
        fs.symlinkSync(path.join(outside.root, 'evil.bicepparam'), path.join(f.root, 'linked.bicepparam'));
        outside.write('ai/main.tf', fs.readFileSync(path.join(WORKSPACES, 'terraform-module', 'modules', 'ai', 'main.tf'), 'utf8'));
        fs.symlinkSync(path.join(outside.root, 'ai'), path.join(f.root, 'linked-modules'));
        f.write('main.tf', 'module "pilot" {\n  source     = "./linked-modules"\n  name       = "aoai-pilot"\n  local_auth = true\n}\n');
      });
      const template = folder.uri('main.bicep');
      const published = await c.diagnosticsAfter(template, () => c.open(template, folder.text('main.bicep')));
      assert.equal(find(published, 'no-public-network-access'), undefined, 'A parameter file reached through a link out of the folder was read.');
      const root = folder.uri('main.tf');
      await c.diagnosticsAfter(root, () => c.open(root, folder.text('main.tf')));
      // A run publishes every file it concerns before the server handles its next message: once this answer is in,
      // a module file read through the link would have been published.
      await c.hover(root, { line: 0, character: 0 });
      const uris = [...c.published.keys()];
      assert.ok(!uris.some((u) => u.includes('linked-modules') || u.startsWith(pathToFileURL(outside.root).href)), `Published outside the folder: ${uris.join(', ')}`);
    } finally {
      outside.remove();
    }
  });
});
