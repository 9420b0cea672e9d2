// Protocol tests of pushed diagnostics: open, incremental edits, close, and the documents the server must leave alone.
import * as assert from 'node:assert/strict';
import { checkDiagnostics, lineWithMarkers } from './expectations';
import { fixture, LspTestClient } from './lspClient';

/** One step of a session on a fixture: an incremental edit, after which the markers in the edited text must hold again. */
type Step =
  /** Rewrites the line containing `line` into `becomes` and drops the markers under it, because the finding is gone. */
  | { title: string; fix: { line: string; becomes: string } }
  /** Inserts text at the start of the file, so every finding must move down with its line. */
  | { title: string; prepend: string };

interface Session {
  fixture: string;
  steps: Step[];
}

const SESSIONS: Session[] = [
  {
    fixture: 'openai.bicep',
    steps: [
      { title: 'disabling key auth removes that finding only', fix: { line: 'disableLocalAuth: false', becomes: 'disableLocalAuth: true' } },
      { title: 'lines added above move the findings with their lines', prepend: '// Owned by the chat team.\n// Reviewed for WAF.\n' },
      { title: 'two replicas satisfy the search rule', fix: { line: 'replicaCount: 1', becomes: 'replicaCount: 2' } },
    ],
  },
  {
    fixture: 'openai.tf',
    steps: [
      { title: 'disabling key auth removes that finding only', fix: { line: 'local_auth_enabled    = true', becomes: 'local_auth_enabled    = false' } },
      { title: 'lines added above move the findings with their lines', prepend: '# Owned by the chat team.\n' },
      { title: 'turning public access off removes that finding', fix: { line: 'public_network_access_enabled = true', becomes: 'public_network_access_enabled = false' } },
    ],
  },
];

