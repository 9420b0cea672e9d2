// Keeps each workspace folder's `.waf-ai-lens.json` read and checked: its problems are diagnostics on that file, never a stop.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Disposable, DidChangeWatchedFilesParams, PublishDiagnosticsParams, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME, parseConfigText } from '../engine';
import { toConfigDiagnostic } from './convert';
import type { Logger } from './log';
import { runSafeNotification } from './runSafe';
import type { SettingsStore } from './settings';
import { readWorkspaceFile } from './workspaceFiles';

/** The glob the server asks the client to watch, so edits made outside the editor (a `git pull`) are seen too. */
export const CONFIG_FILE_GLOB = `**/${CONFIG_FILE_NAME}`;

/**
 * Reads the config file of every workspace folder, from the editor while it is open there (so problems show as the
 * user types) and from disk otherwise, hands the valid part to the settings, and publishes its problems on the file.
 * An invalid file never stops analysis: what is invalid falls back to the defaults.
 */
export class ConfigFiles implements Disposable {
  /** Config files that have diagnostics published, so they can be cleared when the file goes away. */
  private readonly published = new Set<string>();
  private readonly subscriptions: Disposable[] = [];

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly publish: (params: PublishDiagnosticsParams) => void,
    private readonly log: Logger,
    /** Called after any config file was (re)read; the caller re-analyses when the effective settings changed. */
    private readonly onRead: () => void,
  ) {}

  /** Follows the open config documents: every edit is checked at once, and a close falls back to the file on disk. */
  listen(): this {
    this.subscriptions.push(
      this.documents.onDidChangeContent(runSafeNotification(this.log, 'Reading the config file', (event) => this.reload(event.document.uri))),
      this.documents.onDidClose(runSafeNotification(this.log, 'Reading the config file', (event) => this.reload(event.document.uri))),
    );
    return this;
  }

  /** Reads every folder's config file. */
  loadAll(): void {
    for (const folder of this.settings.allFolders()) this.read(folder.path);
    this.onRead();
  }

  /** Handles `workspace/didChangeWatchedFiles`: re-reads the config files among the changed files. */
  onWatchedFilesChanged(params: DidChangeWatchedFilesParams): void {
    let any = false;
    for (const change of Array.isArray(params?.changes) ? params.changes : []) any = (typeof change?.uri === 'string' && this.readIfConfig(change.uri)) || any;
    if (any) this.onRead();
  }

  /** Re-reads the config file at `uri`, when it is one. */
  reload(uri: string): void {
    if (this.readIfConfig(uri)) this.onRead();
  }

  dispose(): void {
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
  }

  private readIfConfig(uri: string): boolean {
    const folder = this.folderOfConfig(uri);
    if (folder === undefined) return false;
    this.read(folder);
    return true;
  }

  /** The folder whose config file `uri` is, if it is one. */
  private folderOfConfig(uri: string): string | undefined {
    if (typeof uri !== 'string' || !uri.toLowerCase().startsWith('file:') || !uri.endsWith(CONFIG_FILE_NAME)) return undefined;
    let file: string;
    try {
      file = fileURLToPath(uri);
    } catch {
      return undefined;
    }
    const folder = path.dirname(file);
    return this.settings.allFolders().some((f) => f.path === folder) ? folder : undefined;
  }

  private read(folder: string): void {
    const file = path.join(folder, CONFIG_FILE_NAME);
    const uri = pathToFileURL(file).href;
    // The client may spell the URI differently (a drive letter's case); match open documents by path.
    const open = this.documents.all().find((d) => d.uri === uri || safePath(d.uri) === file);
    const text = open ? open.getText() : readWorkspaceFile(file, this.settings.allFolders());
    if (text === undefined) {
      this.settings.setConfigFile(folder, undefined);
      if (this.published.delete(uri)) this.publish({ uri, diagnostics: [] });
      return;
    }
    const parsed = parseConfigText(text);
    this.settings.setConfigFile(folder, parsed);
    const document = open ?? TextDocument.create(uri, 'json', 0, text);
    const targetUri = open?.uri ?? uri;
    if (parsed.problems.length > 0) {
      this.log.info(`${file}: ${parsed.problems.length} problem(s); the defaults apply to what is invalid.`);
      this.published.add(targetUri);
      this.publish({ uri: targetUri, diagnostics: parsed.problems.map((p) => toConfigDiagnostic(p, document)) });
    } else if (this.published.delete(targetUri)) {
      this.publish({ uri: targetUri, diagnostics: [] });
    }
  }
}

function safePath(uri: string): string | undefined {
  try {
    return typeof uri === 'string' && uri.toLowerCase().startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}
