// A managed network that allows all internet outbound traffic leaves an exfiltration path; allowing only approved outbound closes it.
import { variantRule } from './shared/variantRule';
import { armWorkspaceVariants, TF_HUB, TF_WORKSPACE, workspaceLabel } from './shared/resources';
import type { Value } from '../../model/types';

// Only `AllowInternetOutbound` is judged here; `require-ml-workspace-managed-network` covers `Disabled`, absence and
// values the code does not state.
const notInternet = {
  isAligned: (v: Value) => !(v.kind === 'string' && v.value.toLowerCase() === 'allowinternetoutbound'),
  absentIsAligned: true,
  fixValue: 'AllowOnlyApprovedOutbound',
};
const arm = { path: ['properties', 'managedNetwork', 'isolationMode'], ...notInternet };
const azurerm = { path: ['managed_network', 'isolation_mode'], ...notInternet };

export default variantRule({
  id: 'prefer-ml-workspace-approved-outbound-only',
  label: workspaceLabel,
  messages: {
    misaligned: '{{label}} "{{name}}" lets its managed network reach any internet address: `{{setting}}` is {{value}}; allowing only approved outbound traffic narrows the paths data can leave by.',
    absent: '{{label}} "{{name}}" lets its managed network reach any internet address: `{{setting}}` is not set.',
  },
  fixTitle: 'Allow only approved outbound traffic',
  reportUndetermined: false,
  variants: [
    ...armWorkspaceVariants(arm),
    { types: { terraform: [TF_WORKSPACE, TF_HUB] }, settings: { terraform: azurerm } },
  ],
});
