// Tests the pure parts of the latency and review benches: where keystrokes land, the generated workspaces, /proc parsing, the server variant's patch.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Language } from '../../../server/src/engine/model/types';
import { parseBicep } from '../../../server/src/engine/parse/bicep';
import { parseHcl } from '../../../server/src/engine/parse/hcl';
import { generateBicep, generateTerraform } from '../../../scripts/bench/generate';
import { generateWorkspace } from '../../../scripts/bench/generate-workspace';
import { applyKeystrokes, editSites, typingSessions } from '../../../scripts/bench/keystroke';
import { parseProcStatus } from '../../../scripts/bench/memory';
import { repoRoot } from '../../../scripts/bench/repo';
import { hoverOffsets } from '../../../scripts/bench/requests';
import { applyPatch, VARIANTS, type SourcePatch } from '../../../scripts/bench/server-variant';

interface SiteCase {
  name: string;
  language: Language;
  text: string;
  /** The text with `|` at every site, string sites and number sites alike. */
  marked: string;
}

const SITES: SiteCase[] = [
  {
    name: 'Bicep: before the closing quote of a plain string, after the digits of a number',
    language: 'bicep',
    text: "resource a 'T@1' = {\n  name: 'chat'\n  properties: {\n    capacity: 30\n  }\n}\n",
    marked: "resource a 'T@1' = {\n  name: 'chat|'\n  properties: {\n    capacity: 30|\n  }\n}\n",
  },
  {
    name: 'Bicep: interpolated, escaped and multi-line strings, expressions and trailing comments are no sites',
    language: 'bicep',
    text: "x: '${p}-a'\ny: 'it\\'s'\nz: '''\nw: a.b\nv: 'ok' // note\nu: ''\n",
    marked: "x: '${p}-a'\ny: 'it\\'s'\nz: '''\nw: a.b\nv: 'ok' // note\nu: '|'\n",
  },
  {
    name: 'Terraform: plain strings and numbers after `=`, not templates, directives or references',
    language: 'terraform',
    text: 'resource "t" "n" {\n  name     = "chat"\n  capacity = 30\n  id       = "${var.x}"\n  tpl      = "%{if a}b%{endif}"\n  ref      = var.y\n}\n',
    marked: 'resource "t" "n" {\n  name     = "chat|"\n  capacity = 30|\n  id       = "${var.x}"\n  tpl      = "%{if a}b%{endif}"\n  ref      = var.y\n}\n',
  },
];

function mark(text: string, offsets: readonly number[]): string {
  return [...offsets].sort((a, b) => b - a).reduce((t, offset) => `${t.slice(0, offset)}|${t.slice(offset)}`, text);
}

const parse = (language: Language, text: string) => (language === 'bicep' ? parseBicep(text) : parseHcl(text));

describe('bench keystrokes', () => {
  for (const c of SITES) it(c.name, () => assert.equal(mark(c.text, editSites(c.text, c.language).map((s) => s.offset)), c.marked));

  for (const language of ['bicep', 'terraform'] as Language[]) {
    it(`${language}: every typing session types a word at one site and deletes it again, leaving the text as it was`, () => {
      const text = language === 'bicep' ? generateBicep(3, 400) : generateTerraform(3, 400);
      const sessions = typingSessions(text, language, 25, 11);
      assert.equal(sessions.length, 25);
      for (const keystrokes of sessions) {
        const half = keystrokes.length / 2;
        assert.ok(half >= 2 && Number.isInteger(half), 'a session types at least two characters and deletes as many');
        assert.ok(keystrokes.slice(0, half).every((k) => k.deleteLength === 0 && k.insert.length === 1), 'typing inserts one character per keystroke');
        assert.ok(keystrokes.slice(half).every((k) => k.deleteLength === 1 && k.insert === ''), 'deleting removes one character per keystroke');
        const typed = applyKeystrokes(text, keystrokes.slice(0, half));
        // Typing into a value must not break the file: the latency measured is that of an ordinary edit.
        assert.equal(parse(language, typed).errors.length, 0, `typing made a parse error:\n${typed.slice(keystrokes[0]!.offset - 40, keystrokes[0]!.offset + 40)}`);
        assert.equal(applyKeystrokes(text, keystrokes), text);
      }
    });
  }

  it('is the same for the same seed, and has nothing to type into a text without sites', () => {
    const text = generateBicep(5, 300);
    assert.deepEqual(typingSessions(text, 'bicep', 10, 1), typingSessions(text, 'bicep', 10, 1));
    assert.notDeepEqual(typingSessions(text, 'bicep', 10, 1), typingSessions(text, 'bicep', 10, 2));
    assert.deepEqual(typingSessions('param x string\n', 'bicep', 10, 1), []);
  });

  it('hovers over every resource type and every diagnostic, in document order', () => {
    const text = "resource a 'T@1' = {}\nresource b 'U@1' = {}\n";
    assert.deepEqual(hoverOffsets(text, 'bicep', [30, 2]), [2, 12, 30, 34]);
    assert.deepEqual(hoverOffsets('resource "t" "n" {}\n', 'terraform', []), [10]);
  });
});

