// Generates realistic Terraform files for AI workloads on azurerm (and azapi where azurerm has no resource).
import { code, flag, Writer } from './code';
import { Rng } from './prng';

/** A resource declared earlier in the file that later units can point at. */
interface Target {
  /** The address plus any index, e.g. `azurerm_search_service.search_3[0]`. */
  ref: string;
  subresource: string;
  zone: string;
}

interface State {
  rng: Rng;
  w: Writer;
  unit: number;
  targets: Target[];
  openAiAccounts: string[];
  outputs: string[];
}

type Unit = (s: State, n: number) => void;

const MODELS: readonly (readonly [string, string, number])[] = [
  ['gpt-4o', '2024-08-06', 30],
  ['gpt-4o-mini', '2024-07-18', 60],
  ['text-embedding-3-large', '1', 120],
  ['o3-mini', '2025-01-31', 20],
];

function header(s: State): void {
  const { rng, w } = s;
  w.block(code`
    # AI workload: model endpoint, retrieval and the services around them.
    terraform {
      required_version = ">= 1.9"
      required_providers {
        azurerm = {
          source  = "hashicorp/azurerm"
          version = "~> 4.20"
        }
        azapi = {
          source  = "Azure/azapi"
          version = ">= 2.0, < 3.0"
        }
      }
    }

    provider "azurerm" {
      features {
        key_vault {
          purge_soft_delete_on_destroy = false
        }
      }
      storage_use_azuread = true
    }

    data "azurerm_client_config" "current" {}

    variable "location" {
      type        = string
      description = "Azure region for every resource."
      default     = "${rng.pick(['swedencentral', 'eastus2', 'francecentral'])}"
    }

    variable "name_prefix" {
      type        = string
      description = "Short prefix for every resource name."

      validation {
        condition     = can(regex("^[a-z][a-z0-9]{2,10}$", var.name_prefix))
        error_message = "The prefix must be 3 to 11 lower-case letters or digits, starting with a letter."
      }
    }

    variable "resource_group_name" {
      type = string
    }

    variable "environment" {
      type    = string
      default = "dev"
      validation {
        condition     = contains(["dev", "test", "prod"], var.environment)
        error_message = "Use dev, test or prod."
      }
    }

    variable "tags" {
      type    = map(string)
      default = {}
    }
  `);
}

function target(s: State): Target {
  if (s.targets.length === 0) existing(s, ++s.unit);
  return s.rng.pick(s.targets);
}

const openAi: Unit = (s, n) => {
  const { rng, w } = s;
  const models = rng.sample(MODELS, rng.int(1, 4));
  const keys = rng.chance(0.25);
  w.block(code`
    variable "deployments_${n}" {
      description = "Model deployments on the Azure OpenAI account."
      type = map(object({
        model_name    = string
        model_version = string
        sku_name      = optional(string, "GlobalStandard")
        capacity      = optional(number, 10)
      }))
      default = {
        ${models.map(
          ([name, version, capacity]) => code`
            "${name}" = {
              model_name    = "${name}"
              model_version = "${version}"
              capacity      = ${capacity}
            }`,
        )}
      }

      validation {
        condition     = alltrue([for d in values(var.deployments_${n}) : d.capacity > 0])
        error_message = "Every deployment needs a capacity of at least 1."
      }
    }

    variable "cmk_key_id_${n}" {
      type     = string
      default  = null
      nullable = true
    }

    // Azure OpenAI account ${n}.
    resource "azurerm_cognitive_account" "openai_${n}" {
      name                          = "\${var.name_prefix}-aoai-${n}"
      location                      = var.location
      resource_group_name           = var.resource_group_name
      kind                          = "${rng.pick(['OpenAI', 'OpenAI', 'AIServices'])}"
      sku_name                      = "S0"
      custom_subdomain_name         = lower("\${var.name_prefix}-aoai-${n}")
      local_auth_enabled            = ${flag(keys)}
      public_network_access_enabled = ${rng.chance(0.3) ? 'var.environment != "prod"' : 'false'}
      ${rng.chance(0.5) && 'outbound_network_access_restricted = true'}
      ${rng.chance(0.5) && 'fqdns = ["${var.name_prefix}.blob.core.windows.net", "${var.name_prefix}.search.windows.net"]'}
      tags                          = var.tags

      identity {
        type = "SystemAssigned"
      }

      network_acls {
        default_action = "Deny"
        ip_rules       = []
      }

      dynamic "customer_managed_key" {
        for_each = var.cmk_key_id_${n} == null ? [] : [var.cmk_key_id_${n}]
        content {
          key_vault_key_id = customer_managed_key.value
        }
      }

      lifecycle {
        ignore_changes = [tags["created_on"]]
      }
    }

    resource "azurerm_cognitive_deployment" "openai_${n}" {
      for_each               = var.deployments_${n}
      name                   = each.key
      cognitive_account_id   = azurerm_cognitive_account.openai_${n}.id
      ${rng.chance(0.7) && 'rai_policy_name        = "Microsoft.DefaultV2"'}
      ${rng.chance(0.6) && `version_upgrade_option = "${rng.pick(['NoAutoUpgrade', 'OnceCurrentVersionExpired', 'OnceNewDefaultVersionAvailable'])}"`}

      model {
        format  = "OpenAI"
        name    = each.value.model_name
        version = each.value.model_version
      }

      sku {
        name     = each.value.sku_name
        capacity = each.value.capacity
      }
    }
  `);
  s.targets.push({ ref: `azurerm_cognitive_account.openai_${n}`, subresource: 'account', zone: 'privatelink.openai.azure.com' });
  s.openAiAccounts.push(`azurerm_cognitive_account.openai_${n}`);
  s.outputs.push(code`
    output "openai_endpoint_${n}" {
      description = "The endpoint the app calls."
      value       = azurerm_cognitive_account.openai_${n}.endpoint
    }`);
  s.outputs.push(code`
    output "deployment_ids_${n}" {
      value = { for k, d in azurerm_cognitive_deployment.openai_${n} : k => d.id }
    }`);
};

