// Tests the workspace: provenance (related locations, cross-file fixes), parameter files, incremental re-evaluation, cycles, roots.
import * as assert from 'node:assert/strict';
import { analyzeFile, analyzeWorkspace, Workspace, type Finding, type WorkspaceAnalysis } from '../../../server/src/engine';
import { runWorkloadRules, workloadRule } from '../../../server/src/engine/rules/workloadRule';
import { WorkloadGraph } from '../../../server/src/engine/graph';

const account = (props: string, name = 'aoai'): string => `resource ${name} 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'aoai-chat'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
${props}
  }
}
`;

function analyze(files: Record<string, string>, options: Parameters<typeof analyzeWorkspace>[1] = {}): WorkspaceAnalysis {
  return analyzeWorkspace(Object.entries(files).map(([file, text]) => ({ file, text })), options);
}

function findings(analysis: WorkspaceAnalysis, ruleId: string): Finding[] {
  return analysis.files.flatMap((a) => a.findings).filter((f) => f.ruleId === ruleId);
}

function notices(analysis: WorkspaceAnalysis): string[] {
  return analysis.files.flatMap((a) => a.notices.map((n) => `${a.file}: ${n.message}`));
}

const at = (text: string, needle: string): { start: number; end: number } => {
  const start = text.indexOf(needle);
  assert.ok(start >= 0, `${needle} is in the text`);
  return { start, end: start + needle.length };
};

describe('workspace: provenance', () => {
  const template = `param publicAccess string = 'Disabled'\n\n${account('    publicNetworkAccess: publicAccess')}`;
  const dev = "using './main.bicep'\n\nparam publicAccess = 'Enabled'\n";

  it('a finding whose value comes from a parameter file points at the property, relates the entry and fixes it there', () => {
    const analysis = analyze({ 'infra/main.bicep': template, 'infra/main.bicepparam': dev });
    const [finding] = findings(analysis, 'no-public-network-access');
    assert.ok(finding);
    assert.equal(finding.file, 'infra/main.bicep');
    const use = template.lastIndexOf('publicAccess');
    assert.deepEqual(finding.span, { start: use, end: use + 'publicAccess'.length }, 'the finding points at the property that uses the parameter');
    assert.deepEqual(finding.related, [{ file: 'infra/main.bicepparam', span: at(dev, "'Enabled'"), message: 'The value is set by the value of `publicAccess` in `main.bicepparam`.' }]);
    assert.deepEqual(finding.fixes[0]?.edits, [{ file: 'infra/main.bicepparam', span: at(dev, "'Enabled'"), text: "'Disabled'" }]);
  });

  it('a parameter default relates the default and fixes it in the same file, without naming the file', () => {
    const text = `param publicAccess string = 'Enabled'\n\n${account('    publicNetworkAccess: publicAccess')}`;
    const [finding] = findings(analyze({ 'main.bicep': text }), 'no-public-network-access');
    assert.ok(finding);
    assert.deepEqual(finding.related, [{ file: 'main.bicep', span: at(text, "'Enabled'"), message: 'The value is set by the default of parameter `publicAccess`.' }]);
    assert.deepEqual(finding.fixes[0]?.edits, [{ span: at(text, "'Enabled'"), text: "'Disabled'" }]);
  });

  it('a module argument relates the caller and fixes the caller', () => {
    const caller = "module ai './ai.bicep' = {\n  name: 'ai'\n  params: {\n    access: 'Enabled'\n  }\n}\n";
    const module = `param access string\n\n${account('    publicNetworkAccess: access')}`;
    const [finding] = findings(analyze({ 'main.bicep': caller, 'ai.bicep': module }), 'no-public-network-access');
    assert.ok(finding);
    assert.equal(finding.file, 'ai.bicep');
    assert.deepEqual(finding.related, [{ file: 'main.bicep', span: at(caller, "'Enabled'"), message: 'The value is set by the argument `access` of module `ai` in `main.bicep`.' }]);
    assert.deepEqual(finding.fixes[0]?.edits, [{ file: 'main.bicep', span: at(caller, "'Enabled'"), text: "'Disabled'" }]);
  });

  it('a .tfvars value relates the entry and fixes it there', () => {
    const variables = 'variable "public" {\n  type    = bool\n  default = false\n}\n';
    const main = 'resource "azurerm_cognitive_account" "aoai" {\n  name                          = "aoai"\n  public_network_access_enabled = var.public\n}\n';
    const tfvars = 'public = true\n';
    const [finding] = findings(analyze({ 'tf/variables.tf': variables, 'tf/main.tf': main, 'tf/terraform.tfvars': tfvars }), 'no-public-network-access');
    assert.ok(finding);
    assert.deepEqual(finding.related, [{ file: 'tf/terraform.tfvars', span: at(tfvars, 'true'), message: 'The value is set by the value of `public` in `terraform.tfvars`.' }]);
    assert.deepEqual(finding.fixes[0]?.edits, [{ file: 'tf/terraform.tfvars', span: at(tfvars, 'true'), text: 'false' }]);
  });
});

