// Pushes findings as diagnostics: per workspace folder across files, or per document alone; adaptive, never stale, only what changed.
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type Disposable, type PublishDiagnosticsParams, type TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { principleNote, type FileAnalysis, type Finding } from '../engine';
import { AdaptiveScheduler } from './adaptiveScheduler';
import { sameFindings, withWorkloadFindings } from './carryOver';
import { analysableFile, isTooLarge, MAX_DOCUMENT_BYTES, type AnalysableFile } from './documents';
import { DIAGNOSTIC_SOURCE, toDiagnostics, type FileLookup, type OpenFile } from './convert';
import { enginePath, type FolderWorkspaces } from './folderWorkspaces';
import { SLOW_ANALYSIS_MS, type Logger } from './log';
import type { Analyzer, ModelCache } from './modelCache';
import { runSafeNotification } from './runSafe';

/** How long changes must pause before a run that could not keep up with them goes ahead. */
export const DEFAULT_DEBOUNCE_MS = 100;

/**
 * A workspace folder whose analysis takes longer than this is too slow to wait for on a keystroke (the target
 * for a 2,000-line file): the edited document is then analysed alone and published first, and the folder's analysis,
 * which sees the other files, follows. Below it, only the folder's analysis runs, so nothing flickers.
 */
export const WORKSPACE_KEYSTROKE_MS = 20;

/**
 * Folders of at most this many files are answered alone first only for a document whose lone analysis was seen to agree
 * with the folder's (see `selfContained`): elsewhere in a small folder, answering twice could only flicker.
 */
export const SMALL_FOLDER_FILES = 50;

/** Sends one `textDocument/publishDiagnostics` notification. */
export type Publish = (params: PublishDiagnosticsParams) => void;

/** What was last published for a URI, to publish only what changed and never go back to an older version. */
interface Published {
  diagnostics: Diagnostic[];
  /** `diagnostics` as JSON, made only when a publication of the same version must be compared with it. */
  key: string | undefined;
  version: number | undefined;
  /** True when the publication came from the folder's analysis (a lone one must not replace it for the same version). */
  workspace: boolean;
}

const folderKey = (uri: string): string => `folder:${uri}`;
const documentKey = (uri: string): string => `document:${uri}`;

/**
 * Keeps the client's diagnostics in step with the open documents.
 * A document inside a workspace folder is analysed with the whole folder (parameter files, tfvars, module calls, the
 * workload rules), so a change may change the diagnostics of other files: every open document of the folder is
 * re-published when its diagnostics changed, and so is a closed file with a finding whose related information points
 * into an open document (the template of an edited `.bicepparam`, the module an edited `main.tf` calls), cleared again
 * when that no longer holds. A document outside every folder is analysed alone, as before.
 * Runs are scheduled adaptively (see `AdaptiveScheduler`); each publication carries the version it was computed from,
 * and a document's publication is only sent when its version or its diagnostics changed.
 */
