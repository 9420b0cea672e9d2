// Model deployments should not run without content filtering (the `Microsoft.Nil` policy).
import type { Value } from '../../model/types';
import { lookup } from '../helpers/lookup';
import { settingRule } from '../helpers/settingRule';
import type { Rule, RuleContext } from '../rule';
import { DEPLOYMENT_TYPES, deploymentLabel, refersToRaiPolicy } from './shared/resources';

/** The system policy that applies no content filter; only customers approved for modified content filtering may use it. */
const NO_FILTER = 'microsoft.nil';
const isFiltered = (v: Value): boolean => !(v.kind === 'string' && v.value.toLowerCase() === NO_FILTER);

const inner = settingRule({
  id: 'no-deployment-content-filter-off',
  resourceTypes: DEPLOYMENT_TYPES,
  label: deploymentLabel,
  messages: {
    misaligned: '{{label}} "{{name}}" runs without content filtering: `{{setting}}` is {{value}}, so prompts and completions reach the model and the user unmoderated.',
    absent: '{{label}} "{{name}}" does not set `{{setting}}`.',
  },
  fixTitle: 'Apply the default content filter',
  settings: {
    // Absent: the service applies its default policy (`Microsoft.DefaultV2`, `Microsoft.Default` on older models);
    // azurerm makes `rai_policy_name` Optional + Computed for exactly that reason.
    bicep: { path: ['properties', 'raiPolicyName'], isAligned: isFiltered, absentIsAligned: true, fixValue: 'Microsoft.DefaultV2' },
    terraform: { path: ['rai_policy_name'], isAligned: isFiltered, absentIsAligned: true, fixValue: 'Microsoft.DefaultV2' },
  },
});

const PATHS = { bicep: ['properties', 'raiPolicyName'], terraform: ['rai_policy_name'] } as const;

const rule: Rule = {
  ...inner,
  check(ctx: RuleContext): void {
    // A policy declared in this file is a custom policy, never `Microsoft.Nil`: nothing to determine.
    const found = lookup(ctx.resource.body, PATHS[ctx.language], ctx.language);
    if (found.state === 'unknown' && found.at && refersToRaiPolicy(found.at.value, ctx.model)) return;
    inner.check(ctx);
  },
};

export default rule;
