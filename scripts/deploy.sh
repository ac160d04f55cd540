#!/usr/bin/env bash
# PlanBot to Azure in one command (docs/deployment.md): provisions infra/main.bicep, deploys the web app to the staging
# slot and swaps it in, grants the managed identity its Microsoft Graph application permissions, builds the Teams app
# package with the deployment's ids, publishes it to the tenant's app catalogue through Graph and stores the catalogue
# id in the app's settings. Every step checks what is there first, so running it again is safe.
#
# Usage: scripts/deploy.sh --resource-group NAME [--location REGION] [--parameters FILE] [--what-if]
#        [--skip-graph-permissions] [--skip-catalogue]
# The app package's publisher details come from PLANBOT_DEVELOPER_NAME, PLANBOT_WEBSITE_URL, PLANBOT_PRIVACY_URL and
# PLANBOT_TERMS_URL (scripts/package-app.sh --help). Needs: az (signed in), dotnet, node, zip, curl, jq.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

group=""
location="uksouth"
parameters="infra/main.parameters.json"
what_if=0
graph_permissions=1
catalogue=1
deployment="planbot"
graph="${PLANBOT_GRAPH_URL:-https://graph.microsoft.com/v1.0}"
# Microsoft Graph's own application id, the same in every tenant.
graph_app_id="00000003-0000-0000-c000-000000000000"
permissions=(User.Read.All TeamsAppInstallation.ReadWriteSelfForUser.All)

usage() { sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --resource-group) group="${2:?}"; shift 2 ;;
    --location) location="${2:?}"; shift 2 ;;
    --parameters) parameters="${2:?}"; shift 2 ;;
    --what-if) what_if=1; shift ;;
    --skip-graph-permissions) graph_permissions=0; shift ;;
    --skip-catalogue) catalogue=0; shift ;;
    *) usage ;;
  esac
done
[[ -n "$group" ]] || usage

step() { echo "deploy: $*"; }
fail() { echo "deploy: $*" >&2; exit 1; }

for tool in az dotnet node zip curl jq; do
  command -v "$tool" >/dev/null || fail "'$tool' is not installed (needed: az, dotnet, node, zip, curl, jq)."
done
if [[ "$catalogue" == 1 ]]; then
  for variable in PLANBOT_DEVELOPER_NAME PLANBOT_WEBSITE_URL PLANBOT_PRIVACY_URL PLANBOT_TERMS_URL; do
    [[ -n "${!variable:-}" ]] || fail "$variable is not set: the Teams app package names its publisher (docs/deployment.md)."
  done
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# 1. Resources. The resource group is created if missing; the template is incremental and keeps app settings it does
#    not own (infra/modules/app-settings.bicep).
step "resource group $group in $location"
az group create --name "$group" --location "$location" --output none
if [[ "$what_if" == 1 ]]; then
  az deployment group what-if --resource-group "$group" --name "$deployment" \
    --template-file infra/main.bicep --parameters "@$parameters"
  exit 0
fi
step "provisioning infra/main.bicep with $parameters"
az deployment group create --resource-group "$group" --name "$deployment" \
  --template-file infra/main.bicep --parameters "@$parameters" \
  --query properties.outputs --output json >"$work/outputs.json"
out() { jq -r --arg name "$1" '.[$name].value' "$work/outputs.json"; }
app="$(out webAppName)"
slot="$(out stagingSlotName)"
principal="$(out identityPrincipalId)"
bot_id="$(out botId)"
domain="$(out botDomain)"

# 2. Code: to the staging slot (its schedulers are off), checked there, then swapped in, so production keeps sending
#    reminders while the new build starts.
step "publishing src/PlanBot.Web"
dotnet publish src/PlanBot.Web --configuration Release --output "$work/web" --nologo --verbosity quiet
(cd "$work/web" && zip -qr "$work/web.zip" .)
step "deploying to $app/$slot"
az webapp deploy --resource-group "$group" --name "$app" --slot "$slot" --src-path "$work/web.zip" --type zip --output none
staging_host="$(az webapp show --resource-group "$group" --name "$app" --slot "$slot" --query defaultHostName --output tsv)"
healthy=0
for _ in $(seq 1 30); do
  if curl --silent --fail --max-time 10 "https://$staging_host/healthz" >/dev/null; then healthy=1; break; fi
  sleep 10
done
[[ "$healthy" == 1 ]] || fail "https://$staging_host/healthz did not answer 200 in 5 minutes; production is unchanged. The app's log stream: az webapp log tail --resource-group $group --name $app --slot $slot"
step "swapping $slot into production"
az webapp deployment slot swap --resource-group "$group" --name "$app" --slot "$slot" --target-slot production --output none