describe('workspace: several parameter files for one template', () => {
  const template = `param publicAccess string = 'Disabled'\nparam disableKeys bool = true\n\n${account('    publicNetworkAccess: publicAccess\n    disableLocalAuth: disableKeys')}`;
  const dev = "using './main.bicep'\n\nparam publicAccess = 'Enabled'\nparam disableKeys = false\n";
  const prod = "using './main.bicep'\n\nparam publicAccess = 'Enabled'\nparam disableKeys = true\n";

  it('a finding under every parameter file is reported once, with a related location naming each, and a fix for each', () => {
    const analysis = analyze({ 'main.bicep': template, 'dev.bicepparam': dev, 'prod.bicepparam': prod });
    const all = findings(analysis, 'no-public-network-access');
    assert.equal(all.length, 1);
    const [finding] = all;
    assert.ok(!finding!.message.includes('Only'), finding!.message);
    const names = finding!.related.map((r) => `${r.file}: ${r.message}`);
    assert.ok(names.includes('dev.bicepparam: Found with `dev.bicepparam`.'), names.join('\n'));
    assert.ok(names.includes('prod.bicepparam: Found with `prod.bicepparam`.'), names.join('\n'));
    assert.deepEqual(
      finding!.fixes[0]!.edits.map((e) => e.file).sort(),
      ['dev.bicepparam', 'prod.bicepparam'],
      'one fix edits each parameter file that sets the value',
    );
  });

  it('a finding under some parameter files only says which', () => {
    const [finding] = findings(analyze({ 'main.bicep': template, 'dev.bicepparam': dev, 'prod.bicepparam': prod }), 'require-disable-local-auth');
    assert.ok(finding);
    assert.match(finding.message, /Only with `dev\.bicepparam`\.$/);
    assert.deepEqual(finding.fixes[0]!.edits.map((e) => e.file), ['dev.bicepparam']);
  });

  it('without a parameter file the template is evaluated with its defaults', () => {
    assert.equal(findings(analyze({ 'main.bicep': template }), 'no-public-network-access').length, 0);
  });

  it('a warning under one parameter file outranks a note under another', () => {
    const unknown = "using './main.bicep'\n\nparam publicAccess = readEnvironmentVariable('ACCESS')\n";
    const analysis = analyze({ 'main.bicep': template, 'dev.bicepparam': dev, 'ci.bicepparam': unknown });
    const all = findings(analysis, 'no-public-network-access');
    assert.deepEqual(all.map((f) => f.severity), ['warning']);
  });
});

