// Azure Machine Learning workspaces and Foundry hubs should not be reachable from public networks; clients come through private endpoints.
import { variantRule } from './shared/variantRule';
import { armWorkspaceVariants, isFalse, stringIn, TF_HUB, TF_WORKSPACE, workspaceLabel } from './shared/resources';

const disabled = { isAligned: stringIn('disabled'), fixValue: 'Disabled' };

export default variantRule({
  id: 'no-ml-workspace-public-network-access',
  label: workspaceLabel,
  messages: {
    misaligned: '{{label}} "{{name}}" is reachable from public networks: `{{setting}}` is {{value}}.',
    absent: '{{label}} "{{name}}" is reachable from public networks: `{{setting}}` is not set, and public access is on by default.',
  },
  fixTitle: 'Disable public network access',
  variants: [
    // ARM leaves public access on when `publicNetworkAccess` is not set. A hub-based project takes its network
    // access from its hub, so it is not judged here.
    ...armWorkspaceVariants({ path: ['properties', 'publicNetworkAccess'], absentIsAligned: false, ...disabled }),
    {
      // azurerm defaults `public_network_access_enabled` to true.
      types: { terraform: [TF_WORKSPACE] },
      settings: { terraform: { path: ['public_network_access_enabled'], isAligned: isFalse, absentIsAligned: false, fixValue: false } },
    },
    {
      // azurerm defaults the hub's `public_network_access` to "Enabled".
      types: { terraform: [TF_HUB] },
      settings: { terraform: { path: ['public_network_access'], absentIsAligned: false, ...disabled } },
    },
  ],
});
