// Protocol tests of code actions: every quick fix offered clears its finding and leaves code that parses; fix-all is safe-only.
import * as assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseFile } from '../../server/src/engine';
import { SOURCE } from './expectations';
import { fixture, LspTestClient } from './lspClient';

/** The fixtures whose every offered quick fix is applied and checked. */
const FIXTURES = ['openai.bicep', 'openai.tf', 'suppressions.bicep', 'suppressions.tf', 'held-back.bicep', 'held-back.tf'];

const SUPPRESSION = 'waf-ai-lens-suppression';

describe('protocol: code actions', () => {
  let client: LspTestClient;

  beforeEach(async () => {
    client = await LspTestClient.start();
  });

  afterEach(() => client.dispose());

  it('declares quick fixes and the fix-all kind', () => {
    assert.deepEqual(client.initializeResult?.capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.wafAiLens'] });
  });

  for (const name of FIXTURES) {
    it(`every quick fix offered on ${name} clears its finding and leaves code that parses`, async () => {
      const { uri, text } = fixture(name);
      const published = await client.diagnosticsAfter(uri, () => client.open(uri, text));
      const titles = new Set<string>();
      for (const diagnostic of published.diagnostics) {
        const actions = await client.codeActions(uri, diagnostic.range, [diagnostic]);
        for (const action of actions) {
          assert.equal(action.kind, 'quickfix', `${action.title}: only quick fixes belong in the light bulb`);
          assert.deepEqual(action.diagnostics, [diagnostic], `${action.title}: a quick fix is bound to its diagnostic`);
        }
        if (diagnostic.code !== SUPPRESSION) {
          assert.ok(
            actions.some((a) => a.title === `Suppress ${String(diagnostic.code)} for this resource` && a.isPreferred === false),
            `No suppress action for ${String(diagnostic.code)} at line ${diagnostic.range.start.line + 1}`,
          );
        }
        for (const action of actions) {
          titles.add(action.title);
          await checkFix(client, uri, text, diagnostic, action);
        }
      }
      assert.ok([...titles].some((t) => !t.startsWith('Suppress ')), `No rule fix was offered on ${name}: ${[...titles].join(', ')}`);
    });
  }

  it('offers nothing for a diagnostic of an older version or of another tool', async () => {
    const { uri, text } = fixture('openai.bicep');
    const published = await client.diagnosticsAfter(uri, () => client.open(uri, text));
    const diagnostic = published.diagnostics.find((d) => d.code === 'require-disable-local-auth')!;
    const moved = { ...diagnostic, range: { start: { ...diagnostic.range.start, line: diagnostic.range.start.line + 1 }, end: { ...diagnostic.range.end, line: diagnostic.range.end.line + 1 } } };
    assert.deepEqual(await client.codeActions(uri, moved.range, [moved]), []);
    const foreign = { ...diagnostic, source: 'bicep' };
    assert.deepEqual(await client.codeActions(uri, foreign.range, [foreign]), []);
  });

  it('fix-all applies only the safe fixes, and only when asked for by kind', async () => {
    const { uri, text } = fixture('suppressions.bicep');
    const published = await client.diagnosticsAfter(uri, () => client.open(uri, text));
    const whole = { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } };
    assert.deepEqual(await client.codeActions(uri, whole, []), [], 'No fix-all without being asked for it');
    assert.deepEqual(await client.codeActions(uri, whole, [], ['quickfix']), []);

    for (const only of [['source.fixAll'], ['source.fixAll.wafAiLens'], ['source']]) {
      const actions = await client.codeActions(uri, whole, [], only);
      assert.equal(actions.length, 1, `one fix-all for only=${only.join(',')}`);
      assert.equal(actions[0]!.kind, 'source.fixAll.wafAiLens');
    }
    const [fixAll] = await client.codeActions(uri, whole, [], ['source.fixAll']);
    const fixed = applyAction(uri, text, fixAll!);
    // The one safe fix on this file removes the unused suppression; every fix that changes what is deployed stays unapplied.
    const after = await analyse(client, uri, fixed);
    const removed = keys(published).filter((k) => !keys(after).includes(k));
    assert.deepEqual(removed, [`${SUPPRESSION}: This suppression of require-search-replicas suppresses nothing: there is no require-search-replicas finding on line 7.`]);
    assert.deepEqual(keys(after).filter((k) => !keys(published).includes(k)), []);
    assert.equal(parseFile(fileURLToPath(uri), fixed)!.parseErrors.length, 0);
  });
});

/** Applies one quick fix to the text, has the server analyse the result, and checks the finding is gone and the code parses. */
async function checkFix(client: LspTestClient, uri: string, text: string, diagnostic: Diagnostic, action: CodeAction): Promise<void> {
  const what = `"${action.title}" for ${String(diagnostic.code)} at line ${diagnostic.range.start.line + 1}`;
  const fixed = applyAction(uri, text, action);
  assert.notEqual(fixed, text, `${what} changes nothing`);
  const after = await analyse(client, uri, fixed);
  const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
  assert.ok(!keys(after).includes(`${String(diagnostic.code)}: ${message}`), `${what} leaves its finding:\n${fixed}`);
  const path = fileURLToPath(uri);
  const before = parseFile(path, text)!.parseErrors.length;
  assert.ok(parseFile(path, fixed)!.parseErrors.length <= before, `${what} breaks the syntax:\n${fixed}`);
}

/** Applies a code action's edit, which must touch only `uri`. */
function applyAction(uri: string, text: string, action: CodeAction): string {
  const changes = action.edit?.changes ?? {};
  assert.deepEqual(Object.keys(changes), [uri], `${action.title} must edit only the document it was asked for`);
  return TextDocument.applyEdits(TextDocument.create(uri, 'x', 0, text), changes[uri]!);
}

/**
 * Replaces the document's text with `text`, returns the publication for it, and puts the original text back.
 * The document stays where it is: the server analyses it with its workspace folder, where a copy beside it would be a
 * second workload file that changes what the workload rules report and where.
 */
async function analyse(client: LspTestClient, uri: string, text: string): Promise<PublishDiagnosticsParams> {
  const original = client.text(uri);
  const published = await client.diagnosticsAfter(uri, () => client.change(uri, [{ text }]));
  await client.diagnosticsAfter(uri, () => client.change(uri, [{ text: original }]));
  for (const d of published.diagnostics) assert.equal(d.source, SOURCE);
  return published;
}

/** Each diagnostic as `code: message`, the finding's identity across edits that move lines. */
function keys(published: PublishDiagnosticsParams): string[] {
  return published.diagnostics.map((d) => `${String(d.code)}: ${typeof d.message === 'string' ? d.message : d.message.value}`);
}
