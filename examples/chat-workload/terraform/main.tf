# A retrieval-augmented chat workload: a web app answers with Azure OpenAI from documents indexed in Azure AI Search.
# Deliberate gaps for WAF AI Lens to find are marked "Deliberate gap" (the Bicep version has the same ones).

terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.20"
    }
  }
}

provider "azurerm" {
  features {}
  storage_use_azuread = true
}

variable "location" {
  description = "Azure region for every resource of the workload."
  type        = string
  default     = "swedencentral"
}

variable "workload" {
  description = "Short name of the workload, used in resource names."
  type        = string
  default     = "chat"
}

variable "chat_capacity" {
  description = "Chat model capacity in thousands of tokens per minute; sized by the team's load test."
  type        = number
  default     = 50
}

variable "monthly_budget" {
  description = "Monthly budget of the workload in the billing currency."
  type        = number
  default     = 3000
}

variable "cost_contacts" {
  description = "Who is told when spend nears the budget."
  type        = list(string)
  default     = ["ai-platform@contoso.com"]
}

data "azurerm_client_config" "current" {}

resource "azurerm_resource_group" "chat" {
  name     = "rg-${var.workload}"
  location = var.location
}

# -----------------------------------------------------------------------------------------------------------------
# Network: the web app reaches every data service through private endpoints in one virtual network.
# -----------------------------------------------------------------------------------------------------------------

resource "azurerm_virtual_network" "chat" {
  name                = "vnet-${var.workload}"
  location            = azurerm_resource_group.chat.location
  resource_group_name = azurerm_resource_group.chat.name
  address_space       = ["10.20.0.0/16"]
}

resource "azurerm_subnet" "app" {
  name                 = "app"
  resource_group_name  = azurerm_resource_group.chat.name
  virtual_network_name = azurerm_virtual_network.chat.name
  address_prefixes     = ["10.20.1.0/24"]

  delegation {
    name = "web"
    service_delegation {
      name    = "Microsoft.Web/serverFarms"
      actions = ["Microsoft.Network/virtualNetworks/subnets/action"]
    }
  }
}

resource "azurerm_subnet" "private_endpoints" {
  name                 = "private-endpoints"
  resource_group_name  = azurerm_resource_group.chat.name
  virtual_network_name = azurerm_virtual_network.chat.name
  address_prefixes     = ["10.20.2.0/24"]
}

locals {
  private_dns_zones = {
    openai = "privatelink.openai.azure.com"
    search = "privatelink.search.windows.net"
    blob   = "privatelink.blob.core.windows.net"
    cosmos = "privatelink.documents.azure.com"
    vault  = "privatelink.vaultcore.azure.net"
  }
}

resource "azurerm_private_dns_zone" "links" {
  for_each            = local.private_dns_zones
  name                = each.value
  resource_group_name = azurerm_resource_group.chat.name
}

resource "azurerm_private_dns_zone_virtual_network_link" "links" {
  for_each              = local.private_dns_zones
  name                  = "link-${var.workload}"
  resource_group_name   = azurerm_resource_group.chat.name
  private_dns_zone_name = azurerm_private_dns_zone.links[each.key].name
  virtual_network_id    = azurerm_virtual_network.chat.id
}

resource "azurerm_private_endpoint" "openai" {
  name                = "pe-openai-${var.workload}"
  location            = azurerm_resource_group.chat.location
  resource_group_name = azurerm_resource_group.chat.name
  subnet_id           = azurerm_subnet.private_endpoints.id

  private_service_connection {
    name                           = "openai"
    private_connection_resource_id = azurerm_cognitive_account.openai.id
    subresource_names              = ["account"]
    is_manual_connection           = false
  }

  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = [azurerm_private_dns_zone.links["openai"].id]
  }
}

