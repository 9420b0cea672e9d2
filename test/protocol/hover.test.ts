// Protocol tests of hovers: on a resource declaration, on a setting a rule reads, on a finding, and where there is nothing to say.
import * as assert from 'node:assert/strict';
import type { Position } from 'vscode-languageserver-protocol/node';
import { ruleDocsUrl } from '../../server/src/engine/catalog';
import { fixture, LspTestClient } from './lspClient';

interface HoverCase {
  title: string;
  fixture: string;
  /** A text that occurs once in the fixture, with `|` where the cursor is. */
  at: string;
  /** The text the hover's range covers, or null when no hover is expected. */
  covers: string | null;
  /** Texts the Markdown must contain. */
  says?: string[];
  /** Texts it must not contain. */
  never?: string[];
}

const DOCS = (id: string): string => ruleDocsUrl(id);

const CASES: HoverCase[] = [
  {
    title: 'a Bicep resource name shows its pillars, principles and status',
    fixture: 'openai.bicep',
    at: 'resource op|enAi',
    covers: "resource openAi 'Microsoft.CognitiveServices/accounts@2024-10-01' =",
    says: ['**openAi**', '`Microsoft.CognitiveServices/accounts`', '**Security:**', 'Reduce the attack surface through strict access and API design', 'finding'],
  },
  {
    title: 'a Bicep resource type string shows the same',
    fixture: 'openai.bicep',
    at: "'Microsoft.Search/search|Services@2023-11-01'",
    covers: "resource search 'Microsoft.Search/searchServices@2023-11-01' =",
    says: ['**search**', '**Reliability:**', 'Mitigate single points of failure'],
  },
  {
    title: 'a Terraform label shows the resource',
    fixture: 'openai.tf',
    at: 'resource "azurerm_cognitive_account" "ope|nai"',
    covers: 'resource "azurerm_cognitive_account" "openai"',
    says: ['**azurerm_cognitive_account.openai**', '**Security:**'],
  },
  {
    title: 'a Bicep setting key a rule reads shows its principle, why, recommendation and status, without the docs link',
    fixture: 'openai.bicep',
    at: 'disableLoc|alAuth: false',
    covers: 'disableLocalAuth',
    says: ['AI accounts refuse API keys', '**Why it matters:**', '**Recommended:** `properties.disableLocalAuth` set to `true`', '**Status:**', 'Reduce the attack surface'],
    never: [DOCS('require-disable-local-auth')],
  },
  {
    title: 'a Terraform setting key shows its guidance',
    fixture: 'openai.tf',
    at: 'replica_co|unt                 = 1',
    covers: 'replica_count',
    says: ['AI Search runs at least two replicas', '**Recommended:** `replica_count` set to `2`', 'Mitigate single points of failure'],
  },
  {
    title: 'a setting that is aligned says so',
    fixture: 'openai.bicep',
    at: "customSubDomain|Name: 'oai-${workload}-${suffix}'",
    covers: 'customSubDomainName',
    says: ['**Status:** aligned.'],
  },
  {
    title: 'a Bicep finding adds the rule documentation link',
    fixture: 'openai.bicep',
    at: "publicNetworkAccess: 'Ena|bled'",
    covers: "'Enabled'",
    says: ['AI accounts are not reachable from public networks', '**Why it matters:**', `[Rule documentation](${DOCS('no-public-network-access')})`],
  },
  {
    title: 'a Terraform finding adds the rule documentation link',
    fixture: 'openai.tf',
    at: 'local_auth_enabled    = tr|ue',
    covers: 'true',
    says: ['AI accounts refuse API keys', `[Rule documentation](${DOCS('require-disable-local-auth')})`],
  },
  {
    title: 'a parameter says nothing',
    fixture: 'openai.bicep',
    at: 'param loca|tion string',
    covers: null,
  },
  {
    title: 'a setting no rule reads says nothing',
    fixture: 'openai.bicep',
    at: "hostingMode: 'def|ault'",
    covers: null,
  },
];

describe('protocol: hover', () => {
  let client: LspTestClient;

  before(async () => {
    client = await LspTestClient.start();
    for (const name of new Set(CASES.map((c) => c.fixture))) {
      const { uri, text } = fixture(name);
      await client.diagnosticsAfter(uri, () => client.open(uri, text));
    }
  });

  after(() => client.dispose());

  for (const c of CASES) it(c.title, () => check(client, c));

  it('declares the hover capability', () => {
    assert.equal(client.initializeResult?.capabilities.hoverProvider, true);
  });
});

/** Hovers at the case's cursor and holds the answer to the case. */
async function check(client: LspTestClient, c: HoverCase): Promise<void> {
  const { uri } = fixture(c.fixture);
  const cursor = c.at.indexOf('|');
  const search = c.at.replace('|', '');
  const range = client.rangeOf(uri, search);
  const position: Position = { line: range.start.line, character: range.start.character + cursor };
  const hover = await client.hover(uri, position);
  if (c.covers === null) {
    assert.equal(hover, null, `Expected no hover, got:\n${JSON.stringify(hover?.contents)}`);
    return;
  }
  assert.ok(hover, 'Expected a hover.');
  const contents = hover.contents as { kind: string; value: string };
  assert.equal(contents.kind, 'markdown');
  assert.ok(hover.range, 'The hover must say which text it is about.');
  const lines = client.text(uri).split('\n');
  const { start, end } = hover.range;
  assert.equal(start.line, end.line, 'The hovered text spans lines.');
  assert.equal(lines[start.line]!.slice(start.character, end.character), c.covers);
  for (const text of c.says ?? []) assert.ok(contents.value.includes(text), `The hover lacks ${JSON.stringify(text)}:\n${contents.value}`);
  for (const text of c.never ?? []) assert.ok(!contents.value.includes(text), `The hover must not have ${JSON.stringify(text)}:\n${contents.value}`);
  // Short: a hover teaches in a glance, it is not the documentation.
  assert.ok(contents.value.split('\n').length <= 30, `The hover is too long:\n${contents.value}`);
}
