#!/usr/bin/env bash
# Import benchmark: generates a 10,000-milestone tracker workbook, then times parsing it and importing it
# end to end into Azurite, each run in a fresh process. Prints the figures; targets are in the README.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
count="${1:-10000}"
runs="${RUNS:-3}"
port="${BENCH_AZURITE_PORT:-10092}"

"$root/scripts/install-tools.sh"
dotnet build bench/PlanBot.Benchmarks --configuration Release --nologo -clp:ErrorsOnly
bench() { dotnet bench/PlanBot.Benchmarks/bin/Release/net10.0/PlanBot.Benchmarks.dll "$@"; }

work=$(mktemp -d)
connection=$("$root/scripts/azurite.sh" start --port "$port" --in-memory | tail -n 1)
trap '"$root/scripts/azurite.sh" stop --port "$port" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

bench generate "$work/tracker.xlsx" "$count"
for i in $(seq 1 "$runs"); do bench parse "$work/tracker.xlsx"; done
for i in $(seq 1 "$runs"); do ConnectionStrings__Tables="$connection" bench e2e "$work/tracker.xlsx" "bench$i"; done
