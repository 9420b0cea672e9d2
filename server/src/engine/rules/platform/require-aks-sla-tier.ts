// An AKS cluster that serves inference should run on a tier with a financially backed API server SLA (Standard or Premium), not Free.
import { settingRule } from '../helpers/settingRule';
import { find, refine, withoutFixes } from './shared/inspect';
import { AKS_CLUSTER_TYPES, isAksAutomatic } from './shared/resources';

const withSla = (v: { kind: string; value?: unknown }): boolean => v.kind === 'string' && ['standard', 'premium'].includes((v.value as string).toLowerCase());

const base = settingRule({
  id: 'require-aks-sla-tier',
  resourceTypes: AKS_CLUSTER_TYPES,
  label: () => 'AKS cluster',
  // AKS Automatic preconfigures this; the rule judges clusters that choose it themselves.
  appliesTo: (resource) => !isAksAutomatic(resource),
  messages: {
    misaligned: '{{label}} "{{name}}" runs on the {{value}} tier: its control plane has no uptime SLA, so scaling and rescheduling of inference pods can stall.',
    absent: '{{label}} "{{name}}" runs on the Free tier (`{{setting}}` is not set): its control plane has no uptime SLA, so scaling and rescheduling of inference pods can stall.',
  },
  fixTitle: 'Use the Standard tier',
  settings: {
    // ARM and azurerm both default the tier to Free.
    bicep: { path: ['sku', 'tier'], isAligned: withSla, absentIsAligned: false, fixValue: 'Standard' },
    terraform: { path: ['sku_tier'], isAligned: withSla, absentIsAligned: false, fixValue: 'Standard' },
  },
});

/** Without a `sku` object a fix would also have to choose `sku.name` (`Base` or `Automatic`); it is left to the user. */
export default refine(base, (report, ctx) =>
  ctx.language === 'bicep' && find(ctx.resource, ['sku']).state === 'absent' ? withoutFixes(report) : report,
);
