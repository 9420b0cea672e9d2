// Content filter policies should block, not merely annotate, harmful content that their hate, sexual, violence and self-harm filters detect.
import { HARM_CATEGORIES } from './shared/contentFilters';
import { filterRule, notFalse, statedBool } from './shared/filterRule';

export default filterRule({
  id: 'no-rai-policy-annotate-only-filter',
  messages: {
    annotateOnly:
      '{{label}} "{{name}}" only annotates `{{filter}}` content in {{direction}}: `{{setting}}` is {{value}}, so flagged content is still delivered and the application alone must act on the annotations.',
  },
  appliesTo: (filter) => HARM_CATEGORIES.has(filter.category ?? ''),
  checks: [
    {
      messageId: 'annotateOnly',
      setting: 'blocking',
      isAligned: notFalse,
      // A switched-off filter is no-rai-policy-disabled-filter's finding; blocking is moot there.
      skip: (filter) => statedBool(filter, 'enabled') === false,
      fixTitle: 'Block flagged content',
      fixValue: true,
    },
  ],
});
