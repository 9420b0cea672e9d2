// Runs every rule over its fixtures: bad files must yield exactly their markers, good files nothing, fixes their .fixed twin.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeFile, parseFile } from '../../../server/src/engine';
import { applyEdits } from '../../support/applyEdits';
import { describeFolderCase } from '../../support/folderCase';
import { describeActual, describeExpected, readMarkers } from '../../support/markers';
import { fixturePath } from '../../support/repo';

const RULES_DIR = fixturePath('rules');
const CURSOR = '$0';

function findingsOf(file: string, text: string, ruleId: string) {
  const analysis = analyzeFile(file, text);
  assert.ok(analysis, `${file} is not an IaC file`);
  return analysis.findings.filter((f) => f.ruleId === ruleId);
}

for (const ruleId of fs.readdirSync(RULES_DIR).sort()) {
  const dir = path.join(RULES_DIR, ruleId);
  describe(`rule ${ruleId}`, () => {
    for (const name of fs.readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      // A folder is one case of several files analysed together (workload rules, modules, parameter files).
      if (fs.statSync(file).isDirectory()) {
        describeFolderCase(ruleId, file, name);
        continue;
      }
      const text = fs.readFileSync(file, 'utf8');
      if (name.includes('.fixed.')) continue;

      if (text.includes(CURSOR)) {
        it(`fix: ${name} becomes ${name.replace(/(\.[a-z]+)$/, '.fixed$1')}`, () => {
          const cursor = text.indexOf(CURSOR);
          const source = text.slice(0, cursor) + text.slice(cursor + CURSOR.length);
          const expected = fs.readFileSync(path.join(dir, name.replace(/(\.[a-z]+)$/, '.fixed$1')), 'utf8');
          const atCursor = findingsOf(file, source, ruleId).find((f) => f.span.start <= cursor && cursor <= f.span.end);
          assert.ok(atCursor, `no ${ruleId} finding at the cursor of ${name}`);
          const fix = atCursor.fixes[0];
          assert.ok(fix, `the finding at the cursor of ${name} offers no fix`);
          const fixed = applyEdits(source, fix.edits);
          assert.equal(fixed, expected);
          const reparsed = parseFile(file, fixed);
          assert.deepEqual(reparsed?.parseErrors, [], 'the fixed text must parse cleanly');
          assert.deepEqual(findingsOf(file, fixed, ruleId).filter((f) => f.resourceName === atCursor.resourceName), [], 'the fix must clear the finding');
        });
        continue;
      }

      it(`${name.startsWith('good') ? 'reports nothing in' : 'reports exactly the markers of'} ${name}`, () => {
        const model = parseFile(file, text);
        assert.deepEqual(model?.parseErrors, [], `${name} must parse cleanly`);
        const actual = findingsOf(file, text, ruleId).map((f) => describeActual(text, f));
        const markers = readMarkers(text).filter((m) => m.ruleId === ruleId);
        if (name.startsWith('good')) assert.equal(markers.length, 0, 'a good fixture carries no markers');
        else assert.ok(markers.length > 0, 'a bad fixture needs at least one marker');
        const expected = markers.map((m) => {
          const messageOf = actual.find((a) => a.startsWith(`${m.line + 1}:${m.startColumn}-${m.endColumn} ${m.severity} ${m.ruleId}: `));
          return describeExpected(m, messageOf?.slice(messageOf.indexOf(': ') + 2));
        });
        assert.deepEqual(actual.sort(), expected.sort());
      });
    }
  });
}
