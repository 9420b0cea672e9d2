// The VS Code client: starts the bundled WAF AI Lens language server for Bicep and Terraform files and stops it on deactivation.
import { window, type ExtensionContext } from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type DocumentSelector,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { registerReviewCommand } from './review/command';
import { createFindingsStatus } from './statusBar';
import { SERVER_NODE_FLAGS } from './serverFlags';

let client: LanguageClient | undefined;

/**
 * The documents the server is told about.
 * The language ids come from the official Bicep and Terraform extensions (and this extension's own contributions);
 * the file patterns cover the same files when those ids are absent or another extension claims them.
 * Only `file:` documents are sent, because the server analyses nothing else.
 * `satisfies` keeps the literal filter type, which VS Code's own `languages.match` also accepts (for the status bar).
 */
const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'bicep' },
  { scheme: 'file', language: 'bicep-params' },
  { scheme: 'file', language: 'terraform' },
  { scheme: 'file', language: 'terraform-vars' },
  { scheme: 'file', pattern: '**/*.{bicep,bicepparam,tf,tfvars}' },
  // The workspace config file: sent while open, so its problems show as the user types (the server reads it from disk otherwise).
  { scheme: 'file', pattern: '**/.waf-ai-lens.json' },
] satisfies DocumentSelector;

/** Starts the language client; all analysis happens in the server process. */
export async function activate(context: ExtensionContext): Promise<void> {
  const activationStarted = performance.now();
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    // Lets a developer attach a debugger to the server of an Extension Development Host.
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6019'] } },
  };
  // A log channel: the language client requires one, and it timestamps and levels the server's lines for us.
  const outputChannel = window.createOutputChannel('WAF AI Lens', { log: true });
  context.subscriptions.push(outputChannel);
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel,
  };
  // The id `wafAiLens` makes the `wafAiLens.trace.server` setting trace this client's messages.
  client = new LanguageClient('wafAiLens', 'WAF AI Lens', serverOptions, clientOptions);
  // Registered before the server starts, so the command exists (and says so) even if the server cannot start.
  context.subscriptions.push(registerReviewCommand(context, client));
  context.subscriptions.push(createFindingsStatus(DOCUMENT_SELECTOR));
  // The server starts in the background: activation returns at once, and requests made meanwhile wait for the start
  // (the language client queues them). A server that cannot start says so in the output channel and a message.
  const serverStarted = performance.now();
  client.start().then(
    () => outputChannel.info(`Language server ready ${Math.round(performance.now() - serverStarted)} ms after activation began.`),
    (error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      outputChannel.error(`The language server could not start: ${reason}`);
      void window.showErrorMessage(`WAF AI Lens: the language server could not start (${reason}). See the "WAF AI Lens" output for details.`);
    },
  );
  // Activation should stay cheap (one bundled file, the analysis in the server); this line lets the editor tests measure it.
  outputChannel.info(`Activated in ${Math.round(performance.now() - activationStarted)} ms; the language server is starting.`);
}

/** Stops the language server, giving it the chance to shut down cleanly. */
export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  await running?.stop();
}
