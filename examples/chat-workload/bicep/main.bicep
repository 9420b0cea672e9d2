// A retrieval-augmented chat workload: Azure OpenAI answers from documents indexed in Azure AI Search.
targetScope = 'resourceGroup'

@description('Azure region for every resource of the workload.')
param location string = resourceGroup().location

@description('Short name of the workload, used in resource names.')
@maxLength(12)
param workload string = 'chat'

var suffix = uniqueString(resourceGroup().id)

@description('The model endpoint. Deliberate gap: it still accepts API keys and public traffic.')
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
    publicNetworkAccess: 'Enabled'
  }

  resource chat 'deployments' = {
    name: 'gpt-4o'
    sku: {
      name: 'GlobalStandard'
      capacity: 50
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
}

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

output openaiEndpoint string = openai.properties.endpoint
output searchName string = search.name
