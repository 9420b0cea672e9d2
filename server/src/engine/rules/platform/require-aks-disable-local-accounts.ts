// An AKS cluster should disable its local accounts, so nobody can fetch a static cluster-admin credential that bypasses Microsoft Entra ID.
import { settingRule } from '../helpers/settingRule';
import { find, refine, withoutFixes } from './shared/inspect';
import { AKS_CLUSTER_TYPES, isAksAutomatic } from './shared/resources';

const base = settingRule({
  id: 'require-aks-disable-local-accounts',
  resourceTypes: AKS_CLUSTER_TYPES,
  label: () => 'AKS cluster',
  // AKS Automatic preconfigures this; the rule judges clusters that choose it themselves.
  appliesTo: (resource) => !isAksAutomatic(resource),
  messages: {
    misaligned: '{{label}} "{{name}}" keeps its local accounts (`{{setting}}` is {{value}}): a static cluster-admin credential bypasses Microsoft Entra ID and RBAC.',
    absent: '{{label}} "{{name}}" keeps its local accounts (`{{setting}}` is not set): a static cluster-admin credential bypasses Microsoft Entra ID and RBAC.',
  },
  fixTitle: 'Disable local accounts',
  settings: {
    // Both ARM and azurerm leave local accounts on unless told otherwise.
    bicep: { path: ['properties', 'disableLocalAccounts'], isAligned: (v) => v.kind === 'bool' && v.value, absentIsAligned: false, fixValue: true },
    terraform: { path: ['local_account_disabled'], isAligned: (v) => v.kind === 'bool' && v.value, absentIsAligned: false, fixValue: true },
  },
});

/** Local accounts can only be disabled on a cluster with Microsoft Entra ID integration, so the fix is offered only there. */
export default refine(base, (report, ctx) => {
  const aad = find(ctx.resource, ctx.language === 'bicep' ? ['properties', 'aadProfile'] : ['azure_active_directory_role_based_access_control']);
  const integrated = aad.state === 'known' && aad.value.kind === 'object';
  return integrated ? report : withoutFixes(report);
});
