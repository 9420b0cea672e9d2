// Protocol abuse against the real server over stdio: malformed requests, bogus edits, edit floods, cancellation storms, huge documents.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CancellationTokenSource, LSPErrorCodes, ResponseError, type TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import { analyzeWorkspace } from '../../server/src/engine';
import { checkDiagnostics } from '../protocol/expectations';
import { fixture, withTimeout } from '../protocol/lspClient';
import { makeTempDir, removeDir } from './support/cli';
import { generatedOfSize } from './support/corpus';
import { assertHealthy, diagnosticsFor, isAlive, publishedVersions, rssKb, startServer, workspaceFixture, type Session } from './support/server';

/** How long any one answer may take; the server answers in milliseconds, so this only turns a hang into a failure. */
const ANSWER_MS = 15_000;

/** How a request ended: with a result, or with a JSON-RPC error and its code. */
type Outcome = { result: unknown } | { error: number };

/** Sends a request and settles within ANSWER_MS either way; a request the server never answers fails the test. */
async function settle(session: Session, method: string, params: unknown, token?: CancellationTokenSource, timeoutMs = ANSWER_MS): Promise<Outcome> {
  const sent = token ? session.client.connection.sendRequest(method, params, token.token) : session.client.connection.sendRequest(method, params);
  const answer = sent.then(
    (result: unknown): Outcome => ({ result }),
    (error: unknown): Outcome => ({ error: error instanceof ResponseError ? error.code : Number.NaN }),
  );
  return withTimeout(answer, timeoutMs, () => `No answer to ${method} ${JSON.stringify(params).slice(0, 200)} within ${timeoutMs} ms.${session.client.context()}`);
}

/** Positions no document has: past the end, negative, huge, fractional, of the wrong type, missing. */
const BAD_POSITIONS: unknown[] = [
  { line: 100_000, character: 0 },
  { line: 0, character: 100_000 },
  { line: -1, character: -1 },
  { line: 2 ** 31 - 1, character: 2 ** 31 - 1 },
  { line: 1e300, character: -1e300 },
  { line: 1.5, character: 0.25 },
  { line: '3', character: {} },
  { line: null, character: null },
  {},
  null,
  'here',
];

/** Documents that are not open, or not documents at all. */
function badDocuments(workspace: string): unknown[] {
  return [
    { uri: pathToFileURL(path.join(workspace, 'never-opened.bicep')).href },
    { uri: pathToFileURL(path.join(workspace, 'never-opened.tf')).href },
    { uri: 'not a uri' },
    { uri: 'file://' },
    { uri: 'file:///%E0%A4%A.bicep' },
    { uri: 'untitled:Untitled-1.bicep' },
    { uri: 'http://example.invalid/main.tf' },
    { uri: '' },
    { uri: 42 },
    {},
    null,
  ];
}

/** Requests with a position, and the other text-document requests a client may send whatever the server declared. */
const POSITION_METHODS = ['textDocument/hover', 'textDocument/definition', 'textDocument/completion', 'textDocument/references', 'textDocument/signatureHelp', 'textDocument/rename'];
const DOCUMENT_METHODS = ['textDocument/documentSymbol', 'textDocument/codeLens', 'textDocument/foldingRange', 'textDocument/formatting', 'textDocument/semanticTokens/full', 'textDocument/diagnostic'];

