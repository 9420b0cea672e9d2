// Private Foundry accounts whose projects run agents should inject the Agent Service into a subnet of the workload's network.
import type { Resource } from '../../model/types';
import type { Rule, RuleContext } from '../rule';
import { lookup } from '../helpers/lookup';
import { ACCOUNT_TYPES, accountKind, accountLabel, publicReach } from './shared/resources';

const rule: Rule = {
  id: 'prefer-agent-network-injection',
  // `azurerm_ai_services` (azurerm 4.x) has neither project management nor network injection.
  resourceTypes: { bicep: ACCOUNT_TYPES.bicep, terraform: ['azurerm_cognitive_account'] },
  messages: {
    absent:
      '{{label}} "{{name}}" is private and hosts projects, but its agents are not injected into your network: `{{setting}}` is not set, so agents run outside the virtual network and cannot reach data sources behind private endpoints.',
    noAgent:
      '{{label}} "{{name}}" is private and hosts projects, but its agents are not injected into your network: `{{setting}}` has no `agent` entry, so agents run outside the virtual network and cannot reach data sources behind private endpoints.',
    undetermined: 'Could not determine `{{setting}}` of {{label}} "{{name}}": {{reason}}.',
  },
  fixable: false,
  settings: [
    { language: 'bicep', setting: 'properties.networkInjections', recommended: "[{ scenario: 'agent', subnetArmId: … }]", absentIsAligned: false },
    { language: 'terraform', setting: 'network_injection', recommended: 'network_injection { scenario = "agent", subnet_id = … }', absentIsAligned: false },
  ],
  check(ctx: RuleContext): void {
    const resource = ctx.resource;
    if (accountKind(resource) !== 'aiservices' || !managesProjects(resource) || publicReach(resource) !== 'private') return;
    const setting = ctx.language === 'bicep' ? 'properties.networkInjections' : 'network_injection';
    const data = { label: accountLabel(resource), setting };
    const found = lookup(resource.body, setting.split('.'), ctx.language);
    if (found.state === 'absent') {
      ctx.report({ messageId: 'absent', data, at: resource.nameSpan });
      return;
    }
    if (found.state === 'unknown') {
      ctx.report({ messageId: 'undetermined', data: { ...data, reason: found.reason }, at: found.at?.value.span ?? resource.nameSpan, undetermined: true });
      return;
    }
    // Terraform: one `network_injection` block whose only allowed scenario is `agent`.
    if (ctx.language === 'terraform') return;
    if (found.value.kind !== 'array') return;
    let unknown = false;
    for (const item of found.value.items) {
      if (item.kind !== 'object') {
        unknown = true;
        continue;
      }
      const scenario = lookup(item, ['scenario'], 'bicep');
      if (scenario.state === 'known' && scenario.value.kind === 'string' && scenario.value.value.toLowerCase() === 'agent') return;
      if (scenario.state === 'unknown') unknown = true;
    }
    if (unknown) {
      ctx.report({ messageId: 'undetermined', data: { ...data, reason: 'an entry\'s `scenario` is not known from the code' }, at: found.entry.value.span, undetermined: true });
      return;
    }
    ctx.report({ messageId: 'noAgent', data, at: found.entry.value.span });
  },
};

export default rule;

/** Bicep `properties.allowProjectManagement`, azurerm `project_management_enabled` (default false): only a stated true counts. */
function managesProjects(resource: Resource): boolean {
  const path = resource.language === 'bicep' ? ['properties', 'allowProjectManagement'] : ['project_management_enabled'];
  const found = lookup(resource.body, path, resource.language);
  return found.state === 'known' && found.value.kind === 'bool' && found.value.value;
}
