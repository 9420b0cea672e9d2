// The layering invariants of the README's Architecture section, enforced: the engine is pure, only lsp/ knows LSP.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../../support/repo';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Module specifiers a file imports or requires. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/(?:from\s+|require\(\s*|import\(\s*|import\s+)['"]([^'"]+)['"]/g)) found.push(match[1]!);
  return found;
}

const rel = (file: string): string => path.relative(REPO_ROOT, file);
const ENGINE = path.join(REPO_ROOT, 'server', 'src', 'engine');

describe('layering invariants', () => {
  it('the engine imports nothing from vscode, the LSP libraries, or node I/O, network, process and timer modules', () => {
    const forbidden = /^(vscode|vscode-languageserver.*|vscode-languageclient.*|vscode-jsonrpc|(node:)?(fs|fs\/promises|net|http|https|http2|dgram|dns|tls|child_process|worker_threads|cluster|timers|timers\/promises|vm))$/;
    const offenders = sourceFiles(ENGINE).flatMap((file) => importsOf(file).filter((m) => forbidden.test(m)).map((m) => `${rel(file)} imports ${m}`));
    assert.deepEqual(offenders, []);
  });

  it('the engine uses no eval, Function constructor, timers, process or network globals', () => {
    // The global eval, not a member call (`this.eval(…)`) nor a method declaration named eval.
    const banned = /(?<![.\w$])eval\s*\(|\bnew\s+Function\s*\(|\b(setTimeout|setInterval|setImmediate|fetch)\s*\(|\bprocess\.|\bXMLHttpRequest\b|\bWebSocket\b/;
    const methodDeclaration = /^\s*(?:(?:private|public|protected|static)\s+)*eval\s*\(/;
    const offenders = sourceFiles(ENGINE).flatMap((file) =>
      fs.readFileSync(file, 'utf8').split('\n').flatMap((line, i) => {
        const code = line.replace(/\/\/.*$/, '');
        return banned.test(code) && !methodDeclaration.test(code) ? [`${rel(file)}:${i + 1}: ${line.trim()}`] : [];
      }),
    );
    assert.deepEqual(offenders, []);
  });

  it('only server/src/lsp and server/src/server.ts import the LSP libraries on the server side', () => {
    const serverSrc = path.join(REPO_ROOT, 'server', 'src');
    const offenders = sourceFiles(serverSrc)
      .filter((file) => !file.startsWith(path.join(serverSrc, 'lsp') + path.sep) && file !== path.join(serverSrc, 'server.ts'))
      .flatMap((file) => importsOf(file).filter((m) => m.startsWith('vscode-languageserver')).map((m) => `${rel(file)} imports ${m}`));
    assert.deepEqual(offenders, []);
  });

  it('the client does no analysis: of the engine it imports only the review answers format, which imports no analysis', () => {
    // The answers file is written by the client and read by the CLI too, so its format has one home, in the engine.
    const answersModule = path.join(ENGINE, 'review', 'answers');
    const offenders = sourceFiles(path.join(REPO_ROOT, 'client', 'src')).flatMap((file) =>
      importsOf(file)
        .filter((m) => m.includes('engine') && path.resolve(path.dirname(file), m) !== answersModule)
        .map((m) => `${rel(file)} imports ${m}`),
    );
    assert.deepEqual(offenders, []);
    // What the client bundles with it: the strict JSON reader and types, nothing that analyses.
    assert.deepEqual(importsOf(`${answersModule}.ts`).sort(), ['../config/json', '../types']);
  });

  it('every source file opens with a one-line comment saying what it is for', () => {
    const roots = ['server/src', 'client/src', 'scripts'].map((p) => path.join(REPO_ROOT, p)).filter((p) => fs.existsSync(p));
    const offenders = roots.flatMap(sourceFiles).filter((file) => {
      const first = fs.readFileSync(file, 'utf8').split('\n').find((line) => line.trim() !== '' && !line.startsWith('#!'));
      return !first || !/^\s*\/\/\s*\S/.test(first);
    });
    assert.deepEqual(offenders.map(rel), []);
  });
});
