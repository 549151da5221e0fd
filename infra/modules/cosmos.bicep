// Cosmos DB for NoSQL, serverless, keys off (Entra data-plane roles only), TLS 1.2. Containers are created here, not
// by the app. Everything an employer owns is partitioned by /employerId; API keys by their id.
param name string
param location string
param tags object
param databaseName string
param logAnalyticsWorkspaceId string
param identityPrincipalId string
param userPrincipalId string = ''

@description('Raw-record retention in seconds (container default TTL); documents may set a shorter `ttl`.')
param rawRecordTtlSeconds int

// Cosmos DB Built-in Data Contributor (a Cosmos SQL role, not an Azure RBAC role).
var dataContributor = '00000000-0000-0000-0000-000000000002'

// Hot paths are point reads; only the properties that listings and journey queries filter or sort on are indexed.
var containers = [
  { name: 'enrollments', partitionKey: '/employerId', ttl: rawRecordTtlSeconds, included: ['/status/?', '/externalId/?', '/createdAt/?'] }
  { name: 'nudges', partitionKey: '/employerId', ttl: rawRecordTtlSeconds, included: ['/enrollmentId/?', '/status/?', '/dueAt/?'] }
  { name: 'events', partitionKey: '/employerId', ttl: rawRecordTtlSeconds, included: ['/enrollmentId/?'] }
  { name: 'keys', partitionKey: '/id', ttl: -1, included: [] }
  { name: 'aggregates', partitionKey: '/employerId', ttl: -1, included: [] }
  { name: 'leases', partitionKey: '/id', ttl: -1, included: ['/*'] }
]

resource account 'Microsoft.DocumentDB/databaseAccounts@2026-03-15' = {
  name: name
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    capabilities: [{ name: 'EnableServerless' }]
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    locations: [{ locationName: location, failoverPriority: 0, isZoneRedundant: false }]
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
    enableAutomaticFailover: false
    enableFreeTier: false
  }

  resource database 'sqlDatabases' = {
    name: databaseName
    properties: {
      resource: { id: databaseName }
    }
  }
}

resource sqlContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2026-03-15' = [for container in containers: {
  parent: account::database
  name: container.name
  properties: {
    resource: {
      id: container.name
      partitionKey: { paths: [container.partitionKey], kind: 'Hash', version: 2 }
      defaultTtl: container.ttl
      indexingPolicy: {
        indexingMode: 'consistent'
        automatic: true
        includedPaths: [for path in container.included: { path: path }]
        excludedPaths: contains(container.included, '/*') ? [{ path: '/"_etag"/?' }] : [{ path: '/*' }]
      }
    }
  }
}]

resource identityDataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2026-03-15' = {
  parent: account
  name: guid(account.id, identityPrincipalId, dataContributor)
  properties: {
    principalId: identityPrincipalId
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributor}'
    scope: account.id
  }
}

resource userDataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2026-03-15' = if (!empty(userPrincipalId)) {
  parent: account
  name: guid(account.id, userPrincipalId, dataContributor)
  properties: {
    principalId: userPrincipalId
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributor}'
    scope: account.id
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: account
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logAnalyticsDestinationType: 'Dedicated'
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'Requests', enabled: true }]
  }
}

output name string = account.name
output endpoint string = account.properties.documentEndpoint
output databaseName string = account::database.name
