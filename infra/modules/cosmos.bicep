// Cosmos DB for NoSQL, serverless, keys off (Entra data-plane roles only), TLS 1.2. Containers are created here, not
// by the app. Everything an employer owns is in one container partitioned by /employerId; API keys by their id;
// regions (curated content, shared by employers) by /regionId.
param name string
param location string
param tags object
param databaseName string
param logAnalyticsWorkspaceId string
param identityPrincipalId string
param userPrincipalId string = ''

// Cosmos DB Built-in Data Contributor (a Cosmos SQL role, not an Azure RBAC role).
var dataContributor = '00000000-0000-0000-0000-000000000002'

// The containers of Retention.Storage.Cosmos (CosmosDatabase.DataContainerProperties / KeysContainerProperties /
// RegionsContainerProperties, see
// docs/cosmos.md), plus the dashboard aggregates and the change-feed leases. Hot paths are point reads; only what
// the two queries touch (the listing, the stranded-nudge repair) is indexed: writes stay cheap, personal data out of the index.
var containers = [
  {
    name: 'employer-data'
    partitionKey: '/employerId'
    // TTL on without a default expiry: each document carries its own `ttl` (Retention:Storage:Cosmos:RawRecordTimeToLive).
    defaultTtl: -1
    includedPaths: ['/employerId/?', '/type/?', '/status/?', '/createdAtMs/?', '/enrollmentId/?', '/firesAtMs/?']
    excludedPaths: ['/*']
    compositeIndexes: [
      [
        { path: '/createdAtMs', order: 'ascending' }
        { path: '/enrollmentId', order: 'ascending' }
      ]
    ]
  }
  {
    name: 'api-keys'
    partitionKey: '/id'
    defaultTtl: null
    includedPaths: []
    excludedPaths: ['/*']
    compositeIndexes: []
  }
  {
    // Aggregates outlive raw records (erasure and TTL keep them), so no TTL here.
    name: 'aggregates'
    partitionKey: '/employerId'
    defaultTtl: null
    includedPaths: []
    excludedPaths: ['/*']
    compositeIndexes: []
  }
  {
    // A region's document and feeds in its partition; municipality claims and the region directory in the partition
    // '~directory'. Point reads only, so nothing is indexed; regions are curated content, not raw records: no TTL.
    name: 'regions'
    partitionKey: '/regionId'
    defaultTtl: null
    includedPaths: []
    excludedPaths: ['/*']
    compositeIndexes: []
  }
  {
    name: 'leases'
    partitionKey: '/id'
    defaultTtl: null
    includedPaths: ['/*']
    excludedPaths: ['/"_etag"/?']
    compositeIndexes: []
  }
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
      defaultTtl: container.defaultTtl
      indexingPolicy: {
        indexingMode: 'consistent'
        automatic: true
        includedPaths: [for path in container.includedPaths: { path: path }]
        excludedPaths: [for path in container.excludedPaths: { path: path }]
        compositeIndexes: container.compositeIndexes
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
output dataContainerName string = containers[0].name
output keysContainerName string = containers[1].name
output regionsContainerName string = containers[3].name
