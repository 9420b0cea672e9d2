// Runs the evaluation fixtures: each folder is one workspace whose findings for the rules it checks must be its markers.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeWorkspace, type TextEdit, type WorkspaceAnalysis } from '../../../server/src/engine';
import { applyEdits } from '../../support/applyEdits';
import { caseFiles } from '../../support/folderCase';
import { describeActual, describeExpected, readMarkers } from '../../support/markers';
import { fixturePath } from '../../support/repo';

const ROOT = fixturePath('evaluate');
const CURSOR = '$0';

/**
 * Analyses a case's IaC files together, with a `readFile` that reaches the other files of its folder (the JSON a
 * `loadJsonContent()` reads), `*.fixed.*` twins left out; `texts` holds such files as a fix rewrote them.
 */
function analyzeCase(dir: string, files: ReadonlyMap<string, string>, texts: ReadonlyMap<string, string> = new Map()): WorkspaceAnalysis {
  const readFile = (file: string): string | undefined => {
    if (texts.has(file)) return texts.get(file);
    const full = path.join(dir, file);
    return !file.includes('.fixed.') && fs.existsSync(full) && fs.statSync(full).isFile() ? fs.readFileSync(full, 'utf8') : undefined;
  };
  return analyzeWorkspace([...files].map(([file, text]) => ({ file, text })), { readFile });
}

/** The rules a case checks: `// checks: a, b` (or `# checks:`) in any of its files. */
function checkedRules(files: ReadonlyMap<string, string>): string[] {
  const rules = new Set<string>();
  for (const text of files.values()) {
    for (const match of text.matchAll(/^\s*(?:\/\/|#)\s*checks:\s*(.+)$/gm)) for (const id of match[1]!.split(',')) rules.add(id.trim());
  }
  return [...rules];
}

for (const language of fs.readdirSync(ROOT).sort()) {
  describe(`evaluate fixtures: ${language}`, () => {
    for (const name of fs.readdirSync(path.join(ROOT, language)).sort()) {
      const dir = path.join(ROOT, language, name);
      const files = caseFiles(dir);
      const rules = checkedRules(files);
      const cursorFile = [...files].find(([, text]) => text.includes(CURSOR))?.[0];

      if (cursorFile !== undefined) {
        it(`${name}: the fix edits the place that sets the value`, () => {
          const text = files.get(cursorFile)!;
          const cursor = text.indexOf(CURSOR);
          const source = new Map(files);
          source.set(cursorFile, text.slice(0, cursor) + text.slice(cursor + CURSOR.length));
          const analysis = analyzeCase(dir, source);
          const finding = analysis.files.find((a) => a.file === cursorFile)?.findings.find((f) => rules.includes(f.ruleId) && f.span.start <= cursor && cursor <= f.span.end);
          assert.ok(finding?.fixes[0], `no fixable finding of ${rules.join(', ')} at the cursor of ${cursorFile}`);
          const byFile = new Map<string, TextEdit[]>();
          for (const edit of finding.fixes[0].edits) byFile.set(edit.file ?? finding.file, [...(byFile.get(edit.file ?? finding.file) ?? []), edit]);
          const fixed = new Map(source);
          // A fix may edit a file that is not IaC (the JSON a value was loaded from): it is read through `readFile`.
          const rewritten = new Map<string, string>();
          for (const [file, edits] of byFile) {
            const twin = path.join(dir, file.replace(/(\.[a-z]+)$/, '.fixed$1'));
            assert.ok(fs.existsSync(twin), `the fix edits ${file}, which has no twin ${path.basename(twin)}`);
            const after = applyEdits(source.get(file) ?? fs.readFileSync(path.join(dir, file), 'utf8'), edits);
            if (source.has(file)) fixed.set(file, after);
            else rewritten.set(file, after);
            assert.equal(after, fs.readFileSync(twin, 'utf8'), `${file} after the fix`);
          }
          const after = analyzeCase(dir, fixed, rewritten);
          assert.deepEqual(after.files.flatMap((a) => a.model.parseErrors), [], 'the fixed files parse cleanly');
          const same = after.files.flatMap((a) => a.findings).filter((f) => f.ruleId === finding.ruleId && f.file === finding.file && f.span.start === finding.span.start);
          assert.deepEqual(same, [], 'the fix clears the finding');
        });
        continue;
      }

      it(`${name}: ${rules.join(', ')}`, () => {
        assert.ok(rules.length > 0, `${name} names no rule to check (a \`checks:\` comment)`);
        const analysis = analyzeCase(dir, files);
        for (const a of analysis.files) assert.deepEqual(a.model.parseErrors, [], `${a.file} parses cleanly`);
        const actual = analysis.files.flatMap((a) => a.findings.filter((f) => rules.includes(f.ruleId)).map((f) => `${a.file} ${describeActual(files.get(a.file) ?? '', f)}`));
        const expected = [...files].flatMap(([file, text]) =>
          readMarkers(text)
            .filter((m) => rules.includes(m.ruleId))
            .map((m) => {
              const prefix = `${file} ${m.line + 1}:${m.startColumn}-${m.endColumn} ${m.severity} ${m.ruleId}: `;
              const message = actual.find((a) => a.startsWith(prefix))?.slice(prefix.length);
              return `${file} ${describeExpected(m, message)}`;
            }),
        );
        assert.deepEqual(actual.sort(), expected.sort());
      });
    }
  });
}
