// Retention on Azure: everything `azd up` provisions. Subscription scope, as the azd templates do: the resource
// group is part of the deployment. Local modules (no registry access here) with the AVM security posture:
// managed identity, RBAC data-plane access, local auth off, TLS 1.2, diagnostics to Log Analytics.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; used for the resource group name and the resource token.')
param environmentName string

@minLength(1)
@description('Primary location for all resources (Flex Consumption must be available there).')
@metadata({ azd: { type: 'location' } })
param location string

@description('Object id of the developer running azd, granted the same data roles for local debugging. Empty in CI.')
param principalId string = ''

@allowed(['User', 'ServicePrincipal', 'Group'])
param principalType string = 'User'

@secure()
@minLength(32)
@description('HMAC key for one-click links, base64 of 32 random bytes; the azd preprovision hook generates it once and keeps it.')
param linkSigningKey string

@secure()
@minLength(32)
@description('Key of the keyed hashes that stand for unsubscribed addresses and erased external ids (base64 of 32 random bytes); the azd preprovision hook generates it once and keeps it: a new key forgets who unsubscribed.')
param privacyHashKey string

@description('Communication Services data location (Europe, Norway, United States, ...).')
param communicationDataLocation string = 'Europe'

@minValue(1)
@description('Days raw records (enrolments, nudges, check-ins) live after their last change before Cosmos DB expires them.')
param rawRecordRetentionDays int = 1095

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var functionAppName = '${abbrs.webSitesFunctions}api-${resourceToken}'
var deploymentContainerName = 'app-package-${take(functionAppName, 32)}-${take(resourceToken, 7)}'
var queueName = 'nudges'
var databaseName = 'retention'

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}api-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
}

module serviceBus 'modules/service-bus.bicep' = {
  name: 'service-bus'
  scope: rg
  params: {
    name: '${abbrs.serviceBusNamespaces}${resourceToken}'
    location: location
    tags: tags
    queueName: queueName
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  scope: rg
  params: {
    name: '${abbrs.documentDBDatabaseAccounts}${resourceToken}'
    location: location
    tags: tags
    databaseName: databaseName
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
  }
}

module communication 'modules/communication.bicep' = {
  name: 'communication'
  scope: rg
  params: {
    communicationServiceName: '${abbrs.communicationCommunicationServices}${resourceToken}'
    emailServiceName: '${abbrs.communicationEmailServices}${resourceToken}'
    dataLocation: communicationDataLocation
    tags: tags
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  scope: rg
  params: {
    name: '${abbrs.keyVaultVaults}${resourceToken}'
    location: location
    tags: tags
    linkSigningKey: linkSigningKey
    privacyHashKey: privacyHashKey
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
}

module api 'modules/function-app.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
    appSettings: {
      // Trigger connections (identity-based).
      ServiceBusConnection__fullyQualifiedNamespace: serviceBus.outputs.fullyQualifiedNamespace
      ServiceBusConnection__credential: 'managedidentity'
      ServiceBusConnection__clientId: identity.outputs.clientId
      CosmosDBConnection__accountEndpoint: cosmos.outputs.endpoint
      CosmosDBConnection__credential: 'managedidentity'
      CosmosDBConnection__clientId: identity.outputs.clientId
      // Application options (the same sections the self-hosted server binds).
      Retention__Storage__Provider: 'Cosmos'
      Retention__Storage__Cosmos__Endpoint: cosmos.outputs.endpoint
      Retention__Storage__Cosmos__Database: cosmos.outputs.databaseName
      Retention__Storage__Cosmos__DataContainer: cosmos.outputs.dataContainerName
      Retention__Storage__Cosmos__KeysContainer: cosmos.outputs.keysContainerName
      Retention__Storage__Cosmos__RegionsContainer: cosmos.outputs.regionsContainerName
      Retention__Storage__Cosmos__RawRecordTimeToLive: '${rawRecordRetentionDays}.00:00:00'
      Retention__ServiceBus__FullyQualifiedNamespace: serviceBus.outputs.fullyQualifiedNamespace
      Retention__ServiceBus__QueueName: serviceBus.outputs.queueName
      Retention__Email__Acs__Endpoint: communication.outputs.endpoint
      Retention__Email__Acs__SenderAddress: communication.outputs.senderAddress
      Retention__Rendering__FromAddress: communication.outputs.senderAddress
      // ACS starts every resource at 30 mails/minute and 100/hour until a quota increase is granted; the
      // rate-limiting decorator of Retention.Email holds sends to it.
      Retention__Email__RateLimit__PerMinute: '30'
      Retention__Email__RateLimit__PerHour: '100'
      Retention__Links__SigningKey: '@Microsoft.KeyVault(VaultName=${keyVault.outputs.name};SecretName=${keyVault.outputs.linkSigningKeySecretName})'
      Retention__Privacy__HashKey: '@Microsoft.KeyVault(VaultName=${keyVault.outputs.name};SecretName=${keyVault.outputs.privacyHashKeySecretName})'
    }
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_NAME string = api.outputs.name
output AZURE_FUNCTION_URI string = api.outputs.uri
output SERVICE_API_NAME string = api.outputs.name
output SERVICE_API_URI string = api.outputs.uri
output AZURE_CLIENT_ID string = identity.outputs.clientId
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.applicationInsightsConnectionString
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_SERVICEBUS_FULLY_QUALIFIED_NAMESPACE string = serviceBus.outputs.fullyQualifiedNamespace
output AZURE_SERVICEBUS_QUEUE_NAME string = serviceBus.outputs.queueName
output AZURE_COSMOS_ENDPOINT string = cosmos.outputs.endpoint
output AZURE_COSMOS_DATABASE_NAME string = cosmos.outputs.databaseName
output AZURE_COMMUNICATION_ENDPOINT string = communication.outputs.endpoint
output AZURE_EMAIL_SENDER_ADDRESS string = communication.outputs.senderAddress
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.endpoint
