// A Storage account that holds training data, documents to index or agent files should not accept traffic from any network.
import { publicAccessRule } from './shared/publicAccess';
import { STORAGE_TYPES } from './shared/resources';

// ARM: `publicNetworkAccess` unset leaves the firewall in charge, whose `defaultAction` defaults to Allow.
// azurerm: `public_network_access_enabled` defaults to true; the firewall is `network_rules` or a separate
// `azurerm_storage_account_network_rules` resource.
export default publicAccessRule({
  id: 'no-storage-public-network-access',
  resourceTypes: STORAGE_TYPES,
  label: 'Storage account',
  defaultAction: { bicep: ['properties', 'networkAcls', 'defaultAction'], terraform: ['network_rules', 'default_action'] },
  separateRules: { type: 'azurerm_storage_account_network_rules', accountAttribute: 'storage_account_id', defaultAction: 'default_action' },
});
