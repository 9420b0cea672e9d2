// The rule registry: one sorted line per rule.
import noPublicNetworkAccess from './no-public-network-access';
import requireDisableLocalAuth from './require-disable-local-auth';
import requireSearchReplicas from './require-search-replicas';
import type { Rule } from './rule';

export const RULES: readonly Rule[] = [
  noPublicNetworkAccess,
  requireDisableLocalAuth,
  requireSearchReplicas,
];
