// The real-editor tooling of the editor tests: installs Chromium, Node 24 and code-server once into .e2e/, then starts code-server and a headless browser per run.
//
// Why this route: @vscode/test-electron downloads VS Code at run time, which machines without internet access cannot do.
// code-server is the VS Code server from npm; its workbench in headless Chromium runs our extension in a real Node
// extension host, with the language client, the child-process language server and the same `extensionTestsPath` suite.
// See docs/e2e.md for the whole picture.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, ensureDebianPackages } from '../setup/debian.mjs';

/** The repository root (this file is scripts/e2e/tooling.mjs). */
export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The git-ignored folder that holds the installed tooling between runs. */
export const E2E_DIR = path.join(REPO, '.e2e');

// Pinned, so that every machine and every CI run drives the same editor; bump both deliberately.
// code-server's install insists on Node 24 (its `engines`), and builds native modules against that Node's headers.
const NODE_VERSION = '24.21.0';
const CODE_SERVER_VERSION = '4.139.1';

const NODE_PREFIX = path.join(E2E_DIR, 'node24');
const CODE_SERVER_PREFIX = path.join(E2E_DIR, 'code-server');
const STAMP = path.join(E2E_DIR, 'tooling.json');
const LOCK = path.join(E2E_DIR, 'install.lock');

/** The folder of the Node 24 that the npm package `node` unpacks: `bin/node` and `include/node`. */
const NODE_HOME = path.join(NODE_PREFIX, 'node_modules', 'node', 'node_modules', `node-${process.platform}-${process.arch}`);
const NODE_BIN = path.join(NODE_HOME, 'bin', 'node');
const CODE_SERVER_ENTRY = path.join(CODE_SERVER_PREFIX, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** Chromium's flags for a quiet, offline, headless run as root in a container. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * User settings of every test editor.
 * They keep focus in the editor (no chat, welcome page or secondary side bar), keep edits in memory (no auto-save, and no
 * saving after a quick fix, so a run never writes the fixtures), and turn off everything that would reach the network.
 */
export const TEST_USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.enableExperiments': false,
  'workbench.settings.enableNaturalLanguageSearch': false,
  'chat.commandCenter.enabled': false,
  'chat.disableAIFeatures': true,
  'chat.agent.enabled': false,
  'chat.setupFromDialog': false,
  'security.workspace.trust.enabled': false,
  'files.autoSave': 'off',
  'files.refactoring.autoSave': false,
  'files.hotExit': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'editor.minimap.enabled': false,
  'editor.hover.delay': 300,
  'window.commandCenter': false,
  'workbench.colorTheme': 'Default Light Modern',
};

/** Logs a line of the runner's own progress, set apart from the suite's output. */
export function note(message) {
  process.stdout.write(`[e2e] ${message}\n`);
}

/** Runs a command to completion, streaming its output, and throws with its exit code when it fails. */
function run(command, args, options = {}) {
  note(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
}

/**
 * The environment without the `npm_*` variables an enclosing `npm run` exports.
 * A nested npm reads them as its own configuration: an inherited `npm_config_user_agent` naming Node 20, for one, makes
 * code-server's install script refuse to run although Node 24 runs it.
 */
export function withoutNpmEnvironment(env = process.env) {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !/^npm_/i.test(name)));
}

function readStamp() {
  try {
    return JSON.parse(fs.readFileSync(STAMP, 'utf8'));
  } catch {
    return {};
  }
}

function nodeVersionOf(bin) {
  const result = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim().replace(/^v/, '') : undefined;
}

