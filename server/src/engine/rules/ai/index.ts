// Rules for Azure OpenAI, AI Services and Foundry accounts, their model deployments, content filters, projects and connections.
import type { Rule } from '../rule';
import noConnectionKeyAuth from './no-connection-key-auth';
import noDeploymentAutoUpgradeToDefault from './no-deployment-auto-upgrade-to-default';
import noDeploymentContentFilterOff from './no-deployment-content-filter-off';
import noPublicNetworkAccess from './no-public-network-access';
import noRaiPolicyAnnotateOnlyFilter from './no-rai-policy-annotate-only-filter';
import noRaiPolicyAsyncFilter from './no-rai-policy-async-filter';
import noRaiPolicyDisabledFilter from './no-rai-policy-disabled-filter';
import noRaiPolicyPromptShieldOff from './no-rai-policy-prompt-shield-off';
import preferAgentNetworkInjection from './prefer-agent-network-injection';
import preferCustomerManagedKey from './prefer-customer-managed-key';
import preferDeploymentDataZoneOrGlobal from './prefer-deployment-data-zone-or-global';
import preferRaiPolicyMediumThreshold from './prefer-rai-policy-medium-threshold';
import preferRaiPolicyProtectedMaterial from './prefer-rai-policy-protected-material';
import preferRaiPolicyTwoWayFilters from './prefer-rai-policy-two-way-filters';
import requireCustomSubdomain from './require-custom-subdomain';
import requireDeploymentCapacity from './require-deployment-capacity';
import requireDeploymentModelVersion from './require-deployment-model-version';
import requireDisableLocalAuth from './require-disable-local-auth';
import requireManagedIdentity from './require-managed-identity';
import requireNetworkAclsDeny from './require-network-acls-deny';
import requireRestrictedOutboundAccess from './require-restricted-outbound-access';

/** One sorted line per rule. */
export const AI_RULES: readonly Rule[] = [
  noConnectionKeyAuth,
  noDeploymentAutoUpgradeToDefault,
  noDeploymentContentFilterOff,
  noPublicNetworkAccess,
  noRaiPolicyAnnotateOnlyFilter,
  noRaiPolicyAsyncFilter,
  noRaiPolicyDisabledFilter,
  noRaiPolicyPromptShieldOff,
  preferAgentNetworkInjection,
  preferCustomerManagedKey,
  preferDeploymentDataZoneOrGlobal,
  preferRaiPolicyMediumThreshold,
  preferRaiPolicyProtectedMaterial,
  preferRaiPolicyTwoWayFilters,
  requireCustomSubdomain,
  requireDeploymentCapacity,
  requireDeploymentModelVersion,
  requireDisableLocalAuth,
  requireManagedIdentity,
  requireNetworkAclsDeny,
  requireRestrictedOutboundAccess,
];
