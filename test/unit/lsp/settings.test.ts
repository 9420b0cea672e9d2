// Tests of the server's settings store: precedence of config file and editor settings, folders, exclusion, change detection.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { parseConfigText } from '../../../server/src/engine';
import { isInside, SettingsStore } from '../../../server/src/lsp/settings';

const ROOT = path.resolve('/ws');
const NESTED = path.join(ROOT, 'nested');
const file = (...parts: string[]): string => path.join(ROOT, ...parts);

function store(): SettingsStore {
  const s = new SettingsStore();
  s.setFolders([
    { uri: 'file:///ws', path: ROOT },
    { uri: 'file:///ws/nested', path: NESTED },
  ]);
  s.takeChange();
  return s;
}

describe('lsp/settings', () => {
  it('lets the editor settings override the config file rule by rule, and adds up excludes', () => {
    const s = store();
    s.setConfigFile(ROOT, parseConfigText('{ "rules": { "require-search-replicas": "error", "require-disable-local-auth": "error" }, "exclude": ["legacy"] }'));
    s.setEditorSettings('file:///ws', { rules: { 'require-search-replicas': 'note' }, exclude: ['scratch/**'] });
    const resolved = s.resolve(file('main.bicep'));
    assert.deepEqual(resolved.options.rules, { 'require-search-replicas': 'note', 'require-disable-local-auth': 'error' });
    assert.equal(resolved.excluded, false);
    assert.equal(s.resolve(file('legacy', 'old.bicep')).excluded, true);
    assert.equal(s.resolve(file('scratch', 'try.tf')).excluded, true);
  });

  it('uses the innermost workspace folder, with globs relative to it', () => {
    const s = store();
    s.setConfigFile(NESTED, { config: { exclude: ['/main.bicep'] }, problems: [] });
    assert.equal(s.resolve(path.join(NESTED, 'main.bicep')).excluded, true);
    assert.equal(s.resolve(file('main.bicep')).excluded, false);
  });

  it('gives files outside every folder the global editor settings, and excludes none of them', () => {
    const s = store();
    s.setEditorSettings(undefined, { rules: { 'require-search-replicas': 'off' }, exclude: ['**'] });
    const outside = s.resolve(path.resolve('/elsewhere/main.bicep'));
    assert.deepEqual(outside.options.rules, { 'require-search-replicas': 'off' });
    assert.equal(outside.excluded, false);
  });

  it('reports a change only when what applies changed', () => {
    const s = store();
    s.setEditorSettings('file:///ws', {});
    assert.equal(s.takeChange(), false, 'empty settings change nothing');
    s.setEditorSettings('file:///ws', { rules: { 'require-search-replicas': 'off' } });
    assert.equal(s.takeChange(), true);
    s.setEditorSettings('file:///ws', { rules: { 'require-search-replicas': 'off' } });
    assert.equal(s.takeChange(), false, 'the same settings again change nothing');
  });

  it('tells inside from outside without being fooled by name prefixes', () => {
    assert.equal(isInside(file('a', 'b.tf'), ROOT), true);
    assert.equal(isInside(ROOT, ROOT), true);
    assert.equal(isInside(path.resolve('/ws2/main.tf'), ROOT), false);
    assert.equal(isInside(path.join(ROOT, '..foo', 'main.tf'), ROOT), true);
  });
});
