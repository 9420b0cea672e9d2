// The language server's entry: creates the connection, declares the capabilities and wires the handlers in lsp/.
import { fileURLToPath } from 'node:url';
import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
  type PublishDiagnosticsParams,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { analyzeFile, LOADED_FILE_GLOB, type FileAnalysis, type FileKind } from './engine';
import { CODE_ACTION_KINDS, codeActionHandler } from './lsp/codeAction';
import { CONFIG_FILE_GLOB, ConfigFiles } from './lsp/configFile';
import { EditorSettings, SETTINGS_SECTION } from './lsp/configuration';
import { DiagnosticsPublisher } from './lsp/diagnostics';
import { createDocuments, isTooLarge } from './lsp/documents';
import { FolderWorkspaces, IAC_FILE_GLOB } from './lsp/folderWorkspaces';
import { hoverHandler } from './lsp/hover';
import { createLogger, describeError, isLogLevel } from './lsp/log';
import { ModelCache } from './lsp/modelCache';
import { REVIEW_REQUEST, reviewHandler } from './lsp/review';
import { runSafeNotification } from './lsp/runSafe';
import { SettingsStore } from './lsp/settings';

/** What clients may pass as `initializationOptions`. */
interface InitializationOptions {
  /** `error`, `warn`, `info` (the default) or `debug`. */
  logLevel?: unknown;
}

// vscode-languageserver picks the transport from the command line (`--stdio`, `--node-ipc`, `--socket=<port>`, `--pipe=<name>`)
// and throws when none is given. Editors other than VS Code are often configured with the bare command, so default to stdio.
const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe'];
if (!process.argv.slice(2).some((arg) => TRANSPORTS.includes(arg.split('=')[0] ?? ''))) process.argv.push('--stdio');

const connection = createConnection(ProposedFeatures.all);
const log = createLogger(connection.console);

// The last line of defence: a bug in a timer or promise callback is logged, and the server keeps serving.
process.on('uncaughtException', (error) => log.error('Uncaught exception; the server keeps running.', error));
process.on('unhandledRejection', (reason) => log.error(`Unhandled rejection; the server keeps running: ${describeError(reason)}`));

const documents = createDocuments();
const settings = new SettingsStore();
/** A document on its own, with the settings that apply to it; an excluded or too large one is not analysed. */
const analyzeAlone = (file: string, text: string, kind: FileKind): FileAnalysis | undefined => {
  const resolved = settings.resolve(file);
  // A broken client may open a document without text; there is nothing to analyse then.
  return typeof text !== 'string' || resolved.excluded || isTooLarge(text) ? undefined : analyzeFile(file, text, kind, resolved.options);
};
// One engine Workspace per workspace folder; the diagnostics hear when one changed other than by an edit.
const workspaces = new FolderWorkspaces(documents, settings, log, (folder) => diagnostics.folderChanged(folder));
// The one engine call behind every handler: the document's workspace folder's analysis once the folder is read, else
// the document alone (outside every folder, or while its folder is still being read).
const cache = new ModelCache(log, (file, text, kind) => {
  if (settings.resolve(file).excluded || isTooLarge(text)) return undefined;
  return workspaces.fileAnalysis(file) ?? analyzeAlone(file, text, kind);
});
// A failed send means the client is gone; there is nobody left to tell, so it is only logged.
const publish = (params: PublishDiagnosticsParams): void => {
  connection.sendDiagnostics(params).catch((error: unknown) => log.debug(`Could not publish diagnostics: ${describeError(error)}`));
};
const diagnostics = new DiagnosticsPublisher(documents, cache, publish, log, workspaces, analyzeAlone).listen();

/** Re-analyses every open document when, and only when, what applies to some file changed. */
const applySettings = (): void => {
  if (!settings.takeChange()) return;
  log.info('The settings changed; analysing the open documents again.');
  workspaces.settingsChanged();
  diagnostics.refreshAll();
};
const configFiles = new ConfigFiles(documents, settings, publish, log, applySettings).listen();
let canPullSettings = false;
const editorSettings = new EditorSettings(connection, settings, log, () => canPullSettings);

