// Helpers of the editor tests: the extension, fresh copies of the fixture files, waits on real diagnostics events, and capability probes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { LspTestClient } from '../protocol/lspClient';

/** `<publisher>.<name>` from package.json. */
export const EXTENSION_ID = 'ai-lens.waf-ai-lens';
/** What our diagnostics carry in `source` (server/src/lsp/convert.ts). */
export const DIAGNOSTIC_SOURCE = 'WAF AI Lens';
/** How long a test waits for a signal from the editor before it fails: far above the server's debounce and a cold start. */
export const WAIT_MS = 20_000;

/** Prints a line with the test report (indented under the current test), through the reporter's own console. */
export function report(line: string): void {
  Mocha.reporters.Base.consoleLog(`      ${line}`);
}

/** The extension under test, as the editor loaded it from `extensionDevelopmentPath`. */
export function theExtension(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `The extension ${EXTENSION_ID} is not loaded; is extensionDevelopmentPath the repository root?`);
  return extension;
}

/** The rule id of a diagnostic (`code` becomes `{ value, target }` when the server sends a docs link). */
export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' && code !== null ? code.value : code);
}

/** Our diagnostics on a document, leaving out any other extension's. */
export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
}

/** One line per diagnostic, for failure messages. */
export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return '(none)';
  return diagnostics
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${vscode.DiagnosticSeverity[d.severity]} ${codeOf(d)}`)
    .join('; ');
}

/**
 * Resolves with our diagnostics on `uri` as soon as `predicate` holds for them: at once when it already does, else on the
 * `onDidChangeDiagnostics` event that makes it hold. Rejects after `timeoutMs` with what the editor shows at that moment.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  what: string,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const diagnostics = ourDiagnostics(uri);
      if (!predicate(diagnostics)) return;
      finish();
      resolve(diagnostics);
    };
    // Subscribe before the first check, so an event between the two cannot be missed.
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      finish();
      const now = describeDiagnostics(ourDiagnostics(uri));
      reject(new Error(`No ${what} on ${path.basename(uri.fsPath)} within ${timeoutMs} ms. Diagnostics now: ${now}`));
    }, timeoutMs);
    const finish = (): void => {
      subscription.dispose();
      clearTimeout(timer);
    };
    check();
  });
}

/** Resolves once a tab satisfying `predicate` is open, on the `onDidChangeTabs` event that opens it. */
export function waitForTab(what: string, predicate: (tab: vscode.Tab) => boolean, timeoutMs = WAIT_MS): Promise<vscode.Tab> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const tab = vscode.window.tabGroups.all.flatMap((group) => group.tabs).find(predicate);
      if (!tab) return;
      finish();
      resolve(tab);
    };
    const subscription = vscode.window.tabGroups.onDidChangeTabs(check);
    const timer = setTimeout(() => {
      finish();
      const open = vscode.window.tabGroups.all.flatMap((group) => group.tabs).map((tab) => tab.label);
      reject(new Error(`No ${what} within ${timeoutMs} ms. Open tabs: ${open.join(', ') || '(none)'}`));
    }, timeoutMs);
    const finish = (): void => {
      subscription.dispose();
      clearTimeout(timer);
    };
    check();
  });
}

let copies = 0;

/**
 * Opens a fresh copy of a file of the test workspace (in its `scratch/` folder) in an editor.
 * Each test edits its own copy, so no test sees another's edits, and the first analysis of every copy is a real signal.
 */
export async function openCopy(name: string, label: string): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'The editor tests need the fixture workspace (test/e2e/workspace) open as the first workspace folder.');
  const extension = path.extname(name);
  const slug = label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const target = vscode.Uri.joinPath(folder.uri, 'scratch', `${++copies}-${slug}${extension}`);
  await vscode.workspace.fs.copy(vscode.Uri.joinPath(folder.uri, name), target, { overwrite: true });
  const document = await vscode.workspace.openTextDocument(target);
  return vscode.window.showTextDocument(document);
}

/**
 * The webview panels of a view type that the extension creates from now on.
 * A webview's document lives in the workbench, out of the extension host's reach, but the panel object the extension
 * creates holds the HTML it was given (`webview.html`). The `vscode` API object is one per extension, shared by the
 * extension's code and this suite (both load from the extension's folder), so wrapping its `createWebviewPanel` lets the
 * tests read what the report view was given, without the client exposing anything for tests.
 */
export function captureWebviewPanels(viewType: string): vscode.WebviewPanel[] {
  const captured: vscode.WebviewPanel[] = [];
  const window = vscode.window as { createWebviewPanel: typeof vscode.window.createWebviewPanel };
  const original = window.createWebviewPanel;
  window.createWebviewPanel = (...args: Parameters<typeof vscode.window.createWebviewPanel>) => {
    const panel = original.apply(vscode.window, args);
    if (args[0] === viewType) captured.push(panel);
    return panel;
  };
  return captured;
}

/**
 * Reverts and closes every editor of the test workspace with unsaved changes, so that ending the run never asks whether
 * to save. Documents outside the workspace are the editor's own (the user settings.json that a configuration update
 * holds open for a moment): they are not ours to revert, and showing one while the workbench swaps it fails the hook.
 */
export async function revertAndCloseDirtyEditors(): Promise<void> {
  const ours = (document: vscode.TextDocument): boolean => document.isDirty && vscode.workspace.getWorkspaceFolder(document.uri) !== undefined;
  for (const document of vscode.workspace.textDocuments.filter(ours)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

/** Inserts a line of text above a 0-based line of a document, through the editor's edit API. */
export async function insertLineAbove(document: vscode.TextDocument, line: number, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, new vscode.Position(line, 0), `${text}\n`);
  assert.ok(await vscode.workspace.applyEdit(edit), 'The editor refused the edit.');
}

// ---------------------------------------------------------------------------------------------------------------------
// Capability probes. Hovers, the review command, rule settings and suppression comments are being built while these
// tests are written; a test whose capability is missing fails with "NOT IMPLEMENTED YET", so a run shows what waits.

/** Fails the current test, saying which capability does not exist yet and how the test found out. */
export function notImplementedYet(capability: string, evidence: string): never {
  assert.fail(`NOT IMPLEMENTED YET: ${capability}. ${evidence}`);
}

let announced: Promise<Record<string, unknown>> | undefined;

/**
 * The capabilities the bundled language server announces in its `initialize` answer.
 * The language client registers an editor feature (hover, code actions) exactly when the server announces it, and there is
 * no editor API that lists registered providers; so the probe asks a second instance of the same bundle (over node IPC,
 * which works under Electron as under Node).
 */
export function serverCapabilities(): Promise<Record<string, unknown>> {
  announced ??= (async () => {
    const client = await LspTestClient.start({ transport: 'node-ipc' });
    try {
      return { ...(client.initializeResult?.capabilities ?? {}) } as Record<string, unknown>;
    } finally {
      client.dispose();
    }
  })();
  return announced;
}

/** Fails with "not implemented yet" unless the server announces `capability` (e.g. `hoverProvider`). */
export async function requireServerCapability(feature: string, capability: string): Promise<void> {
  const capabilities = await serverCapabilities();
  if (!capabilities[capability]) {
    notImplementedYet(feature, `The language server does not announce \`${capability}\` (it announces: ${Object.keys(capabilities).join(', ')}).`);
  }
}

