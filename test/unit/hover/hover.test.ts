// Engine tests of hovers in both languages: on resources, on settings a rule reads, on findings, and under the settings.
import * as assert from 'node:assert/strict';
import { analyzeFile, hoverAt, type AnalyzeOptions } from '../../../server/src/engine';
import { ruleDocsUrl } from '../../../server/src/engine/catalog';

const BICEP = `@description('The chat model account.')
resource openAi 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-chat'
  kind: 'OpenAI'
  properties: {
    // waf-ai-lens-ignore no-public-network-access: reached from the partner network until the private endpoint ships
    publicNetworkAccess: 'Enabled'
    disableLocalAuth: false
    customSubDomainName: 'oai-chat'
  }
  resource chat 'deployments@2024-10-01' = {
    name: 'gpt-4o'
    sku: {
      name: 'GlobalStandard'
      capacity: 50
    }
    properties: {
      model: { format: 'OpenAI', name: 'gpt-4o', version: '2024-08-06' }
      versionUpgradeOption: 'OnceNewDefaultVersionAvailable'
    }
  }
}

param location string = 'swedencentral'

resource broken 'Microsoft.Search/searchServices@2023-11-01' = {
  name: 'srch'
  properties: {
    replicaCount:
  }
}
`;

const TERRAFORM = `resource "azurerm_cognitive_account" "openai" {
  name                  = "oai-chat"
  kind                  = "OpenAI"
  sku_name              = "S0"
  local_auth_enabled    = true
  custom_subdomain_name = "oai-chat"
}

resource "azurerm_cognitive_deployment" "chat" {
  name                   = "gpt-4o"
  cognitive_account_id   = azurerm_cognitive_account.openai.id
  version_upgrade_option = "OnceNewDefaultVersionAvailable"
}

resource "azurerm_resource_group" "rg" {
  name     = "rg"
  location = "swedencentral"
}
`;

interface HoverCase {
  title: string;
  file: string;
  text: string;
  /** A text that occurs once, with `|` at the cursor. */
  at: string;
  options?: AnalyzeOptions;
  /** The text the hover is about, or null for no hover. */
  covers: string | null;
  says?: string[];
  never?: string[];
}

