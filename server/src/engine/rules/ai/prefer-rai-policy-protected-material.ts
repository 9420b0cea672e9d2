// Content filter policies should keep the protected material filters (known text and public code in completions) switched on.
import { filterRule, notFalse } from './shared/filterRule';

const PROTECTED_MATERIAL = new Set(['protectedmaterialtext', 'protectedmaterialcode']);

export default filterRule({
  id: 'prefer-rai-policy-protected-material',
  messages: {
    disabled:
      '{{label}} "{{name}}" switches off the `{{filter}}` filter: `{{setting}}` is {{value}}, so completions may reproduce protected text or code without notice, and some scenarios lose Customer Copyright Commitment coverage.',
  },
  appliesTo: (filter) => PROTECTED_MATERIAL.has(filter.category ?? ''),
  checks: [{ messageId: 'disabled', setting: 'enabled', isAligned: notFalse, fixTitle: 'Switch the filter on', fixValue: true }],
});