describe('bench workspace generator', () => {
  for (const size of [3, 4, 10, 57, 100, 1000]) {
    it(`gives exactly ${size} files, each path once`, () => {
      const files = generateWorkspace(1, size);
      assert.equal(files.length, size);
      assert.equal(new Set(files.map((f) => f.path)).size, size);
    });
  }

  it('gives every project an entry file calling its local modules, and a parameter file; every module call resolves', () => {
    const files = generateWorkspace(1, 300);
    const paths = new Set(files.map((f) => f.path));
    const folders = new Set(files.map((f) => /^(bicep\/app-\d+|terraform\/stack-\d+)\//.exec(f.path)?.[1]).filter((f): f is string => f !== undefined));
    assert.ok([...folders].some((f) => f.startsWith('bicep/')) && [...folders].some((f) => f.startsWith('terraform/')), 'both languages are present');
    for (const folder of folders) {
      const bicep = folder.startsWith('bicep/');
      const main = files.find((f) => f.path === `${folder}/${bicep ? 'main.bicep' : 'main.tf'}`);
      assert.ok(main, `${folder} has an entry file`);
      assert.ok(paths.has(`${folder}/${bicep ? 'main.bicepparam' : 'terraform.tfvars'}`), `${folder} has a parameter file`);
      const calls = bicep ? [...main.text.matchAll(/module \w+ '\.\/(modules\/\w+\.bicep)'/g)] : [...main.text.matchAll(/source = "\.\/(modules\/\w+)"/g)];
      assert.ok(calls.length > 0, `${folder} calls modules`);
      for (const call of calls) {
        const target = `${folder}/${call[1]}${bicep ? '' : '/main.tf'}`;
        assert.ok(paths.has(target), `${target} exists`);
      }
    }
  });

  it('generates files that parse without errors, the same for the same seed', () => {
    const files = generateWorkspace(2, 120);
    for (const f of files) {
      const errors = /\.(bicep|bicepparam)$/.test(f.path) ? parseBicep(f.text).errors : parseHcl(f.text).errors;
      assert.deepEqual(errors, [], `${f.path} has parse errors`);
    }
    assert.deepEqual(generateWorkspace(2, 120), files);
  });
});

describe('bench memory', () => {
  it('reads the resident set and its peak from /proc/<pid>/status, in MB', () => {
    const status = 'Name:\tnode\nVmPeak:\t 1000 kB\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\nThreads:\t7\n';
    assert.deepEqual(parseProcStatus(status), { rssMb: 104.8576, peakRssMb: 209.7152 });
    assert.equal(parseProcStatus('Name:\tnode\n'), undefined);
  });
});

describe('bench server variant', () => {
  const patch: SourcePatch = { name: 'demo', description: 'no delay', file: 'x.ts', replacements: [{ before: 'const delay = 100;', after: 'const delay = 0;' }] };

  it('replaces the lines once, and says why when it cannot', () => {
    assert.deepEqual(applyPatch('a\nconst delay = 100;\nb', patch), { text: 'a\nconst delay = 0;\nb' });
    assert.deepEqual(applyPatch('const delay = 0;', patch), { reason: 'x.ts already has the change' });
    assert.match((applyPatch('const delay = 50;', patch) as { reason: string }).reason, /no longer has the lines/);
    assert.match((applyPatch('const delay = 100;const delay = 100;', patch) as { reason: string }).reason, /occur twice/);
  });

  it('applies every replacement in order, and refuses the whole patch when one no longer applies', () => {
    const two: SourcePatch = { ...patch, replacements: [...patch.replacements, { before: 'let x;', after: 'let x = 1;' }] };
    assert.deepEqual(applyPatch('const delay = 100;\nlet x;', two), { text: 'const delay = 0;\nlet x = 1;' });
    assert.match((applyPatch('const delay = 100;', two) as { reason: string }).reason, /no longer has the lines/);
  });

  for (const variant of VARIANTS) {
    it(`${variant.name} still applies to ${variant.file} (or is in): a failure means the bench's proposed fix needs updating`, () => {
      const source = fs.readFileSync(path.join(repoRoot(), variant.file), 'utf8');
      const result = applyPatch(source, variant);
      assert.ok('text' in result || /already has the change/.test(result.reason), 'reason' in result ? result.reason : '');
    });
  }
});
