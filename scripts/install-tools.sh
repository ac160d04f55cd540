#!/usr/bin/env bash
# Installs the repo's npm tools (Azurite) from package-lock.json.
# Runs `npm ci` only when node_modules is missing or older than the lock file; quiet on success.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# npm writes node_modules/.package-lock.json after every install, so its age is the install's age.
marker="node_modules/.package-lock.json"
if [[ -f "$marker" && -d node_modules/azurite && ! package-lock.json -nt "$marker" ]]; then
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "install-tools: npm is not on PATH; install Node.js 20 or later (it ships with npm) and run scripts/install-tools.sh again." >&2
  exit 1
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! npm ci --no-audit --no-fund --loglevel=error >"$log" 2>&1; then
  echo "install-tools: 'npm ci' failed in $root:" >&2
  cat "$log" >&2
  exit 1
fi
# npm ci keeps the lock file's mtime; touch the marker so the next run sees a fresh install.
touch "$marker"