resource "azurerm_private_endpoint" "search" {
  name                = "pe-search-${var.workload}"
  location            = azurerm_resource_group.chat.location
  resource_group_name = azurerm_resource_group.chat.name
  subnet_id           = azurerm_subnet.private_endpoints.id

  private_service_connection {
    name                           = "search"
    private_connection_resource_id = azurerm_search_service.search.id
    subresource_names              = ["searchService"]
    is_manual_connection           = false
  }

  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = [azurerm_private_dns_zone.links["search"].id]
  }
}

resource "azurerm_private_endpoint" "blob" {
  name                = "pe-blob-${var.workload}"
  location            = azurerm_resource_group.chat.location
  resource_group_name = azurerm_resource_group.chat.name
  subnet_id           = azurerm_subnet.private_endpoints.id

  private_service_connection {
    name                           = "blob"
    private_connection_resource_id = azurerm_storage_account.documents.id
    subresource_names              = ["blob"]
    is_manual_connection           = false
  }

  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = [azurerm_private_dns_zone.links["blob"].id]
  }
}

resource "azurerm_private_endpoint" "cosmos" {
  name                = "pe-cosmos-${var.workload}"
  location            = azurerm_resource_group.chat.location
  resource_group_name = azurerm_resource_group.chat.name
  subnet_id           = azurerm_subnet.private_endpoints.id

  private_service_connection {
    name                           = "cosmos"
    private_connection_resource_id = azurerm_cosmosdb_account.history.id
    subresource_names              = ["Sql"]
    is_manual_connection           = false
  }

  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = [azurerm_private_dns_zone.links["cosmos"].id]
  }
}

resource "azurerm_private_endpoint" "vault" {
  name                = "pe-vault-${var.workload}"
  location            = azurerm_resource_group.chat.location
  resource_group_name = azurerm_resource_group.chat.name
  subnet_id           = azurerm_subnet.private_endpoints.id

  private_service_connection {
    name                           = "vault"
    private_connection_resource_id = azurerm_key_vault.chat.id
    subresource_names              = ["vault"]
    is_manual_connection           = false
  }

  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = [azurerm_private_dns_zone.links["vault"].id]
  }
}

# -----------------------------------------------------------------------------------------------------------------
# Monitoring: one Log Analytics workspace for logs and Application Insights.
# -----------------------------------------------------------------------------------------------------------------

resource "azurerm_log_analytics_workspace" "chat" {
  name                         = "log-${var.workload}"
  location                     = azurerm_resource_group.chat.location
  resource_group_name          = azurerm_resource_group.chat.name
  sku                          = "PerGB2018"
  retention_in_days            = 30
  local_authentication_enabled = false
}

resource "azurerm_application_insights" "chat" {
  name                          = "appi-${var.workload}"
  location                      = azurerm_resource_group.chat.location
  resource_group_name           = azurerm_resource_group.chat.name
  application_type              = "web"
  workspace_id                  = azurerm_log_analytics_workspace.chat.id
  local_authentication_disabled = true
}

# -----------------------------------------------------------------------------------------------------------------
# The model: Azure OpenAI with a chat and an embedding deployment.
# -----------------------------------------------------------------------------------------------------------------

# The model endpoint. Deliberate gap: it still accepts API keys (`local_auth_enabled` is not set, and defaults to true).
resource "azurerm_cognitive_account" "openai" {
  name                               = "aoai-${var.workload}"
  location                           = azurerm_resource_group.chat.location
  resource_group_name                = azurerm_resource_group.chat.name
  kind                               = "OpenAI"
  sku_name                           = "S0"
  custom_subdomain_name              = "aoai-${var.workload}"
  public_network_access_enabled      = false
  outbound_network_access_restricted = true

  network_acls {
    default_action = "Deny"
  }

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_cognitive_deployment" "chat" {
  name                   = "gpt-4o"
  cognitive_account_id   = azurerm_cognitive_account.openai.id
  rai_policy_name        = "Microsoft.DefaultV2"
  version_upgrade_option = "NoAutoUpgrade"

  model {
    format  = "OpenAI"
    name    = "gpt-4o"
    version = "2024-11-20"
  }

  sku {
    name     = "GlobalStandard"
    capacity = var.chat_capacity
  }
}

