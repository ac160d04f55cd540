#!/usr/bin/env bash
# Reminder dispatch benchmark (issue 5's target): one sweep sends REMINDERS reminders, each to its own owner's stored
# 1:1 chat, through the web host's real dispatcher, ledger (an in-memory Azurite it starts) and connector client (with
# its limiter) to a fake Teams connector on loopback. Runs once unpaced (the loop's own cost per reminder) and once
# paced at LIMIT requests a second (the client-side Teams limit, 40/s by default), then PASS or FAIL on the paced rate
# being at least MIN_RATIO of the limit; exits 1 on FAIL. Run it on an otherwise idle machine.
#
# Settings (environment variables, defaults in brackets):
#   REMINDERS [400]   reminders in the sweep
#   LIMIT [40]        the app-wide limit the connector client paces to, requests per second
#   MIN_RATIO [0.9]   the target: paced send rate / LIMIT
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

"$root/scripts/install-tools.sh" >/dev/null
# shellcheck source=scripts/lib/run-bench.sh
source "$root/scripts/lib/run-bench.sh"
run_bench PlanBot.DispatchBenchmark \
  --reminders "${REMINDERS:-400}" --limit "${LIMIT:-40}" --min-ratio "${MIN_RATIO:-0.9}"
