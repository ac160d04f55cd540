#!/usr/bin/env bash
# Builds the Teams app package (manifest.json with the bot id, domain and URLs filled in, and the two icons) into
# artifacts/planbot-teams-app.zip, after checking it offline against the official manifest schema and Teams' icon
# rules. Values come from options or PLANBOT_* environment variables: scripts/package-app.sh --help.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if [[ ! -d "$root/node_modules/@microsoft/app-manifest" || ! -d "$root/node_modules/ajv-draft-04" ]]; then
  echo "package-app: the npm tools are missing; run scripts/install-tools.sh first." >&2
  exit 1
fi
exec node "$root/manifest/package.mjs" "$@"
