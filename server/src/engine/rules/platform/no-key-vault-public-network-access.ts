// A Key Vault that holds the workload's keys and secrets should not accept traffic from any network: close public access or deny by default.
import { publicAccessRule } from './shared/publicAccess';
import { KEY_VAULT_TYPES } from './shared/resources';

// ARM: `publicNetworkAccess` defaults to enabled and `networkAcls.defaultAction` to Allow; azurerm: `public_network_access_enabled`
// defaults to true and `network_acls` is optional.
export default publicAccessRule({
  id: 'no-key-vault-public-network-access',
  resourceTypes: KEY_VAULT_TYPES,
  label: 'Key Vault',
  defaultAction: { bicep: ['properties', 'networkAcls', 'defaultAction'], terraform: ['network_acls', 'default_action'] },
});
