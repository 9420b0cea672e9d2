// A minimal LSP client for the latency benches: spawns the bundled server over stdio and timestamps what it publishes.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type * as Protocol from 'vscode-languageserver-protocol/node';
import type {
  CodeAction,
  Command,
  Diagnostic,
  Hover,
  InitializeResult,
  ProtocolConnection,
  PublishDiagnosticsParams,
  Range,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import type * as TextDocuments from 'vscode-languageserver-textdocument';
import { requireFromRepo } from './deps';
import { processMemory, type ProcessMemory } from './memory';
import { withTimeout } from './timeout';

const protocol = requireFromRepo<typeof Protocol>('vscode-languageserver-protocol/node');
const { TextDocument } = requireFromRepo<typeof TextDocuments>('vscode-languageserver-textdocument');
type TextDocument = TextDocuments.TextDocument;

/** How long the bench waits for any one answer or publication before it gives up on the server. */
export const WAIT_MS = 60_000;

/** The bundled server, exactly as the extension and the `waf-ai-lens-server` command start it (or `WAF_AI_LENS_SERVER`'s bundle). */
export function serverBundle(root: string): string {
  return process.env.WAF_AI_LENS_SERVER ?? path.join(root, 'dist', 'server.js');
}

/** The language id an editor gives a file, from its extension. */
export function languageIdOf(file: string): string {
  const ids: Record<string, string> = { '.bicep': 'bicep', '.bicepparam': 'bicep-params', '.tf': 'terraform', '.tfvars': 'terraform-vars' };
  return ids[path.extname(file).toLowerCase()] ?? 'plaintext';
}

/** A publication as the client saw it: what was published, and when it arrived (performance.now() of this process). */
export interface Publication {
  params: PublishDiagnosticsParams;
  at: number;
}

interface Waiter {
  version: number | undefined;
  resolve(publication: Publication): void;
  reject(error: Error): void;
}

export interface SessionOptions {
  /** The server module to run; the repository's dist/server.js unless a variant is being compared. */
  module: string;
  /** The folder opened as the workspace (root URI and only workspace folder). */
  workspace: string;
  /** Options for node itself, e.g. `--cpu-prof` to profile the server. */
  nodeArgs?: readonly string[];
}

/** Timestamps of a session's start, for the cold-start measurement (performance.now() of this process). */
export interface StartTimes {
  spawned: number;
  initialized: number;
}

/**
 * One language-server process and the client side of its connection.
 * The client answers what a minimal editor answers (`workspace/configuration` with no settings, registrations with
 * success) so the server never waits on it, and mirrors every open document so edits can be given as ranges.
 */
export class LspSession {
  readonly logs: string[] = [];
  private readonly documents = new Map<string, TextDocument>();
  private readonly waiters = new Map<string, Waiter[]>();
  private stderr = '';
  private exited: string | undefined;
  initializeResult: InitializeResult | undefined;

  private constructor(
    private readonly child: ChildProcess,
    private readonly connection: ProtocolConnection,
  ) {
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => (this.stderr = (this.stderr + chunk).slice(-4000)));
    child.once('exit', (code, signal) => {
      this.exited = `the server exited (code ${code}, signal ${signal})`;
      for (const waiters of this.waiters.values()) for (const waiter of waiters) waiter.reject(new Error(`${this.exited}.${this.context()}`));
      this.waiters.clear();
    });
    connection.onNotification(protocol.PublishDiagnosticsNotification.type, (params) => {
      // The timestamp comes first: everything after it is the bench's own bookkeeping, not the server's latency.
      const at = performance.now();
      const waiters = this.waiters.get(params.uri);
      if (!waiters) return;
      // A publication without a version for a document the client has open was made for the file while it was closed
      // (the server's folder run clearing a closed file's findings, sent before it read the didOpen): not this document's.
      if (params.version === undefined && this.documents.has(params.uri)) return;
      const keep: Waiter[] = [];
      for (const waiter of waiters) {
        // A publication for the awaited version or a newer one answers the wait; an older one is a stale run's, and does not.
        if (waiter.version === undefined || (params.version !== undefined && params.version >= waiter.version)) waiter.resolve({ params, at });
        else keep.push(waiter);
      }
      if (keep.length > 0) this.waiters.set(params.uri, keep);
      else this.waiters.delete(params.uri);
    });
    connection.onNotification(protocol.LogMessageNotification.type, (params) => {
      this.logs.push(params.message);
      if (this.logs.length > 200) this.logs.splice(0, 100);
    });
    connection.onRequest(protocol.ConfigurationRequest.type, (params) => params.items.map(() => null));
    connection.onRequest(protocol.RegistrationRequest.type, () => undefined);
    connection.onRequest(protocol.WorkDoneProgressCreateRequest.type, () => undefined);
    connection.listen();
  }

  /** Spawns `node <module> --stdio`, performs the initialize handshake, and returns the session with its start times. */
  static async start(options: SessionOptions): Promise<{ session: LspSession; times: StartTimes }> {
    if (!fs.existsSync(options.module)) throw new Error(`${options.module} does not exist; build the bundle first (node scripts/build.mjs).`);
    const spawned = performance.now();
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.module, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const reader = new protocol.StreamMessageReader(child.stdout!);
    // vscode-jsonrpc re-arms the reader's partial-message timer every 10 s for as long as it holds half a message, even
    // after the connection is disposed: a server killed mid-message (a bench that gave up on it) would keep the bench
    // alive for ever. The bench has no use for partial-message warnings.
    reader.partialMessageTimeout = 0;
    const connection = protocol.createProtocolConnection(reader, new protocol.StreamMessageWriter(child.stdin!));
    const session = new LspSession(child, connection);
    const rootUri = pathToUri(options.workspace);
    try {
      session.initializeResult = await session.within(
        connection.sendRequest(protocol.InitializeRequest.type, {
          processId: process.pid,
          rootUri,
          workspaceFolders: [{ uri: rootUri, name: path.basename(options.workspace) }],
          capabilities: {
            workspace: { configuration: true, workspaceFolders: true },
            textDocument: {
              publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
              hover: { contentFormat: ['markdown', 'plaintext'] },
              codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } } },
            },
          },
          initializationOptions: { logLevel: 'warn' },
        }),
        'the answer to initialize',
      );
      await connection.sendNotification(protocol.InitializedNotification.type, {});
    } catch (error) {
      session.kill();
      throw error;
    }
    return { session, times: { spawned, initialized: performance.now() } };
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** What the server said it can do; the request bench measures hover and code actions only when advertised. */
  get capabilities(): InitializeResult['capabilities'] {
    return this.initializeResult?.capabilities ?? {};
  }

  /** The server process's resident memory now and at its peak (Linux only). */
  memory(): ProcessMemory | undefined {
    return processMemory(this.child.pid);
  }

  /**
   * A promise of the next publication for `uri` at `version` or newer (any version when undefined), counting from this call.
   * Call it before the action that causes the publication, so a quick server cannot slip past it.
   */
  published(uri: string, version?: number, timeoutMs = WAIT_MS): Promise<Publication> {
    if (this.exited) return Promise.reject(new Error(`${this.exited}.${this.context()}`));
    const waiting = new Promise<Publication>((resolve, reject) => {
      const list = this.waiters.get(uri) ?? [];
      list.push({ version, resolve, reject });
      this.waiters.set(uri, list);
    });
    return withTimeout(waiting, timeoutMs, () => `No diagnostics for ${uri}${version === undefined ? '' : ` version ${version}`} within ${timeoutMs} ms.${this.context()}`);
  }

  /** Sends `didOpen` (version 1) and starts mirroring the document. */
  async open(uri: string, text: string, languageId = languageIdOf(uri)): Promise<void> {
    this.documents.set(uri, TextDocument.create(uri, languageId, 1, text));
    await this.connection.sendNotification(protocol.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Sends one incremental `didChange` and returns the new version; `sentAt` is stamped just before the send. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<{ version: number; sentAt: number }> {
    const document = this.document(uri);
    TextDocument.update(document, changes, document.version + 1);
    const sentAt = performance.now();
    await this.connection.sendNotification(protocol.DidChangeTextDocumentNotification.type, { textDocument: { uri, version: document.version }, contentChanges: changes });
    return { version: document.version, sentAt };
  }

  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    await this.connection.sendNotification(protocol.DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  hover(uri: string, offset: number): Promise<Hover | null> {
    const position = this.document(uri).positionAt(offset);
    return this.within(this.connection.sendRequest(protocol.HoverRequest.type, { textDocument: { uri }, position }), 'the answer to hover');
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[]): Promise<(Command | CodeAction)[] | null> {
    return this.within(
      this.connection.sendRequest(protocol.CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, triggerKind: 1 } }),
      'the answer to codeAction',
    );
  }

  /**
   * Any request by method name, for the server's own requests (`wafAiLens/review`). Resolves with `undefined` and the
   * reason when the server does not know the method, so a bench can say it was not measured rather than fail.
   */
  async request<R>(method: string, params: unknown, timeoutMs = WAIT_MS * 10): Promise<{ result: R } | { unsupported: string }> {
    try {
      const result = await withTimeout(this.connection.sendRequest<R>(method, params), timeoutMs, () => `No answer to ${method} within ${timeoutMs} ms.${this.context()}`);
      return { result };
    } catch (error) {
      if (error instanceof protocol.ResponseError && error.code === protocol.ErrorCodes.MethodNotFound) return { unsupported: `the server does not handle ${method}` };
      throw error;
    }
  }

  /** The mirrored document: the text the server should hold. */
  document(uri: string): TextDocument {
    const document = this.documents.get(uri);
    if (!document) throw new Error(`${uri} is not open in the bench client.`);
    return document;
  }

  /** `shutdown` then `exit`, falling back to a kill when the server does not go within a few seconds. */
  async stop(): Promise<void> {
    try {
      if (!this.exited) {
        await withTimeout(this.connection.sendRequest(protocol.ShutdownRequest.type), 5000, 'No answer to shutdown.');
        await this.connection.sendNotification(protocol.ExitNotification.type);
        await withTimeout(
          new Promise<void>((resolve) => (this.exited ? resolve() : this.child.once('exit', () => resolve()))),
          5000,
          'The server did not exit.',
        );
      }
    } catch {
      // A server that will not stop politely is stopped anyway; the bench's figures are already taken.
    } finally {
      this.kill();
    }
  }

  /** Ends the process and the connection whatever their state; safe to call twice. */
  kill(): void {
    this.connection.dispose();
    if (!this.exited) this.child.kill('SIGKILL');
  }

  /** The server's recent output, for error messages. */
  context(): string {
    const lines = [...this.logs.slice(-5), ...(this.stderr ? [`stderr: ${this.stderr.slice(-1000)}`] : [])];
    return lines.length > 0 ? `\nServer output (most recent last):\n  ${lines.join('\n  ')}` : '';
  }

  private within<T>(promise: Promise<T>, what: string): Promise<T> {
    return withTimeout(promise, WAIT_MS, () => `No ${what} within ${WAIT_MS} ms.${this.context()}`);
  }
}

/** A `file:` URI for a path, as editors send them. */
export function pathToUri(file: string): string {
  return pathToFileURL(path.resolve(file)).href;
}
