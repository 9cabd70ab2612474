// ProBonoBot on Azure: a user-assigned managed identity as the bot's identity (new multi-tenant bots cannot be
// registered since 2025-07-31), Azure Bot with the Teams channel, Linux App Service (.NET 10) with a health check
// on /healthz, PostgreSQL flexible server, Azure OpenAI with a model deployment, Key Vault for secrets (referenced
// from app settings, never inlined), Log Analytics + Application Insights.
targetScope = 'resourceGroup'

@description('Short name used for every resource, e.g. probonobot-prod.')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string = resourceGroup().location

@description('Entra object ids of the club leaders (Club:Leaders).')
param clubLeaders array = []

@description('PostgreSQL administrator login.')
param postgresAdmin string = 'probonoadmin'

@description('PostgreSQL administrator password; stored in Key Vault only.')
@secure()
param postgresPassword string

@description('Azure OpenAI model deployment (used by the drafting feature).')
param openAiModel string = 'gpt-4o-mini'

@description('Azure OpenAI model version.')
param openAiModelVersion string = '2024-07-18'

@description('Install the app through Microsoft Graph for members of proactiveInstallGroupIds (ProactiveInstall:Enabled). Grant the managed identity the Graph permissions first: docs/proactive-install.md.')
param proactiveInstallEnabled bool = false

@description('The app\'s id in the tenant\'s Teams app catalog (ProactiveInstall:CatalogAppId).')
param teamsCatalogAppId string = ''

@description('Entra group object ids whose members should be reachable (ProactiveInstall:GroupIds).')
param proactiveInstallGroupIds array = []

@description('Serve the leaders\' dashboard tab at /dashboard (Dashboard:Enabled; docs/dashboard.md).')
param dashboardEnabled bool = true

@description('The Entra app registration the tab\'s Teams SSO tokens are issued for (Dashboard:ClientId; the manifest\'s webApplicationInfo.id). Empty means the bot\'s own id; a user-assigned managed identity cannot expose an API, so register an app for the tab and put its id here.')
param dashboardClientId string = ''

var tenantId = subscription().tenantId
// The tab's SSO resource, as the Teams manifest's webApplicationInfo.resource names it (api://{BOT_DOMAIN}/botid-{id}).
var dashboardAudience = 'api://${name}-app.azurewebsites.net/botid-${empty(dashboardClientId) ? identity.properties.clientId : dashboardClientId}'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var cognitiveServicesOpenAiUser = '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-id'
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-ai'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: '${name}-kv'
  location: location
  properties: {
    tenantId: tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    enablePurgeProtection: true
  }
}

resource vaultReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultSecretsUser)
  scope: vault
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2023-12-01-preview' = {
  name: '${name}-pg'
  location: location
  sku: { name: 'Standard_B1ms', tier: 'Burstable' }
  properties: {
    version: '15'
    administratorLogin: postgresAdmin
    administratorLoginPassword: postgresPassword
    storage: { storageSizeGB: 32 }
    backup: { backupRetentionDays: 14, geoRedundantBackup: 'Disabled' }
    highAvailability: { mode: 'Disabled' }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2023-12-01-preview' = {
  parent: postgres
  name: 'probonobot'
}

resource allowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2023-12-01-preview' = {
  parent: postgres
  name: 'AllowAzureServices'
  properties: { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }
}

resource connectionSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'ConnectionStrings--ProBono'
  properties: {
    value: 'Host=${postgres.properties.fullyQualifiedDomainName};Database=probonobot;Username=${postgresAdmin};Password=${postgresPassword};Ssl Mode=Require'
  }
}

resource openAi 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: '${name}-openai'
  location: location
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: '${name}-openai'
    disableLocalAuth: true
  }
}

resource openAiDeployment 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: openAi
  name: openAiModel
  sku: { name: 'GlobalStandard', capacity: 50 }
  properties: {
    model: { format: 'OpenAI', name: openAiModel, version: openAiModelVersion }
  }
}

resource openAiUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(openAi.id, identity.id, cognitiveServicesOpenAiUser)
  scope: openAi
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', cognitiveServicesOpenAiUser)
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  kind: 'linux'
  sku: { name: 'B1' }
  properties: { reserved: true }
}

resource web 'Microsoft.Web/sites@2023-12-01' = {
  name: '${name}-app'
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
      appSettings: concat([
        { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }
        { name: 'Urls', value: 'http://0.0.0.0:8080' }
        { name: 'WEBSITES_PORT', value: '8080' }
        { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
        { name: 'MicrosoftAppId', value: identity.properties.clientId }
        { name: 'MicrosoftAppTenantId', value: tenantId }
        { name: 'Storage__Provider', value: 'Postgres' }
        { name: 'Bot__PublicBaseUrl', value: 'https://${name}-app.azurewebsites.net' }
        { name: 'ConnectionStrings__ProBono', value: '@Microsoft.KeyVault(SecretUri=${connectionSecret.properties.secretUri})' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'Drafting__Provider', value: 'AzureOpenAI' }
        { name: 'Drafting__Endpoint', value: openAi.properties.endpoint }
        { name: 'Drafting__Model', value: openAiDeployment.name }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'ProactiveInstall__Enabled', value: string(proactiveInstallEnabled) }
        { name: 'ProactiveInstall__CatalogAppId', value: teamsCatalogAppId }
        { name: 'Dashboard__Enabled', value: string(dashboardEnabled) }
        { name: 'Dashboard__ClientId', value: dashboardClientId }
        { name: 'Dashboard__Audience', value: dashboardAudience }
      ], [for (leader, i) in clubLeaders: { name: 'Club__Leaders__${i}', value: leader }], [for (group, i) in proactiveInstallGroupIds: { name: 'ProactiveInstall__GroupIds__${i}', value: group }])
    }
  }
  dependsOn: [vaultReader, database, allowAzure]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${name}-bot'
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'S1' }
  properties: {
    displayName: 'ProBonoBot'
    endpoint: 'https://${web.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppTenantId: tenantId
    msaAppMSIResourceId: identity.id
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

@description('The bot id for the Teams app manifest (BOT_ID).')
output BOT_ID string = identity.properties.clientId

@description('The bot\'s host name for the manifest\'s validDomains (BOT_DOMAIN).')
output BOT_DOMAIN string = web.properties.defaultHostName

@description('The App Service to deploy the bot to.')
output AZURE_APP_SERVICE_NAME string = web.name

@description('Its resource id, for the Agents Toolkit zip deploy.')
output AZURE_APP_SERVICE_RESOURCE_ID string = web.id

@description('Azure OpenAI v1 endpoint and deployment, for the drafting feature.')
output AZURE_OPENAI_ENDPOINT string = '${openAi.properties.endpoint}openai/v1/'

output AZURE_OPENAI_DEPLOYMENT string = openAiDeployment.name
