// The rule registry: every rule family's list, merged and sorted by id (each family keeps one sorted line per rule).
import { AI_RULES } from './ai';
import { ML_RULES } from './ml';
import { PLATFORM_RULES } from './platform';
import type { Rule } from './rule';
import { WORKLOAD_RULES } from './workload';

export const RULES: readonly Rule[] = [...AI_RULES, ...ML_RULES, ...PLATFORM_RULES, ...WORKLOAD_RULES].sort((a, b) => a.id.localeCompare(b.id));