export class DiagnosticsPublisher implements Disposable {
  private readonly scheduler: AdaptiveScheduler;
  private readonly published = new Map<string, Published>();
  /** Closed files each folder published diagnostics on, to clear them once nothing relates them to an open document. */
  private readonly closedByFolder = new Map<string, Set<string>>();
  /** Folders analysed at least once, to log the first analysis (how long the whole folder took). */
  private readonly announced = new Set<string>();
  /** Each open document's analysis in its folder's last run, for the workload findings kept while it is answered alone. */
  private readonly lastFolderAnalysis = new Map<string, FileAnalysis>();
  /** The folder analysis each open document's diagnostics were last converted from, and for which version. */
  private readonly converted = new Map<string, { analysis: FileAnalysis | undefined; version: number }>();
  /**
   * Open documents of slow, small folders whose lone analysis gave the same findings as the folder's at their last
   * check, workload rules aside (those are carried over): nothing elsewhere sets their values (no parameter file, no
   * tfvars, no caller, no sibling .tf file), so answering them alone first cannot flicker. Checked again after each
   * folder analysis that changed them, since an edit can add a `using` or a module call.
   */
  private readonly selfContained = new Map<string, { same: boolean; aloneMs: number }>();
  /** What each folder's last analysis took after an edit, in ms; the first, whole-folder one is left out. */
  private readonly folderCost = new Map<string, number>();
  /** Documents of closed files, by URI, reused while their text stays the same (line offsets are computed once). */
  private readonly closedDocuments = new Map<string, TextDocument>();
  private readonly subscriptions: Disposable[] = [];
  /** Analyses wait for this, so the first diagnostics already follow the settings the client has yet to send. */
  private ready: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly cache: ModelCache,
    private readonly publish: Publish,
    private readonly log: Logger,
    private readonly workspaces?: FolderWorkspaces,
    /** A document analysed on its own (the fast first answer in a slow folder); undefined for one that is not analysed. */
    private readonly analyzeAlone?: Analyzer,
    debounceMs: number = DEFAULT_DEBOUNCE_MS,
  ) {
    this.scheduler = new AdaptiveScheduler(log, debounceMs, () => this.ready);
  }

  /** Subscribes to the documents' open, change and close events. */
  listen(): this {
    this.subscriptions.push(
      // TextDocuments reports an open as a content change too, so this one event covers both.
      this.documents.onDidChangeContent(runSafeNotification(this.log, 'Scheduling diagnostics', (event) => this.changed(event.document))),
      this.documents.onDidClose(runSafeNotification(this.log, 'Clearing diagnostics', (event) => this.close(event.document.uri))),
    );
    return this;
  }

  /** Holds every analysis back until `ready` settles (the first settings pulled from the client and the config files). */
  holdUntil(ready: Promise<unknown>): void {
    this.ready = ready.catch(() => undefined);
  }

  /** A document opened or changed: its text goes to its folder's workspace, and its diagnostics are scheduled. */
  changed(document: TextDocument): void {
    const file = analysableFile(document.uri);
    if (!file) return;
    const folder = this.workspaces?.update(document);
    if (folder === undefined) {
      this.scheduleDocument(document.uri);
      return;
    }
    this.cache.evictWhere((uri) => this.folderOfUri(uri) === folder);
    // Until the folder is read, or while its last analysis was slower than a keystroke may take, the document alone
    // answers first. The first analysis of a folder (right after it is read) parses every file and says nothing about
    // an edit's cost, so it does not count (see runFolder).
    const seeded = this.workspaces!.isSeeded(folder);
    const slow =
      (this.folderCost.get(folder) ?? 0) > WORKSPACE_KEYSTROKE_MS &&
      (this.workspaces!.fileCount(folder) > SMALL_FOLDER_FILES || this.standsAlone(document.uri, this.folderCost.get(folder) ?? 0));
    const alone = !seeded || slow;
    if (alone) this.scheduleDocument(document.uri);
    // Once the document alone has answered, the slow folder analysis waits for typing to pause: run at once, it would
    // hold up the next keystroke's answer for as long as it takes.
    if (seeded) this.scheduleFolder(folder, alone);
  }

  /** What a folder's workspace holds changed without an edit (it was read, a file changed on disk): analyse it again. */
  folderChanged(folder: string): void {
    this.cache.evictWhere((uri) => this.folderOfUri(uri) === folder);
    if (this.workspaces?.isSeeded(folder)) this.scheduleFolder(folder);
  }

  /** Analyses every open document again, e.g. after the settings or the workspace folders changed. */
  refreshAll(): void {
    this.cache.clear();
    this.converted.clear();
    const folders = new Set<string>();
    for (const document of this.documents.all()) {
      if (!analysableFile(document.uri)) continue;
      const folder = this.folderOfUri(document.uri);
      if (folder !== undefined && this.workspaces!.isSeeded(folder)) folders.add(folder);
      else this.scheduleDocument(document.uri);
    }
    for (const folder of this.closedByFolder.keys()) folders.add(folder);
    for (const folder of folders) this.scheduleFolder(folder);
  }

  /** Forgets a closed document and clears its diagnostics, which would otherwise linger in the Problems view. */
  close(uri: string): void {
    this.scheduler.forget(documentKey(uri));
    this.cache.evict(uri);
    this.converted.delete(uri);
    this.lastFolderAnalysis.delete(uri);
    this.selfContained.delete(uri);
    if (!analysableFile(uri)) return;
    this.published.delete(uri);
    this.publish({ uri, diagnostics: [] });
    // Its folder now reads the file from disk (or no longer has it), which may change the other files' findings.
    const folder = this.workspaces?.close(uri);
    if (folder !== undefined) this.folderChanged(folder);
  }

  /** Cancels every pending run and stops listening. */
  dispose(): void {
    this.scheduler.dispose();
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
  }

  private scheduleDocument(uri: string): void {
    this.scheduler.schedule(documentKey(uri), () => this.runDocument(uri));
  }

  private scheduleFolder(folder: string, afterPause = false): void {
    this.scheduler.schedule(folderKey(folder), () => this.runFolder(folder), afterPause);
  }

  /** One document, analysed alone (outside every folder, or first in a folder not yet read or slow to analyse). */
  private runDocument(uri: string): void {
    const document = this.documents.get(uri);
    const file = analysableFile(uri);
    if (!document || !file) return;
    const folder = this.folderOfUri(uri);
    let analysis: FileAnalysis | undefined;
    if (folder !== undefined && this.workspaces!.isSeeded(folder)) {
      // The folder's analysis of this very version already went out: it knows more, so the lone one must not replace it.
      const before = this.published.get(uri);
      if (before?.workspace && before.version === document.version) return;
      const started = performance.now();
      const alone = this.analyzeAlone?.(file.path, document.getText(), file.kind);
      // The folder's workload findings stay while typing; its analysis after the pause replaces them.
      analysis = alone && withWorkloadFindings(alone, this.lastFolderAnalysis.get(uri));
      if (analysis) this.cache.put(document, analysis, performance.now() - started);
    } else {
      analysis = this.cache.get(document)?.analysis;
    }
    this.converted.delete(uri);
    this.send(uri, document.version, this.diagnosticsOf(document, file, analysis, this.openLookup()), false);
  }

  /** A workspace folder: one analysis of it, then every open document of it and the closed files related to them. */
  private runFolder(folder: string): void {
    const started = performance.now();
    const result = this.workspaces?.analysis(folder);
    if (!result) {
      // A folder that left the workspace takes the diagnostics it published on closed files with it.
      if (!this.workspaces?.has(folder)) {
        for (const uri of this.closedByFolder.get(folder) ?? []) if (!this.documents.get(uri)) this.send(uri, undefined, [], true);
        this.closedByFolder.delete(folder);
      }
      return;
    }
    const analysedMs = performance.now() - started;
    const open = new Map<string, { document: TextDocument; file: AnalysableFile }>();
    for (const document of this.documents.all()) {
      const file = analysableFile(document.uri);
      if (file && this.workspaces!.folderOf(file.path)?.uri === folder) open.set(enginePath(file.path), { document, file });
    }
    const lookup = this.folderLookup(folder, open);
    for (const [path, { document, file }] of open) {
      const analysis = result.byFile.get(path);
      if (analysis) this.lastFolderAnalysis.set(document.uri, analysis);
      else this.lastFolderAnalysis.delete(document.uri);
      // The same analysis object for the same version converts to the same diagnostics: with an engine that keeps the
      // analysis of a file an edit did not reach, a keystroke converts only what it changed, not every open file.
      const converted = this.converted.get(document.uri);
      if (converted && converted.analysis === analysis && converted.version === document.version && analysis !== undefined) continue;
      this.converted.set(document.uri, { analysis, version: document.version });
      // An excluded or too large document is not in the workspace: it gets no findings (or the size notice).
      const diagnostics = this.diagnosticsOf(document, file, analysis, lookup);
      this.send(document.uri, document.version, diagnostics, true, () =>
        this.log.debug(`Analysed ${file.path} (version ${document.version}) with its workspace folder: ${diagnostics.length} finding(s) in ${analysedMs.toFixed(1)} ms.`),
      );
      // After the publication, which it must not delay: a lone analysis to compare with.
      this.checkSelfContained(folder, document, file, analysis, analysedMs);
    }

    // Closed files with a finding that relates to an open document: what the user is editing changed them.
    const closed = new Set<string>();
    for (const analysis of result.analysis.files) {
      if (open.has(analysis.file)) continue;
      const related = analysis.findings.filter((f) => f.related.some((r) => open.has(r.file)));
      if (related.length === 0) continue;
      const target = lookup(analysis.file);
      if (!target) continue;
      closed.add(target.uri);
      this.send(target.uri, undefined, toDiagnostics(this.explained(related, analysis), target, lookup), true);
    }
    const before = this.closedByFolder.get(folder) ?? new Set<string>();
    for (const uri of before) {
      if (closed.has(uri) || this.documents.get(uri)) continue;
      this.send(uri, undefined, [], true);
      this.closedDocuments.delete(uri);
    }
    this.closedByFolder.set(folder, closed);
    // Hovers and code actions now read the folder's analysis, not a lone one made for a fast first answer.
    this.cache.evictWhere((uri) => this.folderOfUri(uri) === folder);

    if (!this.announced.has(folder)) {
      this.announced.add(folder);
      this.log.info(`Analysed the workspace folder ${folder}: ${result.analysis.files.length} file(s) in ${Math.round(analysedMs)} ms.`);
    } else {
      const elapsedMs = performance.now() - started;
      this.folderCost.set(folder, elapsedMs);
      if (elapsedMs >= SLOW_ANALYSIS_MS) this.log.info(`Slow analysis of the workspace folder ${folder}: ${Math.round(elapsedMs)} ms.`);
    }
  }

  /**
   * After a slow analysis of a small folder, whether this document's own analysis says what the folder's does (workload
   * findings aside): the lone analysis costs a fraction of the folder's, and is made only when the folder's changed.
   */
  private checkSelfContained(folder: string, document: TextDocument, file: AnalysableFile, analysis: FileAnalysis | undefined, analysedMs: number): void {
    if (analysedMs <= WORKSPACE_KEYSTROKE_MS || this.workspaces!.fileCount(folder) > SMALL_FOLDER_FILES || !analysis || !this.analyzeAlone) {
      this.selfContained.delete(document.uri);
      return;
    }
    // A document whose own analysis was found to cost about as much as its folder's (it is most of the folder) gains
    // nothing from answering alone, so it is not checked again: the check itself would delay the next keystroke.
    const last = this.selfContained.get(document.uri);
    if (last && !cheaperAlone(last.aloneMs, analysedMs)) return;
    const started = performance.now();
    const alone = this.analyzeAlone(file.path, document.getText(), file.kind);
    this.selfContained.set(document.uri, { same: alone !== undefined && sameFindings(alone, analysis), aloneMs: performance.now() - started });
  }

  /** Whether a document of a small, slow folder is answered alone first: it says the same, for much less. */
  private standsAlone(uri: string, folderMs: number): boolean {
    const check = this.selfContained.get(uri);
    return check !== undefined && check.same && cheaperAlone(check.aloneMs, folderMs);
  }

  /** The diagnostics of one open document from its analysis (none for an excluded one; a notice for one too large). */
  private diagnosticsOf(document: TextDocument, file: AnalysableFile, analysis: FileAnalysis | undefined, lookup: FileLookup): Diagnostic[] {
    if (isTooLarge(document.getText())) return [tooLargeNotice()];
    if (!analysis || typeof document.getText() !== 'string') return [];
    // Only findings on this file can be placed in this text; the others are published on their own files.
    const own = analysis.findings.filter((finding) => enginePath(finding.file) === enginePath(file.path));
    return toDiagnostics(this.explained(own, analysis), { uri: document.uri, document }, lookup);
  }

  /** Each finding also names the principle its rule serves, as related information at the resource's name. */
  private explained(findings: readonly Finding[], analysis: FileAnalysis): Finding[] {
    // principleNote looks the finding's resource up among the model's resources; with hundreds of findings on hundreds of
    // resources (a 20,000-line file) that search, repeated per finding, is quadratic. Each finding is given a model
    // holding only its resource, found by name once per analysis (the first of that name, as the search would find).
    const byName = new Map<string, FileAnalysis['model']['resources'][number]>();
    for (const resource of analysis.model.resources) if (!byName.has(resource.name)) byName.set(resource.name, resource);
    return findings.map((finding) => {
      const resource = byName.get(finding.resourceName);
      const note = resource && principleNote(finding, { ...analysis.model, resources: [resource] });
      return note ? { ...finding, related: [...finding.related, note] } : finding;
    });
  }

  /**
   * Publishes unless nothing changed: the same version (or none, for a closed file) with the same diagnostics.
   * A new version is always published, so the client sees which version its diagnostics belong to.
   */
  private send(uri: string, version: number | undefined, diagnostics: Diagnostic[], workspace: boolean, beforePublishing?: () => void): void {
    const before = this.published.get(uri);
    // Only a publication of the same version is compared: a keystroke's new version goes out anyway, so it does not pay
    // for turning hundreds of diagnostics into JSON (a few ms per keystroke on a 20,000-line file).
    let key: string | undefined;
    if (before && before.version === version) {
      key = JSON.stringify(diagnostics);
      before.key ??= JSON.stringify(before.diagnostics);
      if (before.key === key) {
        before.workspace ||= workspace;
        return;
      }
    }
    this.published.set(uri, { diagnostics, key, version, workspace });
    beforePublishing?.();
    this.publish(version === undefined ? { uri, diagnostics } : { uri, version, diagnostics });
  }

  /** Open documents by path, for related locations in other files of a lone analysis. */
  private openLookup(): FileLookup {
    return (path) => {
      for (const document of this.documents.all()) {
        const file = analysableFile(document.uri);
        if (file && enginePath(file.path) === enginePath(path)) return { uri: document.uri, document };
      }
      return undefined;
    };
  }

  /** Files of a folder by engine path: open documents as held, closed ones as the folder's workspace read them. */
  private folderLookup(folder: string, open: ReadonlyMap<string, { document: TextDocument }>): FileLookup {
    return (path): OpenFile | undefined => {
      const key = enginePath(path);
      const document = open.get(key)?.document;
      if (document) return { uri: document.uri, document };
      // A file the workspace read on the way (a module the walk did not give) is read again, inside the folder only.
      const text = this.workspaces?.textOf(folder, key) ?? this.workspaces?.readInside(folder, path);
      if (text === undefined) return undefined;
      const uri = pathToFileURL(path).href;
      let closed = this.closedDocuments.get(uri);
      if (!closed || closed.getText() !== text) {
        closed = TextDocument.create(uri, 'plaintext', 0, text);
        this.closedDocuments.set(uri, closed);
      }
      return { uri, document: closed };
    };
  }

  private folderOfUri(uri: string): string | undefined {
    const file = analysableFile(uri);
    return file && this.workspaces?.folderOf(file.path)?.uri;
  }
}

/** A lone analysis is worth answering first when it takes at most half of the folder's. */
function cheaperAlone(aloneMs: number, folderMs: number): boolean {
  return aloneMs * 2 <= folderMs;
}

/**
 * The one diagnostic of a document too large to analyse, at its start. A diagnostic rather than a message box: it
 * stays where the user looks for findings (the file and the Problems view) for as long as it holds, goes away by itself
 * when the file shrinks or closes, needs no state to show it only once, and every LSP client shows it.
 */
function tooLargeNotice(): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: DIAGNOSTIC_SOURCE,
    message: `This file is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB, so WAF AI Lens does not analyse it (the CLI skips such files too).`,
  };
}
