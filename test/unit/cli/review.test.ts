// Tests how a review's outcome becomes an exit code and a summary, on hand-built reports.
import * as assert from 'node:assert/strict';
import type { FailOn } from '../../../server/src/cli/args';
import type { InputProblem } from '../../../server/src/cli/problems';
import { exitCodeFor, summarize } from '../../../server/src/cli/review';
import type { Severity } from '../../../server/src/engine';
import { finding, reportOf, reviewed } from './helpers';

/** A report with one file holding findings of the given severities, plus the given problems. */
function reportWith(severities: Severity[], problems: InputProblem[] = []) {
  const text = 'x';
  return reportOf([reviewed('a.bicep', text, { findings: severities.map((severity) => finding('a.bicep', text, 'x', { severity })) })], problems);
}

const MISSING: InputProblem = { reason: 'missing', level: 'error', path: 'nope', message: 'No such file or folder.' };
const BINARY: InputProblem = { reason: 'binary', level: 'warning', path: 'b.tf', message: 'Binary.' };

/** Finding severities, problems, --fail-on, and the exit code expected. */
const CASES: Array<[Severity[], InputProblem[], FailOn, number]> = [
  [[], [], 'error', 0],
  [[], [], 'note', 0],
  [['warning'], [], 'error', 0],
  [['warning'], [], 'warning', 1],
  [['warning'], [], 'note', 1],
  [['note'], [], 'warning', 0],
  [['note'], [], 'note', 1],
  [['error'], [], 'error', 1],
  [['error', 'note'], [], 'none', 0],
  [['error'], [BINARY], 'error', 1],
  [[], [BINARY], 'error', 0],
  // A named path that does not exist fails the run whatever was found elsewhere.
  [['error'], [MISSING], 'error', 2],
  [[], [MISSING], 'none', 2],
];

describe('cli/review', () => {
  for (const [severities, problems, failOn, code] of CASES) {
    it(`exits ${code} with findings [${severities.join(', ')}], problems [${problems.map((p) => p.reason).join(', ')}] and --fail-on ${failOn}`, () => {
      assert.equal(exitCodeFor(reportWith(severities, problems), failOn), code);
    });
  }

  it('exits 2 when nothing was reviewed', () => {
    assert.equal(exitCodeFor(reportOf([]), 'none'), 2);
    assert.equal(exitCodeFor(reportOf([], [BINARY]), 'error'), 2);
  });

  it('counts findings by severity, reviewed, skipped and unparsed files', () => {
    const report = reportWith(['error', 'warning', 'warning', 'note'], [BINARY, { ...MISSING, reason: 'outside-root', level: 'note' }]);
    report.files.push(reviewed('b.tf', 'y', { parseErrors: [{ message: 'Bad.', span: { start: 0, end: 1 } }] }));
    assert.deepEqual(summarize(report), { files: 2, skipped: 1, findings: 4, errors: 1, warnings: 2, notes: 1, unparsed: 1 });
  });
});
