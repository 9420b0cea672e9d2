// AI Search holds the grounding data of a RAG workload; it should be reached through private endpoints, not from public networks.
import { SEARCH_TYPES, skuName } from '../helpers/labels';
import { settingRule } from '../helpers/settingRule';
import { searchLabel } from './shared/resources';

/** `Disabled` closes the public endpoint; `SecuredByPerimeter` hands the decision to a network security perimeter. */
const CLOSED = new Set(['disabled', 'securedbyperimeter']);

export default settingRule({
  id: 'no-search-public-network-access',
  resourceTypes: SEARCH_TYPES,
  label: searchLabel,
  // Private endpoints need a billable tier; the free tier is `no-search-free-tier`'s finding.
  appliesTo: (resource) => skuName(resource)?.toLowerCase() !== 'free',
  messages: {
    misaligned: '{{label}} "{{name}}" is reachable from public networks: `{{setting}}` is {{value}}.',
    absent: '{{label}} "{{name}}" is reachable from public networks: `{{setting}}` is not set, and public access is on by default.',
  },
  fixTitle: 'Disable public network access',
  settings: {
    bicep: {
      path: ['properties', 'publicNetworkAccess'],
      isAligned: (v) => v.kind === 'string' && CLOSED.has(v.value.toLowerCase()),
      absentIsAligned: false,
      fixValue: 'Disabled',
    },
    terraform: { path: ['public_network_access_enabled'], isAligned: (v) => v.kind === 'bool' && !v.value, absentIsAligned: false, fixValue: false },
  },
});
