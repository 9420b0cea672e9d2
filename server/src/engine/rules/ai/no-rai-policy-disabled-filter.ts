// Content filter policies should keep the hate, sexual, violence and self-harm filters switched on for prompts and completions.
import { HARM_CATEGORIES } from './shared/contentFilters';
import { filterRule, notFalse } from './shared/filterRule';

export default filterRule({
  id: 'no-rai-policy-disabled-filter',
  messages: {
    disabled:
      '{{label}} "{{name}}" switches off the `{{filter}}` filter for {{direction}}: `{{setting}}` is {{value}}, so content of this harm category passes unmoderated.',
  },
  appliesTo: (filter) => HARM_CATEGORIES.has(filter.category ?? ''),
  checks: [{ messageId: 'disabled', setting: 'enabled', isAligned: notFalse, fixTitle: 'Switch the filter on', fixValue: true }],
});