/** How long the first analyses wait for the client's settings before they go ahead with what is known. */
const SETTINGS_WAIT_MS = 2000;
let settingsLoaded: () => void = () => undefined;
diagnostics.holdUntil(new Promise<void>((resolve) => (settingsLoaded = resolve)));

let capabilities: InitializeParams['capabilities'] = {};

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const options = (params.initializationOptions ?? {}) as InitializationOptions;
  if (isLogLevel(options.logLevel)) log.setLevel(options.logLevel);
  capabilities = params.capabilities;
  canPullSettings = capabilities.workspace?.configuration === true;
  const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
  settings.setFolders(fileFolders(folders));
  return {
    capabilities: {
      // Engine spans and TextDocument positions both count UTF-16 code units, the LSP default; say so explicitly.
      positionEncoding: 'utf-16',
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'WAF AI Lens' },
  };
});

connection.onInitialized(() => {
  const workspace = capabilities.workspace;
  // Ask to be told about settings and config-file changes, where the client lets the server ask.
  if (workspace?.didChangeConfiguration?.dynamicRegistration) {
    connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch((e: unknown) => log.warn(`Could not watch the settings: ${describeError(e)}`));
  }
  if (workspace?.didChangeWatchedFiles?.dynamicRegistration) {
    // The Bicep and Terraform files too: a `git pull` or another tool may change a file the workspace analyses.
    connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CONFIG_FILE_GLOB }, { globPattern: IAC_FILE_GLOB }, { globPattern: LOADED_FILE_GLOB }] })
      .catch((e: unknown) => log.warn(`Could not watch the config and Bicep and Terraform files: ${describeError(e)}`));
  }
  if (workspace?.workspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders(
      runSafeNotification(log, 'Changing the workspace folders', (event) => {
        const kept = settings.allFolders().filter((f) => !event.removed.some((r) => r.uri === f.uri));
        settings.setFolders([...kept, ...fileFolders(event.added)]);
        workspaces.syncFolders();
        diagnostics.refreshAll();
        configFiles.loadAll();
        void editorSettings.pull().then(applySettings);
      }),
    );
  }
  configFiles.loadAll();
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, SETTINGS_WAIT_MS).unref());
  void Promise.race([editorSettings.pull(), timeout]).then(() => {
    applySettings();
    settingsLoaded();
    // The folders are read once the settings say which files are excluded; documents opened before are analysed alone.
    workspaces.start();
    log.info('WAF AI Lens language server is ready.');
  });
});

connection.onDidChangeConfiguration((params) => void editorSettings.onDidChange(params).then(applySettings));
connection.onDidChangeWatchedFiles(
  runSafeNotification(log, 'Reading changed files', (params) => {
    for (const folder of workspaces.onWatchedFilesChanged(params)) diagnostics.folderChanged(folder);
    configFiles.onWatchedFilesChanged(params);
  }),
);
connection.onHover(hoverHandler(documents, cache, settings, log));
connection.onCodeAction(codeActionHandler(documents, cache, settings, log));
connection.onRequest(
  REVIEW_REQUEST,
  reviewHandler({
    documents,
    folders: () => settings.allFolders(),
    resolve: (file) => settings.resolve(file),
    progress: (token) => connection.window.attachWorkDoneProgress(token),
    log,
    workspaces,
  }),
);

/** The workspace folders the server can read: `file:` URIs only. */
function fileFolders(folders: readonly WorkspaceFolder[]): { uri: string; path: string }[] {
  return folders.flatMap((f) => {
    try {
      return f.uri.toLowerCase().startsWith('file:') ? [{ uri: f.uri, path: fileURLToPath(f.uri) }] : [];
    } catch {
      return [];
    }
  });
}

connection.onShutdown(() => {
  diagnostics.dispose();
  configFiles.dispose();
  cache.clear();
});

documents.listen(connection);
connection.listen();
