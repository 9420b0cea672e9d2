// AI accounts that stay reachable from public networks should deny by default and admit only listed networks.
import type { Value } from '../../model/types';
import type { Rule, RuleContext } from '../rule';
import { lookup } from '../helpers/lookup';
import { settingRule } from '../helpers/settingRule';
import { ACCOUNT_TYPES, accountLabel, publicReach } from './shared/resources';

const denies = (v: Value): boolean => v.kind === 'string' && v.value.toLowerCase() === 'deny';

const inner = settingRule({
  id: 'require-network-acls-deny',
  resourceTypes: ACCOUNT_TYPES,
  label: accountLabel,
  // With public access disabled the network rules do not apply; public access that the code does not state is not judged here.
  appliesTo: (resource) => publicReach(resource) === 'public',
  messages: {
    misaligned:
      '{{label}} "{{name}}" accepts public traffic from any network: public access is on and `{{setting}}` is {{value}}.',
    absent:
      '{{label}} "{{name}}" accepts public traffic from any network: public access is on and `{{setting}}` is not set, so no network rule applies.',
  },
  fixTitle: 'Deny networks that are not listed',
  settings: {
    bicep: { path: ['properties', 'networkAcls', 'defaultAction'], isAligned: denies, absentIsAligned: false, fixValue: 'Deny' },
    // azurerm sends no network rules at all without a `network_acls` block, which leaves the account open.
    terraform: { path: ['network_acls', 'default_action'], isAligned: denies, absentIsAligned: false, fixValue: 'Deny' },
  },
});

/** Network rules need a custom subdomain (azurerm: `RequiredWith`); without one the fix would not deploy, so it is withheld. */
const SUBDOMAIN = { bicep: ['properties', 'customSubDomainName'], terraform: ['custom_subdomain_name'] } as const;

const rule: Rule = {
  ...inner,
  check(ctx: RuleContext): void {
    if (lookup(ctx.resource.body, SUBDOMAIN[ctx.language], ctx.language).state !== 'absent') return inner.check(ctx);
    inner.check({ ...ctx, report: (report) => ctx.report({ ...report, fixes: [] }) });
  },
};

export default rule;