describe('workspace: incremental re-evaluation', () => {
  const main = "param publicAccess string = 'Disabled'\n\nmodule ai './modules/ai.bicep' = {\n  name: 'ai'\n  params: {\n    access: publicAccess\n  }\n}\n";
  const ai = `param access string\n\n${account('    publicNetworkAccess: access')}`;

  function fresh(): Workspace {
    const ws = new Workspace();
    ws.update('main.bicep', main);
    ws.update('modules/ai.bicep', ai);
    ws.update('main.bicepparam', "using './main.bicep'\nparam publicAccess = 'Enabled'\n");
    ws.update('other/main.tf', 'locals {\n  a = 1\n}\n');
    return ws;
  }

  it('evaluates each instance once, and nothing again when nothing changed', () => {
    const ws = fresh();
    const first = ws.analyses();
    assert.deepEqual([...ws.stats.lastEvaluated].sort(), ['bicep:main.bicep', 'bicep:modules/ai.bicep', 'tf:other']);
    assert.equal(ws.stats.parses, 4);
    assert.equal(ws.analyses(), first, 'the same analysis object while nothing changed');
    ws.update('main.bicep', main);
    ws.analyses();
    assert.equal(ws.stats.evaluations, 3, 'an update with the same text changes nothing');
  });

  it('an edit of a module re-evaluates that module only', () => {
    const ws = fresh();
    ws.analyses();
    ws.update('modules/ai.bicep', `${ai}\n// edited\n`);
    const analysis = ws.analyses();
    assert.deepEqual(ws.stats.lastEvaluated, ['bicep:modules/ai.bicep']);
    assert.equal(ws.stats.parses, 5);
    assert.equal(findings(analysis, 'no-public-network-access').length, 1);
  });

  it('an edit of a caller that leaves its module arguments as they were re-evaluates the caller only', () => {
    const ws = fresh();
    ws.analyses();
    ws.update('main.bicep', `${main}\n// edited\n`);
    ws.analyses();
    assert.deepEqual(ws.stats.lastEvaluated, ['bicep:main.bicep']);
  });

  it('an edit of a parameter file re-evaluates the deployment it feeds, down to the modules whose arguments change', () => {
    const ws = fresh();
    ws.analyses();
    ws.update('main.bicepparam', "using './main.bicep'\nparam publicAccess = 'Disabled'\n");
    const analysis = ws.analyses();
    assert.deepEqual(ws.stats.lastEvaluated, ['bicep:main.bicep', 'bicep:modules/ai.bicep']);
    assert.equal(findings(analysis, 'no-public-network-access').length, 0);
  });

  it('an edit of an unrelated Terraform folder re-evaluates that folder only', () => {
    const ws = fresh();
    ws.analyses();
    ws.update('other/main.tf', 'locals {\n  a = 2\n}\n');
    ws.analyses();
    assert.deepEqual(ws.stats.lastEvaluated, ['tf:other']);
  });

  it('removing a module re-evaluates its caller, which now says the module is missing', () => {
    const ws = fresh();
    ws.analyses();
    ws.remove('modules/ai.bicep');
    const analysis = ws.analyses();
    assert.deepEqual(ws.stats.lastEvaluated, ['bicep:main.bicep']);
    assert.ok(notices(analysis).some((n) => n.startsWith('main.bicep: The module file `./modules/ai.bicep` was not found')), notices(analysis).join('\n'));
  });
});

describe('workspace: cycles are cut, never followed', () => {
  it('modules that call each other', () => {
    const a = "module b './b.bicep' = {\n  name: 'b'\n}\n";
    const b = "module a './a.bicep' = {\n  name: 'a'\n}\n";
    const analysis = analyze({ 'a.bicep': a, 'b.bicep': b });
    assert.ok(notices(analysis).some((n) => /closes a cycle \(`a\.bicep` → `b\.bicep` → `a\.bicep`\)/.test(n)), notices(analysis).join('\n'));
  });

  it('Terraform module folders that call each other', () => {
    const analysis = analyze({ 'a/main.tf': 'module "b" {\n  source = "../b"\n}\n', 'b/main.tf': 'module "a" {\n  source = "../a"\n}\n' });
    assert.ok(notices(analysis).some((n) => n.includes('closes a cycle')), notices(analysis).join('\n'));
  });

  it('variables and locals that refer to each other', () => {
    const analysis = analyze({ 'main.bicep': `var a = b\nvar b = a\n\n${account('    publicNetworkAccess: a')}`, 'tf/main.tf': 'locals {\n  x = local.y\n  y = local.x\n}\n\noutput "x" {\n  value = local.x\n}\n' });
    const all = notices(analysis);
    assert.ok(all.some((n) => n.startsWith('main.bicep: Variable `a` → variable `b` → variable `a`')), all.join('\n'));
    assert.ok(all.some((n) => n.startsWith('tf/main.tf: Local `x` → local `y` → local `x`')), all.join('\n'));
    assert.deepEqual(findings(analysis, 'no-public-network-access').map((f) => f.severity), ['note']);
  });

  it('parameter files that extend each other', () => {
    const analysis = analyze({
      'main.bicep': account("    publicNetworkAccess: 'Disabled'"),
      'a.bicepparam': "using './main.bicep'\nextends './b.bicepparam'\n",
      'b.bicepparam': "using none\nextends './a.bicepparam'\n",
    });
    assert.ok(notices(analysis).some((n) => n.includes('the cycle is cut here')), notices(analysis).join('\n'));
  });
});

