// Runs one multi-file fixture case: a folder whose files are analysed together as a workspace, with markers in any of them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeWorkspace, fileKindOf, type Finding, type TextEdit, type WorkspaceAnalysis } from '../../server/src/engine';
import { applyEdits } from './applyEdits';
import { describeActual, describeExpected, readMarkers } from './markers';

const CURSOR = '$0';

/** The IaC files of a case folder (sub-folders included, `*.fixed.*` twins left out), by `/`-separated relative path. */
export function caseFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string, prefix: string): void => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path.join(folder, entry.name), relative);
      else if (fileKindOf(entry.name) && !entry.name.includes('.fixed.')) files.set(relative, fs.readFileSync(path.join(folder, entry.name), 'utf8'));
    }
  };
  walk(dir, '');
  return files;
}

/** Analyses the files together, as the CLI does for a folder. */
export function analyzeCase(files: ReadonlyMap<string, string>): WorkspaceAnalysis {
  return analyzeWorkspace([...files].map(([file, text]) => ({ file, text })));
}

/** Every finding of a rule in a workspace analysis, as `file line:col-col severity rule: message`. */
function actualLines(analysis: WorkspaceAnalysis, files: ReadonlyMap<string, string>, ruleId: string): string[] {
  return analysis.files.flatMap((a) => a.findings.filter((f) => f.ruleId === ruleId).map((f) => `${a.file} ${describeActual(files.get(a.file) ?? '', f)}`));
}

/**
 * Registers the tests of one case folder of a rule's fixtures:
 * - `bad*` folders yield exactly the markers of all their files for the rule, `good*` folders nothing for it;
 * - a folder with a `$0` cursor in one file is a fix case: the fix of the finding at the cursor, applied to every file it
 *   edits (its edits may name other files), turns each edited file into its `*.fixed.*` twin, parses cleanly, and clears it.
 */
export function describeFolderCase(ruleId: string, dir: string, name: string): void {
  const files = caseFiles(dir);
  const cursorFile = [...files].find(([, text]) => text.includes(CURSOR))?.[0];
  if (cursorFile !== undefined) {
    it(`fix: ${name}/ becomes its *.fixed.* files`, () => {
      const text = files.get(cursorFile)!;
      const cursor = text.indexOf(CURSOR);
      const source = new Map(files);
      source.set(cursorFile, text.slice(0, cursor) + text.slice(cursor + CURSOR.length));
      const analysis = analyzeCase(source);
      const atCursor = analysis.files.find((a) => a.file === cursorFile)?.findings.find((f) => f.ruleId === ruleId && f.span.start <= cursor && cursor <= f.span.end);
      assert.ok(atCursor, `no ${ruleId} finding at the cursor of ${name}/${cursorFile}`);
      const fix = atCursor.fixes[0];
      assert.ok(fix, `the finding at the cursor of ${name}/${cursorFile} offers no fix`);
      const byFile = new Map<string, TextEdit[]>();
      for (const edit of fix.edits) byFile.set(edit.file ?? atCursor.file, [...(byFile.get(edit.file ?? atCursor.file) ?? []), edit]);
      const fixed = new Map(source);
      for (const [file, edits] of byFile) {
        const twin = path.join(dir, file.replace(/(\.[a-z]+)$/, '.fixed$1'));
        assert.ok(fs.existsSync(twin), `the fix edits ${file}, which has no ${path.basename(twin)}`);
        fixed.set(file, applyEdits(source.get(file)!, edits));
        assert.equal(fixed.get(file), fs.readFileSync(twin, 'utf8'), `${file} after the fix`);
      }
      const after = analyzeCase(fixed);
      for (const a of after.files) assert.deepEqual(a.model.parseErrors, [], `${a.file} must parse cleanly after the fix`);
      const still = after.files.flatMap((a) => a.findings).filter((f: Finding) => f.ruleId === ruleId && f.resourceName === atCursor.resourceName && f.file === atCursor.file);
      assert.deepEqual(still, [], 'the fix must clear the finding');
    });
    return;
  }
  it(`${name.startsWith('good') ? 'reports nothing in' : 'reports exactly the markers of'} ${name}/ (${[...files.keys()].join(', ')})`, () => {
    const analysis = analyzeCase(files);
    for (const a of analysis.files) assert.deepEqual(a.model.parseErrors, [], `${name}/${a.file} must parse cleanly`);
    const actual = actualLines(analysis, files, ruleId);
    const markers = [...files].flatMap(([file, text]) => readMarkers(text).filter((m) => m.ruleId === ruleId).map((m) => ({ file, m })));
    if (name.startsWith('good')) assert.equal(markers.length, 0, 'a good fixture carries no markers');
    else assert.ok(markers.length > 0, 'a bad fixture needs at least one marker');
    const expected = markers.map(({ file, m }) => {
      const prefix = `${file} ${m.line + 1}:${m.startColumn}-${m.endColumn} ${m.severity} ${m.ruleId}: `;
      const messageOf = actual.find((a) => a.startsWith(prefix));
      return `${file} ${describeExpected(m, messageOf?.slice(prefix.length))}`;
    });
    assert.deepEqual(actual.sort(), expected.sort());
  });
}
