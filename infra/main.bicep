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

@description('App Service plan size. B1 is enough for one programme office; every size listed supports Always On, which the reminder and digest schedulers need.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
])
param appServicePlanSku string = 'B1'

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

// Built-in role definitions (the same ids in every tenant).
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${namePrefix}-id-${suffix}'
  location: location
  tags: tags
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
    publicNetworkAccess: 'Enabled'
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
    publicNetworkAccess: 'Enabled'
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
  }
  properties: {
    reserved: true
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
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      appCommandLine: 'dotnet PlanBot.Web.dll'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
      appSettings: [
        // The bot's identity: Bot Framework names at the root of configuration (README "Teams endpoint").
        {
          name: 'MicrosoftAppType'
          value: 'UserAssignedMSI'
        }
        {
          name: 'MicrosoftAppId'
          value: identity.properties.clientId
        }
        {
          name: 'MicrosoftAppTenantId'
          value: identity.properties.tenantId
        }
        // Table storage: the Table service URI signed in with the identity, or a Key Vault reference to a
        // connection string holding the account key.
        {
          name: 'ConnectionStrings__Tables'
          value: useManagedIdentityForTables
            ? storage.properties.primaryEndpoints.table
            : '@Microsoft.KeyVault(SecretUri=${vault.properties.vaultUri}secrets/${tablesSecretName}/)'
        }
        {
          name: 'PlanBot__Storage__ManagedIdentityClientId'
          value: useManagedIdentityForTables ? identity.properties.clientId : ''
        }
        // No sample plan in production: an empty value turns the seeder off.
        {
          name: 'PlanBot__SamplePlan__File'
          value: ''
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: insights.properties.ConnectionString
        }
        {
          name: 'ApplicationInsightsAgent_EXTENSION_VERSION'
          value: '~3'
        }
        {
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'false'
        }
      ]
    }
  }
  dependsOn: [
    tablesRole
    vaultSecretsRole
    tablesSecret
  ]
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
