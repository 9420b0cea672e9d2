// Rules for the services around the model: AI Search, AKS, Container Registry, Key Vault, Storage, Cosmos DB, API Management, monitoring, App Service, budgets.
import type { Rule } from '../rule';
import requireSearchReplicas from './require-search-replicas';

/** One sorted line per rule. */
export const PLATFORM_RULES: readonly Rule[] = [
  requireSearchReplicas,
];
