// Tests of lsp/modelCache.ts: one analysis per document version, least recently used first out, eviction on close.
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileAnalysis, FileKind, FileModel } from '../../../server/src/engine';
import type { Logger } from '../../../server/src/lsp/log';
import { ModelCache } from '../../../server/src/lsp/modelCache';

const quiet: Logger = { error() {}, warn() {}, info() {}, debug() {}, setLevel() {} };

/** A cache over a counting stand-in for the engine, so the tests see exactly when an analysis runs. */
function countingCache(capacity?: number): { cache: ModelCache; calls: string[] } {
  const calls: string[] = [];
  const analyze = (file: string, text: string, kind: FileKind): FileAnalysis => {
    calls.push(`${file}@${text}`);
    const language = kind === 'tf' || kind === 'tfvars' ? 'terraform' : 'bicep';
    const model: FileModel = { file, language, fileKind: kind, resources: [], parameters: [], variables: [], modules: [], declarations: [], parseErrors: [] };
    return { file, model, findings: [], notices: [] };
  };
  return { cache: new ModelCache(quiet, analyze, capacity), calls };
}

function doc(name: string, version: number, text: string): TextDocument {
  return TextDocument.create(`file:///ws/${name}`, 'bicep', version, text);
}

describe('lsp/modelCache', () => {
  it('analyses a version once and a new version again', () => {
    const { cache, calls } = countingCache();
    const first = cache.get(doc('a.bicep', 1, 'one'));
    assert.equal(cache.get(doc('a.bicep', 1, 'one')), first);
    cache.get(doc('a.bicep', 2, 'two'));
    assert.deepEqual(calls, ['/ws/a.bicep@one', '/ws/a.bicep@two']);
    assert.equal(cache.size, 1);
  });

  it('does not analyse documents the server ignores', () => {
    const { cache, calls } = countingCache();
    assert.equal(cache.get(TextDocument.create('file:///ws/notes.md', 'markdown', 1, 'x')), undefined);
    assert.equal(cache.get(TextDocument.create('untitled:Untitled-1', 'bicep', 1, 'x')), undefined);
    assert.deepEqual(calls, []);
  });

  it('drops the least recently used analysis when full', () => {
    const { cache, calls } = countingCache(2);
    cache.get(doc('a.bicep', 1, 'a'));
    cache.get(doc('b.bicep', 1, 'b'));
    cache.get(doc('a.bicep', 1, 'a')); // a is now the most recently used
    cache.get(doc('c.tf', 1, 'c')); // so b goes
    cache.get(doc('a.bicep', 1, 'a'));
    cache.get(doc('b.bicep', 1, 'b'));
    assert.deepEqual(calls, ['/ws/a.bicep@a', '/ws/b.bicep@b', '/ws/c.tf@c', '/ws/b.bicep@b']);
  });

  it('forgets a document on eviction', () => {
    const { cache, calls } = countingCache();
    cache.get(doc('a.bicep', 1, 'a'));
    cache.evict('file:///ws/a.bicep');
    cache.get(doc('a.bicep', 1, 'a'));
    assert.equal(calls.length, 2);
  });
});