const CASES: HoverCase[] = [
  {
    title: 'Bicep resource: pillars, principles and a status that counts findings and suppressions',
    file: '/w/main.bicep',
    text: BICEP,
    at: 'resource ope|nAi',
    covers: "resource openAi 'Microsoft.CognitiveServices/accounts@2024-10-01' =",
    says: ['**openAi** · `Microsoft.CognitiveServices/accounts`', '- **Security:**', 'Reduce the attack surface through strict access and API design', '; 1 suppressed.'],
  },
  {
    title: 'Bicep resource: a pillar turned off is not listed',
    file: '/w/main.bicep',
    text: BICEP,
    at: "resource chat 'deploy|ments@2024-10-01'",
    options: { pillars: { operations: false } },
    covers: "resource chat 'deployments@2024-10-01' =",
    says: ['**openAi::chat**'],
    never: ['**Operational Excellence:**'],
  },
  {
    title: 'Bicep resource: with every rule of its type off, nothing',
    file: '/w/main.bicep',
    text: BICEP,
    at: 'resource ope|nAi',
    options: { pillars: { reliability: false, security: false, cost: false, operations: false, performance: false } },
    covers: null,
  },
  {
    title: 'Bicep nested resource: its own type and principles',
    file: '/w/main.bicep',
    text: BICEP,
    at: "resource chat 'deploy|ments@2024-10-01'",
    covers: "resource chat 'deployments@2024-10-01' =",
    says: ['**openAi::chat** · `Microsoft.CognitiveServices/accounts/deployments`', '**Operational Excellence:**', 'Practice safe deployments'],
  },
  {
    title: 'Bicep resource that does not parse: its findings are held back',
    file: '/w/main.bicep',
    text: BICEP,
    at: 'resource bro|ken',
    covers: "resource broken 'Microsoft.Search/searchServices@2023-11-01' =",
    says: ['Not checked: this declaration does not parse cleanly'],
  },
  {
    title: 'Bicep finding: principle, why, recommendation and the docs link',
    file: '/w/main.bicep',
    text: BICEP,
    at: 'disableLocalAuth: fal|se',
    covers: 'false',
    says: ['**AI accounts refuse API keys** · `require-disable-local-auth`', '**Why it matters:**', '`properties.disableLocalAuth` set to `true`', ruleDocsUrl('require-disable-local-auth')],
  },
  {
    title: 'Bicep setting key: the same without the link, with the status',
    file: '/w/main.bicep',
    text: BICEP,
    at: 'disableLoc|alAuth: false',
    covers: 'disableLocalAuth',
    says: ['**Status:** Azure OpenAI account "openAi" accepts API keys'],
    never: [ruleDocsUrl('require-disable-local-auth')],
  },
  {
    title: 'Bicep setting that a suppression silences says so, with the reason',
    file: '/w/main.bicep',
    text: BICEP,
    at: "publicNetw|orkAccess: 'Enabled'",
    covers: 'publicNetworkAccess',
    says: ['**Status:** suppressed (reached from the partner network until the private endpoint ships).'],
  },
  {
    title: 'Bicep setting whose principle has a trade-off shows it',
    file: '/w/main.bicep',
    text: BICEP,
    at: "versionUpgrade|Option: 'OnceNewDefaultVersionAvailable'",
    covers: 'versionUpgradeOption',
    says: ['Practice safe deployments', '**Trade-off** with Cost Optimization:'],
  },
  {
    title: 'Bicep setting of a rule turned off says nothing',
    file: '/w/main.bicep',
    text: BICEP,
    at: 'disableLoc|alAuth: false',
    options: { rules: { 'require-disable-local-auth': 'off' } },
    covers: null,
  },
  {
    title: 'Bicep parameter and decorator: nothing',
    file: '/w/main.bicep',
    text: BICEP,
    at: 'param loc|ation string',
    covers: null,
  },
  {
    title: 'Terraform resource labels',
    file: '/w/main.tf',
    text: TERRAFORM,
    at: 'resource "azurerm_cognitive_acc|ount" "openai"',
    covers: 'resource "azurerm_cognitive_account" "openai"',
    says: ['**azurerm_cognitive_account.openai** · `azurerm_cognitive_account`', '**Security:**'],
  },
  {
    title: 'Terraform finding',
    file: '/w/main.tf',
    text: TERRAFORM,
    at: 'local_auth_enabled    = tr|ue',
    covers: 'true',
    says: ['`local_auth_enabled` set to `false`', ruleDocsUrl('require-disable-local-auth')],
  },
  {
    title: 'Terraform setting key with a trade-off',
    file: '/w/main.tf',
    text: TERRAFORM,
    at: 'version_upgrade|_option = ',
    covers: 'version_upgrade_option',
    says: ['`version_upgrade_option`', '**Trade-off** with Cost Optimization:'],
  },
  {
    title: 'Terraform resource no rule reads: nothing',
    file: '/w/main.tf',
    text: TERRAFORM,
    at: 'resource "azurerm_resource_group" "r|g"',
    covers: null,
  },
];

/** The one check: hover at the case's cursor, then compare the hovered text and the Markdown. */
function check(c: HoverCase): void {
  const analysis = analyzeFile(c.file, c.text, undefined, c.options)!;
  const search = c.at.replace('|', '');
  const at = c.text.indexOf(search);
  assert.ok(at >= 0 && c.text.indexOf(search, at + 1) < 0, `${JSON.stringify(search)} must occur once`);
  const hover = hoverAt(analysis, c.text, at + c.at.indexOf('|'), c.options);
  if (c.covers === null) {
    assert.equal(hover, undefined, `expected no hover, got:\n${hover?.markdown}`);
    return;
  }
  assert.ok(hover, 'expected a hover');
  assert.equal(c.text.slice(hover.span.start, hover.span.end), c.covers);
  for (const text of c.says ?? []) assert.ok(hover.markdown.includes(text), `missing ${JSON.stringify(text)} in:\n${hover.markdown}`);
  for (const text of c.never ?? []) assert.ok(!hover.markdown.includes(text), `unexpected ${JSON.stringify(text)} in:\n${hover.markdown}`);
}

describe('hovers', () => {
  for (const c of CASES) it(c.title, () => check(c));
});
