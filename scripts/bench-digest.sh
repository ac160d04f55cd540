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

# shellcheck source=scripts/lib/run-bench.sh
source "$root/scripts/lib/run-bench.sh"
run_bench PlanBot.DigestBenchmark \
  --milestones "${MILESTONES:-10000}" --warmup "${WARMUP:-20}" --iterations "${ITERATIONS:-200}" --target-ms "${TARGET_MS:-200}"
