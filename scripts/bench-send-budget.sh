#!/usr/bin/env bash
# Shared send budget benchmark (issue 20's target): two hosts, each with the web host's own services (connector client
# with its limiter and retries, instance heartbeats in an in-memory Azurite it starts), send as fast as they are let to
# one fake Teams connector on loopback that answers 429 over Teams' limits (50 requests a second per app, 7 a second
# per conversation). Runs once with the heartbeats sharing the budget and once with each host pacing at the whole
# budget, then PASS or FAIL on the shared run reaching MIN_RATIO of 50/s with at most MAX_THROTTLED answered 429; exits
# 1 on FAIL. Run it on an otherwise idle machine.
#
# Settings (environment variables, defaults in brackets):
#   SECONDS_PER_RUN [20]   how long each run sends
#   BUDGET [48]            the app-wide limit the hosts share (PlanBot:Bot:Connector:GlobalLimit), requests a second
#   MIN_RATIO [0.95]       the target: accepted requests a second / 50
#   MAX_THROTTLED [0.005]  the target: requests answered 429 / all requests
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

"$root/scripts/install-tools.sh" >/dev/null
# shellcheck source=scripts/lib/run-bench.sh
source "$root/scripts/lib/run-bench.sh"
run_bench PlanBot.SendBudgetBenchmark \
  --seconds "${SECONDS_PER_RUN:-20}" --budget "${BUDGET:-48}" --min-ratio "${MIN_RATIO:-0.95}" --max-throttled "${MAX_THROTTLED:-0.005}"
