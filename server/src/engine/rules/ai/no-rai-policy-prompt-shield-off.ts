// Content filter policies should keep Prompt Shields for direct attacks (the `Jailbreak` filter) on and blocking.
import { filterRule, notFalse, statedBool } from './shared/filterRule';

export default filterRule({
  id: 'no-rai-policy-prompt-shield-off',
  messages: {
    disabled:
      '{{label}} "{{name}}" switches off Prompt Shields for direct attacks: `{{setting}}` of the `{{filter}}` filter is {{value}}, so jailbreak attempts reach the model undetected.',
    annotateOnly:
      '{{label}} "{{name}}" only annotates jailbreak attempts: `{{setting}}` of the `{{filter}}` filter is {{value}}, so detected attacks still reach the model.',
  },
  appliesTo: (filter) => filter.category === 'jailbreak',
  checks: [
    { messageId: 'disabled', setting: 'enabled', isAligned: notFalse, fixTitle: 'Switch Prompt Shields on', fixValue: true },
    {
      messageId: 'annotateOnly',
      setting: 'blocking',
      isAligned: notFalse,
      skip: (filter) => statedBool(filter, 'enabled') === false,
      fixTitle: 'Block detected jailbreak attempts',
      fixValue: true,
    },
  ],
});
