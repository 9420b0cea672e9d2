// Runs `main` in process for the workload report: --format markdown|html, --output, its errors, and the score per pillar in text.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from '../../../server/src/cli/args';
import { main } from '../../../server/src/cli/main';
import { captureIo, tempFolder, writeTree, type CapturedIo } from './helpers';

const SEARCH = [
  "resource search 'Microsoft.Search/searchServices@2024-06-01-preview' = {",
  "  name: 'srch'",
  "  sku: { name: 'standard' }",
  '  properties: { replicaCount: 1, partitionCount: 2, disableLocalAuth: true }',
  '}',
  '',
].join('\n');

describe('cli: the workload report', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir, cleanup } = tempFolder());
    writeTree(dir, { 'infra/search.bicep': SEARCH, 'reports/.keep': '' });
  });
  afterEach(() => cleanup());

  async function run(argv: string[], isTTY = false): Promise<{ code: number; io: CapturedIo }> {
    const io = captureIo(dir, {}, isTTY);
    return { code: await main(argv, io), io };
  }

  it('parses --format markdown|html and --output, in both spellings', () => {
    assert.deepEqual(parseArgs(['review', '.', '--format', 'html', '--output', 'r.html']), { kind: 'review', paths: ['.'], format: 'html', failOn: 'error', output: 'r.html' });
    assert.deepEqual(parseArgs(['review', '--output=-odd.md', '--format=markdown', 'x']), { kind: 'review', paths: ['x'], format: 'markdown', failOn: 'error', output: '-odd.md' });
    assert.deepEqual(parseArgs(['review', '.', '--output']), { kind: 'error', message: 'option --output needs a value: a file path' });
    assert.equal((parseArgs(['review', '.']) as { output?: string }).output, undefined);
  });

  it('writes a score per pillar and the overall score in text output, coloured only on a terminal', async () => {
    const { code, io } = await run(['review', 'infra']);
    assert.equal(code, 0);
    const out = io.out();
    for (const pillar of ['Reliability', 'Security', 'Cost Optimization', 'Operational Excellence', 'Performance Efficiency']) {
      assert.match(out, new RegExp(`^${pillar} +(\\d+  (\\d+ (passed|advisory|failed|undetermined|accepted)(, )?)+|–  no evidence from code.*)$`, 'm'), pillar);
    }
    assert.match(out, /^Reliability +\d+  \d+ passed, \d+ failed$/m, 'the search service fails its replica check');
    assert.match(out, /^Overall +\d+  mean of \d pillars? with evidence$/m);
    assert.ok(!out.includes('\u001b['));
    const coloured = (await run(['review', 'infra'], true)).io.out();
    assert.match(coloured, /^Reliability +\u001b\[1m\u001b\[3[123]m +\d+\u001b\[39m\u001b\[22m/m, 'the score in its band\'s colour');
  });

  it('writes the HTML report to --output, with links to the code relative to the report, and nothing on stdout', async () => {
    const { code, io } = await run(['review', 'infra', '--format', 'html', '--output', 'reports/review.html']);
    assert.equal(code, 0);
    assert.equal(io.out(), '');
    const html = fs.readFileSync(path.join(dir, 'reports', 'review.html'), 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.ok(html.includes('href="../infra/search.bicep#L4"'), 'the finding links to its file and line, from the report folder');
    assert.ok(html.includes('data-kind="search"'), 'the cost drivers are there');
    assert.ok(html.includes('Search units</dt><dd>2</dd>'), 'replicas × partitions');
  });

  it('writes Markdown to stdout with links relative to the working folder', async () => {
    const { code, io } = await run(['review', 'infra', '--format', 'markdown']);
    assert.equal(code, 0);
    assert.match(io.out(), /^# Workload review\n/);
    assert.ok(io.out().includes('](<infra/search.bicep#L4>)'));
    assert.match(io.out(), /## How the score works/);
  });

  it('fails with exit 2 and one clear line when the --output folder does not exist, and creates nothing', async () => {
    const { code, io } = await run(['review', 'infra', '--format', 'html', '--output', 'missing/deeper/review.html']);
    assert.equal(code, 2);
    assert.equal(io.err(), 'waf-ai-lens: cannot write missing/deeper/review.html: the folder missing/deeper does not exist.\n');
    assert.equal(fs.existsSync(path.join(dir, 'missing')), false);
  });

  it('fails with exit 2 when --output names a folder', async () => {
    const { code, io } = await run(['review', 'infra', '--output', 'reports']);
    assert.equal(code, 2);
    assert.match(io.err(), /^waf-ai-lens: cannot write reports \(EISDIR\)\.\n$/);
  });

  it('keeps the exit code about findings when the report goes to a file', async () => {
    const { code } = await run(['review', 'infra', '--format', 'markdown', '--output', 'reports/r.md', '--fail-on', 'warning']);
    assert.equal(code, 1);
    assert.ok(fs.existsSync(path.join(dir, 'reports', 'r.md')));
  });
});
