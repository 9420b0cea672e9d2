// An AI Search service that the workload also writes to (indexers, ingestion) needs three replicas for the read/write SLA; two cover queries only.
import { SEARCH_TYPES, skuName } from '../helpers/labels';
import { setSetting } from '../../fix/setSetting';
import type { Rule, RuleContext } from '../rule';
import { find, numberOf } from './shared/inspect';
import { searchLabel } from './shared/resources';

/** The read/write SLA starts at three replicas. */
const READ_WRITE_REPLICAS = 3;

/**
 * A per-resource rule cannot see whether the workload writes to the index, so it says so as a note, and only where
 * the code states exactly the two replicas of the query SLA: fewer (or none stated) is `require-search-replicas`'s finding,
 * and a value the code does not state is that rule's note too.
 */
const rule: Rule = {
  id: 'prefer-search-three-replicas',
  resourceTypes: SEARCH_TYPES,
  messages: {
    twoReplicas:
      '{{label}} "{{name}}" has 2 replicas: enough for the query SLA, but if the workload also writes to the index (an indexer, a RAG ingestion pipeline), the read/write SLA needs 3.',
  },
  fixable: true,
  settings: [
    { language: 'bicep', setting: 'properties.replicaCount', recommended: '3', absentIsAligned: false },
    { language: 'terraform', setting: 'replica_count', recommended: '3', absentIsAligned: false },
  ],
  check(ctx: RuleContext): void {
    if (skuName(ctx.resource)?.toLowerCase() === 'free') return;
    const found = find(ctx.resource, ctx.language === 'bicep' ? ['properties', 'replicaCount'] : ['replica_count']);
    const replicas = numberOf(found);
    if (found.state !== 'known' || replicas === undefined || replicas < 2 || replicas >= READ_WRITE_REPLICAS) return;
    const edits = setSetting(ctx.text, ctx.language, found, READ_WRITE_REPLICAS);
    ctx.report({
      messageId: 'twoReplicas',
      data: { label: searchLabel() },
      at: found.entry.value.span,
      fixes: edits ? [{ title: 'Run three replicas', edits, safe: false }] : [],
    });
  },
};

export default rule;
