// Service Bus namespace + the `nudges` queue: one scheduled message per nudge. Standard tier (duplicate detection
// and scheduled messages need it), local (SAS) auth off, TLS 1.2.
param name string
param location string
param tags object
param queueName string
param logAnalyticsWorkspaceId string
param identityPrincipalId string
param userPrincipalId string = ''
@allowed(['User', 'ServicePrincipal', 'Group'])
param userPrincipalType string = 'User'

@description('How long a message may wait; long enough for a nudge scheduled at enrolment for month 24 (+ pre-arrival).')
param messageTimeToLive string = 'P800D'

var dataReceiver = '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0'
var dataSender = '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'
// The trigger receives; the scheduler schedules and cancels (send rights). The developer gets both for local runs.
var identityRoles = [dataReceiver, dataSender]

resource namespace 'Microsoft.ServiceBus/namespaces@2026-01-01' = {
  name: name
  location: location
  tags: tags
  sku: { name: 'Standard', tier: 'Standard' }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }

  resource queue 'queues' = {
    name: queueName
    properties: {
      // MessageId = nudge id + plan revision: a schedule repeated by a retried request is dropped. Short on
      // purpose: a paused-and-resumed journey re-schedules the same ids after the window has passed.
      requiresDuplicateDetection: true
      duplicateDetectionHistoryTimeWindow: 'PT10M'
      // A send takes seconds; the trigger renews the lock (maxAutoLockRenewalDuration in host.json) if it does not.
      lockDuration: 'PT1M'
      // Transient failures the dispatcher cannot classify escape as exceptions; after 10 deliveries the message
      // is dead-lettered rather than retried forever.
      maxDeliveryCount: 10
      defaultMessageTimeToLive: messageTimeToLive
      deadLetteringOnMessageExpiration: true
      enablePartitioning: false
      requiresSession: false
    }
  }
}

resource identityAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in identityRoles: {
  name: guid(namespace.id, identityPrincipalId, role)
  scope: namespace
  properties: {
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
  }
}]

resource userAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in identityRoles: if (!empty(userPrincipalId)) {
  name: guid(namespace.id, userPrincipalId, role)
  scope: namespace
  properties: {
    principalId: userPrincipalId
    principalType: userPrincipalType
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
  }
}]

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: namespace
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

output name string = namespace.name
output fullyQualifiedNamespace string = '${namespace.name}.servicebus.windows.net'
output queueName string = namespace::queue.name
