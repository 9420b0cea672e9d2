// Sorts resource types into the map's categories with a label a person reads, in Bicep (ARM), azapi and azurerm terms alike.
import { armType, isAiAccount, isMlWorkspace, isSearchService } from '../graph/kinds';
import type { Resource } from '../model/types';
import { webAppLabel } from '../rules/platform/shared/resources';
import { aiLabel } from '../rules/workload/shared/resources';
import type { MapCategory } from './types';

/** How the map shows a resource type: a box of a category, a connection (a connector resource), or not at all. */
export type Placement = { show: 'node'; category: MapCategory; label: string } | { show: 'connector' } | { show: 'hidden' };

/** One row of the table: a test on the lower-cased ARM type (or azurerm type), the category and the label. */
type Row = readonly [RegExp, MapCategory, string | ((resource: Resource) => string)];

/**
 * Tested in order against the ARM type (`microsoft.cognitiveservices/accounts/deployments`) and the declared type
 * (`azurerm_cognitive_deployment`); the first match wins, so children come before their parents' broader patterns.
 */
const ROWS: readonly Row[] = [
  [/^microsoft\.cognitiveservices\/accounts\/deployments$|^azurerm_cognitive_deployment$/, 'model', 'Model deployment'],
  [/^microsoft\.cognitiveservices\/accounts\/raipolicies$|^azurerm_cognitive_account_rai_policy$/, 'model', 'Content filter policy'],
  [/^microsoft\.cognitiveservices\/accounts\/projects$|^azurerm_cognitive_account_project$/, 'ai', 'Foundry project'],
  [/^microsoft\.cognitiveservices\/accounts\/.*connections$|^azurerm_cognitive_account_connection/, 'ai', 'Foundry connection'],
  [/^microsoft\.cognitiveservices\/accounts\//, 'ai', (r) => `AI account ${childWords(r.type)}`],
  [/^microsoft\.search\/searchservices\//, 'search', (r) => `AI Search ${childWords(r.type)}`],
  [/^microsoft\.machinelearningservices\/workspaces\/computes$|^azurerm_machine_learning_compute_/, 'compute', 'ML compute'],
  [/^microsoft\.machinelearningservices\/workspaces\/onlineendpoints\/deployments$/, 'ml', 'ML online deployment'],
  [/^microsoft\.machinelearningservices\/workspaces\/onlineendpoints$/, 'ml', 'ML online endpoint'],
  [/^microsoft\.machinelearningservices\/workspaces\/.*connections$/, 'ml', 'ML connection'],
  [/^microsoft\.machinelearningservices\//, 'ml', (r) => `ML ${childWords(r.type)}`],
  [/^microsoft\.containerservice\/managedclusters\/agentpools$|^azurerm_kubernetes_cluster_node_pool$/, 'compute', 'AKS node pool'],
  [/^microsoft\.containerservice\/managedclusters$|^azurerm_kubernetes_cluster$/, 'compute', 'AKS cluster'],
  [/^microsoft\.containerregistry\/registries$|^azurerm_container_registry$/, 'compute', 'Container registry'],
  [/^microsoft\.compute\/virtualmachines|^azurerm_(linux|windows)_virtual_machine/, 'compute', 'Virtual machine'],
  [/^microsoft\.apimanagement\/service$|^azurerm_api_management$/, 'gateway', 'API Management'],
  [/^microsoft\.apimanagement\/|^azurerm_api_management_/, 'gateway', (r) => `API Management ${childWords(r.type)}`],
  [/^microsoft\.network\/applicationgateways$|^azurerm_application_gateway$/, 'gateway', 'Application Gateway'],
  [/^microsoft\.cdn\/profiles$|^azurerm_cdn_frontdoor_profile$/, 'gateway', 'Front Door'],
  [/^microsoft\.web\/serverfarms$|^azurerm_(service_plan|app_service_plan)$/, 'app', 'App Service plan'],
  [/^microsoft\.web\/sites$|^azurerm_(linux|windows)_(web|function)_app$/, 'app', (r) => webAppLabel(r)],
  [/^microsoft\.web\/sites\//, 'app', 'App setting'],
  [/^microsoft\.web\/staticsites$|^azurerm_static_web_app$/, 'app', 'Static web app'],
  [/^microsoft\.app\/managedenvironments$|^azurerm_container_app_environment$/, 'app', 'Container Apps environment'],
  [/^microsoft\.app\/containerapps$|^azurerm_container_app$/, 'app', 'Container app'],
  [/^microsoft\.storage\/storageaccounts$|^azurerm_storage_account$/, 'data', 'Storage account'],
  [/^microsoft\.storage\/|^azurerm_storage_/, 'data', (r) => `Storage ${childWords(r.type)}`],
  [/^microsoft\.documentdb\/databaseaccounts$|^azurerm_cosmosdb_account$/, 'data', 'Cosmos DB account'],
  [/^microsoft\.documentdb\/|^azurerm_cosmosdb_/, 'data', (r) => `Cosmos DB ${childWords(r.type)}`],
  [/^microsoft\.sql\/|^azurerm_(mssql|sql)_/, 'data', 'SQL'],
  [/^microsoft\.dbforpostgresql\/|^azurerm_postgresql_/, 'data', 'PostgreSQL'],
  [/^microsoft\.cache\/|^azurerm_redis_/, 'data', 'Redis cache'],
  [/^microsoft\.eventhub\/|^azurerm_eventhub/, 'data', 'Event Hubs'],
  [/^microsoft\.keyvault\/vaults\/keys$|^azurerm_key_vault_key$/, 'security', 'Key Vault key'],
  [/^microsoft\.keyvault\/vaults\/secrets$|^azurerm_key_vault_secret$/, 'security', 'Key Vault secret'],
  [/^microsoft\.keyvault\/vaults$|^azurerm_key_vault$/, 'security', 'Key Vault'],
  [/^microsoft\.keyvault\/|^azurerm_key_vault_/, 'security', (r) => `Key Vault ${childWords(r.type)}`],
  [/^microsoft\.managedidentity\/userassignedidentities$|^azurerm_user_assigned_identity$/, 'security', 'Managed identity'],
  [/^microsoft\.operationalinsights\/workspaces$|^azurerm_log_analytics_workspace$/, 'monitoring', 'Log Analytics workspace'],
  [/^microsoft\.insights\/components$|^azurerm_application_insights$/, 'monitoring', 'Application Insights'],
  [/^microsoft\.insights\/|^azurerm_monitor_/, 'monitoring', 'Monitoring'],
  [/^microsoft\.network\/virtualnetworks\/subnets$|^azurerm_subnet$/, 'network', 'Subnet'],
  [/^microsoft\.network\/virtualnetworks$|^azurerm_virtual_network$/, 'network', 'Virtual network'],
  [/^microsoft\.network\/privatednszones$|^azurerm_private_dns_zone$/, 'network', 'Private DNS zone'],
  [/^microsoft\.network\/privatednszones\/virtualnetworklinks$|^azurerm_private_dns_zone_virtual_network_link$/, 'network', 'DNS zone link'],
  [/^microsoft\.network\/|^azurerm_(network|subnet|public_ip|nat|firewall|route)/, 'network', 'Network'],
  [/^microsoft\.consumption\/budgets$|^azurerm_consumption_budget_/, 'cost', 'Budget'],
];

/** Resources drawn as connections between the resources they join, rather than as boxes. */
const CONNECTORS = [
  /^microsoft\.network\/privateendpoints$/,
  /^microsoft\.insights\/diagnosticsettings$/,
  /^microsoft\.authorization\/roleassignments$/,
  /^azurerm_.*_customer_managed_key$/,
  /^azurerm_(private_endpoint|monitor_diagnostic_setting|role_assignment)$/,
];

/**
 * Containers of everything rather than parts of the workload (a resource group would connect to every Terraform resource),
 * and provider data that is not a resource.
 */
const HIDDEN = [/^microsoft\.resources\/resourcegroups$/, /^microsoft\.network\/privateendpoints\//, /^azurerm_resource_group$/, /^azurerm_(client_config|subscription)$/, /^microsoft\.authorization\/roledefinitions$/];

/** Where a resource goes on the map. */
export function placementOf(resource: Resource): Placement {
  const declared = resource.type.toLowerCase();
  const arm = armType(resource.type);
  const matches = (re: RegExp): boolean => re.test(arm) || re.test(declared);
  if (CONNECTORS.some(matches)) return { show: 'connector' };
  if (HIDDEN.some(matches)) return { show: 'hidden' };
  // The rules' own labels tell an Azure OpenAI account from an AI Services one and a Foundry hub from an ML workspace.
  if (isAiAccount(resource.type)) return { show: 'node', category: 'ai', label: aiLabel(resource) };
  if (isSearchService(resource.type)) return { show: 'node', category: 'search', label: 'Azure AI Search' };
  if (isMlWorkspace(resource.type) || /^azurerm_(machine_learning_workspace|ai_foundry)$/.test(declared)) return { show: 'node', category: 'ml', label: aiLabel(resource) };
  for (const [test, category, label] of ROWS) if (matches(test)) return { show: 'node', category, label: typeof label === 'string' ? label : label(resource) };
  return { show: 'node', category: 'other', label: shortType(resource.type) };
}

/**
 * A child type in words: the last segment of an ARM type, singular and spaced (`sqlDatabases` → `sql database`), or an
 * azurerm type without its service's prefix (`azurerm_cosmosdb_sql_container` → `sql container`).
 */
function childWords(type: string): string {
  if (type.includes('/')) {
    const last = type.split('@')[0]!.split('/').pop()!;
    return last.replace(/ies$/, 'y').replace(/([^s])s$/, '$1').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  }
  return type.replace(/^azurerm_(storage|cosmosdb|key_vault|api_management)_/, '').replace(/_/g, ' ');
}

/** `Microsoft.Foo/bars` → `bars`, `azurerm_foo_bar` → `foo bar`: a readable stand-in for a type the table does not know. */
function shortType(type: string): string {
  if (type.includes('/')) return type.split('@')[0]!.split('/').slice(1).join('/');
  return type.replace(/^azurerm_|^azapi_/, '').replace(/_/g, ' ');
}

/** The order in which categories are stacked from top to bottom: the way in, what callers reach first, down to what serves everything. */
export const CATEGORY_TIERS: readonly (readonly MapCategory[])[] = [
  // The network first: private endpoints join it to AI services, data and vaults below, so its lines run downwards.
  ['network'],
  ['gateway', 'app'],
  ['ai', 'search', 'ml'],
  ['model', 'compute'],
  ['data'],
  ['security'],
  ['monitoring', 'cost'],
  ['other', 'module'],
];

/** A category's title, for groups by category and for the legend. */
export const CATEGORY_TITLES: Readonly<Record<MapCategory, string>> = {
  gateway: 'Gateways',
  app: 'Apps',
  ai: 'AI services',
  search: 'Search',
  ml: 'Machine learning',
  model: 'Models',
  compute: 'Compute',
  data: 'Data',
  security: 'Keys and identities',
  monitoring: 'Monitoring',
  network: 'Network',
  cost: 'Cost',
  module: 'Modules not analysed',
  other: 'Other',
};
