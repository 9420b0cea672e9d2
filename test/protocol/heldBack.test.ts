// Protocol tests of the rule that findings of a resource with a parse error inside are held back, not guessed.
import * as assert from 'node:assert/strict';
import { RULES } from '../../server/src/engine/rules/registry';
import { isWorkloadRule } from '../../server/src/engine/rules/workloadRule';
import { checkDiagnostics } from './expectations';
import { fixture, LspTestClient } from './lspClient';

interface HeldBack {
  fixture: string;
  /** The first and last line of the broken resource, as text that occurs once. */
  from: string;
  to: string;
  /** The edit that completes the broken line, after which the resource's findings appear. */
  complete: { line: string; becomes: string };
  /** A rule that must then report on the completed resource. */
  then: string;
  /** A workload rule that must then report on it too. */
  thenWorkload: string;
}

const CASES: HeldBack[] = [
  {
    fixture: 'held-back.bicep',
    from: "resource openAi 'Microsoft.CognitiveServices/accounts@2024-10-01' = {",
    to: '    publicNetworkAccess:\n  }\n}',
    complete: { line: '    publicNetworkAccess:\n', becomes: "    publicNetworkAccess: 'Enabled'\n" },
    then: 'require-disable-local-auth',
    thenWorkload: 'require-private-endpoint',
  },
  {
    fixture: 'held-back.tf',
    from: 'resource "azurerm_cognitive_account" "openai" {',
    to: '  public_network_access_enabled =\n}',
    complete: { line: '  public_network_access_enabled =\n', becomes: '  public_network_access_enabled = true\n' },
    then: 'require-disable-local-auth',
    thenWorkload: 'require-private-endpoint',
  },
];

/** The rules that read the whole workload's graph rather than one resource. */
const WORKLOAD_RULES = new Set(RULES.filter(isWorkloadRule).map((r) => r.id));

describe('protocol: findings held back for broken resources', () => {
  let client: LspTestClient;

  beforeEach(async () => {
    client = await LspTestClient.start();
  });

  afterEach(() => client.dispose());

  for (const c of CASES) {
    it(`${c.fixture}: nothing is reported inside the broken resource until it parses, while the rest is`, async () => {
      const { uri, text } = fixture(c.fixture);
      const published = await client.diagnosticsAfter(uri, () => client.open(uri, text));
      checkDiagnostics(published, text, 1);
      const first = client.rangeOf(uri, c.from).start.line;
      const last = client.rangeOf(uri, c.to).end.line;
      const inside = published.diagnostics.filter((d) => d.range.start.line >= first && d.range.start.line <= last);
      // Neither the per-resource rules nor the workload rules (which read the workspace folder's graph) report on it.
      assert.deepEqual(inside.map((d) => `${d.range.start.line + 1} ${String(d.code)}`), [], 'A resource that does not parse must get no findings.');
      // The workload rules did run: the clean resource after the broken one has their findings.
      assert.ok(published.diagnostics.some((d) => WORKLOAD_RULES.has(String(d.code)) && d.range.start.line > last), 'The workload rules must still report on the resources that parse.');

      const completed = await client.diagnosticsAfter(uri, () => client.replace(uri, c.complete.line, c.complete.becomes));
      for (const rule of [c.then, c.thenWorkload]) {
        assert.ok(
          completed.diagnostics.some((d) => d.code === rule && d.range.start.line >= first && d.range.start.line <= last),
          `Once the resource parses, ${rule} must report on it.`,
        );
      }
    });
  }
});
