// Tests that an instance is evaluated again when a file it read besides its own (a Bicep import, a loaded text) changes, appears or goes.
import * as assert from 'node:assert/strict';
import { Workspace, type WorkspaceAnalysis } from '../../../server/src/engine';

/** An Azure OpenAI account whose network access and key setting come from the expressions given. */
const account = (access: string, localAuth: string): string => `resource aoai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'aoai'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    publicNetworkAccess: ${access}
    disableLocalAuth: ${localAuth}
  }
}
`;

const IMPORTER = `import { access } from './shared.bicep'\n\n${account('access', 'true')}`;
const LOADER = `var cfg = loadJsonContent('settings.json')\n\n${account('cfg.access', 'cfg.disableLocalAuth')}`;
const shared = (access: string): string => `@export()\nvar access = '${access}'\n`;
const settings = (access: string, disableLocalAuth: boolean): string => JSON.stringify({ access, disableLocalAuth }, null, 2);

/**
 * A workspace over given files, reading other files from `disk` (which the test changes, as a user changes files on
 * disk): `readFile` answers only files that are not given, as the language server's does.
 */
function workspaceOf(given: Readonly<Record<string, string>>, disk: Readonly<Record<string, string>>): Workspace {
  const ws = new Workspace({ root: '.', readFile: (path) => disk[path] });
  for (const [file, text] of Object.entries(given)) ws.update(file, text);
  return ws;
}

/** Everything the analysis says, with instance ids (numbered in evaluation order) left out. */
function plain(analysis: WorkspaceAnalysis): unknown {
  const json = JSON.stringify({ files: analysis.files, nodes: analysis.graph.nodes.map((n) => n.id), edges: analysis.graph.edges });
  return JSON.parse(json.replace(/"i\d+#/g, '"#'));
}

/** The rule ids of a file's findings, sorted. */
function rules(analysis: WorkspaceAnalysis, file: string): string[] {
  return (analysis.files.find((f) => f.file === file)?.findings ?? []).map((f) => f.ruleId).sort();
}

interface Case {
  name: string;
  given: Record<string, string>;
  disk: Record<string, string>;
  /** The change: new given texts (undefined removes), and the disk after it (when given, `invalidateReads` follows). */
  edit: { given?: Record<string, string | undefined>; disk?: Record<string, string> };
}

const CASES: Case[] = [
  {
    name: 'an imported Bicep file that is edited',
    given: { 'main.bicep': IMPORTER, 'shared.bicep': shared('Disabled') },
    disk: {},
    edit: { given: { 'shared.bicep': shared('Enabled') } },
  },
  {
    name: 'an imported Bicep file that was missing and is then given',
    given: { 'main.bicep': IMPORTER },
    disk: {},
    edit: { given: { 'shared.bicep': shared('Enabled') } },
  },
  {
    name: 'an imported Bicep file that is removed',
    given: { 'main.bicep': IMPORTER, 'shared.bicep': shared('Enabled') },
    disk: {},
    edit: { given: { 'shared.bicep': undefined } },
  },
  {
    name: 'an imported Bicep file read from disk that changes there',
    given: { 'main.bicep': IMPORTER },
    disk: { 'shared.bicep': shared('Disabled') },
    edit: { disk: { 'shared.bicep': shared('Enabled') } },
  },
  {
    name: 'a loaded JSON file that changes on disk',
    given: { 'main.bicep': LOADER },
    disk: { 'settings.json': settings('Disabled', true) },
    edit: { disk: { 'settings.json': settings('Enabled', false) } },
  },
  {
    name: 'a loaded JSON file that was missing and then appears',
    given: { 'main.bicep': LOADER },
    disk: {},
    edit: { disk: { 'settings.json': settings('Enabled', false) } },
  },
  {
    name: 'a loaded JSON file that goes',
    given: { 'main.bicep': LOADER },
    disk: { 'settings.json': settings('Enabled', false) },
    edit: { disk: {} },
  },
];

describe('workspace: files read besides a unit’s own', () => {
  for (const c of CASES) {
    it(`${c.name} updates the reader’s findings, as a fresh workspace has them`, () => {
      let disk = { ...c.disk };
      const ws = new Workspace({ root: '.', readFile: (path) => disk[path] });
      for (const [file, text] of Object.entries(c.given)) ws.update(file, text);
      const before = rules(ws.analyses(), 'main.bicep');

      const given = { ...c.given };
      for (const [file, text] of Object.entries(c.edit.given ?? {})) {
        if (text === undefined) {
          ws.remove(file);
          delete given[file];
        } else {
          ws.update(file, text);
          given[file] = text;
        }
      }
      if (c.edit.disk) {
        disk = { ...c.edit.disk };
        ws.invalidateReads();
      }
      const after = ws.analyses();
      assert.ok(ws.stats.lastEvaluated.includes('bicep:main.bicep'), 'the reader is evaluated again');
      assert.notDeepEqual(rules(after, 'main.bicep'), before, 'the change reaches the reader’s findings');
      assert.deepEqual(plain(after), plain(workspaceOf(given, disk).analyses()), 'the same answer as a fresh workspace');
    });
  }

  it('a loaded file read again with the same text leaves the reader as it was', () => {
    const disk = { 'settings.json': settings('Enabled', false) };
    const ws = workspaceOf({ 'main.bicep': LOADER }, disk);
    const before = ws.analyses().files.find((f) => f.file === 'main.bicep');
    ws.invalidateReads();
    const after = ws.analyses().files.find((f) => f.file === 'main.bicep');
    assert.deepEqual(ws.stats.lastEvaluated, [], 'nothing is evaluated again');
    assert.equal(after, before, 'the file keeps its analysis object');
  });

  it('an edit of an unrelated file does not read the loaded file again', () => {
    const asked: string[] = [];
    const ws = new Workspace({ root: '.', readFile: (path) => (asked.push(path), path === 'settings.json' ? settings('Enabled', false) : undefined) });
    ws.update('main.bicep', LOADER);
    ws.update('other.bicep', account("'Disabled'", 'true'));
    ws.analyses();
    const reads = asked.filter((p) => p === 'settings.json').length;
    ws.update('other.bicep', `${account("'Disabled'", 'true')}// edited\n`);
    ws.analyses();
    assert.deepEqual(ws.stats.lastEvaluated, ['bicep:other.bicep']);
    assert.equal(asked.filter((p) => p === 'settings.json').length, reads, 'the text is remembered until `invalidateReads`');
  });
});

describe('workspace: one loaded file changed on disk', () => {
  it('`invalidateRead` reads that file again, and says whether any instance read it', () => {
    const disk: Record<string, string> = { 'settings.json': settings('Disabled', true) };
    const ws = workspaceOf({ 'main.bicep': LOADER, 'other.bicep': account("'Disabled'", 'true') }, disk);
    const before = rules(ws.analyses(), 'main.bicep');
    disk['settings.json'] = settings('Enabled', false);
    assert.equal(ws.invalidateRead('unrelated.json'), false, 'a file no instance read');
    assert.equal(ws.invalidateRead('settings.json'), true);
    const after = ws.analyses();
    assert.deepEqual(ws.stats.lastEvaluated, ['bicep:main.bicep'], 'only its reader is evaluated again');
    assert.notDeepEqual(rules(after, 'main.bicep'), before);
    assert.deepEqual(plain(after), plain(workspaceOf({ 'main.bicep': LOADER, 'other.bicep': account("'Disabled'", 'true') }, disk).analyses()));
  });
});
