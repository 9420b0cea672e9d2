// Validates the CLI's SARIF output against the official SARIF 2.1.0 JSON schema (from the SARIF multitool package), and that the check bites.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { toSarifLog } from '../../../server/src/cli/format/sarif';
import { reviewPaths } from '../../../server/src/cli/review';
import { REPO_ROOT } from '../../support/repo';
import { tempFolder, writeTree } from './helpers';

/** The schema the SARIF multitool validates with, shipped in its Linux package. */
const SCHEMA_PATH = path.join(REPO_ROOT, 'node_modules', '@microsoft', 'sarif-multitool-linux', 'sarif-2.1.0.json');

let validate: ValidateFunction;

/** Validation errors as readable lines, for assertion messages. */
function problems(document: unknown): string[] {
  return validate(document) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

/** A deep copy, so a test can corrupt a log without touching the one it came from. */
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

describe('cli/format/sarif against the official SARIF 2.1.0 schema', () => {
  before(() => {
    const schema = JSON.parse(fs.readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
    // The file declares draft 2020-12 but is written in draft-07 terms (`definitions`, `#/definitions/…` references),
    // which is how the multitool reads it; Ajv's draft-07 validator reads it the same way once the declaration is dropped.
    delete schema['$schema'];
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    validate = ajv.compile(schema);
  });

  it('accepts the log of the example workload, both languages', () => {
    const report = reviewPaths(['examples/chat-workload'], REPO_ROOT);
    assert.equal(report.files.length, 2);
    const log = toSarifLog(report, REPO_ROOT);
    assert.ok(log.runs[0].results.length > 0, 'the example has findings');
    assert.deepEqual(problems(log), []);
  });

  it('accepts the log of a broken file, a skipped file and a missing path', () => {
    const tmp = tempFolder();
    try {
      writeTree(tmp.dir, {
        'infra/broken.bicep': "resource aoai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {\n  name: 'x'\n  properties: {\n    disableLocalAuth: false\n",
        'infra/blob.tf': Buffer.from([0x72, 0x00, 0x01, 0x02]),
      });
      const report = reviewPaths(['infra', 'missing.tf'], tmp.dir);
      const log = toSarifLog(report, tmp.dir);
      const notifications = log.runs[0].invocations[0]!.toolExecutionNotifications;
      assert.ok(notifications.some((n) => /does not parse cleanly/.test(n.message.text)), 'the parse error is a notification');
      assert.equal(log.runs[0].invocations[0]!.executionSuccessful, false, 'a missing path fails the run');
      assert.deepEqual(problems(log), []);
    } finally {
      tmp.cleanup();
    }
  });

  it('accepts the log of suppressed findings and findings about suppression comments', () => {
    const tmp = tempFolder();
    try {
      writeTree(tmp.dir, {
        'main.bicep': [
          '// waf-ai-lens-ignore require-disable-local-auth: the legacy client signs with a key until Q3',
          "resource aoai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {",
          "  name: 'x'",
          "  kind: 'OpenAI'",
          '  properties: {',
          '    disableLocalAuth: false',
          "    publicNetworkAccess: 'Enabled' // waf-ai-lens-ignore no-public-network-access",
          '  }',
          '}',
          '',
        ].join('\n'),
      });
      const log = toSarifLog(reviewPaths(['.'], tmp.dir), tmp.dir);
      const results = log.runs[0].results;
      assert.ok(results.some((r) => r.suppressions?.[0]?.justification === 'the legacy client signs with a key until Q3'));
      assert.ok(results.some((r) => r.ruleId === 'waf-ai-lens-suppression'));
      assert.deepEqual(problems(log), []);
    } finally {
      tmp.cleanup();
    }
  });

  it('accepts the log of a suppressed finding, carried in `suppressions` with its reason', () => {
    const tmp = tempFolder();
    try {
      writeTree(tmp.dir, {
        'main.bicep': [
          '// waf-ai-lens-ignore require-search-replicas: a development index; one replica is enough here',
          "resource search 'Microsoft.Search/searchServices@2024-06-01-preview' = {",
          "  name: 'srch'",
          "  sku: { name: 'standard' }",
          '  properties: { replicaCount: 1 }',
          '}',
          '',
        ].join('\n'),
      });
      const log = toSarifLog(reviewPaths(['.'], tmp.dir), tmp.dir);
      const silenced = log.runs[0].results.filter((r) => (r as { suppressions?: unknown[] }).suppressions?.length);
      assert.deepEqual(
        silenced.map((r) => [r.ruleId, (r as { suppressions?: Array<{ kind: string; justification: string }> }).suppressions]),
        [['require-search-replicas', [{ kind: 'inSource', justification: 'a development index; one replica is enough here' }]]],
      );
      assert.deepEqual(problems(log), []);
    } finally {
      tmp.cleanup();
    }
  });

  it('carries rule metadata: name, short and full description, help URI, pillar and principles as tags; and the resource as logical location', () => {
    const log = toSarifLog(reviewPaths(['examples/chat-workload'], REPO_ROOT), REPO_ROOT);
    const run = log.runs[0];
    const rule = run.tool.driver.rules.find((r) => r.id === 'require-search-replicas')!;
    assert.equal(rule.name, 'RequireSearchReplicas');
    assert.ok(rule.shortDescription?.text && rule.fullDescription?.text);
    assert.match(rule.helpUri, /^https:\/\/.*#rule-require-search-replicas$/);
    assert.deepEqual(rule.properties?.tags, ['reliability', 'reliability.single-points-of-failure', 'reliability.dependent-components']);
    const result = run.results.find((r) => r.ruleId === 'require-search-replicas')!;
    assert.equal(result.locations[0].logicalLocations![0]!.fullyQualifiedName, 'search');
  });

  it('would catch an invalid log: corrupted copies fail', () => {
    const log = toSarifLog(reviewPaths(['examples/chat-workload'], REPO_ROOT), REPO_ROOT);
    const corruptions: Array<[string, (l: Record<string, any>) => void]> = [
      ['an unknown level', (l) => (l.runs[0].results[0].level = 'fatal')],
      ['no version', (l) => delete l.version],
      ['a line number of zero', (l) => (l.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0)],
      ['a property SARIF does not define', (l) => (l.runs[0].tool.driver.colour = 'blue')],
      ['a message without text', (l) => (l.runs[0].results[0].message = {})],
    ];
    for (const [name, corrupt] of corruptions) {
      const bad = copy(log) as unknown as Record<string, any>;
      corrupt(bad);
      assert.notDeepEqual(problems(bad), [], `${name} must fail validation`);
    }
    assert.deepEqual(problems(log), [], 'the original still passes');
  });
});