const search: Unit = (s, n) => {
  const { rng, w } = s;
  w.block(code`
    variable "enable_search_${n}" {
      type    = bool
      default = true
    }

    resource "azurerm_search_service" "search_${n}" {
      count                         = var.enable_search_${n} ? 1 : 0
      name                          = "\${var.name_prefix}-srch-${n}"
      resource_group_name           = var.resource_group_name
      location                      = var.location
      sku                           = var.environment == "prod" ? "standard2" : "${rng.pick(['basic', 'standard'])}"
      replica_count                 = var.environment == "prod" ? 3 : 1
      partition_count               = 1
      local_authentication_enabled  = ${flag(rng.chance(0.3))}
      public_network_access_enabled = ${flag(rng.chance(0.3))}
      semantic_search_sku           = "standard"

      identity {
        type = "SystemAssigned"
      }
    }
  `);
  s.targets.push({ ref: `azurerm_search_service.search_${n}[0]`, subresource: 'searchService', zone: 'privatelink.search.windows.net' });
  s.outputs.push(code`
    output "search_name_${n}" {
      value = one(azurerm_search_service.search_${n}[*].name)
    }`);
};

const storage: Unit = (s, n) => {
  const { rng, w } = s;
  const containers = rng.sample(['documents', 'chunks', 'evaluations', 'prompts', 'uploads'], rng.int(2, 5));
  w.block(code`
    resource "azurerm_storage_account" "docs_${n}" {
      name                            = substr(replace(lower("\${var.name_prefix}docs${n}"), "-", ""), 0, 24)
      resource_group_name             = var.resource_group_name
      location                        = var.location
      account_tier                    = "Standard"
      account_replication_type        = var.environment == "prod" ? "ZRS" : "LRS"
      min_tls_version                 = "TLS1_2"
      allow_nested_items_to_be_public = false
      shared_access_key_enabled       = ${flag(rng.chance(0.3))}
      public_network_access_enabled   = false

      blob_properties {
        versioning_enabled = true

        delete_retention_policy {
          days = ${rng.pick([7, 14, 30])}
        }
      }

      network_rules {
        default_action = "Deny"
        bypass         = ["AzureServices"]
      }

      tags = merge(var.tags, {
        purpose = "documents"
      })
    }

    resource "azurerm_storage_container" "docs_${n}" {
      for_each              = toset([${containers.map((c) => `"${c}"`).join(', ')}])
      name                  = each.value
      storage_account_id    = azurerm_storage_account.docs_${n}.id
      container_access_type = "private"
    }
  `);
  s.targets.push({ ref: `azurerm_storage_account.docs_${n}`, subresource: 'blob', zone: 'privatelink.blob.core.windows.net' });
  s.outputs.push(code`
    output "container_ids_${n}" {
      value = values(azurerm_storage_container.docs_${n})[*].id
    }`);
};

