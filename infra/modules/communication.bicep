// Azure Communication Services + Email Communication Service with an Azure-managed domain
// (<guid>.azurecomm.net, verified by Azure, sends at once) linked to it. The app authenticates with Entra ID.
param communicationServiceName string
param emailServiceName string
param tags object
param logAnalyticsWorkspaceId string
param identityPrincipalId string
param userPrincipalId string = ''
@allowed(['User', 'ServicePrincipal', 'Group'])
param userPrincipalType string = 'User'

@description('Where Communication Services keeps data at rest; the email domain must be in the same geography.')
param dataLocation string = 'Europe'

// Communication and Email Service Owner: the built-in role that lets an Entra identity send e-mail.
var emailSender = '09976791-48a7-449e-bb21-39d1a415f350'

resource emailService 'Microsoft.Communication/emailServices@2025-09-01' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
  }

  resource managedDomain 'domains' = {
    name: 'AzureManagedDomain'
    location: 'global'
    tags: tags
    properties: {
      domainManagement: 'AzureManaged'
      // No open/click tracking: the one-click links must stay the signed links we sent.
      userEngagementTracking: 'Disabled'
    }
  }
}

resource communicationService 'Microsoft.Communication/communicationServices@2025-09-01' = {
  name: communicationServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    linkedDomains: [emailService::managedDomain.id]
  }
}

resource identitySender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(communicationService.id, identityPrincipalId, emailSender)
  scope: communicationService
  properties: {
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', emailSender)
  }
}

resource userSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(userPrincipalId)) {
  name: guid(communicationService.id, userPrincipalId, emailSender)
  scope: communicationService
  properties: {
    principalId: userPrincipalId
    principalType: userPrincipalType
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', emailSender)
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: communicationService
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

output name string = communicationService.name
output endpoint string = 'https://${communicationService.properties.hostName}'
output senderDomain string = emailService::managedDomain.properties.mailFromSenderDomain
output senderAddress string = 'DoNotReply@${emailService::managedDomain.properties.mailFromSenderDomain}'