describe('workspace: what it reads', () => {
  const caller = "module ai './modules/ai.bicep' = {\n  name: 'ai'\n  params: {\n    access: 'Enabled'\n  }\n}\n";
  const module = `param access string\n\n${account('    publicNetworkAccess: access')}`;

  it('reads a module that was not given through readFile, and reports on it', () => {
    const asked: string[] = [];
    const analysis = analyze({ 'infra/main.bicep': caller }, { readFile: (p) => (asked.push(p), p === 'infra/modules/ai.bicep' ? module : undefined) });
    assert.deepEqual(asked, ['infra/modules/ai.bicep']);
    assert.deepEqual(findings(analysis, 'no-public-network-access').map((f) => f.file), ['infra/modules/ai.bicep']);
  });

  it('lists and reads a Terraform module folder that was not given', () => {
    const main = 'module "ai" {\n  source = "./modules/ai"\n  public = true\n}\n';
    const ai = 'variable "public" {}\n\nresource "azurerm_cognitive_account" "this" {\n  name                          = "aoai"\n  public_network_access_enabled = var.public\n}\n';
    const analysis = analyze(
      { 'tf/main.tf': main },
      { listFiles: (folder) => (folder === 'tf/modules/ai' ? ['tf/modules/ai/main.tf'] : undefined), readFile: (p) => (p === 'tf/modules/ai/main.tf' ? ai : undefined) },
    );
    assert.deepEqual(findings(analysis, 'no-public-network-access').map((f) => `${f.file} ${f.severity}`), ['tf/modules/ai/main.tf warning']);
  });

  it('refuses a module path that leads above the root, without reading it', () => {
    const outside = "module ai '../../shared/ai.bicep' = {\n  name: 'ai'\n}\n";
    const asked: string[] = [];
    const analysis = analyze({ 'infra/env/main.bicep': outside }, { readFile: (p) => (asked.push(p), module) });
    assert.deepEqual(asked, []);
    assert.ok(notices(analysis).some((n) => n.includes('lies outside the workspace (`infra/env`)')), notices(analysis).join('\n'));
  });

  it('reads above the inputs when the caller names a wider root', () => {
    const outside = "module ai '../shared/ai.bicep' = {\n  name: 'ai'\n  params: {\n    access: 'Enabled'\n  }\n}\n";
    const analysis = analyze({ 'infra/env/main.bicep': outside }, { root: 'infra', readFile: (p) => (p === 'infra/shared/ai.bicep' ? module : undefined) });
    assert.deepEqual(findings(analysis, 'no-public-network-access').map((f) => f.file), ['infra/shared/ai.bicep']);
  });

  it('normalises paths to `/`', () => {
    const analysis = analyze({ 'infra\\main.bicep': caller, 'infra\\modules\\ai.bicep': module });
    assert.deepEqual(analysis.files.map((f) => f.file), ['infra/main.bicep', 'infra/modules/ai.bicep']);
  });

  it('analyzeFile stays on its own: file-local values resolve, modules are not read, no workload rule runs', () => {
    const text = `param access string = 'Enabled'\n${caller}\n${account('    publicNetworkAccess: access')}`;
    const analysis = analyzeFile('main.bicep', text)!;
    assert.deepEqual(analysis.notices, []);
    assert.deepEqual(analysis.findings.filter((f) => f.ruleId === 'no-public-network-access').map((f) => f.severity), ['warning']);
    assert.deepEqual(analysis.findings.filter((f) => /^require-(private-endpoint|diagnostic-logs|workload-budget)$/.test(f.ruleId)), []);
  });
});