describe('protocol: diagnostics', () => {
  let client: LspTestClient;

  beforeEach(async () => {
    client = await LspTestClient.start();
  });

  afterEach(() => client.dispose());

  for (const session of SESSIONS) {
    describe(session.fixture, () => {
      it('publishes the marked findings on open', async () => {
        const { uri, text } = fixture(session.fixture);
        const published = await client.diagnosticsAfter(uri, () => client.open(uri, text));
        checkDiagnostics(published, text, 1);
      });

      for (const [index, step] of session.steps.entries()) {
        it(`after an incremental edit, ${step.title}`, async () => {
          const { uri, text } = fixture(session.fixture);
          checkDiagnostics(await client.diagnosticsAfter(uri, () => client.open(uri, text)), text, 1);
          // Replay the earlier steps too, so each test starts from the state its title assumes.
          for (const current of session.steps.slice(0, index + 1)) {
            const published = await client.diagnosticsAfter(uri, () => apply(client, uri, current));
            checkDiagnostics(published, client.text(uri), client.version(uri));
          }
        });
      }

      it('clears the diagnostics on close', async () => {
        const { uri, text } = fixture(session.fixture);
        await client.diagnosticsAfter(uri, () => client.open(uri, text));
        const cleared = await client.diagnosticsAfter(uri, () => client.close(uri));
        assert.deepEqual(cleared.diagnostics, []);
      });
    });
  }

  it('analyses only the newest of several quick edits: a version already superseded is never published', async () => {
    const { uri, text } = fixture('openai.bicep');
    await client.diagnosticsAfter(uri, () => client.open(uri, text));
    // The three edits reach the server together, so versions 2 and 3 are superseded before the server could start on
    // them: analysing a change "at once" must still never publish them. (What happens when edits arrive while the server
    // is busy with another document is tested in test/unit/lsp/adaptiveScheduler.test.ts, where the timing is ours.)
    const published = await client.diagnosticsAfter(uri, () =>
      client.sendTogether([
        client.replacing(uri, 'replicaCount: 1', 'replicaCount: 2'),
        client.replacing(uri, 'replicaCount: 2', 'replicaCount: 3'),
        client.replacing(uri, 'partitionCount: 1', 'partitionCount: 2'),
      ]),
    );
    assert.equal(published.version, 4, 'The first publication after the burst must be for its last version.');
    const versions = client.published.get(uri)!.map((p) => p.version);
    assert.deepEqual(versions, [1, 4], 'Versions 2 and 3 were superseded before they could be analysed, and must not be published.');
  });

  it('publishes nothing for a version overtaken by a close', async () => {
    const closed = fixture('openai.bicep');
    const other = fixture('openai.tf');
    await client.diagnosticsAfter(closed.uri, () => client.open(closed.uri, closed.text));
    await client.diagnosticsAfter(other.uri, () => client.open(other.uri, other.text));
    // The edit and the close reach the server together, so the close always overtakes the edit's analysis.
    const cleared = await client.diagnosticsAfter(closed.uri, () =>
      client.sendTogether([client.replacing(closed.uri, 'replicaCount: 1', 'replicaCount: 3'), client.closing(closed.uri)]),
    );
    assert.deepEqual(cleared, { uri: closed.uri, diagnostics: [] });
    // A debounced edit of another document, sent after the close, is due after the cancelled run would have been:
    // once it is published, the closed document's run has had its chance to (wrongly) publish.
    await client.diagnosticsAfter(other.uri, () => client.replace(other.uri, 'replica_count                 = 1', 'replica_count                 = 3'));
    const afterClose = client.published.get(closed.uri)!;
    assert.deepEqual(afterClose.at(-1), cleared, 'Nothing may be published for a document after it was closed.');
  });

  it('leaves non-IaC documents and non-file URIs alone', async () => {
    const markdown = fixture('notes.md');
    const bicep = fixture('openai.bicep');
    const untitled = 'untitled:Untitled-1';
    await client.open(markdown.uri, markdown.text);
    await client.open(untitled, bicep.text, 'bicep');
    // The server handles notifications in order and runs a document's first analysis without delay, so the Bicep file's
    // publication comes after any the server would (wrongly) have made for the two documents opened before it.
    await client.diagnosticsAfter(bicep.uri, () => client.open(bicep.uri, bicep.text));
    await client.close(markdown.uri);
    await client.close(untitled);
    await client.diagnosticsAfter(bicep.uri, () => client.close(bicep.uri));
    assert.equal(client.published.get(markdown.uri), undefined, 'A Markdown file got diagnostics.');
    assert.equal(client.published.get(untitled), undefined, 'An untitled document got diagnostics.');
  });

  it('names the principle each finding serves as related information at the resource', async () => {
    const { uri, text } = fixture('openai.bicep');
    const published = await client.diagnosticsAfter(uri, () => client.open(uri, text));
    const finding = published.diagnostics.find((d) => d.code === 'require-disable-local-auth')!;
    const { start, end } = client.rangeOf(uri, 'resource openAi');
    const name = { start: { line: start.line, character: start.character + 'resource '.length }, end };
    assert.deepEqual(finding.relatedInformation, [
      { location: { uri, range: name }, message: 'Security principle: Reduce the attack surface through strict access and API design' },
    ]);
  });

  it('keeps two documents apart', async () => {
    const bicep = fixture('openai.bicep');
    const terraform = fixture('openai.tf');
    const bicepPublished = client.nextDiagnostics(bicep.uri);
    const terraformPublished = client.nextDiagnostics(terraform.uri);
    await client.open(bicep.uri, bicep.text);
    await client.open(terraform.uri, terraform.text);
    checkDiagnostics(await bicepPublished, bicep.text, 1);
    checkDiagnostics(await terraformPublished, terraform.text, 1);
  });
});

async function apply(client: LspTestClient, uri: string, step: Step): Promise<void> {
  if ('fix' in step) {
    await client.replace(uri, lineWithMarkers(client.text(uri), step.fix.line), step.fix.becomes);
  } else {
    await client.insert(uri, { line: 0, character: 0 }, step.prepend);
  }
}

