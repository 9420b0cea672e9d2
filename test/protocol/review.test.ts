// Protocol tests of `wafAiLens/review` against the real server: the report, open documents, progress, workspace bounds, cancellation.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, LSPErrorCodes, ResponseError, WorkDoneProgress, ErrorCodes, type WorkDoneProgressBegin, type WorkDoneProgressEnd, type WorkDoneProgressReport } from 'vscode-languageserver-protocol/node';
import { LspTestClient, repoRoot } from './lspClient';

/** The part of the answer these tests read; the client and the server each keep their own full type. */
interface ReviewAnswer {
  review: { files: Array<{ path: string }>; overall: { score: number | null }; pillars: Array<{ id: string; principles: Array<{ resources: Array<{ findings: Array<{ ruleId: string; location: { file: string } }> }> }> }> };
  html: { body: string; css: string };
  files: Record<string, string>;
  skipped: Array<{ path: string; message: string }>;
  folders: string[];
}

const REVIEW = 'wafAiLens/review';
const EXAMPLE = path.join(repoRoot(), 'examples', 'chat-workload');

function ruleIdsIn(answer: ReviewAnswer, file: string): string[] {
  const ids = answer.review.pillars.flatMap((p) => p.principles.flatMap((q) => q.resources.flatMap((r) => r.findings.filter((f) => f.location.file === file).map((f) => f.ruleId))));
  return [...new Set(ids)].sort();
}

describe('protocol: wafAiLens/review', () => {
  let client: LspTestClient;
  afterEach(() => client.dispose());

  it('reviews a folder of the workspace and answers with the report, its HTML and the files it read', async () => {
    client = await LspTestClient.start({ workspaceFolder: repoRoot(), waitForWorkspace: false });
    const token = 'review-1';
    const progress: Array<WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd> = [];
    client.connection.onProgress(WorkDoneProgress.type, token, (value) => {
      progress.push(value);
    });
    const answer = await client.connection.sendRequest<ReviewAnswer>(REVIEW, { folders: [pathToFileURL(EXAMPLE).href], workDoneToken: token });
    assert.deepEqual(answer.review.files.map((f) => f.path), ['examples/chat-workload/bicep/main.bicep', 'examples/chat-workload/terraform/main.tf']);
    assert.equal(answer.files['examples/chat-workload/bicep/main.bicep'], pathToFileURL(path.join(EXAMPLE, 'bicep', 'main.bicep')).href);
    assert.equal(typeof answer.review.overall.score, 'number');
    assert.match(answer.html.body, /^<main class="wal">/);
    assert.ok(!/<script|\sstyle=/i.test(answer.html.body), 'a body a strict CSP can show');
    assert.ok(answer.html.css.length > 1000);
    assert.ok(ruleIdsIn(answer, 'examples/chat-workload/bicep/main.bicep').includes('require-search-replicas'));
    assert.deepEqual(answer.folders, [pathToFileURL(EXAMPLE).href]);
    // The server reported progress on the client's token, file by file, and ended it.
    assert.equal(progress[0]?.kind, 'begin');
    assert.ok(progress.some((p) => p.kind === 'report' && /examples\/chat-workload\/terraform\/main\.tf/.test(p.message ?? '')), JSON.stringify(progress));
    assert.equal(progress[progress.length - 1]?.kind, 'end');
  });

  it('reads an open document as the editor holds it, unsaved edits included', async () => {
    client = await LspTestClient.start({ workspaceFolder: repoRoot(), waitForWorkspace: false });
    const file = path.join(EXAMPLE, 'bicep', 'main.bicep');
    const uri = pathToFileURL(file).href;
    await client.open(uri, fs.readFileSync(file, 'utf8').replace('replicaCount: 1', 'replicaCount: 3'));
    const answer = await client.connection.sendRequest<ReviewAnswer>(REVIEW, { folders: [pathToFileURL(path.dirname(file)).href] });
    assert.ok(!ruleIdsIn(answer, 'examples/chat-workload/bicep/main.bicep').includes('require-search-replicas'));
  });

  it('refuses a folder outside the workspace', async () => {
    client = await LspTestClient.start({ workspaceFolder: EXAMPLE });
    await assert.rejects(
      client.connection.sendRequest(REVIEW, { folders: [pathToFileURL(path.join(repoRoot(), 'test')).href] }),
      (error: unknown) => error instanceof ResponseError && error.code === ErrorCodes.InvalidParams && /Not a folder of the workspace/.test(error.message),
    );
  });

  it('reviews every workspace folder when no folder is named', async () => {
    client = await LspTestClient.start({ workspaceFolder: EXAMPLE });
    const answer = await client.connection.sendRequest<ReviewAnswer>(REVIEW, {});
    assert.deepEqual(answer.review.files.map((f) => f.path), ['bicep/main.bicep', 'terraform/main.tf']);
  });

  it('stops between files when the client cancels', async () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'waf-ai-lens-review-')));
    try {
      const text = fs.readFileSync(path.join(EXAMPLE, 'bicep', 'main.bicep'), 'utf8');
      for (let i = 0; i < 60; i++) fs.writeFileSync(path.join(dir, `part${String(i).padStart(2, '0')}.bicep`), text);
      client = await LspTestClient.start({ workspaceFolder: dir });
      const source = new CancellationTokenSource();
      const token = 'review-cancel';
      const reports: string[] = [];
      // Cancel as soon as the server says it is on its second file: the rest must not be read.
      client.connection.onProgress(WorkDoneProgress.type, token, (value) => {
        if (value.kind !== 'report') return;
        reports.push(value.message ?? '');
        if (reports.length === 2) source.cancel();
      });
      await assert.rejects(
        client.connection.sendRequest(REVIEW, { workDoneToken: token }, source.token),
        (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled,
      );
      assert.ok(reports.length < 60, `stopped after ${reports.length} of 60 files`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
