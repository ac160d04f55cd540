#!/usr/bin/env bash
# Prints the path of the pinned Bicep CLI (Azure.Bicep.CommandLine.linux-x64 from NuGet, version in bicep-cli.csproj),
# restoring it into the NuGet package cache first when it is not there. Used by scripts/check-infra.sh and
# scripts/install-tools.sh; PLANBOT_BICEP overrides it with another bicep binary.
set -euo pipefail

if [[ -n "${PLANBOT_BICEP:-}" ]]; then
  echo "$PLANBOT_BICEP"
  exit 0
fi

project="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/bicep-cli.csproj"

bicep_path() {
  # BicepPath comes from the package's own build/*.props, so it follows NUGET_PACKAGES and the package layout.
  dotnet msbuild "$project" -getProperty:BicepPath -nologo 2>/dev/null || true
}

# Fast path: the package cache's usual layout, with the version pinned in the project.
version="$(sed -n 's/.*Include="Azure.Bicep.CommandLine.linux-x64" Version="\[\([0-9.]*\)\]".*/\1/p' "$project")"
path="${NUGET_PACKAGES:-$HOME/.nuget/packages}/azure.bicep.commandline.linux-x64/$version/tools/bicep"
[[ -n "$version" && -f "$path" ]] || path="$(bicep_path)"
if [[ -z "$path" || ! -f "$path" ]]; then
  log="$(mktemp)"
  if ! dotnet restore "$project" --nologo >"$log" 2>&1; then
    echo "bicep: 'dotnet restore $project' failed (the Bicep CLI comes from NuGet):" >&2
    cat "$log" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
  path="$(bicep_path)"
fi
if [[ -z "$path" || ! -f "$path" ]]; then
  echo "bicep: restored $project but found no Bicep CLI (BicepPath '$path')." >&2
  exit 1
fi
path="$(realpath "$path")"
[[ -x "$path" ]] || chmod +x "$path"
echo "$path"