describe('workspace: a value the code does not determine never makes a warning or an error', () => {
  const bicepValues = [
    'resourceGroup().location',
    "uniqueString(resourceGroup().id)",
    'subscription().subscriptionId',
    "environment().name",
    'newGuid()',
    'unset',
    "readEnvironmentVariable('X', 'Enabled')",
    'other.properties.publicNetworkAccess',
    "loadTextContent('access.txt')",
    'ai.outputs.access',
  ];
  const prelude = "param unset string\nresource other 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {\n  name: 'x'\n}\nmodule ai 'br/public:avm/res/x:1.0.0' = {\n  name: 'ai'\n}\n";
  for (const value of bicepValues) {
    it(`Bicep: ${value}`, () => {
      const text = `${prelude}\n${account(`    publicNetworkAccess: ${value}\n    disableLocalAuth: ${value} == 'x'`)}`;
      const analysis = analyze({ 'main.bicep': text });
      const judged = analysis.files.flatMap((a) => a.findings).filter((f) => f.ruleId === 'no-public-network-access' || f.ruleId === 'require-disable-local-auth');
      assert.ok(judged.length > 0);
      assert.deepEqual([...new Set(judged.map((f) => f.severity))], ['note']);
    });
  }
  const hclValues = ['var.unset', 'azurerm_key_vault.kv.public_network_access_enabled', 'data.azurerm_client_config.current.object_id == "x"', 'module.m.public', 'timestamp() == "x"', 'path.module == "x"', 'each.value'];
  for (const value of hclValues) {
    it(`Terraform: ${value}`, () => {
      const text = `variable "unset" {}\nresource "azurerm_key_vault" "kv" {}\ndata "azurerm_client_config" "current" {}\nmodule "m" {\n  source = "Azure/avm-res-x/azurerm"\n}\nresource "azurerm_cognitive_account" "aoai" {\n  name                          = "aoai"\n  public_network_access_enabled = ${value}\n  local_auth_enabled            = ${value}\n}\n`;
      const analysis = analyze({ 'main.tf': text });
      const judged = analysis.files.flatMap((a) => a.findings).filter((f) => f.ruleId === 'no-public-network-access' || f.ruleId === 'require-disable-local-auth');
      assert.ok(judged.length > 0);
      assert.deepEqual([...new Set(judged.map((f) => f.severity))], ['note']);
    });
  }
});

describe('workspace: workload rules run in isolation', () => {
  it('a workload rule that throws loses its own findings only, and says so', () => {
    const graph = new WorkloadGraph([], [], []);
    const boom = workloadRule({ id: 'require-boom', resourceTypes: {}, messages: {}, fixable: false, checkWorkload: () => { throw new Error('boom'); } });
    const fine = workloadRule({
      id: 'require-fine',
      resourceTypes: {},
      messages: { x: 'Fine "{{name}}".' },
      fixable: false,
      checkWorkload: (ctx) => ctx.report({ messageId: 'x', node: { id: 'i#a', instance: 'i', resource: { name: 'a' } as never, copies: [], language: 'bicep', type: 'T/x', file: 'a.bicep', span: { start: 0, end: 1 }, nameSpan: { start: 0, end: 1 }, existing: false, conditional: false } }),
    });
    const run = runWorkloadRules(graph, () => undefined, [boom, fine], 'a.bicep');
    assert.deepEqual(run.findings.map((f) => f.finding.message), ['Fine "a".']);
    assert.equal(run.failures.length, 1);
    assert.match(run.failures[0]!.message, /^Rule require-boom failed on the workload and was skipped: boom$/);
  });
});
