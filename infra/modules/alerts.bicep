// Alerts on what needs a person: a reminder or digest sweep that failed, Teams throttling PlanBot (the share of
// connector calls answered 429), and server errors. The first two read the metrics the app exports through
// OpenTelemetry (src/PlanBot.Web/Telemetry/PlanBotTelemetry.cs names them) from Application Insights.
targetScope = 'resourceGroup'

param namePrefix string
param location string
param tags object
param insightsId string
param siteId string

@description('Where alerts are e-mailed; empty: no action group, the alerts show in the portal only.')
param alertEmail string

@description('Share of connector calls answered 429 over 15 minutes above which the throttling alert fires.')
param throttledShare string = '0.01'

var actions = empty(alertEmail) ? [] : [
  actionGroup.id
]

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(alertEmail)) {
  name: '${namePrefix}-alerts'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: take(namePrefix, 12)
    enabled: true
    emailReceivers: [
      {
        name: 'pmo'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

var logAlerts = [
  {
    name: 'failed-sweeps'
    description: 'A reminder or digest sweep failed: reminders or digests due now may not have gone out. The app\'s log says which sweep and why.'
    severity: 1
    query: 'customMetrics | where name == "planbot.sweep.failures" | summarize failures = sum(valueSum) | where failures > 0'
  }
  {
    name: 'teams-throttling'
    description: 'More than ${throttledShare} of connector calls were answered 429 by Teams in 15 minutes: sends are slowing down. Check the instance count and other apps sharing the limit.'
    severity: 2
    query: 'customMetrics | where name == "planbot.connector.requests" | extend status = tostring(customDimensions["http.response.status_code"]) | summarize total = sum(valueSum), throttled = sumif(valueSum, status == "429") | where total > 0 and throttled / total > ${throttledShare}'
  }
]

resource queryAlerts 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [for alert in logAlerts: {
  name: '${namePrefix}-${alert.name}'
  location: location
  tags: tags
  properties: {
    description: alert.description
    severity: alert.severity
    enabled: true
    scopes: [
      insightsId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: alert.query
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: actions
    }
  }
}]

resource serverErrors 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: '${namePrefix}-server-errors'
  location: 'global'
  tags: tags
  properties: {
    description: 'The web app answered with 5xx more than 5 times in 5 minutes (Teams retries, but users may see failures).'
    severity: 2
    enabled: true
    scopes: [
      siteId
    ]
    evaluationFrequency: 'PT1M'
    windowSize: 'PT5M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'http5xx'
          metricName: 'Http5xx'
          metricNamespace: 'Microsoft.Web/sites'
          operator: 'GreaterThan'
          threshold: 5
          timeAggregation: 'Total'
        }
      ]
    }
    actions: [for id in actions: {
      actionGroupId: id
    }]
  }
}
