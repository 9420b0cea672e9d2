// Rules for Azure Machine Learning and Foundry hub workspaces, their computes, and managed online endpoints.
import type { Rule } from '../rule';

/** One sorted line per rule. */
export const ML_RULES: readonly Rule[] = [
];
