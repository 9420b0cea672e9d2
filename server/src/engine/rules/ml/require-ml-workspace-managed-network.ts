// Azure Machine Learning workspaces and Foundry hubs should isolate their computes and endpoints in a managed virtual network.
import { variantRule } from './shared/variantRule';
import { armWorkspaceVariants, stringIn, TF_HUB, TF_WORKSPACE, workspaceLabel } from './shared/resources';

// Either managed mode isolates the workspace's computes; `Disabled` and absence (the service's default, which azurerm
// reads back as `Disabled`) leave them outside any managed network. Projects use their hub's network.
const managed = { isAligned: stringIn('allowinternetoutbound', 'allowonlyapprovedoutbound'), absentIsAligned: false, fixValue: 'AllowOnlyApprovedOutbound' };
const arm = { path: ['properties', 'managedNetwork', 'isolationMode'], ...managed };
const azurerm = { path: ['managed_network', 'isolation_mode'], ...managed };

export default variantRule({
  id: 'require-ml-workspace-managed-network',
  label: workspaceLabel,
  messages: {
    misaligned: '{{label}} "{{name}}" has no managed network isolation: `{{setting}}` is {{value}}.',
    absent: '{{label}} "{{name}}" has no managed network isolation: `{{setting}}` is not set, so its computes and endpoints run outside a managed virtual network.',
  },
  fixTitle: 'Isolate the workspace in a managed network that allows only approved outbound traffic',
  variants: [
    ...armWorkspaceVariants(arm),
    { types: { terraform: [TF_WORKSPACE, TF_HUB] }, settings: { terraform: azurerm } },
  ],
});
