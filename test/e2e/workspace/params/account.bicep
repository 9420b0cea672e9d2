// An Azure OpenAI account whose public network access comes from its parameter file, account.bicepparam.
param publicAccess string = 'Disabled'

resource aoai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-params-prod'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'oai-params-prod'
    publicNetworkAccess: publicAccess
    disableLocalAuth: true
  }
}