/** Fails with "not implemented yet" unless the command is registered in the editor. */
export async function requireCommand(feature: string, command: string): Promise<void> {
  if (!(await vscode.commands.getCommands(true)).includes(command)) {
    notImplementedYet(feature, `The command \`${command}\` is not registered.`);
  }
}

/** The JSON schema of a setting the extension contributes, or undefined when the manifest has no such setting. */
export function contributedSetting(key: string): Record<string, unknown> | undefined {
  const configuration = (theExtension().packageJSON as { contributes?: { configuration?: unknown } }).contributes?.configuration;
  const sections = (Array.isArray(configuration) ? configuration : [configuration]) as Array<{ properties?: Record<string, Record<string, unknown>> } | undefined>;
  return sections.map((section) => section?.properties?.[key]).find((schema) => schema !== undefined);
}

/** Fails with "not implemented yet" unless the bundled server knows the suppression keyword at all. */
export function requireSuppressionSupport(keyword: string): void {
  // The server can only recognise a comment keyword that its code contains; the probe reads the bundle the extension runs.
  const bundle = path.join(theExtension().extensionPath, 'dist', 'server.js');
  if (!fs.readFileSync(bundle, 'utf8').includes(keyword)) {
    notImplementedYet('suppression comments', `The bundled language server (${bundle}) does not contain the keyword \`${keyword}\`.`);
  }
}

/** The title of the first principle a rule serves, from the catalog in principles/ that the extension ships. */
export function firstPrincipleTitle(ruleId: string): string {
  const root = path.join(theExtension().extensionPath, 'principles');
  const catalog = JSON.parse(fs.readFileSync(path.join(root, 'principles.json'), 'utf8')) as { principles: Array<{ id: string; title: string }> };
  for (const file of fs.readdirSync(path.join(root, 'rules')).filter((name) => name.endsWith('.json'))) {
    const rules = (JSON.parse(fs.readFileSync(path.join(root, 'rules', file), 'utf8')) as { rules: Record<string, { principles: string[] }> }).rules;
    const principleId = rules[ruleId]?.principles[0];
    if (!principleId) continue;
    const principle = catalog.principles.find((p) => p.id === principleId);
    assert.ok(principle, `The rule ${ruleId} names the principle ${principleId}, which is not in principles/principles.json.`);
    return principle.title;
  }
  assert.fail(`The rule ${ruleId} is not in principles/rules/*.json.`);
}