const keyVault: Unit = (s, n) => {
  const { rng, w } = s;
  w.block(code`
    variable "app_secret_${n}" {
      type      = string
      sensitive = true
    }

    resource "azurerm_key_vault" "vault_${n}" {
      name                          = "\${var.name_prefix}-kv-${n}"
      location                      = var.location
      resource_group_name           = var.resource_group_name
      tenant_id                     = data.azurerm_client_config.current.tenant_id
      sku_name                      = "${rng.pick(['standard', 'premium'])}"
      rbac_authorization_enabled    = true
      purge_protection_enabled      = ${flag(rng.chance(0.7))}
      soft_delete_retention_days    = 90
      public_network_access_enabled = false

      network_acls {
        default_action = "Deny"
        bypass         = "AzureServices"
        ip_rules       = []
      }
    }

    resource "azurerm_key_vault_secret" "app_${n}" {
      name         = "app-secret"
      value        = var.app_secret_${n}
      key_vault_id = azurerm_key_vault.vault_${n}.id
      content_type = "text/plain"
    }
  `);
  s.targets.push({ ref: `azurerm_key_vault.vault_${n}`, subresource: 'vault', zone: 'privatelink.vaultcore.azure.net' });
};

const cosmos: Unit = (s, n) => {
  const { rng, w } = s;
  w.block(code`
    variable "cosmos_regions_${n}" {
      type    = list(string)
      default = ["swedencentral", "${rng.pick(['norwayeast', 'westeurope', 'francecentral'])}"]
    }

    resource "azurerm_cosmosdb_account" "chat_${n}" {
      name                          = "\${var.name_prefix}-cosmos-${n}"
      location                      = var.location
      resource_group_name           = var.resource_group_name
      offer_type                    = "Standard"
      kind                          = "GlobalDocumentDB"
      local_authentication_disabled = ${flag(rng.chance(0.7))}
      public_network_access_enabled = false

      consistency_policy {
        consistency_level = "Session"
      }

      dynamic "geo_location" {
        for_each = { for i, region in var.cosmos_regions_${n} : region => i }
        content {
          location          = geo_location.key
          failover_priority = geo_location.value
          zone_redundant    = var.environment == "prod"
        }
      }

      backup {
        type = "Continuous"
        tier = "Continuous7Days"
      }
    }

    resource "azurerm_cosmosdb_sql_database" "chat_${n}" {
      name                = "chat"
      resource_group_name = var.resource_group_name
      account_name        = azurerm_cosmosdb_account.chat_${n}.name
    }

    resource "azurerm_cosmosdb_sql_container" "history_${n}" {
      name                = "history"
      resource_group_name = var.resource_group_name
      account_name        = azurerm_cosmosdb_account.chat_${n}.name
      database_name       = azurerm_cosmosdb_sql_database.chat_${n}.name
      partition_key_paths = ["/sessionId"]
      default_ttl         = ${rng.pick([86400, 604800, 2592000])}
    }
  `);
  s.targets.push({ ref: `azurerm_cosmosdb_account.chat_${n}`, subresource: 'Sql', zone: 'privatelink.documents.azure.com' });
};

