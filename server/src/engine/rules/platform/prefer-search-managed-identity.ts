// An AI Search service with a managed identity lets its indexers, skillsets and vectorizers reach storage and embedding models without keys.
import { SEARCH_TYPES, skuName } from '../helpers/labels';
import { settingRule } from '../helpers/settingRule';
import { searchLabel } from './shared/resources';

const hasIdentity = (v: { kind: string; value?: unknown }): boolean => v.kind === 'string' && (v.value as string).toLowerCase() !== 'none';

export default settingRule({
  id: 'prefer-search-managed-identity',
  resourceTypes: SEARCH_TYPES,
  label: searchLabel,
  // Whether the service pulls data or calls models at all is not visible here, hence a note; the free tier is another rule's concern.
  appliesTo: (resource) => skuName(resource)?.toLowerCase() !== 'free',
  messages: {
    misaligned:
      '{{label}} "{{name}}" has no managed identity (`{{setting}}` is {{value}}): indexers, skillsets and vectorizers would need keys or connection strings to reach data sources and embedding models.',
    absent:
      '{{label}} "{{name}}" has no managed identity: indexers, skillsets and vectorizers would need keys or connection strings to reach data sources and embedding models.',
  },
  fixTitle: 'Add a system-assigned identity',
  settings: {
    bicep: { path: ['identity', 'type'], isAligned: hasIdentity, absentIsAligned: false, fixValue: 'SystemAssigned' },
    terraform: { path: ['identity', 'type'], isAligned: hasIdentity, absentIsAligned: false, fixValue: 'SystemAssigned' },
  },
});
