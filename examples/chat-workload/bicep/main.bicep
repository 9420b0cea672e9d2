// A retrieval-augmented chat workload: a web app answers with Azure OpenAI from documents indexed in Azure AI Search.
// Deliberate gaps for WAF AI Lens to find are marked "Deliberate gap" (the Terraform version has the same ones).
targetScope = 'resourceGroup'

@description('Azure region for every resource of the workload.')
param location string = resourceGroup().location

@description('Short name of the workload, used in resource names.')
@maxLength(12)
param workload string = 'chat'

@description('Chat model capacity in thousands of tokens per minute; sized by the team\'s load test.')
param chatCapacity int = 50

@description('Monthly budget of the workload in the billing currency.')
param monthlyBudget int = 3000

@description('Who is told when spend nears the budget.')
param costContacts array = ['ai-platform@contoso.com']

@description('First day of the budget period (the first of a month).')
param budgetStart string = '2025-01-01'

var suffix = uniqueString(resourceGroup().id)

// ---------------------------------------------------------------------------------------------------------------
// Network: the web app reaches every data service through private endpoints in one virtual network.
// ---------------------------------------------------------------------------------------------------------------

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-${workload}-${suffix}'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: ['10.20.0.0/16']
    }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: '10.20.1.0/24'
          delegations: [
            {
              name: 'web'
              properties: {
                serviceName: 'Microsoft.Web/serverFarms'
              }
            }
          ]
        }
      }
      {
        name: 'private-endpoints'
        properties: {
          addressPrefix: '10.20.2.0/24'
        }
      }
    ]
  }
}

var privateDnsZoneNames = [
  'privatelink.openai.azure.com'
  'privatelink.search.windows.net'
  'privatelink.blob.${environment().suffixes.storage}'
  'privatelink.documents.azure.com'
  'privatelink.vaultcore.azure.net'
]

resource dnsZones 'Microsoft.Network/privateDnsZones@2024-06-01' = [for zone in privateDnsZoneNames: {
  name: zone
  location: 'global'
}]

resource dnsLinks 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [for (zone, i) in privateDnsZoneNames: {
  parent: dnsZones[i]
  name: 'link-${workload}'
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: vnet.id
    }
  }
}]

var endpointSubnetId = vnet.properties.subnets[1].id

resource openaiEndpoint 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: 'pe-openai-${workload}'
  location: location
  properties: {
    subnet: { id: endpointSubnetId }
    privateLinkServiceConnections: [
      { name: 'openai', properties: { privateLinkServiceId: openai.id, groupIds: ['account'] } }
    ]
  }

  resource dns 'privateDnsZoneGroups' = {
    name: 'default'
    properties: {
      privateDnsZoneConfigs: [{ name: 'openai', properties: { privateDnsZoneId: dnsZones[0].id } }]
    }
  }
}

resource searchEndpoint 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: 'pe-search-${workload}'
  location: location
  properties: {
    subnet: { id: endpointSubnetId }
    privateLinkServiceConnections: [
      { name: 'search', properties: { privateLinkServiceId: search.id, groupIds: ['searchService'] } }
    ]
  }

  resource dns 'privateDnsZoneGroups' = {
    name: 'default'
    properties: {
      privateDnsZoneConfigs: [{ name: 'search', properties: { privateDnsZoneId: dnsZones[1].id } }]
    }
  }
}

resource blobEndpoint 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: 'pe-blob-${workload}'
  location: location
  properties: {
    subnet: { id: endpointSubnetId }
    privateLinkServiceConnections: [
      { name: 'blob', properties: { privateLinkServiceId: storage.id, groupIds: ['blob'] } }
    ]
  }

  resource dns 'privateDnsZoneGroups' = {
    name: 'default'
    properties: {
      privateDnsZoneConfigs: [{ name: 'blob', properties: { privateDnsZoneId: dnsZones[2].id } }]
    }
  }
}

