#!/usr/bin/env bash
# Reminder sweep benchmark (issue 5's target): decide who is due for every milestone of a generated 100,000-milestone
# plan (due dates ±6 months around a fixed now, random reminder states) in ≤ 2 s. Builds Release, runs one cold sweep
# and RUNS timed sweeps, prints times, allocations and the outcome counts, then PASS or FAIL on the slowest sweep;
# exits 1 on FAIL.
#
# Settings (environment variables, defaults in brackets):
#   MILESTONES [100000]   milestones in the generated plan
#   RUNS [5]              timed sweeps after the cold one
#   TARGET_MS [2000]      the target for the slowest sweep
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

# shellcheck source=scripts/lib/run-bench.sh
source "$root/scripts/lib/run-bench.sh"
run_bench PlanBot.ReminderBenchmark \
  --milestones "${MILESTONES:-100000}" --runs "${RUNS:-5}" --target-ms "${TARGET_MS:-2000}"
