// A small real LSP client for the protocol tests: spawns the bundled server and talks JSON-RPC to it over stdio, IPC or a socket.
import { REPO_ROOT } from '../support/repo';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  SocketMessageReader,
  SocketMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type Command,
  type Diagnostic,
  type Hover,
  type InitializeResult,
  type MessageReader,
  type MessageWriter,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { withTimeout } from '../../scripts/bench/timeout';

// The protocol tests' deadlines are the bench's: one implementation, re-exported for the tests that import it from here.
export { withTimeout };

/** How the client reaches the server: the three transports vscode-languageserver reads from its command line. */
export type Transport = 'stdio' | 'node-ipc' | 'socket';

/** How long a test waits for a signal from the server before it fails; far above the server's debounce. */
export const DEFAULT_WAIT_MS = 5000;

/** How the server process ended. */
export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Options of `LspTestClient.start`. */
export interface StartOptions {
  transport?: Transport;
  /** Sent as `initializationOptions`. */
  initializationOptions?: unknown;
  /** Extra command-line arguments; with `args` set, no transport argument is added (to test the server's default). */
  args?: string[];
  /**
   * The workspace folder (a path): test/fixtures/protocol unless a test needs a folder of its own (with a config file,
   * say). The server analyses a folder's files together, so a small folder keeps every test's server start quick.
   */
  workspaceFolder?: string;
  /**
   * Wait until the server has read and analysed the workspace folder before answering (default true), so a test's
   * documents are analysed with their folder from the first publication on, not first alone and then again.
   */
  waitForWorkspace?: boolean;
  /** What the client answers to `workspace/configuration` for the `wafAiLens` section; null (nothing set) by default. */
  settings?: unknown;
}

/** A JSON-RPC notification as `sendTogether` writes it. */
export interface RawNotification {
  method: string;
  params: unknown;
}

interface Waiter {
  resolve(params: PublishDiagnosticsParams): void;
  reject(error: Error): void;
}

/** The repository root, found once for every test (test/support/repo.ts). */
export function repoRoot(): string {
  return REPO_ROOT;
}

/** The folder of the protocol fixtures: the default workspace folder of the protocol tests. */
export function fixturesFolder(): string {
  return path.join(repoRoot(), 'test', 'fixtures', 'protocol');
}

/** What the server logs once it has read and analysed a workspace folder: its files then count as one workload. */
export const WORKSPACE_READY = /^Analysed the workspace folder /;

/**
 * The bundled server the tests run, exactly as the extension and the `waf-ai-lens-server` command run it.
 * `WAF_AI_LENS_SERVER` points at another bundle, so work on the server can be tested without rebuilding the shared `dist/`.
 */
export function serverModule(): string {
  const module = process.env.WAF_AI_LENS_SERVER ?? path.join(repoRoot(), 'dist', 'server.js');
  if (!fs.existsSync(module)) throw new Error(`${module} does not exist; build the bundle first (node scripts/build.mjs).`);
  return module;
}

/** A fixture of test/fixtures/protocol: its `file:` URI and its text. */
export function fixture(name: string): { uri: string; text: string } {
  const file = path.join(repoRoot(), 'test', 'fixtures', 'protocol', name);
  return { uri: pathToFileURL(file).href, text: fs.readFileSync(file, 'utf8') };
}

/** The language id an editor would give a file, from its extension. */
export function languageIdOf(uri: string): string {
  const ids: Record<string, string> = { '.bicep': 'bicep', '.bicepparam': 'bicepparam', '.tf': 'terraform', '.tfvars': 'terraform-vars', '.md': 'markdown' };
  return ids[path.extname(uri).toLowerCase()] ?? 'plaintext';
}

/**
 * A language client for tests.
 * It mirrors every document it opens (applying its own incremental edits), so tests can compute ranges and compare
 * published diagnostics with the text the server should be looking at.
 */
export class LspTestClient {
  /** Everything the server published, per URI, oldest first. */
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  /** The server's `window/logMessage` lines, for assertions and for failure messages. */
  readonly logs: string[] = [];
  private readonly waiters = new Map<string, Waiter[]>();
  private readonly logWaiters: Array<{ pattern: RegExp; resolve(line: string): void }> = [];
  private readonly documents = new Map<string, TextDocument>();
  private stderr = '';
  private exitStatus: ExitStatus | undefined;
  private readonly exited: Promise<ExitStatus>;
  /** The server's answer to `initialize`. */
  initializeResult: InitializeResult | undefined;
  /** What the client answers to `workspace/configuration`; change it with `changeSettings`. */
  settings: unknown = null;
  /** How many `workspace/configuration` requests the server sent. */
  configurationRequests = 0;