resource cosmosEndpoint 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: 'pe-cosmos-${workload}'
  location: location
  properties: {
    subnet: { id: endpointSubnetId }
    privateLinkServiceConnections: [
      { name: 'cosmos', properties: { privateLinkServiceId: cosmos.id, groupIds: ['Sql'] } }
    ]
  }

  resource dns 'privateDnsZoneGroups' = {
    name: 'default'
    properties: {
      privateDnsZoneConfigs: [{ name: 'cosmos', properties: { privateDnsZoneId: dnsZones[3].id } }]
    }
  }
}

resource vaultEndpoint 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: 'pe-vault-${workload}'
  location: location
  properties: {
    subnet: { id: endpointSubnetId }
    privateLinkServiceConnections: [
      { name: 'vault', properties: { privateLinkServiceId: vault.id, groupIds: ['vault'] } }
    ]
  }

  resource dns 'privateDnsZoneGroups' = {
    name: 'default'
    properties: {
      privateDnsZoneConfigs: [{ name: 'vault', properties: { privateDnsZoneId: dnsZones[4].id } }]
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Monitoring: one Log Analytics workspace for logs and Application Insights.
// ---------------------------------------------------------------------------------------------------------------

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${workload}-${suffix}'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
    features: {
      disableLocalAuth: true
    }
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${workload}-${suffix}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    DisableLocalAuth: true
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The model: Azure OpenAI with a chat and an embedding deployment.
// ---------------------------------------------------------------------------------------------------------------

@description('The model endpoint. Deliberate gap: it still accepts API keys (`disableLocalAuth` is not set).')
resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'aoai-${workload}-${suffix}'
  location: location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    customSubDomainName: 'aoai-${workload}-${suffix}'
    publicNetworkAccess: 'Disabled'
    networkAcls: {
      defaultAction: 'Deny'
    }
    restrictOutboundNetworkAccess: true
  }

  resource chat 'deployments' = {
    name: 'gpt-4o'
    sku: {
      name: 'GlobalStandard'
      capacity: chatCapacity
    }
    properties: {
      model: {
        format: 'OpenAI'
        name: 'gpt-4o'
        version: '2024-11-20'
      }
      versionUpgradeOption: 'NoAutoUpgrade'
      raiPolicyName: 'Microsoft.DefaultV2'
    }
  }

  resource embeddings 'deployments' = {
    name: 'text-embedding-3-large'
    dependsOn: [chat]
    sku: {
      name: 'Standard'
      capacity: 120
    }
    properties: {
      model: {
        format: 'OpenAI'
        name: 'text-embedding-3-large'
        version: '1'
      }
      versionUpgradeOption: 'NoAutoUpgrade'
      raiPolicyName: 'Microsoft.DefaultV2'
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Retrieval: Azure AI Search over documents kept in Blob Storage.
// ---------------------------------------------------------------------------------------------------------------

@description('Retrieval index. Deliberate gap: a single replica, so queries have no availability SLA.')
resource search 'Microsoft.Search/searchServices@2024-06-01-preview' = {
  name: 'srch-${workload}-${suffix}'
  location: location
  sku: {
    name: 'standard'
  }
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    replicaCount: 1
    partitionCount: 1
    disableLocalAuth: true
    publicNetworkAccess: 'disabled'
  }
}

@description('The source documents. Deliberate gap: locally redundant, so a zone outage takes them offline.')
resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'st${workload}${suffix}'
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'
    publicNetworkAccess: 'Disabled'
  }

  resource blobs 'blobServices' = {
    name: 'default'
    properties: {
      deleteRetentionPolicy: {
        enabled: true
        days: 14
      }
      containerDeleteRetentionPolicy: {
        enabled: true
        days: 14
      }
      isVersioningEnabled: true
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// State: chat history in Cosmos DB, secrets in Key Vault.
// ---------------------------------------------------------------------------------------------------------------

@description('Chat history. Deliberate gap: periodic backup only, so it cannot be restored to a point in time.')
resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: 'cosmos-${workload}-${suffix}'
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: true
      }
    ]
    disableLocalAuth: true
    publicNetworkAccess: 'Disabled'
  }

  resource history 'sqlDatabases' = {
    name: 'chat'
    properties: {
      resource: {
        id: 'chat'
      }
      options: {
        autoscaleSettings: {
          maxThroughput: 1000
        }
      }
    }

    resource conversations 'containers' = {
      name: 'conversations'
      properties: {
        resource: {
          id: 'conversations'
          partitionKey: {
            paths: ['/userId']
            kind: 'Hash'
          }
          defaultTtl: 7776000
        }
      }
    }
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-${workload}-${suffix}'
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    enablePurgeProtection: true
    publicNetworkAccess: 'Disabled'
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The chat front end: a web app on an App Service plan, integrated with the virtual network.
// ---------------------------------------------------------------------------------------------------------------

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'asp-${workload}-${suffix}'
  location: location
  kind: 'linux'
  sku: {
    name: 'P1v3'
    capacity: 3
  }
  properties: {
    reserved: true
    zoneRedundant: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: 'app-${workload}-${suffix}'
  location: location
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    virtualNetworkSubnetId: vnet.properties.subnets[0].id
    siteConfig: {
      linuxFxVersion: 'PYTHON|3.12'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      vnetRouteAllEnabled: true
      appSettings: [
        { name: 'AZURE_OPENAI_ENDPOINT', value: openai.properties.endpoint }
        { name: 'AZURE_OPENAI_CHAT_DEPLOYMENT', value: openai::chat.name }
        { name: 'AZURE_SEARCH_ENDPOINT', value: 'https://${search.name}.search.windows.net' }
        { name: 'AZURE_COSMOS_ENDPOINT', value: cosmos.properties.documentEndpoint }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
      ]
    }
  }
}

