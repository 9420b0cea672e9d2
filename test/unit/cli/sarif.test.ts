// Tests the SARIF format on hand-built reviews: log structure, rules, regions, logical locations, notifications.
import * as assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { allRuleMeta } from '../../../server/src/engine/catalog';
import { artifactLocation, pascalCase, toSarifLog, formatSarif } from '../../../server/src/cli/format/sarif';
import { TOOL_VERSION } from '../../../server/src/cli/version';
import { finding, fixOf, lines, reportOf, reviewed, spanOf } from './helpers';

const CWD = process.platform === 'win32' ? 'C:\\work\\repo' : '/work/repo';

const BICEP = lines(
  "resource aoai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {",
  "  name: 'aoai'",
  '  properties: {',
  '    disableLocalAuth: false',
  '  }',
  '}',
);

const TF = lines(
  'resource "azurerm_search_service" "search" {',
  '  name          = "srch"',
  '  replica_count = 1',
  '}',
);

const BROKEN = lines("resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {", '  properties: {', '', BICEP);

function sampleReport() {
  const parseError = { message: "Expected '}'", span: spanOf(BROKEN, 'resource aoai') };
  return reportOf(
    [
      reviewed('infra/broken.bicep', BROKEN, {
        parseErrors: [parseError],
        notices: [{ file: 'infra/broken.bicep', level: 'error', message: "The file does not parse cleanly: Expected '}'.", span: parseError.span }],
        findings: [finding('infra/broken.bicep', BROKEN, 'false')],
      }),
      reviewed('infra/main.bicep', BICEP, { findings: [finding('infra/main.bicep', BICEP, 'false', { fixes: [fixOf(BICEP, 'false', 'true')] })] }),
      reviewed('infra/my search.tf', TF, {
        findings: [
          finding('infra/my search.tf', TF, '1', {
            ruleId: 'require-search-replicas',
            severity: 'warning',
            message: 'AI Search service "azurerm_search_service.search" runs 1 replica.',
            resourceName: 'azurerm_search_service.search',
            resourceType: 'azurerm_search_service',
          }),
        ],
      }),
    ],
    [{ reason: 'binary', level: 'warning', path: 'infra/blob.tf', message: 'The file looks binary; skipped.' }],
  );
}

