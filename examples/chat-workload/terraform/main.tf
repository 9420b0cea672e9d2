# A retrieval-augmented chat workload: Azure OpenAI answers from documents indexed in Azure AI Search.

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

resource "azurerm_resource_group" "chat" {
  name     = "rg-${var.workload}"
  location = var.location
}

# The model endpoint. Deliberate gap: it still accepts API keys (local auth is on by default).
resource "azurerm_cognitive_account" "openai" {
  name                          = "aoai-${var.workload}"
  location                      = azurerm_resource_group.chat.location
  resource_group_name           = azurerm_resource_group.chat.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  custom_subdomain_name         = "aoai-${var.workload}"
  public_network_access_enabled = false

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_cognitive_deployment" "chat" {
  name                 = "gpt-4o"
  cognitive_account_id = azurerm_cognitive_account.openai.id
  rai_policy_name      = "Microsoft.DefaultV2"

  model {
    format  = "OpenAI"
    name    = "gpt-4o"
    version = "2024-11-20"
  }

  sku {
    name     = "GlobalStandard"
    capacity = 50
  }
}

# Retrieval index. Deliberate gap: no replica count, so the service runs one and queries have no availability SLA.
resource "azurerm_search_service" "search" {
  name                          = "srch-${var.workload}"
  location                      = azurerm_resource_group.chat.location
  resource_group_name           = azurerm_resource_group.chat.name
  sku                           = "standard"
  local_authentication_enabled  = false
  public_network_access_enabled = false

  identity {
    type = "SystemAssigned"
  }
}
