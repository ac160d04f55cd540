// Sets a web app's (or slot's) app settings without dropping the ones this template does not know: the deploy script's
// Teams app catalogue id, or anything an administrator added. The current settings are read by the caller with
// list() (they are secrets, so the resource's own properties come back empty) and the template's are laid over them.
targetScope = 'resourceGroup'

@description('The web app.')
param siteName string

@description('A deployment slot of the web app; empty: the production site.')
param slotName string = ''

@description('The app settings as they are now (list(\'…/config/appsettings\').properties).')
@secure()
param current object

@description('The settings the template sets; they win over the current values of the same names.')
param settings object

resource site 'Microsoft.Web/sites@2024-04-01' existing = {
  name: siteName
}

resource slot 'Microsoft.Web/sites/slots@2024-04-01' existing = if (!empty(slotName)) {
  parent: site
  name: slotName
}

resource productionSettings 'Microsoft.Web/sites/config@2024-04-01' = if (empty(slotName)) {
  parent: site
  name: 'appsettings'
  properties: union(current, settings)
}

resource slotSettings 'Microsoft.Web/sites/slots/config@2024-04-01' = if (!empty(slotName)) {
  parent: slot
  name: 'appsettings'
  properties: union(current, settings)
}
