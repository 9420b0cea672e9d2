// Runs the evaluation fixtures: each folder is one workspace whose findings for the rules it checks must be its markers.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TextEdit } from '../../../server/src/engine';
import { applyEdits } from '../../support/applyEdits';
import { analyzeCase, caseFiles } from '../../support/folderCase';
import { describeActual, describeExpected, readMarkers } from '../../support/markers';
import { fixturePath } from '../../support/repo';

const ROOT = fixturePath('evaluate');
const CURSOR = '$0';

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
          const analysis = analyzeCase(source);
          const finding = analysis.files.find((a) => a.file === cursorFile)?.findings.find((f) => rules.includes(f.ruleId) && f.span.start <= cursor && cursor <= f.span.end);
          assert.ok(finding?.fixes[0], `no fixable finding of ${rules.join(', ')} at the cursor of ${cursorFile}`);
          const byFile = new Map<string, TextEdit[]>();
          for (const edit of finding.fixes[0].edits) byFile.set(edit.file ?? finding.file, [...(byFile.get(edit.file ?? finding.file) ?? []), edit]);
          const fixed = new Map(source);
          for (const [file, edits] of byFile) {
            const twin = path.join(dir, file.replace(/(\.[a-z]+)$/, '.fixed$1'));
            assert.ok(fs.existsSync(twin), `the fix edits ${file}, which has no twin ${path.basename(twin)}`);
            fixed.set(file, applyEdits(source.get(file)!, edits));
            assert.equal(fixed.get(file), fs.readFileSync(twin, 'utf8'), `${file} after the fix`);
          }
          const after = analyzeCase(fixed);
          assert.deepEqual(after.files.flatMap((a) => a.model.parseErrors), [], 'the fixed files parse cleanly');
          const same = after.files.flatMap((a) => a.findings).filter((f) => f.ruleId === finding.ruleId && f.file === finding.file && f.span.start === finding.span.start);
          assert.deepEqual(same, [], 'the fix clears the finding');
        });
        continue;
      }

      it(`${name}: ${rules.join(', ')}`, () => {
        assert.ok(rules.length > 0, `${name} names no rule to check (a \`checks:\` comment)`);
        const analysis = analyzeCase(files);
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
