// Runs `main` in process on temp trees with captured output: help, usage errors, unreadable inputs, exit codes, colour.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../../../server/src/cli/main';
import { USAGE } from '../../../server/src/cli/usage';
import { captureIo, tempFolder, writeTree, type CapturedIo } from './helpers';

/** A clean tree: files of every kind with nothing to report, whatever the rules. */
const CLEAN = {
  'infra/main.bicep': "// Nothing here yet.\nparam location string = 'swedencentral'\n",
  'infra/main.bicepparam': "using './main.bicep'\nparam location = 'westeurope'\n",
  'tf/variables.tf': 'variable "location" {\n  type = string\n}\n',
  'tf/prod.tfvars': 'location = "swedencentral"\n',
};

describe('cli/main', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempFolder()));
  afterEach(() => cleanup());

  async function run(argv: string[], env: Record<string, string> = {}, isTTY = false): Promise<{ code: number; io: CapturedIo }> {
    const io = captureIo(dir, env, isTTY);
    const code = await main(argv, io);
    return { code, io };
  }

  it('prints the help on stdout for --help and -h, and exits 0', async () => {
    for (const flag of ['--help', '-h']) {
      const { code, io } = await run([flag]);
      assert.equal(code, 0);
      assert.equal(io.out(), USAGE);
      assert.equal(io.err(), '');
    }
  });

  it('documents the command, options and exit codes in the help', () => {
    for (const text of ['waf-ai-lens review <file or folder>...', '--format <text|json|sarif|markdown|html>', '--output <file>', '--fail-on <error|warning|note|none>', '--version', 'Exit codes:', '  0 ', '  1 ', '  2 ', 'NO_COLOR', 'FORCE_COLOR', 'WAF_AI_LENS_DEBUG']) {
      assert.ok(USAGE.includes(text), `help mentions ${text}`);
    }
  });

  it('prints the version', async () => {
    const { code, io } = await run(['--version']);
    assert.equal(code, 0);
    assert.match(io.out(), /^\d+\.\d+\.\d+(-[\w.]+)?\n$/);
  });

  it('prints the usage on stderr and exits 2 when no command is given', async () => {
    const { code, io } = await run([]);
    assert.equal(code, 2);
    assert.equal(io.out(), '');
    assert.equal(io.err(), USAGE);
  });

  for (const argv of [['review', '.', '--bogus'], ['review', '.', '--format'], ['review', '.', '--format', 'xml'], ['check', '.'], ['review']]) {
    it(`rejects ${JSON.stringify(argv)} with one line on stderr pointing at --help, and exit 2`, async () => {
      const { code, io } = await run(argv);
      assert.equal(code, 2);
      assert.equal(io.out(), '');
      assert.match(io.err(), /^waf-ai-lens: [^\n]+\. Run "waf-ai-lens --help" for usage\.\n$/);
    });
  }

  it('reviews a clean tree: summary only, exit 0', async () => {
    writeTree(dir, CLEAN);
    const { code, io } = await run(['review', '.']);
    assert.equal(io.err(), '');
    assert.equal(io.out(), '0 findings (0 errors, 0 warnings, 0 notes) in 4 files\n');
    assert.equal(code, 0);
  });

  it('writes JSON and SARIF documents that list the files reviewed with relative paths', async () => {
    writeTree(dir, CLEAN);
    const json = JSON.parse((await run(['review', 'infra', 'tf', '--format', 'json'])).io.out());
    assert.deepEqual(
      json.files.map((f: { path: string }) => f.path),
      ['infra/main.bicep', 'infra/main.bicepparam', 'tf/prod.tfvars', 'tf/variables.tf'],
    );
    assert.deepEqual(json.summary, { files: 4, skipped: 0, findings: 0, errors: 0, warnings: 0, notes: 0, unparsed: 0 });
    const sarif = JSON.parse((await run(['review', '.', '--format=sarif'])).io.out());
    assert.equal(sarif.version, '2.1.0');
    assert.deepEqual(
      sarif.runs[0].artifacts.map((a: { location: { uri: string } }) => a.location.uri),
      ['infra/main.bicep', 'infra/main.bicepparam', 'tf/prod.tfvars', 'tf/variables.tf'],
    );
    assert.equal(sarif.runs[0].invocations[0].executionSuccessful, true);
  });

  it('reports a named path that does not exist on stderr, still reviews the others, and exits 2', async () => {
    writeTree(dir, CLEAN);
    const { code, io } = await run(['review', 'infra', 'missing.bicep', '--format', 'json']);
    assert.equal(code, 2);
    assert.equal(io.err(), 'waf-ai-lens: missing.bicep: No such file or folder.\n');
    const json = JSON.parse(io.out());
    assert.equal(json.summary.files, 2);
    assert.deepEqual(json.notices, [
      { source: 'input', level: 'error', file: 'missing.bicep', message: 'No such file or folder.', range: null, span: null, reason: 'missing' },
    ]);
  });

  it('skips binary and oversize files with a notice on stderr and goes on', async () => {
    writeTree(dir, { ...CLEAN, 'tf/blob.tf': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0]) });
    fs.writeFileSync(path.join(dir, 'tf', 'huge.tf'), '');
    fs.truncateSync(path.join(dir, 'tf', 'huge.tf'), 5 * 1024 * 1024 + 1);
    const { code, io } = await run(['review', '.']);
    assert.equal(code, 0);
    assert.equal(
      io.err(),
      'waf-ai-lens: tf/blob.tf: The file looks binary (it has NUL bytes near its start); skipped.\n' +
        'waf-ai-lens: tf/huge.tf: The file is larger than 5 MB (5242881 bytes); skipped.\n',
    );
    assert.equal(io.out(), '0 findings (0 errors, 0 warnings, 0 notes) in 4 files; 2 paths not reviewed\n');
  });

  it('exits 2 when a folder holds no Bicep or Terraform file', async () => {
    writeTree(dir, { 'docs/README.md': '# Docs\n', 'node_modules/x/main.bicep': '' });
    const { code, io } = await run(['review', '.']);
    assert.equal(code, 2);
    assert.equal(io.err(), 'waf-ai-lens: no Bicep or Terraform files (.bicep, .bicepparam, .tf, .tfvars) found.\n');
  });

  it('exits 2 when no file could be read, and says so in the SARIF invocation', async () => {
    writeTree(dir, { 'a.tf': Buffer.from([0]) });
    const { code, io } = await run(['review', 'a.tf', '--format', 'sarif']);
    assert.equal(code, 2);
    assert.match(io.err(), /a\.tf: The file looks binary.*\nwaf-ai-lens: no file could be reviewed\.\n$/);
    const invocation = JSON.parse(io.out()).runs[0].invocations[0];
    assert.equal(invocation.executionSuccessful, false);
    assert.equal(invocation.toolExecutionNotifications[0].message.text, 'a.tf: The file looks binary (it has NUL bytes near its start); skipped.');
  });

  it('colours only on a terminal without NO_COLOR, or with FORCE_COLOR', async () => {
    writeTree(dir, CLEAN);
    const coloured = (r: { io: CapturedIo }): boolean => r.io.out().includes('\u001b[');
    assert.equal(coloured(await run(['review', '.'], {}, true)), true);
    assert.equal(coloured(await run(['review', '.'], { NO_COLOR: '1' }, true)), false);
    assert.equal(coloured(await run(['review', '.'], {}, false)), false);
    assert.equal(coloured(await run(['review', '.'], { FORCE_COLOR: '1' }, false)), true);
  });

  it('turns an unexpected exception into one line on stderr and exit 2, with the stack only when debugging', async () => {
    writeTree(dir, CLEAN);
    for (const debug of [false, true]) {
      const io = captureIo(dir, debug ? { WAF_AI_LENS_DEBUG: '1' } : {});
      io.stdout.write = () => {
        throw new Error('disk full\nsecond line');
      };
      const code = await main(['review', '.'], io);
      assert.equal(code, 2);
      const [first, ...rest] = io.err().split('\n');
      assert.equal(first, 'waf-ai-lens: internal error: disk full');
      assert.equal(rest.some((l) => l.includes('    at ')), debug, debug ? 'stack trace when debugging' : 'no stack trace');
    }
  });
});