describe('robustness: protocol abuse', function () {
  this.timeout(120_000);
  let workspace: string;
  let session: Session;

  beforeEach(async () => {
    workspace = makeTempDir('protocol');
    session = await startServer(workspace);
  });

  afterEach(() => {
    session.client.dispose();
    removeDir(workspace);
  });

  it('answers malformed and out-of-range requests (each with a result or an error), and stays healthy', async () => {
    const { uri, text } = workspaceFixture(workspace, 'openai.bicep', 'main.bicep');
    await session.client.diagnosticsAfter(uri, () => session.client.open(uri, text), ANSWER_MS);
    const documents = [{ uri }, ...badDocuments(workspace)];
    const requests: Array<{ method: string; params: unknown }> = [];
    for (const method of POSITION_METHODS) {
      for (const textDocument of documents) for (const position of BAD_POSITIONS) requests.push({ method, params: { textDocument, position, newName: 'x', context: { includeDeclaration: true } } });
    }
    for (const method of DOCUMENT_METHODS) for (const textDocument of documents) requests.push({ method, params: { textDocument, options: { tabSize: -1, insertSpaces: 'no' } } });
    const ranges = BAD_POSITIONS.flatMap((start) => [{ start, end: start }, { start: { line: 9, character: 0 }, end: start }, start]);
    const contexts: unknown[] = [
      { diagnostics: [] },
      { diagnostics: [{ range: { start: { line: -5, character: 0 }, end: { line: 1e9, character: 0 } }, message: 'x', code: { not: 'a rule' }, source: 'WAF AI Lens' }] },
      { diagnostics: [{ range: null, message: null, code: 'require-disable-local-auth', source: 'WAF AI Lens', data: { anything: [1, 2, 3] } }] },
      { diagnostics: 'none', only: 42 },
      { only: ['source.fixAll', 'quickfix', ''], triggerKind: 99 },
      null,
    ];
    for (const textDocument of documents) {
      for (const range of ranges) for (const context of contexts) requests.push({ method: 'textDocument/codeAction', params: { textDocument, range, context } });
    }
    // Params that are not even objects, for every method the server declares.
    for (const method of ['textDocument/hover', 'textDocument/codeAction', 'workspace/executeCommand', 'codeAction/resolve']) {
      for (const params of [null, [], 'x', 0, [{ uri }], { command: 'waf.doesNotExist', arguments: [null, -1] }]) requests.push({ method, params });
    }
    const outcomes = await Promise.all(requests.map((r) => settle(session, r.method, r.params)));
    const errors = outcomes.filter((o): o is { error: number } => 'error' in o);
    // Every request got its answer; errors must be JSON-RPC errors, never a dropped connection.
    assert.equal(outcomes.length, requests.length);
    assert.ok(errors.every((o) => Number.isInteger(o.error)), `errors that are no JSON-RPC errors: ${errors.filter((o) => !Number.isInteger(o.error)).length}`);
    await assertHealthy(session);
  });

  it('ignores edits to unknown documents and out-of-range or malformed edits, and stays healthy', async () => {
    const { client } = session;
    const unknown = pathToFileURL(path.join(workspace, 'ghost.tf')).href;
    const raw = (method: string, params: unknown): Promise<void> => client.connection.sendNotification(method, params);
    await raw('textDocument/didChange', { textDocument: { uri: unknown, version: 3 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: 'x' }] });
    await raw('textDocument/didChange', { textDocument: { uri: unknown, version: 4 }, contentChanges: [{ text: 'resource "azurerm_cognitive_account" "x" {}' }] });
    await raw('textDocument/didClose', { textDocument: { uri: unknown } });
    await raw('textDocument/didChange', { textDocument: null, contentChanges: null });
    await raw('textDocument/didChange', { textDocument: { uri: unknown }, contentChanges: 'x' });
    await raw('textDocument/didOpen', { textDocument: { uri: 'file:///%zz.tf', languageId: 'terraform', version: 1, text: 'x = 1' } });
    await raw('textDocument/didOpen', { textDocument: { uri: pathToFileURL(path.join(workspace, 'weird.bicep')).href, languageId: 42, version: 'one', text: null } });
    await raw('textDocument/didSave', { textDocument: { uri: unknown } });
    await raw('workspace/didChangeWatchedFiles', { changes: [{ uri: 'file:///etc/passwd', type: 2 }, { uri: null, type: 99 }] });
    await raw('workspace/didChangeConfiguration', { settings: { wafAiLens: { exclude: 42, rules: 'all' } } });
    await raw('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: 'not a uri', name: 1 }], removed: [{ uri: null }] } });

    // Edits the mirror and the server apply alike (the same TextDocument clamps ranges): past the end, negative, reversed.
    const { uri, text } = workspaceFixture(workspace, 'openai.tf', 'main.tf');
    await openAndWait(session, uri, text);
    const wild: TextDocumentContentChangeEvent[][] = [
      [{ range: { start: { line: 10_000, character: 0 }, end: { line: 10_001, character: 5 } }, text: '\n# appended past the end\n' }],
      [{ range: { start: { line: 0, character: 10_000 }, end: { line: 0, character: 10_000 } }, text: ' ' }],
      [{ range: { start: { line: 3, character: 4 }, end: { line: 2, character: 0 } }, text: '' }],
      [{ range: { start: { line: -3, character: -3 }, end: { line: -1, character: 0 } }, text: '# negative\n' }],
      [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\uFEFF\r\n😀\u0000\r' }],
    ];
    for (const changes of wild) await client.change(uri, changes);
    const published = await diagnosticsFor(client, uri, client.version(uri));
    // The server's copy must be exactly the mirror's: its diagnostics are what the engine finds in the mirrored text.
    const mirror = TextDocument.create(uri, 'terraform', 0, client.text(uri));
    // The server analyses the document with its workspace folder, where it is the only Bicep or Terraform file.
    const analysis = analyzeWorkspace([{ file: fileURLToPath(uri), text: mirror.getText() }], { root: workspace }).files.find((f) => f.file === fileURLToPath(uri))!;
    const expected = analysis.findings.map((f) => `${f.ruleId} ${JSON.stringify([mirror.positionAt(f.span.start), mirror.positionAt(f.span.end)])}`);
    const actual = published.diagnostics.map((d) => `${String(d.code)} ${JSON.stringify([d.range.start, d.range.end])}`);
    assert.deepEqual(actual.sort(), expected.sort());
    await assertHealthy(session);
  });

  it('takes a thousand edits in bursts, publishes only the last version of each burst, and gets it right', async () => {
    const { client } = session;
    const { uri, text } = workspaceFixture(workspace, 'openai.bicep', 'flood.bicep');
    await openAndWait(session, uri, text);
    const end = client.text(uri).split('\n').length;
    // Each burst reaches the server in one write, so all its edits are read before the server can act on the first:
    // however loaded the machine, no version but a burst's last may be analysed, and the count of publications does not
    // depend on how fast this client sends.
    const BURST = 50;
    for (let i = 0; i < 1000; i += BURST) {
      const burst = Array.from({ length: BURST }, (_, j) =>
        // Type a comment line at the end and take it back, so the markers above stay true whatever version is analysed.
        (i + j) % 2 === 0
          ? client.changing(uri, [{ range: { start: { line: end, character: 0 }, end: { line: end, character: 0 } }, text: `// edit ${i + j}\n` }])
          : client.changing(uri, [{ range: { start: { line: end, character: 0 }, end: { line: end + 1, character: 0 } }, text: '' }]),
      );
      await client.sendTogether(burst);
    }
    const last = await diagnosticsFor(client, uri, client.version(uri));
    checkDiagnostics(last, client.text(uri), 1001);
    const versions = publishedVersions(client, uri);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'a publication went back to an older version');
    // Version 1 is the open; a burst's last edit makes version 1 + a multiple of BURST.
    const overtaken = versions.filter((v) => v !== 1 && (v - 1) % BURST !== 0);
    assert.deepEqual(overtaken, [], 'versions that a later edit of the same burst had replaced were published');
    await assertHealthy(session);
  });

  it('survives a cancellation storm: every request settles, and the server stays healthy', async () => {
    const { client } = session;
    const { uri, text } = workspaceFixture(workspace, 'openai.tf', 'storm.tf');
    await openAndWait(session, uri, text);
    const requests: Promise<Outcome>[] = [];
    for (let i = 0; i < 1500; i++) {
      const source = new CancellationTokenSource();
      const position = { line: i % 40, character: i % 17 };
      const method = i % 3 === 0 ? 'textDocument/codeAction' : i % 3 === 1 ? 'textDocument/hover' : 'waf/unknown';
      const params = method === 'textDocument/codeAction' ? { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } } : { textDocument: { uri }, position };
      requests.push(settle(session, method, params, source));
      // Cancel at once, after the request left, or never: the server sees every order of request and cancellation.
      if (i % 3 === 0) source.cancel();
      else if (i % 3 === 1) void Promise.resolve().then(() => source.cancel());
    }
    // Cancellations for requests that never were, with every kind of id.
    for (let i = 0; i < 500; i++) await client.connection.sendNotification('$/cancelRequest', { id: i % 5 === 0 ? `nope-${i}` : i % 5 === 1 ? null : -i - 1_000_000 });
    await client.connection.sendNotification('$/cancelRequest', null);
    const outcomes = await Promise.all(requests);
    const cancelled = outcomes.filter((o) => 'error' in o && o.error === LSPErrorCodes.RequestCancelled).length;
    assert.equal(outcomes.length, 1500);
    assert.ok(cancelled > 0, 'no request was reported as cancelled');
    await assertHealthy(session);
  });

  it('survives broken framing and odd JSON-RPC messages', async () => {
    const { client } = session;
    const frame = (body: string): string => `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
    const bodies = [
      '[{"jsonrpc":"2.0","id":900001,"method":"textDocument/hover","params":{}}]',
      '{"jsonrpc":"2.0","id":900002,"result":{"unexpected":"response"}}',
      '{"jsonrpc":"2.0","id":null,"method":"textDocument/hover"}',
      '{"jsonrpc":"2.0","id":1e30,"method":"waf/x"}',
      '{"jsonrpc":"1.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":7}}}',
      '{"method":"textDocument/didChange"}',
      '"just a string"',
      '{}',
      '{"jsonrpc":"2.0","id":900003,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///x.bicep"},"position":{"line":0,"character":0}},"extra":{"__proto__":{"polluted":true}}}',
    ];
    for (const body of bodies) client.writeRaw(frame(body));
    client.writeRaw('Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nX-Junk: yes\r\n' + frame('{"jsonrpc":"2.0","method":"waf/ignored"}'));
    await assertHealthy(session);
  });

  it('skips a document over 5 MB with one notice at its start, as the CLI skips such files, and analyses it once it shrinks', async () => {
    const { client } = session;
    const text = generatedOfSize('bicep', 10 * 1024 * 1024);
    const file = path.join(workspace, 'huge.bicep');
    fs.writeFileSync(file, text);
    const uri = pathToFileURL(file).href;
    const published = await client.diagnosticsAfter(uri, () => client.open(uri, text), ANSWER_MS);
    assert.equal(published.version, 1);
    assert.deepEqual(
      published.diagnostics.map((d) => ({ severity: d.severity, range: d.range, code: d.code, source: d.source })),
      [{ severity: 3, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, code: undefined, source: 'WAF AI Lens' }],
    );
    assert.match(String(published.diagnostics[0]!.message), /larger than 5 MB/);
    // A hover and a code action on it answer with nothing rather than analysing it.
    assert.deepEqual(await settle(session, 'textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 3 } }), { result: null });
    const whole = { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } };
    assert.deepEqual(await settle(session, 'textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics: [] } }), { result: [] });
    // Cut down to a normal size, it is analysed like any other file.
    const small = fixture('openai.bicep').text;
    const shrunk = await client.diagnosticsAfter(uri, () => client.change(uri, [{ text: small }]), ANSWER_MS);
    checkDiagnostics(shrunk, small, 2);
    console.log(`      10 MB document: skipped with a notice; server RSS ${rssKb(session.pid)} KiB`);
    await client.close(uri);
    await assertHealthy(session);
    assert.ok(isAlive(session.pid));
  });

  it('answers hover and code action requests without a document with nothing, not with an error', async () => {
    const { uri, text } = workspaceFixture(workspace, 'openai.bicep', 'main.bicep');
    await openAndWait(session, uri, text);
    const position = { line: 0, character: 0 };
    const range = { start: position, end: position };
    for (const textDocument of [null, undefined, {}, { uri: null }, { uri: 42 }]) {
      const hover = await settle(session, 'textDocument/hover', { textDocument, position });
      assert.deepEqual(hover, { result: null }, `hover with textDocument ${JSON.stringify(textDocument)}`);
      const actions = await settle(session, 'textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } });
      assert.deepEqual(actions, { result: [] }, `codeAction with textDocument ${JSON.stringify(textDocument)}`);
    }
    await assertHealthy(session);
  });
});

/** Opens a document and waits for its first diagnostics. */
async function openAndWait(session: Session, uri: string, text: string): Promise<void> {
  await session.client.open(uri, text);
  await diagnosticsFor(session.client, uri, 1);
}
