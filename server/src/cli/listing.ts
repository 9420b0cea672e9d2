// The data behind `waf-ai-lens rules` and `waf-ai-lens principles`: the rule registry and the catalog, joined and ordered.
import { ruleDocsUrl, ruleMeta, type PillarId } from '../engine/catalog';
import type { Language } from '../engine/model/types';
import { pillars, principles } from '../engine/principles';
import { RULES } from '../engine/rules/registry';
import type { Severity } from '../engine/types';
import { compareCodeUnits } from './paths';

/** The languages in the order every listing shows them. */
const LANGUAGES: readonly Language[] = ['bicep', 'terraform'];

/** One registered rule as the listings show it; the key order is the JSON's, and it is stable. */
export interface RuleListing {
  id: string;
  title: string;
  pillar: PillarId;
  /** Principle ids, the rule's main principle first. */
  principles: string[];
  languages: Language[];
  /** The resource types the rule reads, per language it reads (Bicep first). */
  resourceTypes: Partial<Record<Language, string[]>>;
  /** The default severity; a config file may change it. */
  severity: Severity;
  fixable: boolean;
  /** The same check in other tools, as `Tool:Id`. */
  peers: string[];
  docsUrl: string;
}

/** One design principle as the listings show it; the key order is the JSON's, and it is stable. */
export interface PrincipleListing {
  id: string;
  /** The article's reference key (R1 … P4). */
  key: string;
  pillar: PillarId;
  title: string;
  /** The rules whose metadata lists this principle, sorted by id. */
  rules: string[];
  reviewQuestions: string[];
}

/** Pillars in the article's order, so that listings group them the way the article reads. */
function pillarOrder(): Map<PillarId, number> {
  return new Map(pillars().map((p, index) => [p.id, index]));
}

/**
 * Every registered rule, sorted by pillar (in the article's order) and then by id. A rule without metadata cannot be
 * listed honestly; the parity test keeps that from shipping, so here it is an internal error rather than a silent gap.
 */
export function ruleListing(): RuleListing[] {
  const order = pillarOrder();
  const listed = RULES.map((rule): RuleListing => {
    const meta = ruleMeta(rule.id);
    if (!meta) throw new Error(`rule ${rule.id} has no metadata in principles/rules`);
    const resourceTypes: Partial<Record<Language, string[]>> = {};
    for (const language of LANGUAGES) {
      const types = rule.resourceTypes[language];
      if (types && types.length > 0) resourceTypes[language] = [...types];
    }
    return {
      id: rule.id,
      title: meta.title,
      pillar: meta.pillar,
      principles: [...meta.principles],
      languages: LANGUAGES.filter((l) => meta.languages.includes(l)),
      resourceTypes,
      severity: meta.severity,
      fixable: rule.fixable,
      peers: [...meta.peers],
      docsUrl: ruleDocsUrl(rule.id),
    };
  });
  return listed.sort((a, b) => (order.get(a.pillar) ?? order.size) - (order.get(b.pillar) ?? order.size) || compareCodeUnits(a.id, b.id));
}

/** Every principle of the catalog, in the article's order, with the registered rules whose metadata names it. */
export function principleListing(rules: readonly RuleListing[] = ruleListing()): PrincipleListing[] {
  return principles().map((p) => ({
    id: p.id,
    key: p.key,
    pillar: p.pillar,
    title: p.title,
    rules: rules
      .filter((r) => r.principles.includes(p.id))
      .map((r) => r.id)
      .sort(compareCodeUnits),
    reviewQuestions: [...p.reviewQuestions],
  }));
}