# 3. Microsoft Graph application permissions for the managed identity (needs Privileged Role Administrator or Global
#    Administrator). Only the missing ones are assigned.
if [[ "$graph_permissions" == 1 ]]; then
  graph_sp="$(az ad sp show --id "$graph_app_id" --query id --output tsv)"
  assigned="$(az rest --method GET --uri "$graph/servicePrincipals/$principal/appRoleAssignments" --query "value[].appRoleId" --output tsv)"
  for permission in "${permissions[@]}"; do
    role="$(az ad sp show --id "$graph_app_id" --query "appRoles[?value=='$permission'].id | [0]" --output tsv)"
    if grep -qx "$role" <<<"$assigned"; then
      step "Graph permission $permission: already granted"
      continue
    fi
    step "Graph permission $permission: granting"
    az rest --method POST --uri "$graph/servicePrincipals/$principal/appRoleAssignments" --output none \
      --body "{\"principalId\":\"$principal\",\"resourceId\":\"$graph_sp\",\"appRoleId\":\"$role\"}" \
      || fail "could not grant $permission: it needs Privileged Role Administrator or Global Administrator. Ask one to run this script with --skip-catalogue, or see docs/deployment.md."
  done
fi

# 4. The Teams app: built with this deployment's ids, published to the tenant's catalogue (or a new version of the one
#    there), and its catalogue id stored in both slots' settings for proactive installation.
if [[ "$catalogue" == 1 ]]; then
  app_id="${PLANBOT_APP_ID:-$bot_id}"
  token="$(az account get-access-token --resource-type ms-graph --query accessToken --output tsv)"
  graph_call() { curl --silent --show-error --fail-with-body --header "Authorization: Bearer $token" "$@"; }
  graph_call --get "$graph/appCatalogs/teamsApps" \
    --data-urlencode "\$filter=externalId eq '$app_id'" --data-urlencode '$expand=appDefinitions' >"$work/catalogue.json"
  catalogue_id="$(jq -r '.value[0].id // empty' "$work/catalogue.json")"
  current_version="$(jq -r '[.value[0].appDefinitions[]?.version] | max_by(split(".") | map(tonumber)) // empty' "$work/catalogue.json")"
  if [[ -n "${PLANBOT_APP_VERSION:-}" ]]; then
    version="$PLANBOT_APP_VERSION"
  elif [[ -n "$current_version" ]]; then
    IFS=. read -r major minor patch <<<"$current_version"
    version="$major.$minor.$((patch + 1))"
  else
    version="1.0.0"
  fi
  step "building the Teams app package $app_id version $version"
  PLANBOT_BOT_ID="$bot_id" PLANBOT_BOT_DOMAIN="$domain" PLANBOT_APP_ID="$app_id" PLANBOT_APP_VERSION="$version" \
    scripts/package-app.sh --out "$work/planbot-teams-app.zip"
  if [[ -z "$catalogue_id" ]]; then
    step "publishing it to the tenant's app catalogue"
    graph_call --request POST "$graph/appCatalogs/teamsApps" --header "Content-Type: application/zip" \
      --data-binary "@$work/planbot-teams-app.zip" >"$work/published.json" \
      || fail "Graph refused to publish the app (the signed-in account must be a Teams Administrator): $(cat "$work/published.json" 2>/dev/null)"
    catalogue_id="$(jq -r '.id' "$work/published.json")"
  else
    step "publishing version $version of catalogue app $catalogue_id"
    graph_call --request POST "$graph/appCatalogs/teamsApps/$catalogue_id/appDefinitions" --header "Content-Type: application/zip" \
      --data-binary "@$work/planbot-teams-app.zip" >/dev/null \
      || fail "Graph refused the new version (the signed-in account must be a Teams Administrator)."
  fi
  step "storing catalogue id $catalogue_id as PlanBot__Graph__TeamsAppCatalogId"
  az webapp config appsettings set --resource-group "$group" --name "$app" --output none \
    --settings "PlanBot__Graph__TeamsAppCatalogId=$catalogue_id"
  az webapp config appsettings set --resource-group "$group" --name "$app" --slot "$slot" --output none \
    --settings "PlanBot__Graph__TeamsAppCatalogId=$catalogue_id"
fi

step "done: https://$domain/api/messages is PlanBot's endpoint. A Teams administrator now allows the app (docs/deployment.md, step 2)."
