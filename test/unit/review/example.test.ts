// Reviews the example workload in each language: the deliberate gaps are found in both, and the inventory names its cost drivers.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeFile } from '../../../server/src/engine';
import { buildReview, type WorkloadReview } from '../../../server/src/engine/review';
import { REPO_ROOT } from '../../support/repo';

function reviewOf(relative: string): WorkloadReview {
  const text = fs.readFileSync(path.join(REPO_ROOT, relative), 'utf8');
  return buildReview([{ analysis: analyzeFile(relative, text)!, text }]);
}

function failedRules(review: WorkloadReview): string[] {
  const ids = review.pillars.flatMap((p) => p.principles.flatMap((q) => q.resources.flatMap((r) => r.findings.filter((f) => f.kind === 'failed').map((f) => f.ruleId))));
  return [...new Set(ids)].sort();
}

const GAPS = ['require-cosmos-continuous-backup', 'require-disable-local-auth', 'require-search-replicas', 'require-storage-zone-redundancy'];

describe('review of examples/chat-workload', () => {
  for (const file of ['examples/chat-workload/bicep/main.bicep', 'examples/chat-workload/terraform/main.tf']) {
    it(`finds the deliberate gaps, and only those, in ${path.basename(file)}`, () => {
      const review = reviewOf(file);
      assert.deepEqual(failedRules(review), GAPS);
      assert.equal(review.files[0]!.parsedCleanly, true);
      assert.ok(review.overall.score !== null && review.overall.score > 50 && review.overall.score < 100, String(review.overall.score));
      const kinds = review.costDrivers.map((d) => d.kind);
      for (const kind of ['model-deployment', 'search', 'app-service-plan', 'cosmos-throughput']) assert.ok(kinds.includes(kind as never), kind);
    });
  }
});
