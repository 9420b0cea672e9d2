// A long editing session against the real server: thousands of edits, documents opened and closed, and its memory from outside.
import * as assert from 'node:assert/strict';
import { checkDiagnostics } from '../protocol/expectations';
import { LONG_RUN, SOAK_EDITS } from './support/budget';
import { makeTempDir, removeDir } from './support/cli';
import { assertHealthy, diagnosticsFor, publishedVersions, rssKb, startServer, workspaceFixture, type Session } from './support/server';

/** Every how many edits the session waits for the server to publish the current version (so each round is analysed). */
const SETTLE_EVERY = 50;
/** Every how many edits a new document is opened, analysed and closed again (the cache must let go of closed ones). */
const VISIT_EVERY = 100;
/** The part of the session treated as warm-up: allocations that only happen once (code, caches, JIT) are done by then. */
const WARM_UP_EDITS = 1000;

const COMMENT = '// typing a comment at the end of the file, one key at a time';

describe('robustness: soak', function () {
  this.timeout(LONG_RUN ? 0 : 120_000);
  let workspace: string;
  let session: Session;

  before(async () => {
    workspace = makeTempDir('soak');
    session = await startServer(workspace);
  });

  after(() => {
    session.client.dispose();
    removeDir(workspace);
  });

  it(`takes ${SOAK_EDITS.toLocaleString('en')} edits with its memory back at a steady level, and stays correct`, async () => {
    const { client, pid } = session;
    const docs = [workspaceFixture(workspace, 'openai.bicep', 'main.bicep'), workspaceFixture(workspace, 'openai.tf', 'main.tf')];
    for (const doc of docs) {
      await client.open(doc.uri, doc.text);
      await diagnosticsFor(client, doc.uri, 1);
    }
    const started = performance.now();
    const samples: Array<{ edits: number; kb: number }> = [];
    let typed = 0;
    for (let edit = 1; edit <= SOAK_EDITS; edit++) {
      const doc = docs[edit % docs.length]!;
      const lines = client.text(doc.uri).split('\n');
      const last = lines.length - 1;
      const comment = doc.uri.endsWith('.tf') ? COMMENT.replace('//', '#') : COMMENT;
      // Type the comment on the last line one character at a time; once whole, delete it in one edit and start again.
      if (lines[last]!.length < comment.length) {
        await client.insert(doc.uri, { line: last, character: lines[last]!.length }, comment[lines[last]!.length]!);
        typed++;
      } else {
        await client.change(doc.uri, [{ range: { start: { line: last, character: 0 }, end: { line: last, character: lines[last]!.length } }, text: '' }]);
      }
      if (edit % 10 === 0) await client.hover(doc.uri, { line: edit % 30, character: edit % 20 }).catch(() => null);
      if (edit % SETTLE_EVERY === 0) for (const d of docs) await diagnosticsFor(client, d.uri, client.version(d.uri));
      if (edit % VISIT_EVERY === 0) {
        const visit = workspaceFixture(workspace, edit % 200 === 0 ? 'openai.bicep' : 'openai.tf', `visit-${edit}.${edit % 200 === 0 ? 'bicep' : 'tf'}`);
        await client.open(visit.uri, visit.text);
        await diagnosticsFor(client, visit.uri, 1);
        await client.close(visit.uri);
      }
      if (edit % 250 === 0) samples.push({ edits: edit, kb: rssKb(pid) ?? Number.NaN });
    }
    for (const doc of docs) checkDiagnostics(await diagnosticsFor(client, doc.uri, client.version(doc.uri)), client.text(doc.uri), client.version(doc.uri));
    const elapsed = performance.now() - started;
    const endKb = rssKb(pid) ?? Number.NaN;

    // Memory: the median after warm-up against the median of the last quarter, and the end against the warm level.
    const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
    const warm = samples.filter((s) => s.edits > WARM_UP_EDITS && s.edits <= WARM_UP_EDITS + SOAK_EDITS / 4).map((s) => s.kb);
    const late = samples.filter((s) => s.edits > (SOAK_EDITS * 3) / 4).map((s) => s.kb);
    const warmKb = median(warm);
    const lateKb = median(late);
    const peakKb = Math.max(...samples.map((s) => s.kb));
    console.log(
      `      soak: ${SOAK_EDITS} edits (${typed} keystrokes) in ${(elapsed / 1000).toFixed(1)} s; RSS after warm-up ${warmKb} KiB, ` +
        `last quarter ${lateKb} KiB, end ${endKb} KiB, peak ${peakKb} KiB; ${publishedVersions(client, docs[0]!.uri).length} publications on main.bicep`,
    );
    // Generous slack: garbage collection runs when it likes, so RSS wanders by tens of MiB; a leak of a few KiB per edit does not.
    const slackKb = 64 * 1024;
    assert.ok(lateKb <= warmKb * 1.25 + slackKb, `RSS grew from ${warmKb} KiB after warm-up to ${lateKb} KiB in the last quarter`);
    assert.ok(endKb <= warmKb * 1.25 + slackKb, `RSS grew from ${warmKb} KiB after warm-up to ${endKb} KiB at the end`);
    // How long the edits took is reported above, not judged: speed belongs to `npm run bench`; a hang fails by the timeout.
    for (const doc of docs) {
      const versions = publishedVersions(client, doc.uri);
      assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'a publication went back to an older version');
    }
    await assertHealthy(session);
  });
});
