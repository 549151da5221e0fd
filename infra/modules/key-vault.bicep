// Key Vault in RBAC mode holding the HMAC key that signs one-click links and the key of the privacy hashes. The app reads it through a Key Vault
// reference in its settings (Key Vault Secrets User); the value comes from the azd preprovision hook.
param name string
param location string
param tags object
param logAnalyticsWorkspaceId string
param identityPrincipalId string
param userPrincipalId string = ''
@allowed(['User', 'ServicePrincipal', 'Group'])
param userPrincipalType string = 'User'

@secure()
@minLength(32)
param linkSigningKey string

@secure()
@minLength(32)
param privacyHashKey string

@description('Purge protection cannot be turned off again and blocks `azd down --purge`; turn it on for production.')
param enablePurgeProtection bool = false

var secretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2026-02-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
    networkAcls: { defaultAction: 'Allow', bypass: 'AzureServices' }
  }

  resource signingKey 'secrets' = {
    name: 'link-signing-key'
    properties: {
      value: linkSigningKey
      contentType: 'text/plain'
    }
  }

  resource hashKey 'secrets' = {
    name: 'privacy-hash-key'
    properties: {
      value: privacyHashKey
      contentType: 'text/plain'
    }
  }
}

resource identitySecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identityPrincipalId, secretsUser)
  scope: vault
  properties: {
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUser)
  }
}

// The preprovision hook reads the key back on a fresh clone of the environment, so it stays the same.
resource userSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(userPrincipalId)) {
  name: guid(vault.id, userPrincipalId, secretsUser)
  scope: vault
  properties: {
    principalId: userPrincipalId
    principalType: userPrincipalType
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUser)
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: vault
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [{ categoryGroup: 'audit', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

output name string = vault.name
output endpoint string = vault.properties.vaultUri
output linkSigningKeySecretName string = vault::signingKey.name
output privacyHashKeySecretName string = vault::hashKey.name