resource "azurerm_cognitive_deployment" "embeddings" {
  name                   = "text-embedding-3-large"
  cognitive_account_id   = azurerm_cognitive_account.openai.id
  rai_policy_name        = "Microsoft.DefaultV2"
  version_upgrade_option = "NoAutoUpgrade"

  model {
    format  = "OpenAI"
    name    = "text-embedding-3-large"
    version = "1"
  }

  sku {
    name     = "Standard"
    capacity = 120
  }
}

# -----------------------------------------------------------------------------------------------------------------
# Retrieval: Azure AI Search over documents kept in Blob Storage.
# -----------------------------------------------------------------------------------------------------------------

# Retrieval index. Deliberate gap: a single replica, so queries have no availability SLA.
resource "azurerm_search_service" "search" {
  name                          = "srch-${var.workload}"
  location                      = azurerm_resource_group.chat.location
  resource_group_name           = azurerm_resource_group.chat.name
  sku                           = "standard"
  replica_count                 = 1
  partition_count               = 1
  local_authentication_enabled  = false
  public_network_access_enabled = false

  identity {
    type = "SystemAssigned"
  }
}

# The source documents. Deliberate gap: locally redundant, so a zone outage takes them offline.
resource "azurerm_storage_account" "documents" {
  name                            = "st${var.workload}docs"
  location                        = azurerm_resource_group.chat.location
  resource_group_name             = azurerm_resource_group.chat.name
  account_kind                    = "StorageV2"
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  https_traffic_only_enabled      = true
  min_tls_version                 = "TLS1_2"
  allow_nested_items_to_be_public = false
  shared_access_key_enabled       = false
  public_network_access_enabled   = false

  blob_properties {
    versioning_enabled = true

    delete_retention_policy {
      days = 14
    }

    container_delete_retention_policy {
      days = 14
    }
  }
}

# -----------------------------------------------------------------------------------------------------------------
# State: chat history in Cosmos DB, secrets in Key Vault.
# -----------------------------------------------------------------------------------------------------------------

# Chat history. Deliberate gap: periodic backup only, so it cannot be restored to a point in time.
resource "azurerm_cosmosdb_account" "history" {
  name                          = "cosmos-${var.workload}"
  location                      = azurerm_resource_group.chat.location
  resource_group_name           = azurerm_resource_group.chat.name
  offer_type                    = "Standard"
  kind                          = "GlobalDocumentDB"
  local_authentication_disabled = true
  public_network_access_enabled = false

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = azurerm_resource_group.chat.location
    failover_priority = 0
    zone_redundant    = true
  }
}

resource "azurerm_cosmosdb_sql_database" "chat" {
  name                = "chat"
  resource_group_name = azurerm_resource_group.chat.name
  account_name        = azurerm_cosmosdb_account.history.name

  autoscale_settings {
    max_throughput = 1000
  }
}

resource "azurerm_cosmosdb_sql_container" "conversations" {
  name                = "conversations"
  resource_group_name = azurerm_resource_group.chat.name
  account_name        = azurerm_cosmosdb_account.history.name
  database_name       = azurerm_cosmosdb_sql_database.chat.name
  partition_key_paths = ["/userId"]
  default_ttl         = 7776000
}

resource "azurerm_key_vault" "chat" {
  name                          = "kv-${var.workload}"
  location                      = azurerm_resource_group.chat.location
  resource_group_name           = azurerm_resource_group.chat.name
  tenant_id                     = data.azurerm_client_config.current.tenant_id
  sku_name                      = "standard"
  rbac_authorization_enabled    = true
  purge_protection_enabled      = true
  soft_delete_retention_days    = 90
  public_network_access_enabled = false
}

# -----------------------------------------------------------------------------------------------------------------
# The chat front end: a web app on an App Service plan, integrated with the virtual network.
# -----------------------------------------------------------------------------------------------------------------

