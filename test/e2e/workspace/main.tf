# A chat workload with three deliberate gaps: API keys, public network access, one search replica.

resource "azurerm_resource_group" "ai" {
  name     = "rg-chat-prod"
  location = "swedencentral"
}

resource "azurerm_cognitive_account" "openai" {
  name                          = "oai-chat-prod"
  location                      = azurerm_resource_group.ai.location
  resource_group_name           = azurerm_resource_group.ai.name
  kind                          = "OpenAI"
  sku_name                      = "S0"
  custom_subdomain_name         = "oai-chat-prod"
  local_auth_enabled            = true
  public_network_access_enabled = true

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_search_service" "search" {
  name                          = "srch-chat-prod"
  resource_group_name           = azurerm_resource_group.ai.name
  location                      = azurerm_resource_group.ai.location
  sku                           = "standard"
  replica_count                 = 1
  partition_count               = 1
  local_authentication_enabled  = false
  public_network_access_enabled = false

  identity {
    type = "SystemAssigned"
  }
}
