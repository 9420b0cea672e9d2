// The cold-start bench's child process: loads the bundled client against a stub `vscode`, calls activate(), and times it until the server is forked.
// The module object itself (not a namespace copy), so replacing `fork` on it is seen by every later `require`.
import childProcess = require('node:child_process');
import Module from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

/** What the worker prints: one JSON object on one line of stdout. */
export interface ActivationRun {
  /** `require` of the bundle: reading, compiling and evaluating it, with `vscode` stubbed. */
  loadMs: number;
  /** From the call of `activate()` until the language client forks the server: the client's own start-up work. */
  activateMs: number | null;
  /** Why activation did not reach the fork, when it did not. */
  error?: string;
}

/**
 * A stand-in for any part of the `vscode` API the client touches: every property is another stand-in, every call and
 * `new` returns one, and it is no thenable (so `await` on it does not hang). Real values are given where the client
 * checks them (the version, configuration reads, lists it iterates).
 */
function standIn(name: string): unknown {
  const target = function () {
    return undefined;
  };
  return new Proxy(target, {
    get(_target, property) {
      if (property === 'then') return undefined;
      if (property === Symbol.iterator) return function* () {};
      if (property === Symbol.toPrimitive) return () => name;
      if (property === 'toString' || property === 'toJSON') return () => name;
      return standIn(`${name}.${String(property)}`);
    },
    apply() {
      return standIn(`${name}()`);
    },
    construct() {
      return standIn(`new ${name}`) as object;
    },
    // The client also writes to what it gets (a disposable's name, an emitter's field); a stand-in takes and forgets it.
    set() {
      return true;
    },
    defineProperty() {
      return true;
    },
  });
}

/** A minimal event emitter, as `new vscode.EventEmitter()` gives: listeners can subscribe and get a disposable back. */
class EventEmitter {
  private readonly listeners = new Set<(value: unknown) => void>();
  readonly event = (listener: (value: unknown) => void) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };
  fire(value: unknown): void {
    for (const listener of this.listeners) listener(value);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

function vscodeStub(): unknown {
  const overrides: Record<string, unknown> = {
    version: '1.91.0',
    EventEmitter,
    Disposable: class {
      static from(): { dispose(): void } {
        return { dispose: () => undefined };
      }
      constructor(private readonly callback: () => void) {}
      dispose(): void {
        this.callback();
      }
    },
    env: { appName: 'Visual Studio Code', appRoot: '', language: 'en', machineId: 'bench', sessionId: 'bench', uiKind: 1, remoteName: undefined },
    workspace: new Proxy(
      {
        workspaceFolders: undefined,
        textDocuments: [],
        notebookDocuments: [],
        getConfiguration: () => ({ get: (_key: string, fallback?: unknown) => fallback, has: () => false, inspect: () => undefined, update: async () => undefined }),
      },
      { get: (target, property) => (property in target ? target[property as keyof typeof target] : standIn(`vscode.workspace.${String(property)}`)) },
    ),
    window: new Proxy(
      { visibleTextEditors: [], activeTextEditor: undefined, tabGroups: { all: [] } },
      { get: (target, property) => (property in target ? target[property as keyof typeof target] : standIn(`vscode.window.${String(property)}`)) },
    ),
  };
  return new Proxy(overrides, { get: (target, property) => (property in target ? target[property as string] : standIn(`vscode.${String(property)}`)) });
}

interface ModuleInternals {
  _resolveFilename(request: string, parent: unknown, isMain: boolean, options?: unknown): string;
}

/** Makes `require('vscode')` return the stub, as the extension host would return the real API. */
function installVscodeStub(): void {
  const id = path.join(__dirname, '__vscode_stub__.js');
  const stubModule = new Module(id);
  stubModule.filename = id;
  stubModule.loaded = true;
  stubModule.exports = vscodeStub();
  (Module as unknown as { _cache: Record<string, Module> })._cache[id] = stubModule;
  const internals = Module as unknown as ModuleInternals;
  const resolve = internals._resolveFilename.bind(Module);
  internals._resolveFilename = (request, parent, isMain, options) => (request === 'vscode' ? id : resolve(request, parent, isMain, options));
}

function report(run: ActivationRun): never {
  process.stdout.write(`${JSON.stringify(run)}\n`);
  process.exit(0);
}

function main(bundle: string): void {
  installVscodeStub();
  let activateStart = 0;
  let loadMs = 0;
  // The language client starts the server with child_process.fork; that call is the moment activation hands over to it.
  // The bundle keeps a live binding to the module's functions, so replacing `fork` before loading it is seen inside.
  (childProcess as { fork: unknown }).fork = () => report({ loadMs, activateMs: performance.now() - activateStart });
  const loadStart = performance.now();
  const extension = require(bundle) as { activate(context: unknown): Promise<void> | void };
  loadMs = performance.now() - loadStart;
  const context = {
    subscriptions: [] as unknown[],
    extensionPath: path.dirname(path.dirname(bundle)),
    extensionUri: standIn('context.extensionUri'),
    asAbsolutePath: (relative: string) => path.join(path.dirname(path.dirname(bundle)), relative),
    globalState: { get: () => undefined, update: async () => undefined, keys: () => [] },
    workspaceState: { get: () => undefined, update: async () => undefined, keys: () => [] },
    logUri: standIn('context.logUri'),
    extensionMode: 1,
  };
  activateStart = performance.now();
  Promise.resolve()
    .then(() => extension.activate(context))
    .then(
      () => report({ loadMs, activateMs: null, error: 'activate() returned without starting the language server' }),
      (error: unknown) => report({ loadMs, activateMs: null, error: error instanceof Error ? error.message : String(error) }),
    );
}

const bundle = process.argv[2];
if (!bundle) {
  process.stderr.write('Usage: node activate-worker.js <dist/client.js>\n');
  process.exitCode = 2;
} else {
  main(path.resolve(bundle));
}
