// Protocol tests of the server's resilience: garbage from the client never kills it, and it ends cleanly when told to.
import * as assert from 'node:assert/strict';
import { ErrorCodes, ResponseError } from 'vscode-languageserver-protocol/node';
import { fixture, LspTestClient } from './lspClient';

/** Something a confused or broken client might send; the server must answer or ignore it and keep serving. */
interface Abuse {
  title: string;
  send(client: LspTestClient): Promise<void>;
}

const ABUSES: Abuse[] = [
  {
    title: 'an unknown notification with junk parameters',
    send: (client) => client.connection.sendNotification('waf/garbage', { junk: [1, { deeper: null }] }),
  },
  {
    title: 'an edit to a document that was never opened',
    send: (client) =>
      client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: fixture('openai.bicep').uri.replace('openai', 'never-opened'), version: 7 },
        contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 4 } }, text: 'x' }],
      }),
  },
  {
    title: 'an edit without a version',
    send: (client) =>
      client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: fixture('openai.bicep').uri },
        contentChanges: [{ text: 'x' }],
      }),
  },
  {
    title: 'a didOpen without a document',
    send: (client) => client.connection.sendNotification('textDocument/didOpen', { textDocument: null }),
  },
  {
    title: 'a close of a document that was never opened',
    send: (client) => client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///nowhere/main.bicep' } }),
  },
  {
    title: 'a message that is not JSON',
    send: async (client) => {
      const body = '{"jsonrpc": "2.0", "method": oops';
      client.writeRaw(`Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`);
    },
  },
];

describe('protocol: robustness', () => {
  let client: LspTestClient;

  beforeEach(async () => {
    client = await LspTestClient.start();
  });

  afterEach(() => client.dispose());

  it('declares incremental sync and UTF-16 positions', () => {
    const capabilities = client.initializeResult?.capabilities;
    assert.deepEqual(capabilities?.textDocumentSync, { openClose: true, change: 2 });
    assert.equal(capabilities?.positionEncoding, 'utf-16');
  });

  it('answers an unknown request with MethodNotFound', async () => {
    await assert.rejects(client.connection.sendRequest('waf/doesNotExist', { x: 1 }), (error: unknown) => {
      assert.ok(error instanceof ResponseError);
      assert.equal(error.code, ErrorCodes.MethodNotFound);
      return true;
    });
  });

  for (const abuse of ABUSES) {
    it(`survives ${abuse.title}`, async () => {
      await abuse.send(client);
      await assertStillServing(client);
    });
  }

  it('survives all of it in a row, with documents open', async () => {
    const { uri, text } = fixture('openai.tf');
    await client.diagnosticsAfter(uri, () => client.open(uri, text));
    for (const abuse of ABUSES) await abuse.send(client);
    const published = await client.diagnosticsAfter(uri, () => client.replace(uri, 'replica_count                 = 1', 'replica_count                 = 2'));
    assert.equal(published.version, 2);
    await assertStillServing(client);
  });

  it('logs analysis at debug level when asked to', async () => {
    const verbose = await LspTestClient.start({ initializationOptions: { logLevel: 'debug' } });
    try {
      const { uri, text } = fixture('openai.bicep');
      await verbose.diagnosticsAfter(uri, () => verbose.open(uri, text));
      assert.ok(
        verbose.logs.some((line) => line.includes('[debug] Analysed') && line.includes('openai.bicep (version 1)')),
        `No debug line about the analysis in:\n${verbose.logs.join('\n')}`,
      );
    } finally {
      verbose.dispose();
    }
  });

  it('ends with exit code 0 after shutdown and exit', async () => {
    const { uri, text } = fixture('openai.bicep');
    await client.diagnosticsAfter(uri, () => client.open(uri, text));
    assert.deepEqual(await client.shutdownAndExit(), { code: 0, signal: null });
  });

  it('ends with exit code 1 on exit without shutdown, as LSP prescribes', async () => {
    await client.connection.sendNotification('exit');
    assert.deepEqual(await client.waitForExit(), { code: 1, signal: null });
  });
});

/** Proves the server still works: it answers a request and analyses a freshly opened document. */
async function assertStillServing(client: LspTestClient): Promise<void> {
  await assert.rejects(client.connection.sendRequest('waf/ping'), (error: unknown) => error instanceof ResponseError && error.code === ErrorCodes.MethodNotFound);
  const { uri, text } = fixture('openai.bicep');
  const probe = uri.replace('openai.bicep', `probe-${Math.random().toString(36).slice(2)}.bicep`);
  const published = await client.diagnosticsAfter(probe, () => client.open(probe, text));
  assert.equal(published.version, 1);
  await client.close(probe);
}
