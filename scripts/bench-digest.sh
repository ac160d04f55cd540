#!/usr/bin/env bash
# Weekly digest benchmark (issue 6's target): compose the chair's digest of a generated 10,000-milestone plan (last
# week's snapshot with a week of changes, exception report entries, reminder states) and lay it out as Adaptive Cards
# within the size limit, in ≤ 200 ms. Builds Release, runs one cold digest, WARMUP untimed ones, then ITERATIONS timed
# ones of each measurement; prints p50/p95/max, allocations, the card count and sizes, then PASS or FAIL on the slowest
# compose + cards; exits 1 on FAIL.
#
# Settings (environment variables, defaults in brackets):
#   MILESTONES [10000]    milestones in the generated plan
#   WARMUP [20]           untimed runs before timing
#   ITERATIONS [200]      timed runs of each measurement
#   TARGET_MS [200]       the target for the slowest compose + cards
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! dotnet build bench/PlanBot.DigestBenchmark --configuration Release --nologo -clp:ErrorsOnly >"$log" 2>&1; then
  cat "$log" >&2
  echo "FAIL: the benchmark did not build" >&2
  exit 1
fi

dotnet bench/PlanBot.DigestBenchmark/bin/Release/net10.0/PlanBot.DigestBenchmark.dll \
  --milestones "${MILESTONES:-10000}" --warmup "${WARMUP:-20}" --iterations "${ITERATIONS:-200}" --target-ms "${TARGET_MS:-200}"
