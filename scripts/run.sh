#!/usr/bin/env bash
# Runs PlanBot locally on its embedded defaults: Azurite for Table storage (data kept in .azurite/),
# the sample plan imported into an empty store, the bot host on http://127.0.0.1:3978.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

"$root/scripts/install-tools.sh"
"$root/scripts/azurite.sh" start
trap '"$root/scripts/azurite.sh" stop' EXIT

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export ConnectionStrings__Tables="${ConnectionStrings__Tables:-UseDevelopmentStorage=true}"
echo "PlanBot is starting on http://127.0.0.1:3978 (health: http://127.0.0.1:3978/healthz). Ctrl+C stops it and Azurite."
dotnet run --project src/PlanBot.Web --launch-profile local "$@"
