// Security: no processes, network or eval anywhere; an honest untrusted-workspace declaration; no reads outside the workspace; no raw control characters on a terminal.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import fsModule = require('node:fs');
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as ts from 'typescript';
import * as engine from '../../server/src/engine';
import { isExcluded, parseConfigText } from '../../server/src/engine';
import { REPO_ROOT } from '../support/repo';
import { makeTempDir, removeDir, runCli, writeFiles } from './support/cli';
import { assertHealthy, diagnosticsFor, startServer, workspaceFixture, type Session } from './support/server';

// ---------------------------------------------------------------------------------------------------------------
// Source checks, on the TypeScript syntax tree rather than on text, so that a method named `eval` or a comment is no false alarm.

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

const rel = (file: string): string => path.relative(REPO_ROOT, file).split(path.sep).join('/');

/** Calls `visit` on every node of every file, with a `where` string for failure messages. */
function scan(files: readonly string[], visit: (node: ts.Node, where: () => string) => string | undefined): string[] {
  const offenders: string[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const walk = (node: ts.Node): void => {
      const where = (): string => `${rel(file)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
      const found = visit(node, where);
      if (found) offenders.push(found);
      ts.forEachChild(node, walk);
    };
    walk(source);
  }
  return offenders;
}

/** The module a node imports, requires or re-exports, if it does. */
function importedModule(node: ts.Node): string | undefined {
  if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) return node.moduleSpecifier.text;
  if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
    return node.moduleReference.expression.text;
  }
  if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) {
    const [first] = node.arguments;
    return first && ts.isStringLiteralLike(first) ? first.text : '<computed>';
  }
  return undefined;
}

/** Modules that start processes, open connections or evaluate code, and the network clients of the npm registry. */
const FORBIDDEN_MODULES = /^(?:node:)?(?:child_process|cluster|net|http|https|http2|dgram|tls|dns|vm|repl|inspector)$|^(?:undici|node-fetch|axios|got|ws|request)$/;

/** Globals that fetch, connect or evaluate code. */
const FORBIDDEN_CALLS = new Set(['eval', 'fetch']);
const FORBIDDEN_CONSTRUCTORS = new Set(['Function', 'WebSocket', 'XMLHttpRequest', 'EventSource']);

/** fs calls that write, move or delete: the language server only reads (its untrusted-workspace declaration says so). */
const WRITING_CALLS = /^(?:writeFile|appendFile|mkdir|mkdtemp|rm|rmdir|unlink|rename|copyFile|cp|symlink|link|chmod|chown|lchown|truncate|ftruncate|utimes|futimes|lutimes|createWriteStream|write|writev)(?:Sync)?$/;

const SERVER_SRC = path.join(REPO_ROOT, 'server', 'src');
const CLIENT_SRC = path.join(REPO_ROOT, 'client', 'src');

describe('robustness: security', function () {
  this.timeout(60_000);

  describe('no processes, no network, no eval', () => {
    const files = (): string[] => [...sourceFiles(SERVER_SRC), ...sourceFiles(CLIENT_SRC)];

    it('server/src (engine, language server, CLI) and client/src import no process, network or code-evaluation module', () => {
      const offenders = scan(files(), (node, where) => {
        const module = importedModule(node);
        return module !== undefined && (FORBIDDEN_MODULES.test(module) || module === '<computed>') ? `${where()} imports ${module}` : undefined;
      });
      assert.deepEqual(offenders, []);
    });

    it('nor call eval, the Function constructor, string timers, fetch or WebSocket', () => {
      const offenders = scan(files(), (node, where) => {
        if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
          const callee = node.expression;
          const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) && ['globalThis', 'global', 'window', 'self'].includes(callee.expression.getText()) ? callee.name.text : undefined;
          if (name === undefined) return undefined;
          if (ts.isCallExpression(node) && FORBIDDEN_CALLS.has(name)) return `${where()} calls ${name}`;
          if (FORBIDDEN_CONSTRUCTORS.has(name)) return `${where()} uses ${name}`;
          const first = node.arguments?.[0];
          if (['setTimeout', 'setInterval', 'setImmediate'].includes(name) && first && ts.isStringLiteralLike(first)) return `${where()} passes code as a string to ${name}`;
        }
        return undefined;
      });
      assert.deepEqual(offenders, []);
    });

    it('the language server (server.ts, lsp/, engine/) writes, moves and deletes no file', () => {
      const serverFiles = sourceFiles(SERVER_SRC).filter((f) => !f.startsWith(path.join(SERVER_SRC, 'cli') + path.sep) && f !== path.join(SERVER_SRC, 'cli.ts'));
      const offenders = serverFiles.flatMap((file) => {
        // The names this file binds to the fs modules: `import * as fs`, `import fs`, `import { writeFileSync }`.
        const fsNames = new Set<string>();
        scan([file], (node) => {
          if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && /^(?:node:)?fs(?:\/promises)?$/.test(node.moduleSpecifier.text)) {
            const bindings = node.importClause;
            if (bindings?.name) fsNames.add(bindings.name.text);
            const named = bindings?.namedBindings;
            if (named && ts.isNamespaceImport(named)) fsNames.add(named.name.text);
            if (named && ts.isNamedImports(named)) for (const element of named.elements) if (WRITING_CALLS.test((element.propertyName ?? element.name).text)) fsNames.add(`=${element.name.text}`);
          }
          return undefined;
        });
        return scan([file], (node, where) => {
          if (!ts.isCallExpression(node)) return undefined;
          const callee = node.expression;
          if (ts.isIdentifier(callee) && fsNames.has(`=${callee.text}`)) return `${where()} calls ${callee.text}`;
          if (!ts.isPropertyAccessExpression(callee) || !WRITING_CALLS.test(callee.name.text)) return undefined;
          const receiver = callee.expression.getText();
          return fsNames.has(receiver) || fsNames.has(receiver.replace(/\.promises$/, '')) ? `${where()} calls ${receiver}.${callee.name.text}` : undefined;
        });
      });
      assert.deepEqual(offenders, []);
    });
  });

  describe('the untrusted-workspace declaration', () => {
    interface Manifest {
      capabilities?: { untrustedWorkspaces?: { supported?: boolean | 'limited'; description?: string; restrictedConfigurations?: string[] } };
      contributes?: { configuration?: { properties?: Record<string, { type?: string | string[]; description?: string; markdownDescription?: string; scope?: string }> } };
    }
    const manifest = (): Manifest => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;

    it('is present, and says the extension only reads files and runs nothing from the workspace', () => {
      const untrusted = manifest().capabilities?.untrustedWorkspaces;
      assert.ok(untrusted, 'package.json must declare capabilities.untrustedWorkspaces');
      assert.equal(untrusted.supported, true);
      assert.match(untrusted.description ?? '', /only reads/i);
      assert.match(untrusted.description ?? '', /never runs/i);
    });

    /** Settings that only narrow what is analysed: they cannot make the server read or run anything more. */
    const NARROWING_ONLY = new Set(['wafAiLens.exclude', 'wafAiLens.rules', 'wafAiLens.pillars', 'wafAiLens.trace.server']);

    it('is honest about settings: any setting that could name a file to read or a program to run is restricted in untrusted workspaces', () => {
      const { capabilities, contributes } = manifest();
      const restricted = new Set(capabilities?.untrustedWorkspaces?.restrictedConfigurations ?? []);
      const risky = Object.entries(contributes?.configuration?.properties ?? {}).filter(([name, property]) => {
        if (NARROWING_ONLY.has(name) || restricted.has(name)) return false;
        // A machine-scoped setting cannot come from the workspace at all.
        if (property.scope === 'machine' || property.scope === 'application') return false;
        return /path|file|folder|dir|command|executable|program|url|include|root/i.test(`${name} ${property.description ?? ''} ${property.markdownDescription ?? ''}`);
      });
      assert.deepEqual(risky.map(([name]) => name), [], 'list these in capabilities.untrustedWorkspaces.restrictedConfigurations, or make them machine-scoped');
    });
  });

  describe('files outside the workspace', () => {
    let root: string;
    let workspace: string;
    let outside: string;

    /** A workspace whose modules and parameter files lead outside it in every way, and an outside folder whose files would be found. */
    beforeEach(() => {
      root = makeTempDir('escape');
      workspace = path.join(root, 'workspace');
      outside = path.join(root, 'outside');
      const secretBicep = "resource leak 'Microsoft.CognitiveServices/accounts@2024-10-01' = {\n  name: 'leak'\n  kind: 'OpenAI'\n  properties: {\n    disableLocalAuth: false\n  }\n}\n";
      const secretTf = 'resource "azurerm_cognitive_account" "leak" {\n  kind               = "OpenAI"\n  local_auth_enabled = true\n}\n';
      writeFiles(outside, { 'secret.bicep': secretBicep, 'main.bicep': secretBicep, 'tf/main.tf': secretTf, 'config.json': '{ "rules": { "require-disable-local-auth": "off" } }' });
      writeFiles(workspace, {
        'main.bicep': [
          "module up '../outside/secret.bicep' = {\n  name: 'up'\n}",
          `module absolute '${path.join(outside, 'secret.bicep')}' = {\n  name: 'absolute'\n}`,
          "module linked './linked/secret.bicep' = {\n  name: 'linked'\n}",
          "module looped './loop/loop/loop/secret.bicep' = {\n  name: 'looped'\n}",
          "module deep '../../../../../../../../../../etc/passwd.bicep' = {\n  name: 'deep'\n}",
          '',
        ].join('\n'),
        'main.bicepparam': "using '../outside/main.bicep'\n",
        'other.bicepparam': `using '${path.join(outside, 'main.bicep')}'\n`,
        'main.tf': [
          'module "up" {\n  source = "../outside/tf"\n}',
          `module "absolute" {\n  source = "${path.join(outside, 'tf')}"\n}`,
          'module "linked" {\n  source = "./linked/tf"\n}',
          'module "looped" {\n  source = "./loop/loop"\n}',
          '',
        ].join('\n'),
        'main.tfvars': 'x = "../outside/tf"\n',
      });
      fs.symlinkSync(outside, path.join(workspace, 'linked'));
      fs.symlinkSync(path.join(workspace, 'loop'), path.join(workspace, 'loop'));
    });

    afterEach(() => removeDir(root));

    /** Runs `action` with every content read of the fs module recorded: files opened or read, folders listed. */
    async function recordingReads<T>(action: () => Promise<T>): Promise<{ result: T; reads: string[] }> {
      const reads: string[] = [];
      // The module object itself: the CLI's `import * as fs` reads its functions from it at each call.
      const mutable = fsModule as unknown as Record<string, (...args: unknown[]) => unknown>;
      const names = ['openSync', 'readFileSync', 'readdirSync', 'open', 'readFile', 'readdir', 'createReadStream', 'opendirSync', 'opendir'];
      const originals = names.map((name) => [name, mutable[name]!] as const);
      for (const [name, original] of originals) {
        mutable[name] = function (this: unknown, ...args: unknown[]) {
          if (typeof args[0] === 'string' || args[0] instanceof URL) reads.push(path.resolve(String(args[0] instanceof URL ? args[0].pathname : args[0])));
          return original.apply(this, args);
        };
      }
      try {
        return { result: await action(), reads };
      } finally {
        for (const [name, original] of originals) mutable[name] = original;
      }
    }

    /** True when `file` really lies outside `folder`: lexically, or through a symbolic link on its way. */
    function outsideOf(file: string, folder: string): boolean {
      let real = file;
      try {
        real = fs.realpathSync(file);
      } catch {
        // Not there (or a loop): judge by the path as written.
      }
      return [file, real].some((p) => {
        const relative = path.relative(folder, p);
        return relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
      });
    }

    it('the CLI never reads a file outside the folder it reviews, nor reports on one', async () => {
      const { result: run, reads } = await recordingReads(() => runCli(['review', '.', '--format', 'json'], workspace));
      const escaped = reads.filter((p) => outsideOf(p, workspace) && !p.startsWith(REPO_ROOT));
      assert.deepEqual(escaped, [], 'files outside the reviewed folder were read');
      const report = JSON.parse(run.stdout) as { files: Array<{ path: string }>; findings: Array<{ file: string; resource: { name: string } }> };
      assert.deepEqual(report.files.map((f) => f.path).sort(), ['main.bicep', 'main.bicepparam', 'main.tf', 'main.tfvars', 'other.bicepparam']);
      assert.ok(report.findings.every((f) => !/leak/.test(f.resource.name) && !f.file.includes('..')), 'a finding from outside the workspace');
      // Module and parameter-file paths that lead outside the workspace are refused, each in a notice on the file that names it.
      const notices = (JSON.parse(run.stdout) as { notices: Array<{ file: string; message: string }> }).notices.map((n) => `${n.file}: ${n.message}`);
      const outsideSources: Array<[string, string]> = [
        ['main.bicep', '../outside/secret.bicep'],
        ['main.bicep', path.join(outside, 'secret.bicep')],
        ['main.bicep', '../../../../../../../../../../etc/passwd.bicep'],
        ['main.bicepparam', '../outside/main.bicep'],
        ['other.bicepparam', path.join(outside, 'main.bicep')],
        ['main.tf', '../outside/tf'],
      ];
      for (const [file, source] of outsideSources) {
        assert.ok(notices.some((n) => n.startsWith(`${file}: `) && n.includes(`\`${source}\``) && /outside the workspace/.test(n)), `no notice that ${source} in ${file} is outside:\n${notices.join('\n')}`);
      }
      // Through a symbolic link, or a loop of them: not read either, and said so (today as "not found").
      const linkedSources: Array<[string, string]> = [['main.bicep', './linked/secret.bicep'], ['main.bicep', './loop/loop/loop/secret.bicep'], ['main.tf', './linked/tf'], ['main.tf', './loop/loop']];
      for (const [file, source] of linkedSources) {
        assert.ok(notices.some((n) => n.startsWith(`${file}: `) && n.includes(`\`${source}\``)), `no notice about ${source} in ${file}:\n${notices.join('\n')}`);
      }
    });

    it('analyzeWorkspace never asks for a file above its root, and gives each module or template that leads there a notice', () => {
      const secret = fs.readFileSync(path.join(outside, 'secret.bicep'), 'utf8');
      // What a careless reading callback could serve: files outside the root are there to be read, if the engine asked.
      const disk: Record<string, string> = {
        '/outside/secret.bicep': secret,
        '/outside/main.bicep': secret,
        '/outside/tf/main.tf': fs.readFileSync(path.join(outside, 'tf', 'main.tf'), 'utf8'),
        '/etc/passwd.bicep': secret,
        '/ws/cycle-a.bicep': "module b './cycle-b.bicep' = {\n  name: 'b'\n}\n",
        '/ws/cycle-b.bicep': "module a './cycle-a.bicep' = {\n  name: 'a'\n}\n",
      };
      const text = (name: string): string => fs.readFileSync(path.join(workspace, name), 'utf8').replaceAll(outside, '/outside');
      const inputs = ['main.bicep', 'main.bicepparam', 'other.bicepparam', 'main.tf', 'main.tfvars'].map((name) => ({ file: `/ws/${name}`, text: text(name) }));
      inputs.push({ file: '/ws/cycle.bicep', text: "module a './cycle-a.bicep' = {\n  name: 'a'\n}\n" });
      const asked: string[] = [];
      const started = performance.now();
      const analysis = engine.analyzeWorkspace(inputs, {
        root: '/ws',
        // The callers (CLI, server) also refuse paths inside the root that a symbolic link leads out of: `linked`, `loop` here.
        readFile: (p) => (asked.push(p), p.startsWith('/ws/linked/') || p.startsWith('/ws/loop/') ? undefined : disk[p]),
        listFiles: (folder) => (asked.push(`${folder}/`), Object.keys(disk).filter((p) => p.startsWith(`${folder}/`))),
      });
      assert.ok(performance.now() - started < 5000, 'module cycles end');
      assert.deepEqual(asked.filter((p) => !p.startsWith('/ws/')), [], 'the engine asked for files above its root');
      assert.ok(analysis.files.every((f) => f.file.startsWith('/ws/')), `analyses of files outside: ${analysis.files.map((f) => f.file).join(', ')}`);
      assert.ok(analysis.files.every((f) => f.findings.every((x) => !/leak/.test(x.resourceName))), 'findings from outside the root');
      const notices = analysis.files.flatMap((f) => f.notices.map((n) => `${f.file}: ${n.message}`));
      for (const [file, source] of [
        ['/ws/main.bicep', '../outside/secret.bicep'],
        ['/ws/main.bicep', '/outside/secret.bicep'],
        ['/ws/main.bicep', '../../../../../../../../../../etc/passwd.bicep'],
        ['/ws/main.bicepparam', '../outside/main.bicep'],
        ['/ws/other.bicepparam', '/outside/main.bicep'],
        ['/ws/main.tf', '../outside/tf'],
      ]) {
        assert.ok(
          notices.some((n) => n.startsWith(`${file}: `) && n.includes(`\`${source}\``) && /outside the workspace/.test(n)),
          `no notice that ${source} in ${file} leads outside the workspace:\n${notices.join('\n')}`,
        );
      }
      for (const module of ['./linked/secret.bicep', './loop/loop/loop/secret.bicep']) {
        assert.ok(notices.some((n) => n.includes(module)), `no notice that ${module} could not be read:\n${notices.join('\n')}`);
      }
      assert.ok(notices.some((n) => /cycle/.test(n)), 'no notice about the module cycle');
      // An absolute Terraform module source above the root is refused like a relative one.
      assert.ok(notices.some((n) => n.startsWith('/ws/main.tf: ') && n.includes('`/outside/tf`') && /outside the workspace/.test(n)), notices.join('\n'));
    });

    it('the language server publishes nothing for files outside the workspace, whatever the modules name', async () => {
      const session = await startServer(workspace);
      try {
        for (const name of ['main.bicep', 'main.tf', 'main.bicepparam']) {
          const uri = pathToFileURL(path.join(workspace, name)).href;
          await session.client.open(uri, fs.readFileSync(path.join(workspace, name), 'utf8'));
          await diagnosticsFor(session.client, uri, 1);
        }
        await assertHealthy(session);
        const elsewhere = [...session.client.published.keys()].filter((uri) => !uri.startsWith(pathToFileURL(workspace).href + '/'));
        assert.deepEqual(elsewhere, []);
      } finally {
        session.client.dispose();
      }
    });

    it("the language server's workload review does not read modules through a symbolic link that leads outside", async () => {
      const session = await startServer(workspace);
      try {
        const result = await session.client.connection.sendRequest<{ files: Record<string, string> }>('wafAiLens/review', {});
        const readThroughLink = Object.keys(result.files).filter((file) => file.startsWith('linked/') || file.startsWith('loop/'));
        // `linked` links to a folder outside the workspace: nothing under it is read (real paths are compared, as the CLI's walk does).
        assert.deepEqual(readThroughLink.sort(), []);
      } finally {
        session.client.dispose();
      }
    });

    it('a config file cannot widen what is read: unknown keys are ignored, and exclusions never reach outside', () => {
      const parsed = parseConfigText(
        JSON.stringify({ include: ['/etc/**'], roots: ['/'], modules: { path: '../..' }, exclude: ['../**', '/etc/passwd', '**/../../**', '**'], rules: {}, $schema: 'http://example.invalid/x.json' }),
      );
      assert.deepEqual(Object.keys(parsed.config).sort(), ['exclude', 'rules']);
      assert.ok(parsed.problems.filter((p) => /Unknown setting/.test(p.message)).length === 3, parsed.problems.map((p) => p.message).join('\n'));
      for (const outsidePath of ['../outside/main.bicep', '../../etc/passwd', '..']) assert.equal(isExcluded(outsidePath, parsed.config.exclude ?? []), false, outsidePath);
    });

    it('the language server does not read a config file that is a symbolic link to a file outside the workspace', async () => {
      fs.symlinkSync(path.join(outside, 'config.json'), path.join(workspace, '.waf-ai-lens.json'));
      let session: Session | undefined;
      try {
        session = await startServer(workspace);
        const { uri, text } = workspaceFixture(workspace, 'openai.bicep', 'probe.bicep');
        await session.client.open(uri, text);
        const published = await diagnosticsFor(session.client, uri, 1);
        const keyAuth = published.diagnostics.some((d) => d.code === 'require-disable-local-auth');
        // The `.waf-ai-lens.json` links to a file outside the workspace, so it is not read and cannot turn the rule off.
        assert.equal(keyAuth, true);
      } finally {
        session?.client.dispose();
      }
    });
  });

  describe('names and values from the code never reach a terminal raw', () => {
    let workspace: string;

    /** Resource names with terminal escapes (ANSI colour, OSC title, C1 CSI), as HCL escapes and as raw bytes. */
    const HOSTILE_TF = [
      'resource "azurerm_cognitive_account" "\\u001b[31mred\\u001b[0m\\u0007" {\n  kind = "OpenAI"\n  local_auth_enabled = true\n}\n',
      'resource "azurerm_cognitive_account" "raw\u001b]0;pwned\u0007\u009b2J\u007f" {\n  kind = "OpenAI"\n  local_auth_enabled = true\n}\n',
    ].join('\n');
    const HOSTILE_BICEP = "resource ok 'Microsoft.CognitiveServices/accounts@2024-10-01' = {\n  name: 'x\u001b[2J'\n  kind: 'OpenAI'\n  properties: {\n    disableLocalAuth: false\n    publicNetworkAccess: 'Enabled'\n  }\n}\n\u001b[31m junk \u0007\n";

    beforeEach(() => {
      workspace = makeTempDir('hostile');
      writeFiles(workspace, { 'main.tf': HOSTILE_TF, 'main.bicep': HOSTILE_BICEP, 'name\u001b[2Jwith\u0007escapes.tf': HOSTILE_TF });
    });

    afterEach(() => removeDir(workspace));

    /** Control characters other than the line feed: what must never come from a file onto a terminal. */
    const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

    it('text output shows them as harmless characters, with or without colour', async () => {
      for (const env of [{ NO_COLOR: '1' }, { FORCE_COLOR: '1' }] as Record<string, string>[]) {
        const run = await runCli(['review', '.'], workspace, env, true);
        assert.match(run.stdout, /azurerm_cognitive_account\.\?\[31mred/, 'the hostile name is shown, defused');
        // Colour is our own SGR sequences; take them out, and nothing else may be a control character.
        const stdout = run.stdout.replace(/\u001b\[\d+m/g, '');
        const bad = stdout.split('\n').filter((line) => CONTROL.test(line));
        assert.deepEqual(bad, [], `${JSON.stringify(env)}: lines with raw control characters`);
      }
    });

    it('JSON and SARIF output keep the names exactly, escaped, in valid JSON', async () => {
      for (const format of ['json', 'sarif']) {
        const run = await runCli(['review', '.', '--format', format], workspace);
        assert.doesNotMatch(run.stdout, /[\u0000-\u0009\u000b-\u001f]/, `${format}: a raw C0 control character`);
        const parsed = JSON.parse(run.stdout) as unknown;
        const names = JSON.stringify(parsed);
        assert.ok(names.includes('raw\\u001b]0;pwned\\u0007'), `${format}: the name is kept, escaped`);
      }
    });

    it('stderr problem lines with a hostile file name', async () => {
      writeFiles(workspace, { 'bin\u001b]0;pwned\u0007.tf': Buffer.from([0, 1, 2, 3]) });
      const run = await runCli(['review', '.'], workspace);
      const line = run.stderr.split('\n').find((l) => l.includes('looks binary')) ?? '';
      // A file named with an OSC sequence must not retitle the user's terminal: the path goes through `oneLine`.
      assert.ok(line.length > 0, 'the binary file is reported');
      assert.equal(CONTROL.test(line), false, line);
    });
  });
});
