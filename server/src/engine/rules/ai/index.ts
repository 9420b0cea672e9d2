// Rules for Azure OpenAI, AI Services and Foundry accounts, their model deployments, content filters, projects and connections.
import type { Rule } from '../rule';
import noPublicNetworkAccess from './no-public-network-access';
import requireDisableLocalAuth from './require-disable-local-auth';

/** One sorted line per rule. */
export const AI_RULES: readonly Rule[] = [
  noPublicNetworkAccess,
  requireDisableLocalAuth,
];