describe('cli/format/sarif', () => {
  it('writes one SARIF 2.1.0 run with the tool, UTF-16 columns and %SRCROOT% at the working directory', () => {
    const log = toSarifLog(sampleReport(), CWD);
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const [run] = log.runs;
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.equal(run.tool.driver.name, 'WAF AI Lens');
    assert.equal(run.tool.driver.version, TOOL_VERSION);
    assert.match(run.tool.driver.informationUri, /^https:\/\//);
    assert.equal(run.originalUriBaseIds['%SRCROOT%']!.uri, `${pathToFileURL(CWD).href}/`);
    assert.deepEqual(
      run.artifacts.map((a) => [a.location.uri, a.location.uriBaseId, a.sourceLanguage]),
      [
        ['infra/broken.bicep', '%SRCROOT%', 'bicep'],
        ['infra/main.bicep', '%SRCROOT%', 'bicep'],
        ['infra/my%20search.tf', '%SRCROOT%', 'terraform'],
      ],
    );
    assert.equal(run.artifacts[2]!.length, Buffer.byteLength(TF));
  });

  it('describes every catalog rule, sorted, with a PascalCase name, texts, level, help link and tags', () => {
    const { rules } = toSarifLog(sampleReport(), CWD).runs[0].tool.driver;
    const catalog = allRuleMeta();
    const ids = rules.map((r) => r.id);
    assert.deepEqual(ids, [...ids].sort());
    for (const meta of catalog) {
      const rule = rules.find((r) => r.id === meta.id);
      assert.ok(rule, `rule ${meta.id} is described`);
      assert.deepEqual(rule, {
        id: meta.id,
        name: pascalCase(meta.id),
        helpUri: `https://github.com/waf-ai-lens/waf-ai-lens/blob/main/README.md#rule-${meta.id}`,
        shortDescription: { text: meta.title },
        fullDescription: { text: meta.rationale },
        help: { text: meta.recommendation },
        defaultConfiguration: { level: meta.severity },
        properties: { tags: [meta.pillar, ...meta.principles] },
      });
    }
    // Every result's rule is described, even when the catalog lacks it, so each ruleIndex is valid.
    for (const id of ['require-disable-local-auth', 'require-search-replicas']) assert.ok(ids.includes(id));
  });

  it('gives each result its rule index, level, message, 1-based region with offsets, and the resource as logical location', () => {
    const run = toSarifLog(sampleReport(), CWD).runs[0];
    assert.equal(run.results.length, 3);
    for (const result of run.results) assert.equal(run.tool.driver.rules[result.ruleIndex]!.id, result.ruleId);
    const search = run.results[2]!;
    assert.equal(search.level, 'warning');
    assert.equal(search.message.text, 'AI Search service "azurerm_search_service.search" runs 1 replica.');
    const span = spanOf(TF, '1');
    assert.deepEqual(search.locations[0].physicalLocation, {
      artifactLocation: { uri: 'infra/my%20search.tf', uriBaseId: '%SRCROOT%', index: 2 },
      region: { startLine: 3, startColumn: 19, endLine: 3, endColumn: 20, charOffset: span.start, charLength: 1 },
    });
    assert.deepEqual(search.locations[0].logicalLocations, [
      { name: 'search', fullyQualifiedName: 'azurerm_search_service.search', kind: 'resource' },
    ]);
    assert.equal(run.results[0]!.locations[0].physicalLocation.region!.startLine, 7, 'the finding after the broken part');
    assert.deepEqual(run.results[0]!.locations[0].logicalLocations![0], { name: 'aoai', fullyQualifiedName: 'aoai', kind: 'resource' });
  });

  it('carries fixes as replacements and fingerprints that do not depend on the line', () => {
    const run = toSarifLog(sampleReport(), CWD).runs[0];
    const span = spanOf(BICEP, 'false');
    assert.deepEqual(run.results[1]!.fixes, [
      {
        description: { text: 'Disable key-based authentication' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'infra/main.bicep', uriBaseId: '%SRCROOT%', index: 1 },
            replacements: [
              {
                deletedRegion: { startLine: 4, startColumn: 23, endLine: 4, endColumn: 28, charOffset: span.start, charLength: 5 },
                insertedContent: { text: 'true' },
              },
            ],
          },
        ],
      },
    ]);
    const moved = reportOf([
      reviewed('infra/main.bicep', `\n\n${BICEP}`, { findings: [finding('infra/main.bicep', `\n\n${BICEP}`, 'false')] }),
    ]);
    assert.deepEqual(toSarifLog(moved, CWD).runs[0].results[0]!.partialFingerprints, run.results[1]!.partialFingerprints);
    assert.notDeepEqual(run.results[0]!.partialFingerprints, run.results[1]!.partialFingerprints);
  });

  it('reports files that did not parse cleanly and skipped inputs as tool execution notifications', () => {
    const [invocation] = toSarifLog(sampleReport(), CWD).runs[0].invocations;
    assert.equal(invocation!.executionSuccessful, true);
    assert.deepEqual(invocation!.toolExecutionNotifications, [
      {
        level: 'error',
        message: { text: "The file does not parse cleanly: Expected '}'." },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'infra/broken.bicep', uriBaseId: '%SRCROOT%', index: 0 },
              region: { startLine: 4, startColumn: 1, endLine: 4, endColumn: 14, charOffset: BROKEN.indexOf('resource aoai'), charLength: 13 },
            },
          },
        ],
      },
      {
        level: 'warning',
        message: { text: 'infra/blob.tf: The file looks binary; skipped.' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'infra/blob.tf', uriBaseId: '%SRCROOT%' } } }],
      },
    ]);
  });

  it('marks the run unsuccessful when nothing was reviewed or a named path does not exist', () => {
    const missing = reportOf([reviewed('a.tf', '')], [{ reason: 'missing', level: 'error', path: 'nope', message: 'No such file or folder.' }]);
    assert.equal(toSarifLog(missing, CWD).runs[0].invocations[0]!.executionSuccessful, false);
    assert.equal(toSarifLog(reportOf([]), CWD).runs[0].invocations[0]!.executionSuccessful, false);
  });

  it('lists a suppressed finding as a result with an in-source suppression and its justification', () => {
    const file = reviewed('infra/main.bicep', BICEP);
    file.analysis.suppressed = [{ ...finding('infra/main.bicep', BICEP, 'false'), suppression: { reason: 'legacy client until Q3', span: spanOf(BICEP, 'name') } }];
    const [result, ...more] = toSarifLog(reportOf([file]), CWD).runs[0].results;
    assert.deepEqual(more, []);
    assert.equal(result!.ruleId, 'require-disable-local-auth');
    assert.deepEqual(result!.suppressions, [{ kind: 'inSource', justification: 'legacy client until Q3' }]);
    assert.equal(toSarifLog(sampleReport(), CWD).runs[0].results.some((r) => r.suppressions), false, 'other results carry no suppressions');
  });

  it('is deterministic and has no timestamps', () => {
    const a = formatSarif(sampleReport(), CWD);
    assert.equal(a, formatSarif(sampleReport(), CWD));
    assert.ok(!/Time(Utc)?"/.test(a));
    assert.ok(a.endsWith('}\n'));
  });

  it('names rules and artifact URIs as SARIF expects', () => {
    assert.equal(pascalCase('require-disable-local-auth'), 'RequireDisableLocalAuth');
    assert.equal(pascalCase('no-public-network-access'), 'NoPublicNetworkAccess');
    assert.deepEqual(artifactLocation('../shared/a#b.bicep'), { uri: '../shared/a%23b.bicep', uriBaseId: '%SRCROOT%' });
    assert.equal(artifactLocation('/abs/x.tf').uri, pathToFileURL('/abs/x.tf').href);
  });
});
