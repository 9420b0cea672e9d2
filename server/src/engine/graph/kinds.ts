// The resource types the graph and the workload rules tell apart, in ARM terms and azurerm terms.

/** azurerm types and the ARM type each one declares, for matching resources by type and name across languages. */
const AZURERM_TO_ARM: Record<string, string> = {
  azurerm_cognitive_account: 'Microsoft.CognitiveServices/accounts',
  azurerm_ai_services: 'Microsoft.CognitiveServices/accounts',
  azurerm_cognitive_deployment: 'Microsoft.CognitiveServices/accounts/deployments',
  azurerm_cognitive_account_project: 'Microsoft.CognitiveServices/accounts/projects',
  azurerm_search_service: 'Microsoft.Search/searchServices',
  azurerm_machine_learning_workspace: 'Microsoft.MachineLearningServices/workspaces',
  azurerm_ai_foundry: 'Microsoft.MachineLearningServices/workspaces',
  azurerm_ai_foundry_project: 'Microsoft.MachineLearningServices/workspaces',
  azurerm_key_vault: 'Microsoft.KeyVault/vaults',
  azurerm_key_vault_key: 'Microsoft.KeyVault/vaults/keys',
  azurerm_key_vault_secret: 'Microsoft.KeyVault/vaults/secrets',
  azurerm_private_endpoint: 'Microsoft.Network/privateEndpoints',
  azurerm_monitor_diagnostic_setting: 'Microsoft.Insights/diagnosticSettings',
  azurerm_role_assignment: 'Microsoft.Authorization/roleAssignments',
  azurerm_storage_account: 'Microsoft.Storage/storageAccounts',
  azurerm_cosmosdb_account: 'Microsoft.DocumentDB/databaseAccounts',
  azurerm_linux_web_app: 'Microsoft.Web/sites',
  azurerm_windows_web_app: 'Microsoft.Web/sites',
  azurerm_linux_function_app: 'Microsoft.Web/sites',
  azurerm_windows_function_app: 'Microsoft.Web/sites',
  azurerm_container_app: 'Microsoft.App/containerApps',
  azurerm_log_analytics_workspace: 'Microsoft.OperationalInsights/workspaces',
  azurerm_consumption_budget_subscription: 'Microsoft.Consumption/budgets',
  azurerm_consumption_budget_resource_group: 'Microsoft.Consumption/budgets',
  azurerm_consumption_budget_management_group: 'Microsoft.Consumption/budgets',
};

/** The ARM type a resource declares, lower-cased: its own type for Bicep and azapi, the equivalent for azurerm. */
export function armType(type: string): string {
  // The type tests are asked in runs about one node (`isAiAccount(t) || isSearchService(t) || …`): the last answer first.
  if (type === lastType) return lastArm;
  let arm = ARM_TYPES.get(type);
  if (arm === undefined) {
    arm = (type.includes('/') ? type : (AZURERM_TO_ARM[type] ?? type)).toLowerCase();
    // A workspace names a few hundred types at most; the bound only guards against a pathological one.
    if (ARM_TYPES.size >= 10_000) ARM_TYPES.clear();
    ARM_TYPES.set(type, arm);
  }
  lastType = type;
  lastArm = arm;
  return arm;
}

let lastType = '';
let lastArm = '';

/** `armType` by declared type: the graph and the workload rules ask for it per node and per lookup, many times per analysis. */
const ARM_TYPES = new Map<string, string>();

const is = (arm: string) => {
  const lower = arm.toLowerCase();
  return (type: string): boolean => armType(type) === lower;
};

/** Type tests by ARM type, for Bicep, azapi and azurerm types alike. */
export const isAiAccount = is('Microsoft.CognitiveServices/accounts');
export const isSearchService = is('Microsoft.Search/searchServices');
export const isMlWorkspace = is('Microsoft.MachineLearningServices/workspaces');
export const isKeyVault = is('Microsoft.KeyVault/vaults');
export const isKeyVaultKey = is('Microsoft.KeyVault/vaults/keys');
export const isPrivateEndpoint = is('Microsoft.Network/privateEndpoints');
export const isDiagnosticSetting = is('Microsoft.Insights/diagnosticSettings');
export const isRoleAssignment = is('Microsoft.Authorization/roleAssignments');
export const isBudget = is('Microsoft.Consumption/budgets');

/** Resources that hold an AI workload's models, indexes or experiments: accounts, search services, ML workspaces. */
export function isAiResource(type: string): boolean {
  return isAiAccount(type) || isSearchService(type) || isMlWorkspace(type);
}

/** azurerm resources that set a customer-managed key on another resource (`azurerm_cognitive_account_customer_managed_key`, …). */
export function isCustomerManagedKeyResource(type: string): boolean {
  return /^azurerm_.*_customer_managed_key$/.test(type);
}

/** Attribute reads that return a secret key or a connection string: key-based access to the target. */
export function readsKey(step: string): boolean {
  return (
    /^list\w*keys\(\)$/i.test(step) ||
    /^listconnectionstrings\(\)$/i.test(step) ||
    /^(primary|secondary)_(access_key|key|connection_string|blob_connection_string|shared_key|sql_connection_string|readonly_key|readonly_sql_connection_string)$/.test(step) ||
    /^(query_keys|primary_access_key|secondary_access_key|access_key|instrumentation_key|connection_string)$/.test(step)
  );
}

/** Property names (Bicep) and attribute names (Terraform) under which a resource names its encryption key. */
export function isEncryptionPath(path: string): boolean {
  return /encryption|customer_managed_key|keyvaultproperties|key_vault_key_id|keyvaulturi|keyvaultarmid|keyidentifier|keyvaultkeyuri/i.test(path);
}
