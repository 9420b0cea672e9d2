// Workload-level rules: they read the graph of resources across files (private endpoints, diagnostics, roles, keys, budgets).
import type { Rule } from '../rule';

/** One sorted line per rule. */
export const WORKLOAD_RULES: readonly Rule[] = [
];
