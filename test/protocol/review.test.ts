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
  excluded: number;
  folders: string[];
}

/** The workload map of a review, which the graph of each workspace folder draws. */
interface MapAnswer {
  review: { map?: { nodes: Array<{ id: string }> } };
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
    const answer = await client.connection.sendRequest<ReviewAnswer>(REVIEW, { folders: [pathToFileURL(EXAMPLE).href], workDoneToken: token, model: true });
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
    const answer = await client.connection.sendRequest<ReviewAnswer>(REVIEW, { folders: [pathToFileURL(path.dirname(file)).href], model: true });
    assert.ok(!ruleIdsIn(answer, 'examples/chat-workload/bicep/main.bicep').includes('require-search-replicas'));
  });

  it('leaves the report model out of the answer unless asked for it: the view shows the HTML', async () => {
    client = await LspTestClient.start({ workspaceFolder: EXAMPLE });
    const plain = await client.connection.sendRequest<Partial<ReviewAnswer>>(REVIEW, {});
    assert.equal(plain.review, undefined);
    assert.match(plain.html?.body ?? '', /Workload map/);
    const withModel = await client.connection.sendRequest<ReviewAnswer>(REVIEW, { model: true });
    assert.deepEqual(withModel.review.files.map((f) => f.path), ['bicep/main.bicep', 'terraform/main.tf']);
    assert.equal(withModel.html.body, plain.html?.body);
  });

  it('links to the code compactly by default (each file named once), and in full when asked', async () => {
    client = await LspTestClient.start({ workspaceFolder: EXAMPLE });
    const compact = await client.connection.sendRequest<ReviewAnswer>(REVIEW, {});
    const full = await client.connection.sendRequest<ReviewAnswer>(REVIEW, { links: 'full' });
    const compactLinks = (body: string): number => body.split('data-loc="').length - 1;
    assert.ok(compactLinks(compact.html.body) > 1, 'the findings link to the code through the table of paths');
    assert.equal(compactLinks(full.html.body), 0, 'full links carry their path themselves');
    assert.ok(compact.html.body.length < full.html.body.length);
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
    const answer = await client.connection.sendRequest<ReviewAnswer>(REVIEW, { model: true });
    assert.deepEqual(answer.review.files.map((f) => f.path), ['bicep/main.bicep', 'terraform/main.tf']);
  });

  it('stops between files when the client cancels', async () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'waf-ai-lens-review-')));
    try {
      // A sub-folder: its files are read one by one (a whole workspace folder is taken from the server's workspace instead).
      const parts = path.join(dir, 'parts');
      // Enough files that the cancellation, sent on the second progress report, always lands long before the last one,
      // even on a loaded machine where the round trip takes many turns of the server's event loop.
      const FILES = 200;
      fs.mkdirSync(parts);
      const text = fs.readFileSync(path.join(EXAMPLE, 'bicep', 'main.bicep'), 'utf8');
      for (let i = 0; i < FILES; i++) fs.writeFileSync(path.join(parts, `part${String(i).padStart(2, '0')}.bicep`), text);
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
        client.connection.sendRequest(REVIEW, { folders: [pathToFileURL(parts).href], workDoneToken: token }, source.token),
        (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled,
      );
      assert.ok(reports.length < FILES, `stopped after ${reports.length} of ${FILES} files`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('a whole workspace folder, from the workspace the server keeps for it', () => {
    let dir: string;
    /** The workspace folder: the example workload and two multi-file cases (modules, tfvars), a binary file and an excluded one. */
    beforeEach(() => {
      dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'waf-ai-lens-review-')));
      const workload = path.join(dir, 'workload');
      fs.cpSync(EXAMPLE, path.join(workload, 'example'), { recursive: true });
      for (const name of ['bad-bicep', 'bad-terraform']) fs.cpSync(path.join(repoRoot(), 'test', 'fixtures', 'rules', 'require-private-endpoint', name), path.join(workload, name), { recursive: true });
      fs.writeFileSync(path.join(workload, 'binary.bicep'), Buffer.from([0x72, 0x00, 0x01, 0x02]));
      fs.mkdirSync(path.join(workload, 'excluded'));
      fs.copyFileSync(path.join(EXAMPLE, 'bicep', 'main.bicep'), path.join(workload, 'excluded', 'main.bicep'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    const review = (params: object): Promise<ReviewAnswer> => client.connection.sendRequest<ReviewAnswer>(REVIEW, { ...params, model: true });
    /** The server's line about the last review: which folders it took from their workspace. */
    const lastReviewLog = (): string => [...client.logs].reverse().find((l) => l.startsWith('Reviewed ')) ?? '(no review logged)';
    const REUSED = /, 1 workspace folder\(s\) from the workspace's analysis:/;
    const replicas = (answer: ReviewAnswer, file: string): boolean => ruleIdsIn(answer, file).includes('require-search-replicas');

    it('is the review a fresh reading of the same files makes: report, files, skipped and excluded files', async () => {
      client = await LspTestClient.start({ workspaceFolder: dir, settings: { exclude: ['**/excluded/**'] } });
      const whole = await review({});
      assert.match(lastReviewLog(), REUSED);
      // The sub-folder holding every file is read and analysed here, and shows the same paths (relative to the workspace folder).
      const fresh = await review({ folders: [pathToFileURL(path.join(dir, 'workload')).href] });
      assert.doesNotMatch(lastReviewLog(), REUSED);
      assert.ok(whole.review.files.length >= 5, JSON.stringify(whole.review.files));
      assert.deepEqual(whole.skipped.map((s) => s.path), ['workload/binary.bicep']);
      assert.equal(whole.excluded, 1);
      // The map is drawn from the workspace's graph, its boxes named by the report's paths.
      const boxes = (whole as unknown as MapAnswer).review.map?.nodes.map((n) => n.id) ?? [];
      assert.ok(boxes.length > 0 && boxes.every((id) => id.startsWith('workload/')), JSON.stringify(boxes));
      const { folders: wholeFolders, ...wholeRest } = whole;
      const { folders: freshFolders, ...freshRest } = fresh;
      assert.deepEqual(wholeRest, freshRest);
      assert.deepEqual([wholeFolders, freshFolders], [[pathToFileURL(dir).href], [pathToFileURL(path.join(dir, 'workload')).href]]);
    });

    it('follows unsaved edits and changes on disk no watcher reported, and does not read a file whose size and time are unchanged', async () => {
      client = await LspTestClient.start({ workspaceFolder: dir });
      const bicep = path.join(dir, 'workload', 'example', 'bicep', 'main.bicep');
      const terraform = path.join(dir, 'workload', 'example', 'terraform', 'main.tf');
      const shown = { bicep: 'workload/example/bicep/main.bicep', terraform: 'workload/example/terraform/main.tf' };
      const before = await review({});
      assert.match(lastReviewLog(), REUSED);
      assert.deepEqual([replicas(before, shown.bicep), replicas(before, shown.terraform)], [true, true]);

      // An unsaved edit: the workspace holds the document as the editor does.
      await client.open(pathToFileURL(bicep).href, fs.readFileSync(bicep, 'utf8').replace('replicaCount: 1', 'replicaCount: 3'));
      // A change on disk (this client watches no files, so the server hears of it from nobody): its time changed.
      const original = fs.readFileSync(terraform, 'utf8');
      fs.writeFileSync(terraform, original.replace('replica_count                 = 1', 'replica_count                 = 3'));
      // A whole second, which every file system keeps exactly, unlike the time it gave the file read at the start.
      const second = Math.floor(Date.now() / 1000) - 60;
      fs.utimesSync(terraform, second, second);
      const edited = await review({});
      assert.match(lastReviewLog(), REUSED);
      assert.deepEqual([replicas(edited, shown.bicep), replicas(edited, shown.terraform)], [false, false]);

      // The disk changed back, but with the size and time the server read it at: it is not read again, so the report
      // still shows what the server holds. A review that read every file again would show the finding.
      fs.writeFileSync(terraform, original);
      fs.utimesSync(terraform, second, second);
      assert.equal(fs.statSync(terraform).mtimeMs, second * 1000);
      const untouched = await review({});
      assert.match(lastReviewLog(), REUSED);
      assert.equal(replicas(untouched, shown.terraform), false);
    });
  });
});
