// Tests that a workspace redoes per-file work only for the files an edit reaches, and that its answer stays that of a fresh workspace.
import * as assert from 'node:assert/strict';
import { Workspace, type WorkspaceAnalysis } from '../../../server/src/engine';

const account = (name: string, props: string): string => `resource ${name} 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: '${name}-account'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
${props}
  }
}
`;

/** A workspace of two Bicep deployments (one with a parameter file and a module), a Terraform root with a module, and a lone file. */
const FILES: Readonly<Record<string, string>> = {
  'app/main.bicep': "param publicAccess string = 'Disabled'\n\nmodule ai './modules/ai.bicep' = {\n  name: 'ai'\n  params: {\n    access: publicAccess\n  }\n}\n",
  'app/modules/ai.bicep': `param access string\n\n${account('aoai', '    publicNetworkAccess: access')}`,
  'app/main.bicepparam': "using './main.bicep'\nparam publicAccess = 'Enabled'\n",
  'lone/search.bicep': account('other', "    publicNetworkAccess: 'Enabled'\n    disableLocalAuth: false"),
  'tf/main.tf': 'module "ai" {\n  source = "./modules/ai"\n  public = var.public\n}\n\nvariable "public" {\n  default = true\n}\n',
  'tf/modules/ai/main.tf': 'resource "azurerm_cognitive_account" "aoai" {\n  name                          = "aoai"\n  public_network_access_enabled = var.public\n}\n',
  'tf/modules/ai/variables.tf': 'variable "public" {\n  type = bool\n}\n',
  'tf/terraform.tfvars': 'public = false\n',
};

function workspaceOf(files: Readonly<Record<string, string>>): Workspace {
  const ws = new Workspace();
  for (const [file, text] of Object.entries(files)) ws.update(file, text);
  return ws;
}

/**
 * Everything an analysis says, as plain data: what a fresh workspace must say too. Instance ids (`i7#aoai`) are left out:
 * they number instances in the order they were first evaluated, so a workspace with a history numbers them differently.
 */
