// The resource types the platform rules read, per language, and the human names their messages use.
import type { Resource } from '../../../model/types';
import { literalString } from '../../helpers/settingRule';

export const AKS_CLUSTER_TYPES = { bicep: ['Microsoft.ContainerService/managedClusters'], terraform: ['azurerm_kubernetes_cluster'] } as const;
/** A cluster and its node pools: inline pools (`agentPoolProfiles`, `default_node_pool`) and separate pool resources. */
export const AKS_POOL_TYPES = {
  bicep: ['Microsoft.ContainerService/managedClusters', 'Microsoft.ContainerService/managedClusters/agentPools'],
  terraform: ['azurerm_kubernetes_cluster', 'azurerm_kubernetes_cluster_node_pool'],
} as const;
export const ACR_TYPES = { bicep: ['Microsoft.ContainerRegistry/registries'], terraform: ['azurerm_container_registry'] } as const;
export const KEY_VAULT_TYPES = { bicep: ['Microsoft.KeyVault/vaults'], terraform: ['azurerm_key_vault'] } as const;
export const STORAGE_TYPES = { bicep: ['Microsoft.Storage/storageAccounts'], terraform: ['azurerm_storage_account'] } as const;
/** Blob soft delete and versioning: a child resource in ARM, the `blob_properties` block in azurerm. */
export const BLOB_SERVICE_TYPES = { bicep: ['Microsoft.Storage/storageAccounts/blobServices'], terraform: ['azurerm_storage_account'] } as const;
export const COSMOS_TYPES = { bicep: ['Microsoft.DocumentDB/databaseAccounts'], terraform: ['azurerm_cosmosdb_account'] } as const;
export const APIM_TYPES = { bicep: ['Microsoft.ApiManagement/service'], terraform: ['azurerm_api_management'] } as const;
export const APP_INSIGHTS_TYPES = { bicep: ['Microsoft.Insights/components'], terraform: ['azurerm_application_insights'] } as const;
export const LOG_ANALYTICS_TYPES = { bicep: ['Microsoft.OperationalInsights/workspaces'], terraform: ['azurerm_log_analytics_workspace'] } as const;
export const APP_SERVICE_PLAN_TYPES = { bicep: ['Microsoft.Web/serverfarms'], terraform: ['azurerm_service_plan'] } as const;
/** Web and function apps; azurerm splits them by operating system. */
export const WEB_APP_TYPES = {
  bicep: ['Microsoft.Web/sites'],
  terraform: ['azurerm_linux_web_app', 'azurerm_windows_web_app', 'azurerm_linux_function_app', 'azurerm_windows_function_app'],
} as const;

/** `Azure AI Search service`, the label of every search rule. */
export const searchLabel = (): string => 'Azure AI Search service';

/** Web app or function app, from the Bicep `kind` or the azurerm resource type. */
export function webAppLabel(resource: Resource): string {
  if (resource.language === 'terraform') return resource.type.includes('function_app') ? 'Function app' : 'Web app';
  return literalString(resource, ['kind'])?.toLowerCase().includes('functionapp') ? 'Function app' : 'Web app';
}

/** True for Azure GPU virtual machine sizes: the N-series families NC, ND, NG and NV (NP is FPGA, not GPU). */
export function isGpuVmSize(vmSize: string): boolean {
  return /^standard_n[cdgv]/i.test(vmSize);
}

/**
 * True for an AKS Automatic cluster (Bicep `sku.name: 'Automatic'`), which comes with the Standard tier, Microsoft Entra ID
 * with local accounts off, and workload identity preconfigured. azurerm models it as a separate resource type.
 */
export function isAksAutomatic(resource: Resource): boolean {
  return resource.language === 'bicep' && literalString(resource, ['sku', 'name'])?.toLowerCase() === 'automatic';
}
