// Azure AI Search needs at least two replicas for its read (query) SLA; a RAG workload's answers depend on it.
import { SEARCH_TYPES, skuName } from '../helpers/labels';
import { settingRule } from '../helpers/settingRule';

/** The query SLA starts at two replicas; the service creates one when none is given. */
const MIN_REPLICAS = 2;
const hasEnough = (v: { kind: string; value?: unknown }): boolean => v.kind === 'number' && (v.value as number) >= MIN_REPLICAS;

export default settingRule({
  id: 'require-search-replicas',
  resourceTypes: SEARCH_TYPES,
  label: () => 'Azure AI Search service',
  // The free tier cannot have replicas at all; choosing it is another rule's concern.
  appliesTo: (resource) => skuName(resource)?.toLowerCase() !== 'free',
  messages: {
    misaligned: '{{label}} "{{name}}" has {{value}} replica(s): queries have no availability SLA below 2.',
    absent: '{{label}} "{{name}}" runs a single replica: `{{setting}}` is not set (default 1), and queries have no availability SLA below 2.',
  },
  fixTitle: 'Run two replicas',
  settings: {
    bicep: { path: ['properties', 'replicaCount'], isAligned: hasEnough, absentIsAligned: false, fixValue: MIN_REPLICAS },
    terraform: { path: ['replica_count'], isAligned: hasEnough, absentIsAligned: false, fixValue: MIN_REPLICAS },
  },
});
