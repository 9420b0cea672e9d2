// One engine analysis per document version, shared by diagnostics, hover and code actions; LRU, evicted on close.
import { performance } from 'node:perf_hooks';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeFile, type FileAnalysis, type FileKind } from '../engine';
import { analysableFile, type AnalysableFile } from './documents';
import { SLOW_ANALYSIS_MS, type Logger } from './log';

/** The engine call the cache makes; the engine's `analyzeFile` unless a test substitutes one. */
export type Analyzer = (file: string, text: string, kind: FileKind) => FileAnalysis | undefined;

/** One document version's analysis, and what it cost. */
export interface DocumentAnalysis {
  uri: string;
  version: number;
  file: AnalysableFile;
  analysis: FileAnalysis;
  elapsedMs: number;
}

/** How many analyses are kept; enough for the files a user has open, small enough that a big workspace cannot grow it. */
export const DEFAULT_CACHE_CAPACITY = 32;

/**
 * Caches the engine's analysis per document version.
 * A version is analysed at most once while it stays cached, so diagnostics, hovers and code actions on one version agree
 * and none of them pays for a second parse.
 */
export class ModelCache {
  // A Map iterates in insertion order; re-inserting on every hit keeps the least recently used entry first.
  private readonly entries = new Map<string, DocumentAnalysis>();

  constructor(
    private readonly log: Logger,
    private readonly analyze: Analyzer = analyzeFile,
    private readonly capacity: number = DEFAULT_CACHE_CAPACITY,
  ) {}

  /**
   * The analysis of this exact document version, computed now if it is not cached.
   * Undefined for documents the server does not analyse (see `analysableFile`).
   */
  get(document: TextDocument): DocumentAnalysis | undefined {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version) {
      this.entries.delete(document.uri);
      this.entries.set(document.uri, cached);
      return cached;
    }
    const file = analysableFile(document.uri);
    if (!file) return undefined;

    const started = performance.now();
    const analysis = this.analyze(file.path, document.getText(), file.kind);
    const elapsedMs = performance.now() - started;
    if (!analysis) return undefined;
    return this.put(document, analysis, elapsedMs);
  }

  /**
   * Records an analysis of this document version made elsewhere (its workspace folder's, which covers many documents
   * at once), so hovers and code actions on the version use the analysis its diagnostics came from.
   */
  put(document: TextDocument, analysis: FileAnalysis, elapsedMs: number): DocumentAnalysis | undefined {
    const file = analysableFile(document.uri);
    if (!file) return undefined;
    const entry: DocumentAnalysis = { uri: document.uri, version: document.version, file, analysis, elapsedMs };
    // A workspace analysis that did not change for this document is not worth a second log line.
    const seen = this.entries.get(document.uri)?.analysis === analysis;
    this.entries.delete(document.uri);
    this.entries.set(document.uri, entry);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    if (!seen) this.report(entry);
    return entry;
  }

  /** Forgets a document's analysis; called when the document closes, since its text is no longer ours to hold. */
  evict(uri: string): void {
    this.entries.delete(uri);
  }

  /**
   * Forgets the analyses of the documents `uris` names, whatever their version: when another file of a workspace folder
   * changes (a parameter file, a module), the analysis of an unchanged document of that folder may change too.
   */
  evictWhere(matches: (uri: string) => boolean): void {
    for (const uri of [...this.entries.keys()]) if (matches(uri)) this.entries.delete(uri);
  }

  /** The cached analysis of this exact version, without analysing. */
  peek(document: TextDocument): DocumentAnalysis | undefined {
    const cached = this.entries.get(document.uri);
    return cached && cached.version === document.version ? cached : undefined;
  }

  /** Forgets everything, e.g. at shutdown. */
  clear(): void {
    this.entries.clear();
  }

  /** How many analyses are cached. */
  get size(): number {
    return this.entries.size;
  }

  /** Logs what the user may need to know about one analysis without flooding the log on every keystroke. */
  private report(entry: DocumentAnalysis): void {
    const { analysis, elapsedMs } = entry;
    const summary = `${entry.file.path} (version ${entry.version}): ${analysis.findings.length} finding(s) in ${elapsedMs.toFixed(1)} ms`;
    if (elapsedMs >= SLOW_ANALYSIS_MS) this.log.info(`Slow analysis of ${summary}.`);
    else this.log.debug(`Analysed ${summary}.`);
    for (const notice of analysis.notices) {
      // Syntax errors are the official Bicep and Terraform extensions' business; we only keep them for debugging.
      // Anything else (a rule that threw) is our own bug and is worth a warning.
      if (notice.level === 'error') this.log.debug(`${notice.file}: ${notice.message}`);
      else this.log.warn(`${notice.file}: ${notice.message}`);
    }
  }
}