const appService: Unit = (s, n) => {
  const { rng, w } = s;
  const account = s.openAiAccounts.length > 0 ? rng.pick(s.openAiAccounts) : undefined;
  w.block(code`
    resource "azurerm_service_plan" "plan_${n}" {
      name                   = "\${var.name_prefix}-plan-${n}"
      resource_group_name    = var.resource_group_name
      location               = var.location
      os_type                = "Linux"
      sku_name               = var.environment == "prod" ? "P1v3" : "B1"
      worker_count           = var.environment == "prod" ? 3 : 1
      zone_balancing_enabled = var.environment == "prod"
    }

    resource "azurerm_linux_web_app" "api_${n}" {
      name                = "\${var.name_prefix}-api-${n}"
      resource_group_name = var.resource_group_name
      location            = var.location
      service_plan_id     = azurerm_service_plan.plan_${n}.id
      https_only          = true

      identity {
        type = "SystemAssigned"
      }

      site_config {
        always_on           = true
        ftps_state          = "Disabled"
        minimum_tls_version = "1.2"
        app_command_line    = "gunicorn --bind=0.0.0.0 --timeout 600 app:app"

        application_stack {
          python_version = "3.11"
        }
      }

      app_settings = {
        AZURE_OPENAI_ENDPOINT        = ${account ? `${account}.endpoint` : '"https://${var.name_prefix}.openai.azure.com/"'}
        AZURE_OPENAI_CHAT_DEPLOYMENT = "gpt-4o"
        "AZURE_SEARCH_INDEX"         = "docs-\${var.environment}"
        SYSTEM_PROMPT                = "You answer from the documents only.\\nIf they do not say, reply \\"I don't know\\"."
        ${rng.chance(0.3) && account && `AZURE_OPENAI_API_KEY = ${account}.primary_access_key`}
      }
    }
  `);
  s.targets.push({ ref: `azurerm_linux_web_app.api_${n}`, subresource: 'sites', zone: 'privatelink.azurewebsites.net' });
  s.outputs.push(code`
    output "app_url_${n}" {
      value = "https://\${azurerm_linux_web_app.api_${n}.default_hostname}"
    }`);
};

const privateEndpoint: Unit = (s, n) => {
  const t = target(s);
  s.w.block(code`
    variable "private_endpoint_subnet_id_${n}" {
      type        = string
      description = "Subnet that holds the private endpoints."
    }

    resource "azurerm_private_endpoint" "pe_${n}" {
      name                = "\${var.name_prefix}-pe-${n}"
      location            = var.location
      resource_group_name = var.resource_group_name
      subnet_id           = var.private_endpoint_subnet_id_${n}
      tags                = var.tags

      private_service_connection {
        name                           = "pe-${n}-connection"
        private_connection_resource_id = ${t.ref}.id
        subresource_names              = ["${t.subresource}"]
        is_manual_connection           = false
      }

      private_dns_zone_group {
        name                 = "default"
        private_dns_zone_ids = ["/subscriptions/\${data.azurerm_client_config.current.subscription_id}/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/${t.zone}"]
      }
    }
  `);
};

const diagnostics: Unit = (s, n) => {
  const t = target(s);
  s.w.block(code`
    variable "log_analytics_workspace_id_${n}" {
      type    = string
      default = null
    }

    resource "azurerm_monitor_diagnostic_setting" "diag_${n}" {
      count                      = var.log_analytics_workspace_id_${n} == null ? 0 : 1
      name                       = "send-to-log-analytics"
      target_resource_id         = ${t.ref}.id
      log_analytics_workspace_id = var.log_analytics_workspace_id_${n}

      dynamic "enabled_log" {
        for_each = toset(["Audit", "RequestResponse", "AzureOpenAIRequestUsage"])
        content {
          category = enabled_log.value
        }
      }

      enabled_metric {
        category = "AllMetrics"
      }
    }
  `);
};

const roleAssignments: Unit = (s, n) => {
  const t = target(s);
  s.w.block(code`
    variable "callers_${n}" {
      type = list(object({
        name           = string
        principal_id   = string
        principal_type = optional(string)
        enabled        = optional(bool, true)
      }))
      default = []
    }

    locals {
      callers_${n} = {
        for caller in var.callers_${n} : caller.name => caller
        if caller.enabled
      }
    }

    resource "azurerm_role_assignment" "callers_${n}" {
      for_each             = local.callers_${n}
      scope                = ${t.ref}.id
      role_definition_name = "${s.rng.pick(['Cognitive Services OpenAI User', 'Search Index Data Reader', 'Storage Blob Data Reader', 'Contributor'])}"
      principal_id         = each.value.principal_id
      principal_type       = coalesce(each.value.principal_type, "ServicePrincipal")
    }
  `);
};

const modules: Unit = (s, n) => {
  const { rng, w } = s;
  w.block(code`
    module "network_${n}" {
      source  = "Azure/avm-res-network-virtualnetwork/azurerm"
      version = "~> 0.7"
      count   = var.environment == "dev" ? 0 : 1

      name                = "\${var.name_prefix}-vnet-${n}"
      resource_group_name = var.resource_group_name
      location            = var.location
      address_space       = ["10.${n % 250}.0.0/16"]

      subnets = {
        private_endpoints = {
          name             = "private-endpoints"
          address_prefixes = ["10.${n % 250}.1.0/24"]
        }
        ${rng.chance(0.5) && code`
          apps = {
            name             = "apps"
            address_prefixes = ["10.${n % 250}.2.0/24"]
            delegation = [{
              name = "web"
              service_delegation = {
                name = "Microsoft.Web/serverFarms"
              }
            }]
          }`}
      }
    }
  `);
  s.outputs.push(code`
    output "vnet_id_${n}" {
      value = try(module.network_${n}[0].resource_id, null)
    }`);
};