  private constructor(
    private readonly child: ChildProcess,
    /** The JSON-RPC connection, for tests that send raw requests and notifications. */
    readonly connection: ProtocolConnection,
    private readonly cleanup: () => void,
  ) {
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exitStatus = { code, signal };
        for (const [uri, waiters] of this.waiters) {
          for (const waiter of waiters) {
            waiter.reject(new Error(`The server exited (code ${code}, signal ${signal}) before publishing diagnostics for ${uri}.${this.context()}`));
          }
        }
        this.waiters.clear();
        resolve({ code, signal });
      });
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const list = this.published.get(params.uri) ?? [];
      list.push(params);
      this.published.set(params.uri, list);
      // A publication for a version older than the client's copy was overtaken on the way; waiters look past it.
      const stale = params.version !== undefined && this.documents.has(params.uri) && params.version < this.version(params.uri);
      if (stale) return;
      const waiters = this.waiters.get(params.uri) ?? [];
      this.waiters.delete(params.uri);
      for (const waiter of waiters) waiter.resolve(params);
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params.message);
      for (const waiter of this.logWaiters.filter((w) => w.pattern.test(params.message))) {
        this.logWaiters.splice(this.logWaiters.indexOf(waiter), 1);
        waiter.resolve(params.message);
      }
    });
    // Answers as VS Code does: the `wafAiLens` section for every item asked (the tests use one value for all folders).
    connection.onRequest(ConfigurationRequest.type, (params) => {
      this.configurationRequests++;
      return params.items.map((item) => (item.section === 'wafAiLens' ? this.settings : null));
    });
    // A protocol error on our side would otherwise go unnoticed; keep it for the failure message.
    connection.onError(([error]) => {
      this.logs.push(`[client] connection error: ${error.message}`);
    });
    connection.listen();
  }

  /** Spawns the bundled server, performs the `initialize` / `initialized` handshake, and returns a ready client. */
  static async start(options: StartOptions = {}): Promise<LspTestClient> {
    const transport = options.transport ?? 'stdio';
    const module = serverModule();
    const args = options.args ?? (transport === 'socket' ? [] : [`--${transport}`]);
    let child: ChildProcess;
    let reader: MessageReader;
    let writer: MessageWriter;
    let cleanup = (): void => undefined;
    if (transport === 'stdio') {
      child = spawn(process.execPath, [module, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
      reader = new StreamMessageReader(child.stdout!);
      writer = new StreamMessageWriter(child.stdin!);
    } else if (transport === 'node-ipc') {
      child = fork(module, args, { silent: true });
      reader = new IPCMessageReader(child);
      writer = new IPCMessageWriter(child);
    } else {
      // The client listens and the server connects to it, as vscode-languageclient does for `TransportKind.socket`.
      const listener = net.createServer();
      await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
      const port = (listener.address() as net.AddressInfo).port;
      const connected = new Promise<net.Socket>((resolve) => listener.once('connection', resolve));
      child = spawn(process.execPath, [module, `--socket=${port}`, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      const socket = await withTimeout(connected, DEFAULT_WAIT_MS, `The server did not connect to port ${port}.`).catch((error: unknown) => {
        child.kill('SIGKILL');
        listener.close();
        throw error;
      });
      reader = new SocketMessageReader(socket);
      writer = new SocketMessageWriter(socket);
      cleanup = () => {
        socket.destroy();
        listener.close();
      };
    }
    // vscode-jsonrpc re-arms a stream reader's partial-message timer every 10 s for as long as it holds half a message, even
    // after the connection is disposed, so a server killed mid-message by dispose() kept mocha alive for ever (an
    // intermittent hang: it takes a publication cut in two). The test client has no use for partial-message warnings.
    if (reader instanceof StreamMessageReader || reader instanceof SocketMessageReader) reader.partialMessageTimeout = 0;
    const connection = createProtocolConnection(reader, writer);
    const client = new LspTestClient(child, connection, cleanup);
    if (options.settings !== undefined) client.settings = options.settings;
    try {
      const ready = options.waitForWorkspace === false ? undefined : client.nextLog(WORKSPACE_READY, 20_000);
      await client.initialize(options);
      await ready;
    } catch (error) {
      // A server left running would keep mocha alive after the failure is reported.
      client.dispose();
      throw error;
    }
    return client;
  }

  private async initialize(options: StartOptions): Promise<void> {
    const connection = this.connection;
    const folder = pathToFileURL(options.workspaceFolder ?? fixturesFolder()).href;
    this.initializeResult = await this.within(
      connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: folder,
        workspaceFolders: [{ uri: folder, name: 'waf-ai-lens' }],
        capabilities: {
          textDocument: {
            publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
            hover: { contentFormat: ['markdown', 'plaintext'] },
            codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true },
          },
          workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: false } },
        },
        initializationOptions: options.initializationOptions,
      }),
      'the answer to initialize',
    );
    await connection.sendNotification(InitializedNotification.type, {});
  }

  /**
   * A promise of the NEXT `textDocument/publishDiagnostics` for `uri`, counting from this call, that is not for a
   * version older than the client's copy of the document (such a one is still recorded in `published`).
   * Call it before the action that should cause the publication, so a quick server cannot slip past it.
   * It fails with a message naming the URI (and the server's recent log) when nothing arrives within `timeoutMs`.
   */
  nextDiagnostics(uri: string, timeoutMs = DEFAULT_WAIT_MS): Promise<PublishDiagnosticsParams> {
    if (this.exitStatus) return Promise.reject(new Error(`The server has already exited (code ${this.exitStatus.code}).${this.context()}`));
    const waiting = new Promise<PublishDiagnosticsParams>((resolve, reject) => {
      const list = this.waiters.get(uri) ?? [];
      list.push({ resolve, reject });
      this.waiters.set(uri, list);
    });
    return withTimeout(waiting, timeoutMs, () => `No textDocument/publishDiagnostics for ${uri} within ${timeoutMs} ms.${this.context()}`);
  }

  /** The next log line matching `pattern`, counting from this call; fails with the server's recent output after `timeoutMs`. */
  nextLog(pattern: RegExp, timeoutMs = DEFAULT_WAIT_MS): Promise<string> {
    const waiting = new Promise<string>((resolve) => this.logWaiters.push({ pattern, resolve }));
    return withTimeout(waiting, timeoutMs, () => `No log line matching ${pattern} within ${timeoutMs} ms.${this.context()}`);
  }

  /** Runs `action` (which should make the server publish for `uri`) and resolves with the next publication for it. */
  async diagnosticsAfter(uri: string, action: () => void | Promise<void>, timeoutMs = DEFAULT_WAIT_MS): Promise<PublishDiagnosticsParams> {
    const next = this.nextDiagnostics(uri, timeoutMs);
    await action();
    return next;
  }

  /** Sends `didOpen` with version 1 and starts mirroring the document. */
  async open(uri: string, text: string, languageId = languageIdOf(uri)): Promise<void> {
    const document = TextDocument.create(uri, languageId, 1, text);
    this.documents.set(uri, document);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: document.version, text },
    });
  }

  /** Sends one incremental `didChange` with these edits (applied in order, as LSP specifies), bumping the version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    const document = this.document(uri);
    TextDocument.update(document, changes, document.version + 1);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: document.version },
      contentChanges: changes,
    });
  }

  /** Replaces the one occurrence of `search` in the document with `replacement`, as an incremental change. */
  async replace(uri: string, search: string, replacement: string): Promise<void> {
    await this.change(uri, [{ range: this.rangeOf(uri, search), text: replacement }]);
  }

  /** Inserts text at a position, as an incremental change. */
  async insert(uri: string, position: Position, text: string): Promise<void> {
    await this.change(uri, [{ range: { start: position, end: position }, text }]);
  }

  /** Asks for the hover at a position. */
  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.within(this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }), 'hover answer');
  }

  /** Asks for the code actions of a range, with the diagnostics the editor shows there; `only` filters by kind. */
  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const context = only ? { diagnostics, only } : { diagnostics };
    const answer = await this.within(this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context }), 'code action answer');
    return (answer ?? []).filter((a: CodeAction | Command): a is CodeAction => !('command' in a && typeof a.command === 'string'));
  }

  /** Changes the settings the client answers with and tells the server, as VS Code does (the server then pulls them). */
  async changeSettings(settings: unknown): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  /**
   * Sends several notifications in one write to the server's stdin, so it reads them together: vscode-jsonrpc then has
   * every one of them queued before it handles the first, whatever the machine's load, and a test of what the server
   * does with changes that overtake each other does not depend on when each reached it. Build the notifications with
   * `changing`, `replacing` and `closing`, which update the mirror as `change` and `close` do. Needs the stdio transport.
   */
  async sendTogether(notifications: readonly RawNotification[]): Promise<void> {
    const stdin = this.child.stdin;
    if (!stdin) throw new Error('Writing several messages at once needs the stdio transport.');
    const frames = notifications.map((n) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', method: n.method, params: n.params }), 'utf8');
      return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
    });
    await new Promise<void>((resolve, reject) => stdin.write(Buffer.concat(frames), (error) => (error ? reject(error) : resolve())));
  }

  /** A `didChange` for `sendTogether` with these edits, applied to the mirror now (the version is bumped). */
  changing(uri: string, changes: TextDocumentContentChangeEvent[]): RawNotification {
    const document = this.document(uri);
    TextDocument.update(document, changes, document.version + 1);
    return { method: DidChangeTextDocumentNotification.method, params: { textDocument: { uri, version: document.version }, contentChanges: changes } };
  }

  /** A `didChange` for `sendTogether` replacing the one occurrence of `search`, applied to the mirror now. */
  replacing(uri: string, search: string, replacement: string): RawNotification {
    return this.changing(uri, [{ range: this.rangeOf(uri, search), text: replacement }]);
  }

  /** A `didClose` for `sendTogether`; the mirror forgets the document now. */
  closing(uri: string): RawNotification {
    this.documents.delete(uri);
    return { method: DidCloseTextDocumentNotification.method, params: { textDocument: { uri } } };
  }

  /** Sends `didClose` and stops mirroring the document. */
  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** The range of the only occurrence of `search` in the mirrored document; fails when there is none or several. */
  rangeOf(uri: string, search: string): Range {
    const document = this.document(uri);
    const text = document.getText();
    const start = text.indexOf(search);
    if (start < 0) throw new Error(`${JSON.stringify(search)} does not occur in ${uri}.`);
    if (text.indexOf(search, start + 1) >= 0) throw new Error(`${JSON.stringify(search)} occurs more than once in ${uri}.`);
    return { start: document.positionAt(start), end: document.positionAt(start + search.length) };
  }

  /** The mirrored text: what the server's copy of the document should be. */
  text(uri: string): string {
    return this.document(uri).getText();
  }

  /** The mirrored version: the version the server's next publication for this document should carry. */
  version(uri: string): number {
    return this.document(uri).version;
  }

  /** Writes raw bytes to the server's stdin, bypassing JSON-RPC framing, to test how it copes with a broken client. */
  writeRaw(bytes: string): void {
    if (!this.child.stdin) throw new Error('Raw writes need the stdio transport.');
    this.child.stdin.write(bytes);
  }

  /** Resolves when the server process ends, with its exit code. */
  waitForExit(timeoutMs = DEFAULT_WAIT_MS): Promise<ExitStatus> {
    return withTimeout(this.exited, timeoutMs, () => `The server did not exit within ${timeoutMs} ms.${this.context()}`);
  }

  /** The polite end of a session: `shutdown`, then `exit`; resolves with how the process ended. */
  async shutdownAndExit(): Promise<ExitStatus> {
    await this.within(this.connection.sendRequest(ShutdownRequest.type), 'the answer to shutdown');
    await this.connection.sendNotification(ExitNotification.type);
    return this.waitForExit();
  }

  /** Ends the session whatever state it is in; safe to call twice (tests call it in `afterEach`). */
  dispose(): void {
    this.connection.dispose();
    this.cleanup();
    if (!this.exitStatus) this.child.kill('SIGKILL');
  }

  /** Recent server output, appended to failure messages so a failing test explains itself. */
  context(): string {
    const lines = [...this.logs.slice(-10), ...(this.stderr ? [`stderr: ${this.stderr.slice(-2000)}`] : [])];
    return lines.length > 0 ? `\nServer output (most recent last):\n  ${lines.join('\n  ')}` : '';
  }

  private within<T>(promise: Promise<T>, what: string): Promise<T> {
    return withTimeout(promise, DEFAULT_WAIT_MS, () => `No ${what} within ${DEFAULT_WAIT_MS} ms.${this.context()}`);
  }

  private document(uri: string): TextDocument {
    const document = this.documents.get(uri);
    if (!document) throw new Error(`${uri} is not open in the test client.`);
    return document;
  }
}
