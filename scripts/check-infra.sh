#!/usr/bin/env bash
# Checks infra/ offline: compiles infra/main.bicep with the pinned Bicep CLI (resource types and property names checked
# against the Azure type definitions bundled with Bicep, plus the linter rules in infra/bicepconfig.json; any warning
# fails), then checks infra/main.parameters.json against the compiled template and that docs/deployment.md names
# every parameter. Usage: scripts/check-infra.sh [--out FILE] (FILE: keep the compiled ARM template there).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

out=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --out)
      [[ $# -ge 2 ]] || { echo "check-infra: --out needs a file name" >&2; exit 2; }
      out="$2"
      shift 2
      ;;
    *) echo "usage: scripts/check-infra.sh [--out FILE]" >&2; exit 2 ;;
  esac
done

bicep="$(infra/bicep-cli/bicep.sh)"
if [[ -n "${PLANBOT_BICEP:-}" ]]; then
  version="$("$bicep" --version)"
else
  version="Bicep CLI $(basename "$(dirname "$(dirname "$bicep")")")" # …/azure.bicep.commandline.linux-x64/VERSION/tools/bicep
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

compiled="$work/main.json"
if ! "$bicep" build infra/main.bicep --outfile "$compiled" 2>"$work/diagnostics"; then
  echo "check-infra: infra/main.bicep does not compile ($version):" >&2
  cat "$work/diagnostics" >&2
  exit 1
fi
# Bicep reports warnings (unknown properties, linter rules) but still compiles; here a warning fails the check.
if grep -Eq ' : (Warning|Error) ' "$work/diagnostics"; then
  echo "check-infra: infra/main.bicep compiles with warnings ($version):" >&2
  cat "$work/diagnostics" >&2
  exit 1
fi

node infra/check-parameters.mjs "$compiled" infra/main.parameters.json docs/deployment.md

if [[ -n "$out" ]]; then
  cp "$compiled" "$out"
fi
echo "check-infra: infra/main.bicep compiles cleanly with $version"