const locals: Unit = (s, n) => {
  const { rng, w } = s;
  w.block(code`
    locals {
      # Kept beside the code so that reviews see prompt changes.
      system_prompt_${n} = <<-EOT
        You are an assistant for the \${var.name_prefix} support team.
        %{for topic in local.topics_${n}~}
        - Answer questions about \${topic}.
        %{endfor~}
        Say "I don't know" when the documents do not answer.
      EOT

      topics_${n} = ["billing", "accounts", "${rng.pick(['outages', 'pricing', 'security'])}"]
      models_${n} = [
        { name = "gpt-4o", version = "2024-08-06", enabled = true },
        { name = "text-embedding-3-large", version = "1", enabled = ${flag(rng.chance(0.5))} },
      ]
      model_versions_${n} = { for m in local.models_${n} : m.name => m.version if m.enabled }
      model_names_${n}    = [for m in local.models_${n} : upper(m.name)]
      is_prod_${n}        = var.environment == "prod" && !startswith(var.name_prefix, "tmp")
      literal_${n}        = "Costs are shown as $\${amount} and %%{literal} in the report."
      chunk_size_${n}     = local.is_prod_${n} ? 1024 : (var.environment == "test" ? 768 : 512) * 2 - 1 % 3
      window_${n}         = -1 * ${rng.int(1, 9)} + length(local.topics_${n}) >= 2 || false
    }
  `);
  s.outputs.push(code`
    output "model_versions_${n}" {
      value = local.model_versions_${n}
    }`);
};

const hub: Unit = (s, n) => {
  const { rng, w } = s;
  const storageTarget = s.targets.find((t) => t.ref.startsWith('azurerm_storage_account.'));
  const vaultTarget = s.targets.find((t) => t.ref.startsWith('azurerm_key_vault.'));
  w.block(code`
    resource "azurerm_ai_foundry" "hub_${n}" {
      name                  = "\${var.name_prefix}-hub-${n}"
      location              = var.location
      resource_group_name   = var.resource_group_name
      storage_account_id    = ${storageTarget ? `${storageTarget.ref}.id` : 'var.storage_account_id'}
      key_vault_id          = ${vaultTarget ? `${vaultTarget.ref}.id` : 'var.key_vault_id'}
      public_network_access = "${rng.pick(['Disabled', 'Enabled'])}"

      identity {
        type = "SystemAssigned"
      }

      managed_network {
        isolation_mode = "${rng.pick(['AllowOnlyApprovedOutbound', 'AllowInternetOutbound', 'Disabled'])}"
      }
    }

    resource "azurerm_ai_foundry_project" "project_${n}" {
      name               = "\${var.name_prefix}-proj-${n}"
      location           = azurerm_ai_foundry.hub_${n}.location
      ai_services_hub_id = azurerm_ai_foundry.hub_${n}.id
    }
  `);
  s.targets.push({ ref: `azurerm_ai_foundry.hub_${n}`, subresource: 'amlworkspace', zone: 'privatelink.api.azureml.ms' });
};

const raiPolicy: Unit = (s, n) => {
  // A policy needs an account: one of the file's own, or else one another team deploys.
  if (s.openAiAccounts.length === 0) existing(s, ++s.unit);
  const account = s.openAiAccounts.length > 0 ? s.rng.pick(s.openAiAccounts) : (s.targets[s.targets.length - 1] as Target).ref;
  s.w.block(code`
    /*
      azurerm has no resource for every RAI setting the API knows,
      so this policy goes through azapi with a typed body.
    */
    resource "azapi_resource" "rai_policy_${n}" {
      type      = "Microsoft.CognitiveServices/accounts/raiPolicies@2024-10-01"
      name      = "strict-${n}"
      parent_id = ${account}.id
      body = {
        properties = {
          mode = "Blocking"
          contentFilters = [
            for category in ["Hate", "Sexual", "Violence", "Selfharm"] : {
              name              = category
              blocking          = true
              enabled           = true
              severityThreshold = "${s.rng.pick(['Low', 'Medium', 'High'])}"
              source            = "Prompt"
            }
          ]
        }
      }
    }
  `);
};

