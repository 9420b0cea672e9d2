// Azure Machine Learning workspaces can reach their default storage with Microsoft Entra identities, not the storage account key.
import { variantRule } from './shared/variantRule';
import { armWorkspaceVariants, stringIn, TF_WORKSPACE, workspaceLabel } from './shared/resources';

// Both the service and azurerm default to `AccessKey`. `UserDelegationSAS` is signed with Entra credentials, so it
// also lets the storage account turn shared keys off. azurerm accepts only `AccessKey` and `Identity`, and
// `azurerm_ai_foundry` has no such argument. Projects use their hub's storage. A note, not a warning: Microsoft still
// documents workspaces on storage with shared keys disabled as a preview.
const arm = { path: ['properties', 'systemDatastoresAuthMode'], isAligned: stringIn('identity', 'userdelegationsas'), absentIsAligned: false, fixValue: 'Identity' };
const azurerm = { path: ['storage_account_access_type'], isAligned: stringIn('identity'), absentIsAligned: false, fixValue: 'Identity' };

export default variantRule({
  id: 'prefer-ml-workspace-identity-datastore-auth',
  label: workspaceLabel,
  messages: {
    misaligned: '{{label}} "{{name}}" reaches its default storage with the account key: `{{setting}}` is {{value}}.',
    absent: '{{label}} "{{name}}" reaches its default storage with the account key: `{{setting}}` is not set, and the key is used by default.',
  },
  fixTitle: 'Access the default storage with identities',
  variants: [
    ...armWorkspaceVariants(arm),
    { types: { terraform: [TF_WORKSPACE] }, settings: { terraform: azurerm } },
  ],
});
