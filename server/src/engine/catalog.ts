// Typed access to the principles catalog and the rule metadata in principles/, bundled with the engine (no file I/O).
import aiRules from '../../../principles/rules/ai.json';
import mlRules from '../../../principles/rules/ml.json';
import platformRules from '../../../principles/rules/platform.json';
import workloadRules from '../../../principles/rules/workload.json';
import type { Language } from './model/types';
import type { Severity } from './types';

export type PillarId = 'reliability' | 'security' | 'cost' | 'operations' | 'performance';

/** Metadata of one rule, as kept in principles/rules/<family>.json. */
export interface RuleMeta {
  id: string;
  title: string;
  /** Principle ids `<pillar>.<principle>`; the first is the main one. */
  principles: string[];
  pillar: PillarId;
  severity: Severity;
  languages: Language[];
  /** One or two sentences: why it matters for an AI workload. */
  rationale: string;
  /** What to set, as a user would say it. */
  recommendation: string;
  /** Ids of the same check in other tools (PSRule, Checkov, APRL, …). */
  peers: string[];
}

interface RulesFile {
  rules: Record<string, Omit<RuleMeta, 'id'>>;
}

/** One metadata file per rule family, so that families grow without touching each other. */
const FAMILY_FILES = [aiRules, mlRules, platformRules, workloadRules] as unknown as RulesFile[];

const RULES: ReadonlyMap<string, RuleMeta> = new Map(
  FAMILY_FILES.flatMap((family) => Object.entries(family.rules)).map(([id, meta]) => [id, { id, ...meta }]),
);

/** The metadata of a rule, or undefined when the catalog has none (the parity test forbids that). */
export function ruleMeta(id: string): RuleMeta | undefined {
  return RULES.get(id);
}

/** Every rule's metadata, sorted by id. */
export function allRuleMeta(): RuleMeta[] {
  return [...RULES.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** Where a rule is documented: its section of the README's rule table. */
export function ruleDocsUrl(id: string): string {
  return `https://github.com/waf-ai-lens/waf-ai-lens/blob/main/README.md#rule-${id}`;
}
