// Azure Machine Learning workspaces and Foundry hubs that hold sensitive data can encrypt it with a customer-managed key.
import { variantRule } from './shared/variantRule';
import { armWorkspaceVariants, stringIn, TF_HUB, TF_WORKSPACE, workspaceLabel } from './shared/resources';
import type { Value } from '../../model/types';

// Awareness only: Microsoft-managed keys already encrypt the data, so absence is reported as a note. No fix: a key
// has to be chosen, and the encryption of a workspace cannot be changed after it is created. ARM requires `status`
// inside `encryption`, so `status` tells whether a key is configured; azurerm has an `encryption` block.
const arm = { path: ['properties', 'encryption', 'status'], isAligned: stringIn('enabled'), absentIsAligned: false, fixValue: 'Enabled' };
const azurerm = { path: ['encryption'], isAligned: (v: Value) => v.kind === 'object', absentIsAligned: false, fixValue: 'Enabled' };

export default variantRule({
  id: 'prefer-ml-workspace-customer-managed-key',
  label: workspaceLabel,
  messages: {
    misaligned: '{{label}} "{{name}}" encrypts its data with Microsoft-managed keys only: `{{setting}}` is {{value}}.',
    absent: '{{label}} "{{name}}" encrypts its data with Microsoft-managed keys only: `{{setting}}` is not set.',
  },
  fixTitle: 'Encrypt with a customer-managed key',
  fixable: false,
  variants: [
    ...armWorkspaceVariants(arm),
    { types: { terraform: [TF_WORKSPACE, TF_HUB] }, settings: { terraform: azurerm }, recommended: { terraform: 'encryption { key_vault_id, key_id }' } },
  ],
});
