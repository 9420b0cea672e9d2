// Tests that the CLI reviews its inputs as one workspace: modules with their callers' arguments, parameter files, safe reads.
import * as assert from 'node:assert/strict';
import { reviewPaths, sortedFindings } from '../../../server/src/cli/review';
import { main } from '../../../server/src/cli/main';
import type { JsonReport } from '../../../server/src/cli/format/json';
import { captureIo, spanOf, tempFolder, writeTree } from './helpers';

const MAIN = [
  "param publicAccess string = 'Disabled'",
  '',
  "module ai './modules/ai.bicep' = {",
  "  name: 'ai'",
  '  params: {',
  '    access: publicAccess',
  '  }',
  '}',
  '',
].join('\n');

const AI = [
  'param access string',
  '',
  "resource aoai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {",
  "  name: 'aoai-chat'",
  "  location: 'swedencentral'",
  "  kind: 'OpenAI'",
  "  sku: { name: 'S0' }",
  '  properties: {',
  '    publicNetworkAccess: access',
  '  }',
  '}',
  '',
].join('\n');

const PARAMS = "using './main.bicep'\n\nparam publicAccess = 'Enabled'\n";

describe('cli: review as one workspace', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir, cleanup } = tempFolder());
  });
  afterEach(() => cleanup());

  it('evaluates a module with the arguments its caller passes, from the parameter file, and fixes the parameter file', () => {
    writeTree(dir, { 'infra/main.bicep': MAIN, 'infra/modules/ai.bicep': AI, 'infra/main.bicepparam': PARAMS });
    const report = reviewPaths(['infra'], dir);
    const [finding] = sortedFindings(report).filter((f) => f.ruleId === 'no-public-network-access');
    assert.ok(finding, 'the module account is reviewed with the value the parameter file sets');
    assert.equal(finding.file, 'infra/modules/ai.bicep');
    assert.deepEqual(finding.span, spanOf(AI, 'access', 2));
    assert.deepEqual(finding.related[0], { file: 'infra/main.bicepparam', span: spanOf(PARAMS, "'Enabled'"), message: 'The value is set by the value of `publicAccess` in `main.bicepparam`.' });
    assert.deepEqual(finding.fixes[0]!.edits, [{ file: 'infra/main.bicepparam', span: spanOf(PARAMS, "'Enabled'"), text: "'Disabled'" }]);
  });

  it('JSON shows the module finding with its related location in the parameter file', async () => {
    writeTree(dir, { 'infra/main.bicep': MAIN, 'infra/modules/ai.bicep': AI, 'infra/main.bicepparam': PARAMS });
    const io = captureIo(dir);
    await main(['review', 'infra', '--format', 'json', '--fail-on', 'none'], io);
    const json = JSON.parse(io.out()) as JsonReport;
    const finding = json.findings.find((f) => f.ruleId === 'no-public-network-access');
    assert.ok(finding);
    assert.equal(finding.file, 'infra/modules/ai.bicep');
    assert.ok(JSON.stringify(finding).includes('infra/main.bicepparam'), JSON.stringify(finding));
  });

  it('reads a module beside a file named on its own, and reports on it', () => {
    writeTree(dir, { 'infra/main.bicep': MAIN, 'infra/modules/ai.bicep': AI });
    const report = reviewPaths(['infra/main.bicep'], dir);
    assert.deepEqual(report.files.map((f) => f.path), ['infra/main.bicep', 'infra/modules/ai.bicep']);
    assert.ok(sortedFindings(report).some((f) => f.file === 'infra/modules/ai.bicep' && f.ruleId === 'require-private-endpoint'));
  });

  it('never reads a module outside the named paths, and says so', () => {
    const outside = MAIN.replace('./modules/ai.bicep', '../shared/ai.bicep');
    writeTree(dir, { 'infra/env/main.bicep': outside, 'infra/shared/ai.bicep': AI });
    const report = reviewPaths(['infra/env'], dir);
    assert.deepEqual(report.files.map((f) => f.path), ['infra/env/main.bicep']);
    const notices = report.files.flatMap((f) => f.analysis.notices.map((n) => n.message));
    assert.ok(notices.some((n) => n.includes('`../shared/ai.bicep` lies outside the workspace (`infra/env`)')), notices.join('\n'));
  });

  it('evaluates a Terraform root with its tfvars and a local module folder', () => {
    writeTree(dir, {
      'tf/main.tf': 'variable "public" {\n  type = bool\n}\n\nmodule "ai" {\n  source = "./modules/ai"\n  public = var.public\n}\n',
      'tf/terraform.tfvars': 'public = true\n',
      'tf/modules/ai/main.tf': 'variable "public" {}\n\nresource "azurerm_cognitive_account" "this" {\n  name                          = "aoai"\n  public_network_access_enabled = var.public\n}\n',
    });
    const report = reviewPaths(['tf'], dir);
    const [finding] = sortedFindings(report).filter((f) => f.ruleId === 'no-public-network-access');
    assert.equal(finding?.file, 'tf/modules/ai/main.tf');
    assert.equal(finding?.severity, 'warning');
    assert.equal(finding?.related[0]?.file, 'tf/terraform.tfvars');
  });
});
