// Rules for Azure Machine Learning and Foundry hub workspaces, their computes, and managed online endpoints.
import type { Rule } from '../rule';
import noMlComputeNodePublicIp from './no-ml-compute-node-public-ip';
import noMlComputePublicSsh from './no-ml-compute-public-ssh';
import noMlEndpointKeyAuth from './no-ml-endpoint-key-auth';
import noMlEndpointPublicNetworkAccess from './no-ml-endpoint-public-network-access';
import noMlWorkspacePublicAccessBehindVnet from './no-ml-workspace-public-access-behind-vnet';
import noMlWorkspacePublicNetworkAccess from './no-ml-workspace-public-network-access';
import noMlWorkspaceV1LegacyMode from './no-ml-workspace-v1-legacy-mode';
import preferMlClusterLowPriority from './prefer-ml-cluster-low-priority';
import preferMlClusterShortIdleScaleDown from './prefer-ml-cluster-short-idle-scale-down';
import preferMlDeploymentDataCollector from './prefer-ml-deployment-data-collector';
import preferMlWorkspaceApprovedOutboundOnly from './prefer-ml-workspace-approved-outbound-only';
import preferMlWorkspaceCustomerManagedKey from './prefer-ml-workspace-customer-managed-key';
import preferMlWorkspaceHighBusinessImpact from './prefer-ml-workspace-high-business-impact';
import preferMlWorkspaceIdentityDatastoreAuth from './prefer-ml-workspace-identity-datastore-auth';
import preferMlWorkspaceUserAssignedIdentity from './prefer-ml-workspace-user-assigned-identity';
import requireMlClusterScaleToZero from './require-ml-cluster-scale-to-zero';
import requireMlComputeDisableLocalAuth from './require-ml-compute-disable-local-auth';
import requireMlComputeInstanceIdleShutdown from './require-ml-compute-instance-idle-shutdown';
import requireMlComputeSubnet from './require-ml-compute-subnet';
import requireMlDeploymentAppInsights from './require-ml-deployment-app-insights';
import requireMlDeploymentMultipleInstances from './require-ml-deployment-multiple-instances';
import requireMlWorkspaceManagedNetwork from './require-ml-workspace-managed-network';

/** One sorted line per rule. */
export const ML_RULES: readonly Rule[] = [
  noMlComputeNodePublicIp,
  noMlComputePublicSsh,
  noMlEndpointKeyAuth,
  noMlEndpointPublicNetworkAccess,
  noMlWorkspacePublicAccessBehindVnet,
  noMlWorkspacePublicNetworkAccess,
  noMlWorkspaceV1LegacyMode,
  preferMlClusterLowPriority,
  preferMlClusterShortIdleScaleDown,
  preferMlDeploymentDataCollector,
  preferMlWorkspaceApprovedOutboundOnly,
  preferMlWorkspaceCustomerManagedKey,
  preferMlWorkspaceHighBusinessImpact,
  preferMlWorkspaceIdentityDatastoreAuth,
  preferMlWorkspaceUserAssignedIdentity,
  requireMlClusterScaleToZero,
  requireMlComputeDisableLocalAuth,
  requireMlComputeInstanceIdleShutdown,
  requireMlComputeSubnet,
  requireMlDeploymentAppInsights,
  requireMlDeploymentMultipleInstances,
  requireMlWorkspaceManagedNetwork,
];
