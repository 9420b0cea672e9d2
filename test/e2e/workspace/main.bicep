// A chat workload with three deliberate gaps: API keys, public network access, one search replica.

@description('Region of every resource in this workload.')
param location string = resourceGroup().location

resource openAi 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-chat-prod'
  location: location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    customSubDomainName: 'oai-chat-prod'
    disableLocalAuth: false
    publicNetworkAccess: 'Enabled'
  }
}

resource search 'Microsoft.Search/searchServices@2023-11-01' = {
  name: 'srch-chat-prod'
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
