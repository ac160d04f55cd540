#!/usr/bin/env bash
# Runs every PlanBot test. Installs the pinned npm tools first (Azurite); the storage and end-to-end
# tests start their own in-memory Azurite on a free loopback port, so nothing needs to be running.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

"$root/scripts/install-tools.sh"
dotnet build PlanBot.sln --configuration Release --nologo -clp:ErrorsOnly
dotnet test PlanBot.sln --configuration Release --no-build --nologo --logger "console;verbosity=normal" "$@"
