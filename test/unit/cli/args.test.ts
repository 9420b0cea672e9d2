// Tests the command-line parser on good and bad argument lists, as data.
import * as assert from 'node:assert/strict';
import { parseArgs, type Command } from '../../../server/src/cli/args';

/** Argument lists and the request each parses to. */
const GOOD: Array<[string[], Command]> = [
  [[], { kind: 'usage' }],
  [['--help'], { kind: 'help' }],
  [['-h'], { kind: 'help' }],
  [['help'], { kind: 'help' }],
  [['review', 'infra', '--help'], { kind: 'help' }],
  [['review', '--format', 'bogus', '-h'], { kind: 'help' }],
  [['--version'], { kind: 'version' }],
  [['review', '.', '--version'], { kind: 'version' }],
  [['review', 'infra'], { kind: 'review', paths: ['infra'], format: 'text', failOn: 'error' }],
  [['review', 'a.bicep', 'b.tf', 'modules'], { kind: 'review', paths: ['a.bicep', 'b.tf', 'modules'], format: 'text', failOn: 'error' }],
  [['review', '--format', 'json', 'infra'], { kind: 'review', paths: ['infra'], format: 'json', failOn: 'error' }],
  [['review', 'infra', '--format=sarif', '--fail-on=warning'], { kind: 'review', paths: ['infra'], format: 'sarif', failOn: 'warning' }],
  [['review', 'infra', '--fail-on', 'none'], { kind: 'review', paths: ['infra'], format: 'text', failOn: 'none' }],
  [['review', 'infra', '--fail-on', 'note'], { kind: 'review', paths: ['infra'], format: 'text', failOn: 'note' }],
  [['review', '--format', 'json', 'x', '--format', 'text'], { kind: 'review', paths: ['x'], format: 'text', failOn: 'error' }],
  [['review', 'infra', '--config', 'ci/waf.json'], { kind: 'review', paths: ['infra'], format: 'text', failOn: 'error', config: 'ci/waf.json' }],
  [['review', '--config=.waf-ai-lens.json', 'infra'], { kind: 'review', paths: ['infra'], format: 'text', failOn: 'error', config: '.waf-ai-lens.json' }],
  // After `--` everything is a path, even what looks like an option (and --help there is a file name).
  [['review', '--', '--odd-name.bicep', '--help'], { kind: 'review', paths: ['--odd-name.bicep', '--help'], format: 'text', failOn: 'error' }],
];

/** Argument lists that are usage errors, and a piece of the one-line message each must give. */
const BAD: Array<[string[], string]> = [
  [['lint', 'infra'], 'unknown command "lint"'],
  [['--format', 'json'], 'unknown option "--format"'],
  [['review'], 'at least one file or folder'],
  [['review', '--format', 'json'], 'at least one file or folder'],
  [['review', 'infra', '--verbose'], 'unknown option "--verbose"'],
  [['review', 'infra', '-x'], 'unknown option "-x"'],
  [['review', 'infra', '--fromat=json'], 'unknown option "--fromat"'],
  [['review', 'infra', '--format'], 'option --format needs a value: one of text, json, sarif'],
  [['review', 'infra', '--format='], 'option --format needs a value'],
  [['review', 'infra', '--format', '--fail-on', 'note'], 'option --format needs a value'],
  [['review', 'infra', '--format', 'xml'], 'invalid value "xml" for --format: expected one of text, json, sarif'],
  [['review', 'infra', '--format', 'JSON'], 'invalid value "JSON" for --format'],
  [['review', 'infra', '--fail-on', 'critical'], 'invalid value "critical" for --fail-on: expected one of error, warning, note, none'],
  [['review', 'infra', '--fail-on'], 'option --fail-on needs a value'],
  [['--', 'review'], 'missing command'],
  [['review', 'infra', '--config'], 'option --config needs a value: a file path'],
  [['review', 'x', '--format', 'a\u001b[31mb'], 'invalid value "a?[31mb"'],
];

function check(argv: string[], expected: Command | string): void {
  const actual = parseArgs(argv);
  if (typeof expected !== 'string') {
    assert.deepEqual(actual, expected, `parseArgs(${JSON.stringify(argv)})`);
    return;
  }
  assert.equal(actual.kind, 'error', `parseArgs(${JSON.stringify(argv)}) should be a usage error`);
  const message = (actual as { message: string }).message;
  assert.ok(message.includes(expected), `message "${message}" should contain "${expected}"`);
  assert.ok(!message.includes('\n'), 'a usage error is one line');
}

describe('cli/args', () => {
  for (const [argv, expected] of GOOD) it(`parses ${JSON.stringify(argv)}`, () => check(argv, expected));
  for (const [argv, expected] of BAD) it(`rejects ${JSON.stringify(argv)}`, () => check(argv, expected));
});