// The web app calls the model and the index with its own identity, never with keys. Each grant is scoped to the one
// resource it is for: without `scope`, a role assignment applies to the whole resource group.
var openAiUserRole = '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd' // Cognitive Services OpenAI User
var searchReaderRole = '1407120a-92aa-4202-b7e9-c0e197c71c8f' // Search Index Data Reader

resource appOpenAiUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(openai.id, app.id, openAiUserRole)
  scope: openai
  properties: {
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', openAiUserRole)
  }
}

resource appSearchReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(search.id, app.id, searchReaderRole)
  scope: search
  properties: {
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', searchReaderRole)
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Diagnostics: the model, the index and the web app log to the workspace.
// ---------------------------------------------------------------------------------------------------------------

resource openaiDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: openai
  properties: {
    workspaceId: logs.id
    logs: [
      { categoryGroup: 'allLogs', enabled: true }
    ]
    metrics: [
      { category: 'AllMetrics', enabled: true }
    ]
  }
}

resource searchDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: search
  properties: {
    workspaceId: logs.id
    logs: [
      { categoryGroup: 'allLogs', enabled: true }
    ]
  }
}

resource appDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: app
  properties: {
    workspaceId: logs.id
    logs: [
      { category: 'AppServiceHTTPLogs', enabled: true }
      { category: 'AppServiceConsoleLogs', enabled: true }
    ]
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Cost: a monthly budget that warns at 80 % of actual spend and at 100 % of forecast spend.
// ---------------------------------------------------------------------------------------------------------------

resource budget 'Microsoft.Consumption/budgets@2023-11-01' = {
  name: 'budget-${workload}'
  properties: {
    category: 'Cost'
    amount: monthlyBudget
    timeGrain: 'Monthly'
    timePeriod: {
      startDate: budgetStart
    }
    notifications: {
      actual80: {
        enabled: true
        operator: 'GreaterThanOrEqualTo'
        threshold: 80
        thresholdType: 'Actual'
        contactEmails: costContacts
      }
      forecast100: {
        enabled: true
        operator: 'GreaterThanOrEqualTo'
        threshold: 100
        thresholdType: 'Forecasted'
        contactEmails: costContacts
      }
    }
  }
}

output appUrl string = 'https://${app.properties.defaultHostName}'
output openaiEndpoint string = openai.properties.endpoint