function plain(analysis: WorkspaceAnalysis): unknown {
  const json = JSON.stringify({ files: analysis.files, nodes: analysis.graph.nodes.map((n) => n.id), edges: analysis.graph.edges });
  return JSON.parse(json.replace(/"i\d+#/g, '"#'));
}

interface Case {
  name: string;
  /** New texts (undefined removes the file). */
  edit: Record<string, string | undefined>;
  /** The files whose analysis is made again; every other file's analysis must be the same object as before. */
  postProcessed: string[];
}

const CASES: Case[] = [
  { name: 'a comment in a module is post-processed alone', edit: { 'app/modules/ai.bicep': `${FILES['app/modules/ai.bicep']}// edited\n` }, postProcessed: ['app/modules/ai.bicep'] },
  { name: 'a Terraform file alone, though its folder is evaluated again', edit: { 'tf/modules/ai/variables.tf': 'variable "public" {\n  type = bool\n}\n# edited\n' }, postProcessed: ['tf/modules/ai/variables.tf'] },
  {
    name: 'a parameter file, and the module whose findings its value changes',
    edit: { 'app/main.bicepparam': "using './main.bicep'\nparam publicAccess = 'Disabled'\n" },
    postProcessed: ['app/main.bicepparam', 'app/modules/ai.bicep'],
  },
  {
    name: 'a tfvars file, and the module file whose finding it now causes',
    edit: { 'tf/terraform.tfvars': 'public = true\n' },
    postProcessed: ['tf/modules/ai/main.tf', 'tf/terraform.tfvars'],
  },
  { name: 'a file that is removed leaves the others alone', edit: { 'lone/search.bicep': undefined }, postProcessed: [] },
  {
    name: 'a file added to a module folder',
    edit: { 'tf/modules/ai/outputs.tf': 'output "id" {\n  value = azurerm_cognitive_account.aoai.id\n}\n' },
    postProcessed: ['tf/modules/ai/outputs.tf'],
  },
];

describe('workspace: an edit redoes the per-file work of the files it reaches only', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const ws = workspaceOf(FILES);
      const before = ws.analyses();
      assert.equal(ws.stats.lastPostProcessed.length, before.files.length, 'the first analysis post-processes every file');
      const after = { ...FILES };
      for (const [file, text] of Object.entries(c.edit)) {
        if (text === undefined) {
          ws.remove(file);
          delete after[file];
        } else {
          ws.update(file, text);
          after[file] = text;
        }
      }
      const analysis = ws.analyses();
      assert.deepEqual([...ws.stats.lastPostProcessed].sort(), c.postProcessed);
      for (const file of analysis.files) {
        const old = before.files.find((f) => f.file === file.file);
        if (!c.postProcessed.includes(file.file)) assert.equal(file, old, `${file.file} keeps its analysis object`);
      }
      assert.deepEqual(plain(analysis), plain(workspaceOf(after).analyses()), 'the same answer as a fresh workspace');
    });
  }

  it('a file with workload findings keeps its analysis when another file is edited, though the rules run again', () => {
    const ws = workspaceOf(FILES);
    const before = ws.analyses().files.find((f) => f.file === 'lone/search.bicep');
    assert.ok(before?.findings.some((f) => f.ruleId === 'require-private-endpoint'), 'the lone account has a workload finding');
    ws.update('tf/main.tf', `${FILES['tf/main.tf']}# edited\n`);
    const after = ws.analyses().files.find((f) => f.file === 'lone/search.bicep');
    assert.equal(after, before);
    assert.ok(!ws.stats.lastPostProcessed.includes('lone/search.bicep'));
  });

  it('typing into a Terraform file parses that file once per keystroke, not its neighbours', () => {
    const ws = workspaceOf(FILES);
    ws.analyses();
    for (const keystroke of ['#', '# a', '# ab']) {
      const before = ws.stats.parses;
      ws.update('tf/modules/ai/variables.tf', `${FILES['tf/modules/ai/variables.tf']}${keystroke}\n`);
      ws.analyses();
      assert.deepEqual(ws.stats.lastEvaluated, ['tf:tf/modules/ai'], 'the folder is evaluated again');
      assert.equal(ws.stats.parses - before, 1, `after typing ${keystroke}`);
    }
  });

  it('a workspace larger than the trees it keeps parses again what it evaluates again, with the same results', () => {
    // 40 modules called from one template: more than the 32 files whose trees stay, so most are parsed again when a
    // changed parameter file makes every module be evaluated again.
    const files: Record<string, string> = { 'main.bicepparam': "using './main.bicep'\nparam access = 'Enabled'\n" };
    const calls: string[] = ["param access string = 'Disabled'"];
    for (let i = 0; i < 40; i++) {
      files[`modules/m${i}.bicep`] = `param access string\n\n${account(`a${i}`, '    publicNetworkAccess: access')}`;
      calls.push(`module m${i} './modules/m${i}.bicep' = {\n  name: 'm${i}'\n  params: {\n    access: access\n  }\n}`);
    }
    files['main.bicep'] = `${calls.join('\n\n')}\n`;
    const ws = workspaceOf(files);
    ws.analyses();
    const before = ws.stats.parses;
    const edited = { ...files, 'main.bicepparam': "using './main.bicep'\nparam access = 'Disabled'\n" };
    ws.update('main.bicepparam', edited['main.bicepparam']!);
    const analysis = ws.analyses();
    assert.equal(ws.stats.lastEvaluated.length, 41, 'the template and every module are evaluated again');
    assert.ok(ws.stats.parses - before > 1, 'files whose trees were let go are parsed again');
    assert.deepEqual(plain(analysis), plain(workspaceOf(edited).analyses()));
  });

  it('many edits in a row end where a fresh workspace starts', () => {
    const ws = workspaceOf(FILES);
    const texts = { ...FILES };
    const steps: Array<[string, string | undefined]> = [
      ['tf/modules/ai/main.tf', FILES['tf/modules/ai/main.tf']!.replace('var.public', 'true')],
      ['tf/terraform.tfvars', undefined],
      ['app/modules/ai.bicep', FILES['app/modules/ai.bicep']!.replace('access', "'Disabled'")],
      ['tf/terraform.tfvars', 'public = true\n'],
      ['app/modules/ai.bicep', FILES['app/modules/ai.bicep']!],
      ['lone/search.bicep', FILES['lone/search.bicep']!.replace('false', 'true')],
    ];
    for (const [file, text] of steps) {
      if (text === undefined) {
        ws.remove(file);
        delete texts[file];
      } else {
        ws.update(file, text);
        texts[file] = text;
      }
      assert.deepEqual(plain(ws.analyses()), plain(workspaceOf(texts).analyses()), `after editing ${file}`);
    }
  });
});
