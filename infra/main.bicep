// PlanBot in one resource group: a Linux web app (.NET 10) serving /api/messages, Table storage for plans, an Azure
// Bot registered to a user-assigned managed identity with the Teams channel, Key Vault and Application Insights.
// The managed identity is the bot's identity (MicrosoftAppType=UserAssignedMSI: no app password exists anywhere) and
// also signs the app in to Table storage. Deploy and check: docs/deployment.md, scripts/check-infra.sh.
targetScope = 'resourceGroup'

@description('Start of every resource name: 3 to 10 lower-case letters or digits, starting with a letter (e.g. planbot, odkmbot).')
@minLength(3)
@maxLength(10)
param namePrefix string = 'planbot'

@description('Azure region for everything except the bot registration, which is global. UK South keeps the data in the UK.')
param location string = resourceGroup().location

@description('App Service plan size. Standard (S) or Premium v3 (P…v3): both have the staging slot and Always On that the reminder and digest schedulers need; Premium v3 from P1v3 can also spread its instances over availability zones.')
@allowed([
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
  'P3v3'
])
param appServicePlanSku string = 'P1v3'

@description('How many instances serve the bot. Two or more keep it answering while one restarts; they share one send budget, so more instances do not send faster.')
@minValue(1)
@maxValue(30)
param instanceCount int = 2

@description('Spread the instances over the region\'s availability zones, where the plan size allows it (P1v3 and up, two or more instances, a region with zones). Fixed when the plan is created.')
param zoneRedundant bool = true

@description('Who can reach Table storage and Key Vault. Public: their public endpoints, signed in with the identity. AppOnly: a virtual network, private endpoints and the web app\'s VNet integration; their public endpoints are closed.')
@allowed([
  'Public'
  'AppOnly'
])
param networkAccess string = 'Public'

@description('Address space of the virtual network made when networkAccess is AppOnly (a /24 or larger); the first two /26 subnets hold the app and the private endpoints.')
param virtualNetworkAddressPrefix string = '10.40.0.0/24'

@description('Put a delete lock (CanNotDelete) on the storage account and Key Vault, where the plans and secrets live.')
param deleteLock bool = true

@description('E-mail address that alerts go to (failed sweeps, Teams throttling, server errors); empty: alerts fire in the portal only.')
param alertEmail string = ''

@description('Storage redundancy. Standard_ZRS keeps a copy in each availability zone of the region (UK South has zones).')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_ZRS'

@description('Azure Bot pricing tier. Teams is a standard channel, so F0 carries unlimited Teams messages.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Name of the bot in the Azure portal (users see the name in the Teams app package instead).')
@maxLength(42)
param botDisplayName string = 'PlanBot'

@description('How the app signs in to Table storage. ManagedIdentity: the identity\'s Storage Table Data Contributor role, shared keys off. SharedKey: a connection string with the account key, kept in Key Vault and read through a Key Vault reference.')
@allowed([
  'ManagedIdentity'
  'SharedKey'
])
param tableStorageAuth string = 'ManagedIdentity'

@description('Days Log Analytics keeps the app\'s logs and telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 90

@description('Tags put on every resource, e.g. {"service": "PMO", "costCentre": "123"}.')
param tags object = {}

var suffix = uniqueString(resourceGroup().id)
var useManagedIdentityForTables = tableStorageAuth == 'ManagedIdentity'
var tablesSecretName = 'TablesConnectionString'
var appOnlyNetwork = networkAccess == 'AppOnly'
// Zone redundancy needs Premium v3 from P1v3 and at least two instances (learn.microsoft.com, "Reliability in Azure
// App Service"); smaller plans run their instances in one zone.
var zoneRedundantPlan = zoneRedundant && instanceCount >= 2 && contains(['P1v3', 'P2v3', 'P3v3'], appServicePlanSku)
var stagingSlotName = 'staging'

// Built-in role definitions (the same ids in every tenant).
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${namePrefix}-id-${suffix}'
  location: location
  tags: tags
}

