// The language server's entry: creates the connection, declares the capabilities and wires the handlers in lsp/.
import {
  createConnection,
  ProposedFeatures,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { DiagnosticsPublisher } from './lsp/diagnostics';
import { createDocuments } from './lsp/documents';
import { createLogger, describeError, isLogLevel } from './lsp/log';
import { ModelCache } from './lsp/modelCache';

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
const cache = new ModelCache(log);
// A failed send means the client is gone; there is nobody left to tell, so it is only logged.
const publish = (params: PublishDiagnosticsParams): void => {
  connection.sendDiagnostics(params).catch((error: unknown) => log.debug(`Could not publish diagnostics: ${describeError(error)}`));
};
const diagnostics = new DiagnosticsPublisher(documents, cache, publish, log).listen();

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const options = (params.initializationOptions ?? {}) as InitializationOptions;
  if (isLogLevel(options.logLevel)) log.setLevel(options.logLevel);
  return {
    capabilities: {
      // Engine spans and TextDocument positions both count UTF-16 code units, the LSP default; say so explicitly.
      positionEncoding: 'utf-16',
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    },
    serverInfo: { name: 'WAF AI Lens' },
  };
});

connection.onInitialized(() => log.info('WAF AI Lens language server is ready.'));

connection.onShutdown(() => {
  diagnostics.dispose();
  cache.clear();
});

documents.listen(connection);
connection.listen();
