// Pushes findings as diagnostics: analyse on open and (debounced) on change, never publish a stale version, clear on close.
import {
  CancellationTokenSource,
  ResponseError,
  type Diagnostic,
  type Disposable,
  type PublishDiagnosticsParams,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { principleNote } from '../engine';
import { analysableFile } from './documents';
import { toDiagnostics, type FileLookup, type OpenFile } from './convert';
import type { Logger } from './log';
import type { ModelCache } from './modelCache';
import { runSafe, runSafeNotification } from './runSafe';

/** How long typing must pause before a changed document is analysed again. */
export const DEFAULT_DEBOUNCE_MS = 100;

/** Sends one `textDocument/publishDiagnostics` notification. */
export type Publish = (params: PublishDiagnosticsParams) => void;

/** A scheduled analysis of one document version; cancelled when a newer version or a close supersedes it. */
interface PendingRun {
  version: number;
  timer: NodeJS.Timeout | undefined;
  cancellation: CancellationTokenSource;
}

/**
 * Keeps the client's diagnostics in step with the open documents.
 * A document's first analysis runs at once, so opening a file shows its findings without delay; later changes wait
 * until typing pauses for `debounceMs`, and every change cancels the run it supersedes, so no work is spent on a version
 * the user has already replaced and no stale result is ever published.
 */
export class DiagnosticsPublisher implements Disposable {
  private readonly pending = new Map<string, PendingRun>();
  /** Documents analysed (or scheduled) since they were opened; their later changes are debounced. */
  private readonly started = new Set<string>();
  private readonly subscriptions: Disposable[] = [];
  /** Analyses wait for this, so the first diagnostics already follow the settings the client has yet to send. */
  private ready: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly cache: ModelCache,
    private readonly publish: Publish,
    private readonly log: Logger,
    private readonly debounceMs: number = DEFAULT_DEBOUNCE_MS,
  ) {}

  /** Subscribes to the documents' open, change and close events. */
  listen(): this {
    this.subscriptions.push(
      // TextDocuments reports an open as a content change too, so this one event covers both.
      this.documents.onDidChangeContent(runSafeNotification(this.log, 'Scheduling diagnostics', (event) => this.schedule(event.document))),
      this.documents.onDidClose(runSafeNotification(this.log, 'Clearing diagnostics', (event) => this.close(event.document.uri))),
    );
    return this;
  }

  /** Schedules an analysis of the document's current version, replacing any run still pending for an older one. */
  schedule(document: TextDocument): void {
    const uri = document.uri;
    if (!analysableFile(uri)) return;
    this.cancel(uri);
    const delay = this.started.has(uri) ? this.debounceMs : 0;
    this.started.add(uri);
    const run: PendingRun = { version: document.version, timer: undefined, cancellation: new CancellationTokenSource() };
    run.timer = setTimeout(() => {
      run.timer = undefined;
      void this.run(uri, run);
    }, delay);
    this.pending.set(uri, run);
  }

  /** Holds every analysis back until `ready` settles (the first settings pulled from the client and the config files). */
  holdUntil(ready: Promise<unknown>): void {
    this.ready = ready.catch(() => undefined);
  }

  /** Analyses every open document again, e.g. after the settings changed. */
  refreshAll(): void {
    for (const document of this.documents.all()) this.schedule(document);
  }

  /** Forgets a closed document and clears its diagnostics, which would otherwise linger in the Problems view. */
  close(uri: string): void {
    this.cancel(uri);
    this.started.delete(uri);
    this.cache.evict(uri);
    if (analysableFile(uri)) this.publish({ uri, diagnostics: [] });
  }

  /** Cancels every pending run and stops listening. */
  dispose(): void {
    for (const uri of [...this.pending.keys()]) this.cancel(uri);
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
  }

  private cancel(uri: string): void {
    const run = this.pending.get(uri);
    if (!run) return;
    if (run.timer) clearTimeout(run.timer);
    run.cancellation.cancel();
    run.cancellation.dispose();
    this.pending.delete(uri);
  }

  private async run(uri: string, run: PendingRun): Promise<void> {
    const token = run.cancellation.token;
    const isCurrent = (): boolean =>
      !token.isCancellationRequested && this.pending.get(uri) === run && this.documents.get(uri)?.version === run.version;
    await this.ready;
    if (!isCurrent()) return;
    const empty: Diagnostic[] = [];
    const diagnostics = await runSafe(this.log, `Diagnostics for ${uri}`, token, empty, () => this.compute(uri));
    // The document may have changed or closed while the work waited its turn; its newer run will publish instead.
    if (diagnostics instanceof ResponseError || !isCurrent()) return;
    this.pending.delete(uri);
    run.cancellation.dispose();
    this.publish({ uri, version: run.version, diagnostics });
  }

  /** The one engine call (through the cache) and the conversion, for the document's current text. */
  private compute(uri: string): Diagnostic[] {
    const document = this.documents.get(uri);
    if (!document) return [];
    const entry = this.cache.get(document);
    if (!entry) return [];
    const self: OpenFile = { uri, document };
    // Only findings on this file can be placed in this text. Analysis is per file today; a workspace-wide analysis will
    // have to publish its findings on other files under their own URIs.
    const own = entry.analysis.findings.filter((finding) => finding.file === entry.file.path);
    // Each diagnostic also names the principle its rule serves, as related information at the resource's name.
    const model = entry.analysis.model;
    const explained = own.map((finding) => {
      const note = principleNote(finding, model);
      return note ? { ...finding, related: [...finding.related, note] } : finding;
    });
    return toDiagnostics(explained, self, this.lookup);
  }

  /** Open documents by file path, for related locations in other files. */
  private readonly lookup: FileLookup = (path) => {
    for (const document of this.documents.all()) {
      if (analysableFile(document.uri)?.path === path) return { uri: document.uri, document };
    }
    return undefined;
  };
}