/** Holds .e2e/install.lock while installing, so that two runs started together do not install over each other. */
function withInstallLock(action) {
  fs.mkdirSync(E2E_DIR, { recursive: true });
  try {
    fs.mkdirSync(LOCK);
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
    const owner = Number(fs.readFileSync(path.join(LOCK, 'pid'), 'utf8').trim() || 0);
    if (owner && isAlive(owner)) throw new Error(`Another run (process ${owner}) is installing the editor-test tooling into ${E2E_DIR}; run again when it is done.`);
    note(`Taking over the stale install lock of process ${owner || 'unknown'}.`);
  }
  fs.writeFileSync(path.join(LOCK, 'pid'), String(process.pid));
  try {
    return action();
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/**
 * Makes sure Chromium, Node 24 and code-server are installed, installing what is missing.
 * Returns the paths the runners need and whether anything was installed.
 */
export function ensureTooling() {
  const stamp = readStamp();
  const nodeReady = stamp.node === NODE_VERSION && nodeVersionOf(NODE_BIN) === NODE_VERSION;
  const codeServerReady = nodeReady && stamp.codeServer === CODE_SERVER_VERSION && fs.existsSync(CODE_SERVER_ENTRY);
  const browserReady = fs.existsSync(CHROMIUM);
  if (nodeReady && codeServerReady && browserReady) {
    return { node: NODE_BIN, codeServer: CODE_SERVER_ENTRY, chromium: CHROMIUM, installed: false };
  }
  withInstallLock(() => {
    // libkrb5-dev provides gssapi/gssapi.h, which code-server's native modules compile against.
    ensureDebianPackages(codeServerReady ? ['chromium'] : ['chromium', 'libkrb5-dev'], { log: note, recommends: false });
    if (!nodeReady) {
      fs.rmSync(NODE_PREFIX, { recursive: true, force: true });
      fs.mkdirSync(NODE_PREFIX, { recursive: true });
      // The npm package `node` fetches the platform's Node build (binary and headers) from the npm registry in its install script.
      run('npm', ['install', '--prefix', NODE_PREFIX, '--no-audit', '--no-fund', '--no-save', `node@${NODE_VERSION}`], { env: withoutNpmEnvironment() });
      const version = nodeVersionOf(NODE_BIN);
      if (version !== NODE_VERSION) throw new Error(`Expected Node ${NODE_VERSION} at ${NODE_BIN}, found ${version ?? 'nothing'}.`);
    }
    if (!codeServerReady) {
      fs.rmSync(CODE_SERVER_PREFIX, { recursive: true, force: true });
      fs.mkdirSync(CODE_SERVER_PREFIX, { recursive: true });
      // Node 24 first on PATH runs npm, the install scripts and node-gyp; npm_config_nodedir gives node-gyp that Node's
      // headers, since it cannot download them offline.
      const env = { ...withoutNpmEnvironment(), PATH: `${path.dirname(NODE_BIN)}${path.delimiter}${process.env.PATH}`, npm_config_nodedir: NODE_HOME };
      run('npm', ['install', '--prefix', CODE_SERVER_PREFIX, '--no-audit', '--no-fund', '--no-save', `code-server@${CODE_SERVER_VERSION}`], { env });
      if (!fs.existsSync(CODE_SERVER_ENTRY)) throw new Error(`code-server installed, but ${CODE_SERVER_ENTRY} is missing.`);
    }
    fs.writeFileSync(STAMP, `${JSON.stringify({ node: NODE_VERSION, codeServer: CODE_SERVER_VERSION }, null, 2)}\n`);
  });
  return { node: NODE_BIN, codeServer: CODE_SERVER_ENTRY, chromium: CHROMIUM, installed: true };
}

/** Builds the extension bundles, with the Node that runs this script (the project's Node). */
export function buildExtension() {
  run(process.execPath, [path.join(REPO, 'scripts', 'build.mjs')], { cwd: REPO });
}

/** Compiles the editor tests (and what they import) into out/ with their own tsconfig. */
export function compileTests() {
  run(process.execPath, [path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(REPO, 'test', 'e2e', 'tsconfig.json')], { cwd: REPO });
}

/** Builds the extension bundles and compiles the editor tests. */
export function buildExtensionAndTests() {
  buildExtension();
  compileTests();
}

/**
 * Packages the extension with `npm run package` into `outFile`, from a staging folder that links every top-level entry of
 * the repository except dist/: the production build that packaging runs writes there, not over the bundles in dist/.
 */
export function packageVsix(outFile) {
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'waf-ai-lens-package-'));
  try {
    for (const name of fs.readdirSync(REPO)) {
      if (name === 'dist' || name === '.git' || name.endsWith('.vsix')) continue;
      fs.symlinkSync(path.join(REPO, name), path.join(stage, name));
    }
    // --follow-symlinks makes vsce walk the linked folders as the real ones.
    run('npm', ['run', '--silent', 'package', '--', '--out', outFile, '--follow-symlinks'], { cwd: stage, env: withoutNpmEnvironment() });
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

/** Installs a .vsix into the run's fresh extensions folder with code-server's own installer. */
export function installVsix(tooling, dirs, vsix) {
  const env = runEnvironment(dirs, { PATH: `${path.dirname(tooling.node)}${path.delimiter}${process.env.PATH}` });
  run(tooling.node, [tooling.codeServer, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', vsix], { env });
}

/**
 * A fresh folder for one run: the user data (with the test settings), extensions, TMP, HOME and XDG folders, and a copy of
 * the fixture workspace, because quick fixes and settings changes write into the workspace.
 */
export function createRunFolders(fixtureWorkspace, extraSettings = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'waf-ai-lens-e2e-'));
  const dirs = {
    root,
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    tmp: path.join(root, 'tmp'),
    home: path.join(root, 'home'),
    workspace: path.join(root, 'workspace'),
  };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  for (const xdg of ['config', 'cache', 'data', 'state']) fs.mkdirSync(path.join(dirs.home, `.${xdg}`), { recursive: true });
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), `${JSON.stringify({ ...TEST_USER_SETTINGS, ...extraSettings }, null, 2)}\n`);
  fs.cpSync(fixtureWorkspace, dirs.workspace, { recursive: true });
  return dirs;
}