function existing(s: State, n: number): void {
  s.w.block(code`
    data "azurerm_cognitive_account" "shared_${n}" {
      name                = "\${var.name_prefix}-shared-ai"
      resource_group_name = var.resource_group_name
    }
  `);
  s.targets.push({ ref: `data.azurerm_cognitive_account.shared_${n}`, subresource: 'account', zone: 'privatelink.cognitiveservices.azure.com' });
}

const moved: Unit = (s, n) => {
  s.w.block(code`
    # Renamed in release ${n}; keeps the state entry.
    moved {
      from = azurerm_key_vault.main_${n}
      to   = azurerm_key_vault.vault_${n}
    }
  `);
};

/** Every kind of section, with its weight and its usual size in lines (used to fit small files). */
const UNITS: readonly { unit: Unit; weight: number; lines: number }[] = [
  { unit: openAi, weight: 5, lines: 85 },
  { unit: search, weight: 3, lines: 26 },
  { unit: storage, weight: 3, lines: 38 },
  { unit: keyVault, weight: 2, lines: 32 },
  { unit: cosmos, weight: 2, lines: 52 },
  { unit: appService, weight: 2, lines: 48 },
  { unit: privateEndpoint, weight: 3, lines: 24 },
  { unit: diagnostics, weight: 3, lines: 23 },
  { unit: roleAssignments, weight: 2, lines: 26 },
  { unit: modules, weight: 2, lines: 22 },
  { unit: locals, weight: 2, lines: 24 },
  { unit: hub, weight: 1, lines: 26 },
  { unit: raiPolicy, weight: 1, lines: 26 },
  { unit: (s, n) => existing(s, n), weight: 1, lines: 5 },
  { unit: moved, weight: 1, lines: 5 },
];

function body(s: State, target: number, reserve: number): void {
  while (s.w.count + reserve < target) {
    const room = target - reserve - s.w.count;
    const fitting = UNITS.filter((u) => u.lines <= room);
    // Stopping short by a few lines beats overshooting a small file by a whole section.
    if (fitting.length === 0) break;
    s.rng.weighted(fitting.map((u) => [u.unit, u.weight] as const))(s, ++s.unit);
  }
}

/**
 * A Terraform file of about `targetLines` lines; the same seed always gives the same text.
 * Small files leave out the `terraform` block and the shared variables, as a module's `search.tf` next to its
 * `variables.tf` would; larger ones carry everything, as a one-file root module does.
 */
export function generateTerraform(seed: number, targetLines: number): string {
  const s: State = { rng: new Rng(seed), w: new Writer(), unit: 0, targets: [], openAiAccounts: [], outputs: [] };
  if (targetLines >= 150) header(s);
  const reserve = Math.min(16, Math.ceil(targetLines / 10));
  body(s, targetLines, reserve);
  for (const output of s.outputs) {
    if (s.w.count + output.split('\n').length + 1 > targetLines) break;
    s.w.block(output);
  }
  return s.w.toString();
}

/** A .tfvars file for a generated configuration. */
export function generateTfvars(seed: number): string {
  const rng = new Rng(seed);
  const w = new Writer();
  w.block(code`
    location            = "${rng.pick(['swedencentral', 'eastus2', 'francecentral'])}"
    name_prefix         = "${rng.pick(['contoso', 'fabrikam', 'northwind'])}"
    resource_group_name = "rg-ai-${rng.pick(['dev', 'test', 'prod'])}"
    environment         = "prod"
    tags = {
      workload    = "ai-chat"
      "cost-center" = "4711"
    }
  `);
  const accounts = rng.int(1, 4);
  for (let n = 1; n <= accounts; n++) {
    const [name, version, capacity] = rng.pick(MODELS);
    w.block(code`
      # Deployments of account ${n}.
      deployments_${n} = {
        chat = {
          model_name    = "${name}"
          model_version = "${version}"
          capacity      = ${capacity}
        }
      }
      callers_${n} = [
        { name = "api", principal_id = "00000000-0000-0000-0000-00000000000${n}" },
      ]
    `);
  }
  return w.toString();
}
