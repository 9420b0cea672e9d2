// Workload-level rules: they read the graph of resources across files (private endpoints, diagnostics, roles, keys, budgets).
import type { Rule } from '../rule';
import noApiKeyWiring from './no-api-key-wiring';
import requireCmkVaultPurgeProtection from './require-cmk-vault-purge-protection';
import requireDiagnosticLogs from './require-diagnostic-logs';
import requirePrivateEndpoint from './require-private-endpoint';
import requireWorkloadBudget from './require-workload-budget';

/** One sorted line per rule. */
export const WORKLOAD_RULES: readonly Rule[] = [
  noApiKeyWiring,
  requireCmkVaultPurgeProtection,
  requireDiagnosticLogs,
  requirePrivateEndpoint,
  requireWorkloadBudget,
];
