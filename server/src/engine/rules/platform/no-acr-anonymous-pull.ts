// A container registry that holds model-serving images must not allow anonymous pulls: anyone on the internet could download them.
import { settingRule } from '../helpers/settingRule';
import { ACR_TYPES } from './shared/resources';

export default settingRule({
  id: 'no-acr-anonymous-pull',
  resourceTypes: ACR_TYPES,
  label: () => 'Container registry',
  messages: {
    misaligned: '{{label}} "{{name}}" allows anonymous pulls (`{{setting}}` is {{value}}): anyone can download its images, model-serving code and weights included.',
    absent: '{{label}} "{{name}}" allows anonymous pulls.',
  },
  fixTitle: 'Disable anonymous pull',
  settings: {
    // Off by default in ARM and in azurerm.
    bicep: { path: ['properties', 'anonymousPullEnabled'], isAligned: (v) => v.kind === 'bool' && !v.value, absentIsAligned: true, fixValue: false },
    terraform: { path: ['anonymous_pull_enabled'], isAligned: (v) => v.kind === 'bool' && !v.value, absentIsAligned: true, fixValue: false },
  },
});
