// The rule registry: one sorted line per rule.
import type { Rule } from './rule';

export const RULES: readonly Rule[] = [
];