resource "azurerm_service_plan" "chat" {
  name                   = "asp-${var.workload}"
  location               = azurerm_resource_group.chat.location
  resource_group_name    = azurerm_resource_group.chat.name
  os_type                = "Linux"
  sku_name               = "P1v3"
  worker_count           = 3
  zone_balancing_enabled = true
}

resource "azurerm_linux_web_app" "chat" {
  name                      = "app-${var.workload}"
  location                  = azurerm_resource_group.chat.location
  resource_group_name       = azurerm_resource_group.chat.name
  service_plan_id           = azurerm_service_plan.chat.id
  https_only                = true
  virtual_network_subnet_id = azurerm_subnet.app.id

  identity {
    type = "SystemAssigned"
  }

  site_config {
    minimum_tls_version    = "1.2"
    ftps_state             = "Disabled"
    vnet_route_all_enabled = true

    application_stack {
      python_version = "3.12"
    }
  }

  app_settings = {
    AZURE_OPENAI_ENDPOINT                 = azurerm_cognitive_account.openai.endpoint
    AZURE_OPENAI_CHAT_DEPLOYMENT          = azurerm_cognitive_deployment.chat.name
    AZURE_SEARCH_ENDPOINT                 = "https://${azurerm_search_service.search.name}.search.windows.net"
    AZURE_COSMOS_ENDPOINT                 = azurerm_cosmosdb_account.history.endpoint
    APPLICATIONINSIGHTS_CONNECTION_STRING = azurerm_application_insights.chat.connection_string
  }
}

# The web app calls the model and the index with its own identity, never with keys.
resource "azurerm_role_assignment" "app_openai" {
  scope                = azurerm_cognitive_account.openai.id
  role_definition_name = "Cognitive Services OpenAI User"
  principal_id         = azurerm_linux_web_app.chat.identity[0].principal_id
}

resource "azurerm_role_assignment" "app_search" {
  scope                = azurerm_search_service.search.id
  role_definition_name = "Search Index Data Reader"
  principal_id         = azurerm_linux_web_app.chat.identity[0].principal_id
}

# -----------------------------------------------------------------------------------------------------------------
# Diagnostics: the model, the index and the web app log to the workspace.
# -----------------------------------------------------------------------------------------------------------------

resource "azurerm_monitor_diagnostic_setting" "openai" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_cognitive_account.openai.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.chat.id

  enabled_log {
    category_group = "allLogs"
  }

  metric {
    category = "AllMetrics"
  }
}

resource "azurerm_monitor_diagnostic_setting" "search" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_search_service.search.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.chat.id

  enabled_log {
    category_group = "allLogs"
  }
}

resource "azurerm_monitor_diagnostic_setting" "app" {
  name                       = "to-log-analytics"
  target_resource_id         = azurerm_linux_web_app.chat.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.chat.id

  enabled_log {
    category = "AppServiceHTTPLogs"
  }

  enabled_log {
    category = "AppServiceConsoleLogs"
  }
}

# -----------------------------------------------------------------------------------------------------------------
# Cost: a monthly budget that warns at 80 % of actual spend and at 100 % of forecast spend.
# -----------------------------------------------------------------------------------------------------------------

resource "azurerm_consumption_budget_resource_group" "chat" {
  name              = "budget-${var.workload}"
  resource_group_id = azurerm_resource_group.chat.id
  amount            = var.monthly_budget
  time_grain        = "Monthly"

  time_period {
    start_date = "2025-01-01T00:00:00Z"
  }

  notification {
    enabled        = true
    operator       = "GreaterThanOrEqualTo"
    threshold      = 80
    threshold_type = "Actual"
    contact_emails = var.cost_contacts
  }

  notification {
    enabled        = true
    operator       = "GreaterThanOrEqualTo"
    threshold      = 100
    threshold_type = "Forecasted"
    contact_emails = var.cost_contacts
  }
}

output "app_url" {
  value = "https://${azurerm_linux_web_app.chat.default_hostname}"
}