/** The environment of every process of a run: its own HOME, TMPDIR and XDG folders, so runs never share state. */
export function runEnvironment(dirs, extra = {}) {
  return {
    ...process.env,
    HOME: dirs.home,
    TMPDIR: dirs.tmp,
    XDG_CONFIG_HOME: path.join(dirs.home, '.config'),
    XDG_CACHE_HOME: path.join(dirs.home, '.cache'),
    XDG_DATA_HOME: path.join(dirs.home, '.data'),
    XDG_STATE_HOME: path.join(dirs.home, '.state'),
    ...extra,
  };
}

async function freePort() {
  const server = net.createServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts code-server on 127.0.0.1 and a free port, in its own process group, and resolves when it says it is listening.
 * `stop()` ends the whole group: the server, its extension hosts and the language servers they started.
 */
export async function startCodeServer({ tooling, dirs, timeoutMs = 60_000 }) {
  const port = await freePort();
  const args = [
    tooling.codeServer,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    // Lets the workbench accept the `payload` query parameter (extensionDevelopmentPath, extensionTestsPath) and expose
    // `window.codeAutomationExit`, as VS Code's own smoke tests use it.
    '--vscode-option', 'enable-smoke-test-driver',
    // An orphaned extension host would otherwise wait hours for its browser to come back.
    '--reconnection-grace-time', '5',
    dirs.workspace,
  ];
  const logFile = path.join(dirs.root, 'code-server.log');
  const log = fs.openSync(logFile, 'a');
  const env = runEnvironment(dirs, { PATH: `${path.dirname(tooling.node)}${path.delimiter}${process.env.PATH}` });
  const child = spawn(tooling.node, args, { cwd: dirs.workspace, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const listening = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start listening within ${timeoutMs} ms; see ${logFile}`)), timeoutMs);
    const onData = (chunk) => {
      fs.writeSync(log, chunk);
      output += chunk.toString();
      if (/HTTP server listening on/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (code ${code}, signal ${signal}) before listening; see ${logFile}`));
    });
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) {
      killGroup(child.pid, 'SIGKILL');
      return;
    }
    killGroup(child.pid, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    // Extension hosts and language servers that outlived the server are in the same group.
    killGroup(child.pid, 'SIGKILL');
    fs.closeSync(log);
  };
  try {
    await listening;
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, url: `http://127.0.0.1:${port}`, logFile, stop };
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') throw error;
  }
}

/**
 * The workbench address that opens `folder` with the extension under development and, optionally, the test suite; with
 * `development: false`, only the extensions installed in the run's extensions folder.
 */
export function workbenchUrl(server, { folder, extensionTestsPath, development = true }) {
  const url = `${server.url}/?folder=${encodeURIComponent(folder)}`;
  if (!development) return url;
  const payload = [['extensionDevelopmentPath', `vscode-remote://remote${REPO}`]];
  if (extensionTestsPath) payload.push(['extensionTestsPath', `vscode-remote://remote${extensionTestsPath}`]);
  return `${url}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Launches the Debian Chromium headless through playwright-core (which downloads no browser of its own). */
export async function launchBrowser({ tooling, dirs }) {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: tooling.chromium,
    headless: true,
    args: CHROMIUM_ARGS,
    env: runEnvironment(dirs),
  });
}

/** Ends the runner when a deadline passes, after `cleanup`, so a hung editor can never hang CI. */
export function deadline(ms, what, cleanup) {
  const timer = setTimeout(async () => {
    note(`${what} did not finish within ${Math.round(ms / 1000)} s; stopping.`);
    await cleanup().catch((error) => note(`Cleanup failed: ${error.message}`));
    process.exit(124);
  }, ms);
  timer.unref();
  return timer;
}
