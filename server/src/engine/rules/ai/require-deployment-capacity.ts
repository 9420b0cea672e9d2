// Model deployments should state their capacity, sized from the workload's expected token throughput, rather than take a default.
import type { Rule, RuleContext } from '../rule';
import { lookup } from '../helpers/lookup';
import { DEPLOYMENT_TYPES, deploymentLabel } from './shared/resources';

const rule: Rule = {
  id: 'require-deployment-capacity',
  resourceTypes: DEPLOYMENT_TYPES,
  messages: {
    absentBicep:
      '{{label}} "{{name}}" does not size its throughput: `sku.capacity` is not set, so the deployment gets whatever capacity the service assigns instead of the tokens per minute the workload needs.',
    absentTerraform:
      '{{label}} "{{name}}" does not size its throughput: `sku.capacity` is not set, and azurerm defaults it to 1, that is 1,000 tokens per minute on a standard deployment.',
    undetermined: 'Could not determine `sku.capacity` of {{label}} "{{name}}": {{reason}}.',
  },
  fixable: false,
  settings: [
    { language: 'bicep', setting: 'sku.capacity', recommended: '<capacity from the load profile>', absentIsAligned: false },
    { language: 'terraform', setting: 'sku.capacity', recommended: '<capacity from the load profile>', absentIsAligned: false },
  ],
  check(ctx: RuleContext): void {
    const data = { label: deploymentLabel() };
    const found = lookup(ctx.resource.body, ['sku', 'capacity'], ctx.language);
    if (found.state === 'absent') {
      ctx.report({ messageId: ctx.language === 'bicep' ? 'absentBicep' : 'absentTerraform', data, at: ctx.resource.nameSpan });
    } else if (found.state === 'unknown' && (!found.at || found.at.key.toLowerCase() !== 'capacity')) {
      // A capacity from a parameter is sized where the parameter is set; only a whole `sku` the code does not show is unknown.
      ctx.report({ messageId: 'undetermined', data: { ...data, reason: found.reason }, at: found.at?.value.span ?? ctx.resource.nameSpan, undetermined: true });
    }
  },
};

export default rule;
