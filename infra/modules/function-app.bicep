// The Function App on Flex Consumption (FC1, Linux, .NET isolated), running as the user-assigned identity.
// Every connection is identity-based: `<Connection>__fullyQualifiedNamespace|accountEndpoint` + `__credential` +
// `__clientId`; no keys or connection strings with secrets in settings.
param name string
param planName string
param location string
param tags object
param identityId string
param identityClientId string
param storageBlobEndpoint string
param deploymentContainerName string
param applicationInsightsConnectionString string
param logAnalyticsWorkspaceId string
param appSettings object

@description('Flex Consumption instance size.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Scale-out cap: Cosmos DB serverless and the e-mail rate limit gain nothing from more instances.')
@minValue(1)
param maximumInstanceCount int = 10

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { name: 'FC1', tier: 'FlexConsumption' }
  properties: { reserved: true }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: union(appSettings, {
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identityClientId
      AzureWebJobsStorage__blobServiceUri: storageBlobEndpoint
      APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
      // DefaultAzureCredential in app code picks the user-assigned identity by this.
      AZURE_CLIENT_ID: identityClientId
      // Where the one-click links in the e-mails point (/a/{token} is served by this app).
      Retention__Rendering__PublicBaseUrl: 'https://${site.properties.defaultHostName}'
    })
  }

  // No publishing with basic (user/password) credentials; azd deploys with Entra ID.
  resource ftpCredentials 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: { allow: false }
  }

  resource scmCredentials 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: { allow: false }
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

output name string = site.name
output uri string = 'https://${site.properties.defaultHostName}'
