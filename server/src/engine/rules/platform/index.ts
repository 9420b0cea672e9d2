// Rules for the services around the model: AI Search, AKS, Container Registry, Key Vault, Storage, Cosmos DB, API Management, monitoring, App Service, budgets.
import type { Rule } from '../rule';
import noAcrAdminUser from './no-acr-admin-user';
import noAcrAnonymousPull from './no-acr-anonymous-pull';
import noAcrPublicNetworkAccess from './no-acr-public-network-access';
import noCosmosPublicNetworkAccess from './no-cosmos-public-network-access';
import noKeyVaultPublicNetworkAccess from './no-key-vault-public-network-access';
import noSearchFreeTier from './no-search-free-tier';
import noSearchOpenIpRules from './no-search-open-ip-rules';
import noSearchPublicNetworkAccess from './no-search-public-network-access';
import noStorageBlobPublicAccess from './no-storage-blob-public-access';
import noStoragePublicNetworkAccess from './no-storage-public-network-access';
import preferAksGpuSpotPool from './prefer-aks-gpu-spot-pool';
import preferSearchCmkEnforcement from './prefer-search-cmk-enforcement';
import preferSearchManagedIdentity from './prefer-search-managed-identity';
import preferSearchThreeReplicas from './prefer-search-three-replicas';
import preferStorageBlobVersioning from './prefer-storage-blob-versioning';
import requireAksAvailabilityZones from './require-aks-availability-zones';
import requireAksContainerInsights from './require-aks-container-insights';
import requireAksDisableLocalAccounts from './require-aks-disable-local-accounts';
import requireAksGpuPoolAutoscale from './require-aks-gpu-pool-autoscale';
import requireAksGpuPoolTaints from './require-aks-gpu-pool-taints';
import requireAksRestrictedApiServer from './require-aks-restricted-api-server';
import requireAksSlaTier from './require-aks-sla-tier';
import requireAksWorkloadIdentity from './require-aks-workload-identity';
import requireApimZoneRedundancy from './require-apim-zone-redundancy';
import requireAppInsightsDisableLocalAuth from './require-app-insights-disable-local-auth';
import requireAppInsightsWorkspace from './require-app-insights-workspace';
import requireAppServiceHttpsOnly from './require-app-service-https-only';
import requireAppServicePlanZoneRedundancy from './require-app-service-plan-zone-redundancy';
import requireCosmosContinuousBackup from './require-cosmos-continuous-backup';
import requireCosmosDisableLocalAuth from './require-cosmos-disable-local-auth';
import requireCosmosZoneRedundancy from './require-cosmos-zone-redundancy';
import requireKeyVaultPurgeProtection from './require-key-vault-purge-protection';
import requireKeyVaultRbac from './require-key-vault-rbac';
import requireLogAnalyticsDisableLocalAuth from './require-log-analytics-disable-local-auth';
import requireSearchDisableLocalAuth from './require-search-disable-local-auth';
import requireSearchReplicas from './require-search-replicas';
import requireStorageBlobSoftDelete from './require-storage-blob-soft-delete';
import requireStorageDisableSharedKey from './require-storage-disable-shared-key';
import requireStorageHttpsOnly from './require-storage-https-only';
import requireStorageZoneRedundancy from './require-storage-zone-redundancy';

/** One sorted line per rule. */
export const PLATFORM_RULES: readonly Rule[] = [
  noAcrAdminUser,
  noAcrAnonymousPull,
  noAcrPublicNetworkAccess,
  noCosmosPublicNetworkAccess,
  noKeyVaultPublicNetworkAccess,
  noSearchFreeTier,
  noSearchOpenIpRules,
  noSearchPublicNetworkAccess,
  noStorageBlobPublicAccess,
  noStoragePublicNetworkAccess,
  preferAksGpuSpotPool,
  preferSearchCmkEnforcement,
  preferSearchManagedIdentity,
  preferSearchThreeReplicas,
  preferStorageBlobVersioning,
  requireAksAvailabilityZones,
  requireAksContainerInsights,
  requireAksDisableLocalAccounts,
  requireAksGpuPoolAutoscale,
  requireAksGpuPoolTaints,
  requireAksRestrictedApiServer,
  requireAksSlaTier,
  requireAksWorkloadIdentity,
  requireApimZoneRedundancy,
  requireAppInsightsDisableLocalAuth,
  requireAppInsightsWorkspace,
  requireAppServiceHttpsOnly,
  requireAppServicePlanZoneRedundancy,
  requireCosmosContinuousBackup,
  requireCosmosDisableLocalAuth,
  requireCosmosZoneRedundancy,
  requireKeyVaultPurgeProtection,
  requireKeyVaultRbac,
  requireLogAnalyticsDisableLocalAuth,
  requireSearchDisableLocalAuth,
  requireSearchReplicas,
  requireStorageBlobSoftDelete,
  requireStorageDisableSharedKey,
  requireStorageHttpsOnly,
  requireStorageZoneRedundancy,
];
