// The AI Search free tier runs on shared capacity with no SLA, no replicas and small index limits: not a base for a production RAG workload.
import { SEARCH_TYPES } from '../helpers/labels';
import type { Rule, RuleContext } from '../rule';
import { find, reportUndetermined, UNDETERMINED } from './shared/inspect';
import { searchLabel } from './shared/resources';

const rule: Rule = {
  id: 'no-search-free-tier',
  resourceTypes: SEARCH_TYPES,
  messages: {
    free: '{{label}} "{{name}}" uses the free tier: shared capacity with no SLA, no replicas and no private endpoints cannot carry a production retrieval workload.',
    undetermined: UNDETERMINED,
  },
  // Choosing a tier is a sizing decision (and changing it recreates the service), so no fix is offered.
  fixable: false,
  settings: [
    { language: 'bicep', setting: 'sku.name', recommended: "'basic' or a standard tier", absentIsAligned: true },
    { language: 'terraform', setting: 'sku', recommended: '"basic" or a standard tier', absentIsAligned: true },
  ],
  check(ctx: RuleContext): void {
    const path = ctx.language === 'bicep' ? ['sku', 'name'] : ['sku'];
    const found = find(ctx.resource, path);
    if (found.state === 'unknown') return reportUndetermined(ctx, searchLabel(), path.join('.'), found);
    if (found.state === 'known' && found.value.kind === 'string' && found.value.value.toLowerCase() === 'free') {
      ctx.report({ messageId: 'free', data: { label: searchLabel() }, at: found.entry.value.span });
    }
  },
};

export default rule;
