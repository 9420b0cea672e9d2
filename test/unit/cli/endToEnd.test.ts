// Runs `main` in process on test/fixtures/cli and checks every format against the fixtures' inline markers.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { main } from '../../../server/src/cli/main';
import { SEVERITY_RANK } from '../../../server/src/engine';
import type { JsonReport } from '../../../server/src/cli/format/json';
import type { SarifLog } from '../../../server/src/cli/format/sarif';
import { captureIo, repoRoot } from './helpers';
import { markersUnder, type Marker } from './markers';

const ROOT = repoRoot();
const FIXTURES = 'test/fixtures/cli';
const BROKEN = `${FIXTURES}/bicep/broken.bicep`;
const EXPECTED: Marker[] = markersUnder(path.join(ROOT, FIXTURES), ROOT);

/** The one resource each fixture's findings are about: its symbolic name (Bicep) or address (Terraform). */
const RESOURCE_OF: Record<string, string> = {
  [`${FIXTURES}/bicep/ai-account.bicep`]: 'aoai',
  [BROKEN]: 'openai',
  [`${FIXTURES}/terraform/openai.tf`]: 'azurerm_cognitive_account.openai',
  [`${FIXTURES}/terraform/search.tf`]: 'azurerm_search_service.search',
};

/** The fixture files the walk must find: every Bicep and Terraform file, not the README. */
const FILES = [
  'bicep/ai-account.bicep',
  'bicep/broken.bicep',
  'bicep/main.bicepparam',
  'terraform/openai.tf',
  'terraform/prod.tfvars',
  'terraform/search.tf',
].map((f) => `${FIXTURES}/${f}`);

async function review(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo(ROOT);
  const code = await main(['review', FIXTURES, ...args], io);
  return { code, out: io.out(), err: io.err() };
}

/** A marker as a comparable line: where, how severe, which rule. */
function key(m: { file: string; line: number; column: number; endColumn: number; severity: string; ruleId: string }): string {
  return `${m.file}:${m.line}:${m.column}-${m.endColumn} ${m.severity} ${m.ruleId}`;
}

describe('cli end to end (in process, on test/fixtures/cli)', () => {
  it('has fixtures with markers for rules of the ai, platform and workload families', () => {
    assert.deepEqual([...new Set(EXPECTED.map((m) => m.ruleId))].sort(), [
      'prefer-customer-managed-key',
      'prefer-search-cmk-enforcement',
      'require-diagnostic-logs',
      'require-disable-local-auth',
      'require-managed-identity',
      'require-private-endpoint',
      'require-restricted-outbound-access',
      'require-search-replicas',
      'require-workload-budget',
    ]);
  });

  it('finds every fixture, sorted, with cwd-relative paths', async () => {
    const json = JSON.parse((await review('--format', 'json', '--fail-on', 'none')).out) as JsonReport;
    assert.deepEqual(json.files.map((f) => f.path), FILES);
  });

  it('JSON: reports exactly the marked findings, at the marked places', async () => {
    const json = JSON.parse((await review('--format', 'json')).out) as JsonReport;
    const actual = json.findings.map((f) =>
      key({ file: f.file, line: f.range.start.line, column: f.range.start.column, endColumn: f.range.end.column, severity: f.severity, ruleId: f.ruleId }),
    );
    assert.deepEqual(actual, EXPECTED.map(key));
  });

  it('JSON: says which file did not parse cleanly, and still reports its later resource', async () => {
    const json = JSON.parse((await review('--format', 'json')).out) as JsonReport;
    assert.deepEqual(json.files.filter((f) => !f.parsedCleanly).map((f) => f.path), [BROKEN]);
    const notices = json.notices.filter((n) => n.source === 'analysis');
    assert.equal(notices.length, 1);
    assert.equal(notices[0]!.file, BROKEN);
    assert.match(notices[0]!.message, /^The file does not parse cleanly: /);
    assert.ok(json.findings.some((f) => f.file === BROKEN && f.resource.name === 'openai'));
    assert.equal(json.summary.unparsed, 1);
  });

  it('text: one line per marked finding, the parse error said plainly, and the summary', async () => {
    const { out } = await review();
    const lines = out.trimEnd().split('\n');
    for (const m of EXPECTED) {
      const prefix = `${m.file}:${m.line}:${m.column}: ${m.severity} ${m.ruleId}: `;
      assert.ok(lines.some((l) => l.startsWith(prefix) && l.endsWith(']')), `a line starting with ${prefix}\n${out}`);
    }
    assert.ok(lines.some((l) => l.startsWith(`${BROKEN}:`) && l.includes(': error: The file does not parse cleanly: ')), out);
    const count = (s: string) => EXPECTED.filter((m) => m.severity === s).length;
    assert.equal(
      lines[lines.length - 1],
      `${EXPECTED.length} findings (${count('error')} errors, ${count('warning')} warnings, ${count('note')} notes) in ${FILES.length} files; 1 file did not parse cleanly`,
    );
  });

  it('SARIF: one result per marker with its region and resource, and a notification for the broken file', async () => {
    const log = JSON.parse((await review('--format', 'sarif')).out) as SarifLog;
    const run = log.runs[0];
    const actual = run.results.map((r) => {
      const { artifactLocation, region } = r.locations[0].physicalLocation;
      return key({ file: artifactLocation.uri, line: region!.startLine, column: region!.startColumn, endColumn: region!.endColumn, severity: r.level, ruleId: r.ruleId });
    });
    assert.deepEqual(actual, EXPECTED.map(key));
    assert.deepEqual(
      run.results.map((r) => r.locations[0].logicalLocations![0]!.fullyQualifiedName),
      EXPECTED.map((m) => RESOURCE_OF[m.file]),
    );
    const notifications = run.invocations[0]!.toolExecutionNotifications;
    assert.equal(notifications.length, 1);
    assert.equal(notifications[0]!.level, 'error');
    assert.equal(notifications[0]!.locations[0]!.physicalLocation.artifactLocation.uri, BROKEN);
    assert.ok(notifications[0]!.locations[0]!.physicalLocation.region, 'the notification points into the file');
    assert.equal(run.invocations[0]!.executionSuccessful, true);
  });

  for (const failOn of ['error', 'warning', 'note', 'none'] as const) {
    it(`exits as the marked severities say with --fail-on ${failOn}`, async () => {
      const failing = failOn !== 'none' && EXPECTED.some((m) => SEVERITY_RANK[m.severity] >= SEVERITY_RANK[failOn]);
      assert.equal((await review('--fail-on', failOn)).code, failing ? 1 : 0);
    });
  }
});
