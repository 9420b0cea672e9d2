// Runs `waf-ai-lens map` in process: the SVG file and its links, Mermaid on stdout, its usage errors and exit codes, and the map in the reports.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from '../../../server/src/cli/args';
import { main } from '../../../server/src/cli/main';
import { captureIo, tempFolder, writeTree, type CapturedIo } from './helpers';
import { FIXTURES } from '../map/support';

describe('cli: map', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir, cleanup } = tempFolder());
    // The fixture workloads, copied so that links are checked against files that exist where the map is written from.
    for (const language of ['bicep', 'terraform']) fs.cpSync(path.join(FIXTURES, language), path.join(dir, 'infra', language), { recursive: true });
    writeTree(dir, { 'out/.keep': '' });
  });
  afterEach(() => cleanup());

  async function run(argv: string[]): Promise<{ code: number; io: CapturedIo }> {
    const io = captureIo(dir);
    return { code: await main(argv, io), io };
  }

  it('parses the command, its formats and options', () => {
    assert.deepEqual(parseArgs(['map', 'infra']), { kind: 'map', paths: ['infra'], format: 'svg' });
    assert.deepEqual(parseArgs(['map', 'a', 'b', '--format=mermaid', '--output', 'm.md', '--config', 'c.json']), {
      kind: 'map',
      paths: ['a', 'b'],
      format: 'mermaid',
      output: 'm.md',
      config: 'c.json',
    });
    assert.deepEqual(parseArgs(['map']), { kind: 'error', message: 'map needs at least one file or folder to draw' });
    assert.deepEqual(parseArgs(['map', 'a', '--format', 'html']), { kind: 'error', message: 'invalid value "html" for --format: expected one of svg, mermaid' });
    assert.deepEqual(parseArgs(['map', 'a', '--fail-on', 'warning']), { kind: 'error', message: 'unknown option "--fail-on"' });
    // review keeps its own formats and default.
    assert.deepEqual(parseArgs(['review', 'a']), { kind: 'review', paths: ['a'], format: 'text', failOn: 'error' });
    assert.equal(parseArgs(['review', 'a', '--format', 'svg']).kind, 'error');
  });

  it('writes an SVG file whose boxes link to their declarations, relative to the file', async () => {
    const { code, io } = await run(['map', 'infra/bicep', '--output', 'out/workload.svg']);
    assert.equal(code, 0, io.err());
    assert.equal(io.out(), '');
    const svg = fs.readFileSync(path.join(dir, 'out', 'workload.svg'), 'utf8');
    assert.ok(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg class="workload-map" xmlns="http://www.w3.org/2000/svg"'));
    const links = [...svg.matchAll(/<a class="loc map-node" href="([^"]+)"[^>]*data-line="(\d+)"/g)];
    assert.equal(links.length, 8, 'a box per resource of the fixture');
    for (const [, href, line] of links) {
      const [file, fragment] = href!.split('#');
      assert.equal(fragment, `L${line}`);
      assert.ok(fs.existsSync(path.resolve(dir, 'out', decodeURIComponent(file!))), `${href} resolves from the SVG's folder`);
    }
    assert.match(svg, /PUBLIC ENDPOINT/);
  });

  it('writes a Mermaid flowchart to stdout', async () => {
    const { code, io } = await run(['map', 'infra/terraform', '--format', 'mermaid']);
    assert.equal(code, 0, io.err());
    assert.match(io.out(), /^flowchart TB\n {2}subgraph g0\["infra\/terraform\/"\]\n/);
    assert.match(io.out(), /subgraph g1\["infra\/terraform\/modules\/ai\/"\]/);
  });

  it('exits with 0 whatever the findings, and with 2 for a missing path, nothing to read, or an unwritable output', async () => {
    assert.equal((await run(['map', 'infra'])).code, 0);
    const missing = await run(['map', 'nowhere']);
    assert.equal(missing.code, 2);
    assert.match(missing.io.err(), /nowhere/);
    writeTree(dir, { 'empty/readme.txt': 'no code here' });
    assert.equal((await run(['map', 'empty'])).code, 2);
    const unwritable = await run(['map', 'infra', '--output', 'missing/workload.svg']);
    assert.equal(unwritable.code, 2);
    assert.match(unwritable.io.err(), /cannot write missing\/workload\.svg: the folder missing does not exist/);
    const usage = await run(['map', 'infra', '--format', 'png']);
    assert.equal(usage.code, 2);
    assert.match(usage.io.err(), /invalid value "png" for --format: expected one of svg, mermaid\. Run "waf-ai-lens --help" for usage\./);
  });

  it('puts the map in the HTML report and a Mermaid block in the Markdown report', async () => {
    const html = await run(['review', 'infra', '--format', 'html', '--fail-on', 'none']);
    assert.equal(html.code, 0, html.io.err());
    assert.match(html.io.out(), /<section class="section" id="workload-map"><h2>Workload map<\/h2>/);
    assert.equal([...html.io.out().matchAll(/<a class="loc map-node"/g)].length, 17, 'the boxes of both fixtures');
    const markdown = await run(['review', 'infra', '--format', 'markdown', '--fail-on', 'none']);
    assert.match(markdown.io.out(), /\n## Workload map\n\n.*\n\n```mermaid\nflowchart TB\n[\s\S]*?\n```\n/);
  });

  it('is in the help', async () => {
    const { io } = await run(['--help']);
    assert.match(io.out(), /waf-ai-lens map <file or folder>\.\.\. \[--format svg\|mermaid\]/);
    assert.match(io.out(), /waf-ai-lens map infra\/ --output workload\.svg/);
  });
});
