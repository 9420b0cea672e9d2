// The id and description of the findings about suppression comments themselves; not a WAF rule, so not in the registry.

/** The rule id of findings about suppression comments: no reason, an unknown rule, or nothing left to suppress. */
export const SUPPRESSION_RULE_ID = 'waf-ai-lens-suppression';

/** The comment keyword, after `//` (both languages) or `#` (Terraform). */
export const SUPPRESSION_KEYWORD = 'waf-ai-lens-ignore';

/** The placeholder reason the "Suppress" code action writes, which the user is expected to replace. */
export const PLACEHOLDER_REASON = 'TODO explain why';

/** One line about what these findings are, for hovers, settings and the schema. */
export const SUPPRESSION_RULE_TITLE = 'Suppression comments name a known rule, give a reason, and still suppress something';
