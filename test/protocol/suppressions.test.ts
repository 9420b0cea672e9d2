// Protocol tests of suppression comments: one silences exactly its finding; one without a reason is reported and silences nothing.
import * as assert from 'node:assert/strict';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { checkDiagnostics, RULES_UNDER_TEST } from './expectations';
import { fixture, LspTestClient } from './lspClient';

const SUPPRESSION = 'waf-ai-lens-suppression';
const WITH_SUPPRESSIONS: ReadonlySet<string> = new Set([...RULES_UNDER_TEST, SUPPRESSION]);

/** A suppression typed into a fixture above one setting's line. */
interface TypedSuppression {
  fixture: string;
  /** The setting line the comment goes above. */
  above: string;
  /** The comment, indented as the line. */
  comment: string;
  /** The same comment without its reason. */
  withoutReason: string;
  /** The `code: message` of the one finding it silences. */
  silences: string;
}

const TYPED: TypedSuppression[] = [
  {
    fixture: 'openai.bicep',
    above: '    disableLocalAuth: false',
    comment: '    // waf-ai-lens-ignore require-disable-local-auth: key auth needed by the legacy client until Q3\n',
    withoutReason: '    // waf-ai-lens-ignore require-disable-local-auth\n',
    silences: 'require-disable-local-auth: Azure OpenAI account "openAi" accepts API keys: `properties.disableLocalAuth` is false.',
  },
  {
    fixture: 'openai.tf',
    above: '  local_auth_enabled    = true',
    comment: '  # waf-ai-lens-ignore require-disable-local-auth: key auth needed by the legacy client until Q3\n',
    withoutReason: '  # waf-ai-lens-ignore require-disable-local-auth\n',
    silences: 'require-disable-local-auth: Azure OpenAI account "azurerm_cognitive_account.openai" accepts API keys: `local_auth_enabled` is true.',
  },
];

describe('protocol: suppressions', () => {
  let client: LspTestClient;

  beforeEach(async () => {
    client = await LspTestClient.start();
  });

  afterEach(() => client.dispose());

  for (const name of ['suppressions.bicep', 'suppressions.tf']) {
    it(`${name}: suppressed findings are gone, and wrong or unused suppressions are reported where marked`, async () => {
      const { uri, text } = fixture(name);
      checkDiagnostics(await client.diagnosticsAfter(uri, () => client.open(uri, text)), text, 1, WITH_SUPPRESSIONS);
    });
  }

  for (const typed of TYPED) {
    it(`${typed.fixture}: a typed suppression silences exactly one finding; without a reason it silences none and is reported`, async () => {
      const { uri, text } = fixture(typed.fixture);
      const before = keys(await client.diagnosticsAfter(uri, () => client.open(uri, text)));
      assert.ok(before.includes(typed.silences), `The fixture lacks the finding to silence:\n${before.join('\n')}`);

      const line = client.rangeOf(uri, typed.above).start.line;
      const silenced = keys(await client.diagnosticsAfter(uri, () => client.insert(uri, { line, character: 0 }, typed.comment)));
      assert.deepEqual(silenced, before.filter((k) => k !== typed.silences));

      const reasonless = await client.diagnosticsAfter(uri, () => client.replace(uri, typed.comment, typed.withoutReason));
      const added = keys(reasonless).filter((k) => !before.includes(k));
      assert.deepEqual(keys(reasonless).filter((k) => before.includes(k)), before, 'Without a reason, nothing is silenced.');
      assert.equal(added.length, 1);
      assert.match(added[0]!, /^waf-ai-lens-suppression: This suppression of require-disable-local-auth gives no reason, so it is not applied/);
      const reported = reasonless.diagnostics.find((d) => d.code === SUPPRESSION)!;
      assert.equal(reported.range.start.line, line);
      assert.equal(reported.severity, 2);
    });
  }
});

/** Each diagnostic as `code: message`, the finding's identity across edits that move lines. */
function keys(published: PublishDiagnosticsParams): string[] {
  return published.diagnostics.map((d) => `${String(d.code)}: ${typeof d.message === 'string' ? d.message : d.message.value}`);
}
