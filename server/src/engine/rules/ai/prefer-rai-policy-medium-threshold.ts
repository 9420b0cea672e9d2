// Content filter policies should filter the harm categories from medium severity up, as the default policies do, unless the use case justifies less.
import { HARM_CATEGORIES } from './shared/contentFilters';
import { filterRule, statedBool } from './shared/filterRule';

export default filterRule({
  id: 'prefer-rai-policy-medium-threshold',
  messages: {
    high: '{{label}} "{{name}}" filters `{{filter}}` content in {{direction}} only at high severity: `{{setting}}` is {{value}}, so medium-severity content passes, which the default policies block.',
  },
  appliesTo: (filter) => HARM_CATEGORIES.has(filter.category ?? ''),
  checks: [
    {
      messageId: 'high',
      setting: 'threshold',
      // `Low` filters low, medium and high; `Medium` filters medium and high; `High` filters high only.
      isAligned: (value) => !(value.kind === 'string' && value.value.toLowerCase() === 'high'),
      skip: (filter) => statedBool(filter, 'enabled') === false,
      fixTitle: 'Filter from medium severity up',
      fixValue: 'Medium',
    },
  ],
});
