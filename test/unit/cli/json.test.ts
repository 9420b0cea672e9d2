// Tests the JSON format on hand-built reviews: the documented shape, 1-based ranges, offsets, notices and summary.
import * as assert from 'node:assert/strict';
import { formatJson, toJsonReport, JSON_FORMAT_VERSION } from '../../../server/src/cli/format/json';
import { TOOL_VERSION } from '../../../server/src/cli/version';
import { finding, fixOf, lines, reportOf, reviewed, spanOf } from './helpers';

const BICEP = lines(
  "resource aoai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {",
  "  name: 'aoai'",
  '  properties: {',
  '    disableLocalAuth: false',
  '  }',
  '}',
);

function sampleReport() {
  const broken = `\uFEFF${BICEP}\r\nresource x 'y@1' = {\r\n`;
  return reportOf(
    [
      reviewed('infra/broken.bicep', broken, {
        parseErrors: [{ message: "Expected '}'", span: { start: broken.length, end: broken.length } }],
        notices: [{ file: 'infra/broken.bicep', level: 'error', message: "The file does not parse cleanly: Expected '}'.", span: { start: broken.length, end: broken.length } }],
      }),
      reviewed('infra/main.bicep', BICEP, {
        findings: [
          finding('infra/main.bicep', BICEP, 'false', {
            fixes: [fixOf(BICEP, 'false', 'true')],
            related: [{ file: 'infra/main.bicepparam', span: { start: 0, end: 4 }, message: 'Set here.' }],
          }),
        ],
      }),
    ],
    [{ reason: 'too-large', level: 'warning', path: 'infra/huge.tf', message: 'The file is larger than 5 MB (6.0 MB); skipped.' }],
  );
}

describe('cli/format/json', () => {
  it('has the documented top-level shape and version', () => {
    const json = toJsonReport(sampleReport());
    assert.deepEqual(Object.keys(json), ['version', 'tool', 'files', 'findings', 'suppressed', 'notices', 'answers', 'summary']);
    assert.equal(json.version, JSON_FORMAT_VERSION);
    assert.deepEqual(json.tool, { name: 'WAF AI Lens', version: TOOL_VERSION });
    assert.deepEqual(json.files, [
      { path: 'infra/broken.bicep', language: 'bicep', kind: 'bicep', findings: 0, parsedCleanly: false },
      { path: 'infra/main.bicep', language: 'bicep', kind: 'bicep', findings: 1, parsedCleanly: true },
    ]);
    assert.deepEqual(json.summary, { files: 2, skipped: 1, findings: 1, errors: 0, warnings: 1, notes: 0, unparsed: 1 });
  });

  it('gives each finding a 1-based range with an exclusive end, its offsets, resource, fixes and related places', () => {
    const [f] = toJsonReport(sampleReport()).findings;
    const span = spanOf(BICEP, 'false');
    assert.deepEqual(f, {
      ruleId: 'require-disable-local-auth',
      severity: 'warning',
      message: 'Azure OpenAI account "aoai" accepts API keys: `properties.disableLocalAuth` is false.',
      file: 'infra/main.bicep',
      range: { start: { line: 4, column: 23 }, end: { line: 4, column: 28 } },
      span,
      resource: { name: 'aoai', type: 'Microsoft.CognitiveServices/accounts' },
      fixes: [{ title: 'Disable key-based authentication', safe: false }],
      related: [{ file: 'infra/main.bicepparam', message: 'Set here.', range: null, span: { start: 0, end: 4 } }],
      docsUrl: 'https://github.com/waf-ai-lens/waf-ai-lens/blob/main/README.md#rule-require-disable-local-auth',
    });
  });

  it('lists analysis notices with their range (BOM and CRLF aware) and input problems without one', () => {
    const { notices } = toJsonReport(sampleReport());
    assert.deepEqual(notices, [
      {
        source: 'analysis',
        level: 'error',
        file: 'infra/broken.bicep',
        message: "The file does not parse cleanly: Expected '}'.",
        range: { start: { line: 8, column: 1 }, end: { line: 8, column: 1 } },
        span: notices[0]!.span,
        reason: null,
      },
      { source: 'input', level: 'warning', file: 'infra/huge.tf', message: 'The file is larger than 5 MB (6.0 MB); skipped.', range: null, span: null, reason: 'too-large' },
    ]);
  });

  it('orders findings by file order then position, whatever order the engine gave', () => {
    const text = lines('a', 'b', 'c');
    const report = reportOf([
      reviewed('z.tf', text, { findings: [finding('z.tf', text, 'c', { ruleId: 'r2' }), finding('z.tf', text, 'a', { ruleId: 'r1' })] }),
      reviewed('a.tf', text, { findings: [finding('a.tf', text, 'b')] }),
    ]);
    assert.deepEqual(
      toJsonReport(report).findings.map((f) => `${f.file}:${f.range.start.line}`),
      ['z.tf:1', 'z.tf:3', 'a.tf:2'],
    );
  });

  it('lists suppressed findings apart, with the reason and the place of the comment, and counts them nowhere else', () => {
    const text = lines('// waf-ai-lens-ignore require-disable-local-auth: legacy client until Q3', ...BICEP.split('\n'));
    const silenced = finding('infra/main.bicep', text, 'false');
    const comment = spanOf(text, '// waf-ai-lens-ignore require-disable-local-auth: legacy client until Q3');
    const file = reviewed('infra/main.bicep', text);
    file.analysis.suppressed = [{ ...silenced, suppression: { reason: 'legacy client until Q3', span: comment } }];
    const json = toJsonReport(reportOf([file]));
    assert.deepEqual(json.findings, []);
    assert.equal(json.summary.findings, 0);
    assert.deepEqual(
      json.suppressed.map((s) => ({ ruleId: s.ruleId, line: s.range.start.line, suppression: s.suppression })),
      [{ ruleId: 'require-disable-local-auth', line: 5, suppression: { reason: 'legacy client until Q3', range: { start: { line: 1, column: 1 }, end: { line: 1, column: 73 } }, span: comment } }],
    );
  });

  it('writes indented, newline-terminated, parseable JSON', () => {
    const text = formatJson(sampleReport());
    assert.ok(text.endsWith('}\n'));
    assert.deepEqual(JSON.parse(text), toJsonReport(sampleReport()));
  });
});