module network 'modules/network.bicep' = if (appOnlyNetwork) {
  name: 'network'
  params: {
    namePrefix: namePrefix
    suffix: suffix
    location: location
    tags: tags
    addressPrefix: virtualNetworkAddressPrefix
    storageAccountId: storage.id
    vaultId: vault.id
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: take('${namePrefix}${suffix}', 24)
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: !useManagedIdentityForTables
    defaultToOAuthAuthentication: useManagedIdentityForTables
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: appOnlyNetwork ? 'Disabled' : 'Enabled'
    networkAcls: {
      defaultAction: appOnlyNetwork ? 'Deny' : 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource tablesRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: '${namePrefix}-kv-${take(suffix, 8)}'
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: appOnlyNetwork ? 'Disabled' : 'Enabled'
    networkAcls: {
      defaultAction: appOnlyNetwork ? 'Deny' : 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource vaultSecretsRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource tablesSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!useManagedIdentityForTables) {
  parent: vault
  name: tablesSecretName
  properties: {
    value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
  }
}

// The plans and the secrets outlive any deployment: deleting either takes removing its lock first, on purpose. The
// locks sit on the two resources, not the resource group, so ARM can still prune the group's deployment history.
resource storageLock 'Microsoft.Authorization/locks@2020-05-01' = if (deleteLock) {
  name: 'planbot-keep-plans'
  scope: storage
  properties: {
    level: 'CanNotDelete'
    notes: 'Holds every plan, update history and reminder ledger. Back up the tables before removing this lock (docs/deployment.md).'
  }
}

resource vaultLock 'Microsoft.Authorization/locks@2020-05-01' = if (deleteLock) {
  name: 'planbot-keep-secrets'
  scope: vault
  properties: {
    level: 'CanNotDelete'
    notes: 'Holds the secrets PlanBot reads.'
  }
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${namePrefix}-logs-${suffix}'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${namePrefix}-ai-${suffix}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${namePrefix}-plan-${suffix}'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: appServicePlanSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
    zoneRedundant: zoneRedundantPlan
  }
}

// Shared by the production site and its staging slot. App settings are not here: siteConfig.appSettings replaces the
// whole list on every deployment, dropping what the deploy script or an administrator added (the Teams app catalogue
// id); modules/app-settings.bicep merges them instead.
var siteProperties = {
  serverFarmId: plan.id
  httpsOnly: true
  clientAffinityEnabled: false
  keyVaultReferenceIdentity: identity.id
  virtualNetworkSubnetId: appOnlyNetwork ? network!.outputs.appSubnetId : null
  siteConfig: {
    linuxFxVersion: 'DOTNETCORE|10.0'
    appCommandLine: 'dotnet PlanBot.Web.dll'
    alwaysOn: true
    http20Enabled: true
    minTlsVersion: '1.2'
    scmMinTlsVersion: '1.2'
    ftpsState: 'Disabled'
    healthCheckPath: '/healthz'
    vnetRouteAllEnabled: appOnlyNetwork
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: '${namePrefix}-${suffix}'
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: siteProperties
  dependsOn: [
    tablesRole
    vaultSecretsRole
    tablesSecret
  ]
}

// A deploy goes to the staging slot, warms up there (its /healthz must answer) and is swapped in, so the production
// instances keep sending reminders throughout. The slot's schedulers stay off: those settings stick to the slot.
resource staging 'Microsoft.Web/sites/slots@2024-04-01' = {
  parent: app
  name: stagingSlotName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: siteProperties
}

// Settings the template owns: set on every run, whatever was there.
var ownedSettings = {
  // The bot's identity: Bot Framework names at the root of configuration (README "Teams endpoint").
  MicrosoftAppType: 'UserAssignedMSI'
  MicrosoftAppId: identity.properties.clientId
  MicrosoftAppTenantId: identity.properties.tenantId
  // Table storage: the Table service URI signed in with the identity, or a Key Vault reference to a connection string
  // holding the account key.
  ConnectionStrings__Tables: useManagedIdentityForTables
    ? storage.properties.primaryEndpoints.table
    : '@Microsoft.KeyVault(SecretUri=${vault.properties.vaultUri}secrets/${tablesSecretName}/)'
  PlanBot__Storage__ManagedIdentityClientId: useManagedIdentityForTables ? identity.properties.clientId : ''
  // No sample plan in production: an empty value turns the seeder off.
  PlanBot__SamplePlan__File: ''
  // OpenTelemetry exports to Application Insights only when this is set.
  APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
  // A swap waits until the slot's /healthz answers 200 on every instance.
  WEBSITE_SWAP_WARMUP_PING_PATH: '/healthz'
  WEBSITE_SWAP_WARMUP_PING_STATUSES: '200'
}

// Which slot sends reminders and digests, and counts itself in the shared send budget. Sticky (slotConfigNames), so a
// swap leaves them with the slot.
var schedulerSettingNames = [
  'PlanBot__Reminders__Enabled'
  'PlanBot__Digests__Enabled'
  'PlanBot__Instances__Enabled'
]

resource stickySettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'slotConfigNames'
  properties: {
    appSettingNames: schedulerSettingNames
  }
}

module appSettings 'modules/app-settings.bicep' = {
  name: 'app-settings'
  params: {
    siteName: app.name
    current: list('${app.id}/config/appsettings', '2024-04-01').properties
    settings: union(ownedSettings, {
      PlanBot__Reminders__Enabled: 'true'
      PlanBot__Digests__Enabled: 'true'
      PlanBot__Instances__Enabled: 'true'
    })
  }
  dependsOn: [
    stickySettings
  ]
}

module stagingSettings 'modules/app-settings.bicep' = {
  name: 'staging-settings'
  params: {
    siteName: app.name
    slotName: staging.name
    current: list('${staging.id}/config/appsettings', '2024-04-01').properties
    settings: union(ownedSettings, {
      PlanBot__Reminders__Enabled: 'false'
      PlanBot__Digests__Enabled: 'false'
      PlanBot__Instances__Enabled: 'false'
    })
  }
  dependsOn: [
    stickySettings
  ]
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  params: {
    namePrefix: namePrefix
    location: location
    tags: tags
    insightsId: insights.id
    siteId: app.id
    alertEmail: alertEmail
  }
}

// Deployments sign in with Microsoft Entra ID (az webapp deploy); FTP and Kudu basic-auth passwords stay off.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'scm'
  properties: {
    allow: false
  }
}

var botEndpoint = 'https://${app.properties.defaultHostName}/api/messages'

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${namePrefix}-bot-${suffix}'
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: botEndpoint
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppTenantId: identity.properties.tenantId
    msaAppMSIResourceId: identity.id
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      acceptedTerms: true
    }
  }
}

@description('The messaging endpoint registered on the Azure Bot.')
output botEndpoint string = botEndpoint

@description('The bot id for the Teams app package (PLANBOT_BOT_ID): the managed identity\'s client id.')
output botId string = identity.properties.clientId

@description('The host name for the Teams app package (PLANBOT_BOT_DOMAIN).')
output botDomain string = app.properties.defaultHostName

@description('Object id of the managed identity\'s service principal, to grant Microsoft Graph application permissions to.')
output identityPrincipalId string = identity.properties.principalId

output tenantId string = identity.properties.tenantId
output webAppName string = app.name
output storageAccountName string = storage.name
output keyVaultName string = vault.name
output stagingSlotName string = staging.name
output resourceGroupName string = resourceGroup().name
