// Tests the text format on hand-built reviews: line layout, 1-based positions, grouping, scores per pillar, summary and colour.
import * as assert from 'node:assert/strict';
import { useColor } from '../../../server/src/cli/format/color';
import { formatText, summaryLine } from '../../../server/src/cli/format/text';
import { finding, lines, reportOf, reviewed, spanOf } from './helpers';

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

describe('cli/format/text', () => {
  it('writes one line per finding, grouped by file, with 1-based positions and the resource, then a summary', () => {
    const report = reportOf([
      reviewed('infra/main.bicep', BICEP, { findings: [finding('infra/main.bicep', BICEP, 'false')] }),
      reviewed('infra/search.tf', TF, {
        findings: [
          finding('infra/search.tf', TF, '1', {
            ruleId: 'require-search-replicas',
            severity: 'error',
            message: 'AI Search service "azurerm_search_service.search" runs 1 replica.',
            resourceName: 'azurerm_search_service.search',
            resourceType: 'azurerm_search_service',
          }),
        ],
      }),
      reviewed('infra/clean.bicep', '// nothing to say\n'),
    ]);
    assert.equal(
      formatText(report, { color: false }),
      lines(
        'infra/main.bicep:4:23: warning require-disable-local-auth: Azure OpenAI account "aoai" accepts API keys: `properties.disableLocalAuth` is false. [aoai]',
        '',
        'infra/search.tf:3:19: error require-search-replicas: AI Search service "azurerm_search_service.search" runs 1 replica. [azurerm_search_service.search]',
        '',
        'Reliability               0  1 failed',
        'Security                  0  1 failed',
        'Cost Optimization         –  no evidence from code',
        'Operational Excellence    –  no evidence from code',
        'Performance Efficiency    –  no evidence from code',
        'Overall                   0  mean of 2 pillars with evidence',
        '2 findings (1 error, 1 warning, 0 notes) in 3 files',
        '',
      ),
    );
  });

  it('says plainly that a file did not parse, before its findings, and counts it in the summary', () => {
    const broken = lines("resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {", '  properties: {', '', BICEP);
    const parseError = { message: "Expected '}'", span: spanOf(broken, 'resource aoai') };
    const report = reportOf([
      reviewed('broken.bicep', broken, {
        parseErrors: [parseError],
        notices: [{ file: 'broken.bicep', level: 'error', message: "The file does not parse cleanly: Expected '}'.", span: parseError.span }],
        findings: [finding('broken.bicep', broken, 'false')],
      }),
    ]);
    assert.equal(
      formatText(report, { color: false }),
      lines(
        "broken.bicep:4:1: error: The file does not parse cleanly: Expected '}'.",
        'broken.bicep:7:23: warning require-disable-local-auth: Azure OpenAI account "aoai" accepts API keys: `properties.disableLocalAuth` is false. [aoai]',
        '',
        'Reliability               –  no evidence from code',
        'Security                  0  1 failed',
        'Cost Optimization         –  no evidence from code',
        'Operational Excellence    –  no evidence from code',
        'Performance Efficiency    –  no evidence from code',
        'Overall                   0  mean of 1 pillar with evidence',
        '1 finding (0 errors, 1 warning, 0 notes) in 1 file; 1 file did not parse cleanly',
        '',
      ),
    );
  });

  it('counts CRLF files by editor lines and keeps messages on one line', () => {
    const crlf = BICEP.replace(/\n/g, '\r\n');
    const report = reportOf([
      reviewed('crlf.bicep', crlf, { findings: [finding('crlf.bicep', crlf, 'false', { message: 'Two\r\nlines\u001b[31m.' })] }),
    ]);
    const out = formatText(report, { color: false });
    assert.ok(out.startsWith('crlf.bicep:4:23: warning require-disable-local-auth: Two lines?[31m. [aoai]\n'), out);
  });

  it('writes only the summary when there is nothing to say, and mentions skipped paths', () => {
    const report = reportOf([reviewed('a.tf', '')], [{ reason: 'binary', level: 'warning', path: 'b.tf', message: 'Binary.' }]);
    assert.equal(formatText(report, { color: false }), '0 findings (0 errors, 0 warnings, 0 notes) in 1 file; 1 path not reviewed\n');
  });

  it('does not count links left unfollowed as skipped paths', () => {
    const summary = { files: 2, skipped: 0, findings: 1, errors: 0, warnings: 0, notes: 1, unparsed: 0 };
    assert.equal(summaryLine(summary), '1 finding (0 errors, 0 warnings, 1 note) in 2 files');
    const report = reportOf([reviewed('a.tf', '')], [{ reason: 'outside-root', level: 'note', path: 'link', message: 'Not followed.' }]);
    assert.equal(formatText(report, { color: false }), '0 findings (0 errors, 0 warnings, 0 notes) in 1 file\n');
  });

  it('colours severities only when asked', () => {
    const report = reportOf([reviewed('m.bicep', BICEP, { findings: [finding('m.bicep', BICEP, 'false')] })]);
    assert.ok(formatText(report, { color: true }).includes('\u001b[33mwarning\u001b[39m'));
    assert.ok(!formatText(report, { color: false }).includes('\u001b['));
  });
});

/** Environments and whether stdout is a terminal, with the colour decision each must give. */
const COLOR_CASES: Array<[Record<string, string>, boolean, boolean]> = [
  [{}, true, true],
  [{}, false, false],
  [{ NO_COLOR: '1' }, true, false],
  [{ NO_COLOR: '' }, true, true],
  [{ TERM: 'dumb' }, true, false],
  [{ FORCE_COLOR: '1' }, false, true],
  [{ FORCE_COLOR: '' }, false, true],
  [{ FORCE_COLOR: '0' }, true, false],
  [{ FORCE_COLOR: 'false' }, true, false],
  [{ FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
];

describe('cli/format/color', () => {
  for (const [env, isTTY, expected] of COLOR_CASES) {
    it(`${expected ? 'colours' : 'does not colour'} with ${JSON.stringify(env)} on ${isTTY ? 'a terminal' : 'a pipe'}`, () => {
      assert.equal(useColor({ env, stdout: { write: () => undefined, isTTY } }), expected);
    });
  }
});
