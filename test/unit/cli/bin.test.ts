// Spawns the real `bin/waf-ai-lens.js` (the esbuild bundle) on test/fixtures/cli, as users and CI run it.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { JsonReport } from '../../../server/src/cli/format/json';
import { repoRoot } from './helpers';
import { markersUnder } from './markers';

const ROOT = repoRoot();
const BIN = path.join(ROOT, 'bin', 'waf-ai-lens.js');

/** Runs the command from the repository root with colour off, as a CI job would. */
function run(...args: string[]): { code: number | null; out: string; err: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env['FORCE_COLOR'];
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 15000 });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('bin/waf-ai-lens.js (spawned)', () => {
  before(() => {
    assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'cli.js')), 'dist/cli.js is missing: build it with `node scripts/build.mjs` (npm test does)');
  });

  it('prints the version of package.json', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.deepEqual(run('--version'), { code: 0, out: `${version}\n`, err: '' });
  });

  it('rejects a bad option with one line and exit 2', () => {
    const { code, out, err } = run('review', 'test/fixtures/cli', '--format', 'yaml');
    assert.equal(code, 2);
    assert.equal(out, '');
    assert.equal(err.split('\n').length, 2, 'one line and its newline');
  });

  it('reviews the fixtures to JSON, reports the marked findings and fails on warnings when asked', () => {
    const { code, out, err } = run('review', 'test/fixtures/cli', '--format', 'json', '--fail-on', 'warning');
    assert.equal(err, '');
    const json = JSON.parse(out) as JsonReport;
    const expected = markersUnder(path.join(ROOT, 'test', 'fixtures', 'cli'), ROOT);
    assert.deepEqual(
      json.findings.map((f) => `${f.file}:${f.range.start.line}:${f.range.start.column} ${f.ruleId}`),
      expected.map((m) => `${m.file}:${m.line}:${m.column} ${m.ruleId}`),
    );
    assert.equal(code, 1);
  });

  it('writes a SARIF log whose tool version is the package version', () => {
    const { out } = run('review', 'test/fixtures/cli', '--format', 'sarif', '--fail-on', 'none');
    const log = JSON.parse(out);
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(log.runs[0].tool.driver.version, version);
    assert.equal(log.runs[0].artifacts.length, 6);
  });
});
