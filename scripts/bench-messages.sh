#!/usr/bin/env bash
# POST /api/messages benchmark: the bot, validating a real channel token, against a bare ASP.NET Core endpoint on the
# same machine in the same run, driven over loopback by a second process (bench/PlanBot.MessagesBenchmark). Runs are
# interleaved (bare, bot, bare, bot, ...) so background noise hits both. Prints every run, a summary and the ratios,
# and fails when the bot's server-side CPU time per request is over MAX_RATIO times the bare endpoint's.
#
# Settings (environment variables, defaults in brackets):
#   CONCURRENCY [16]  concurrent requests (workers)
#   DURATION [10]     seconds per measured run
#   ROUNDS [2]        measured runs of each target
#   WARMUP [8]        seconds of load on each host before the first run; a fresh bot needs about that to settle
#   RUN_WARMUP [1]    seconds of load before each measured run (the load generator is a fresh process each time)
#   LOCAL_MODE [1]    also measure the bot without authentication, to show what token validation costs (0: skip)
#   MAX_RATIO [2.0]   the limit on the bot's CPU per request relative to the bare endpoint's
#   TEXT [help]       what the simulated user types
#   BENCH_PORT_BASE [5310]     bare endpoint; +1 bot; +2 local-mode bot; +3 channel metadata
#   BENCH_AZURITE_PORT [10093]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

concurrency="${CONCURRENCY:-16}"
duration="${DURATION:-10}"
rounds="${ROUNDS:-2}"
warmup="${WARMUP:-8}"
run_warmup="${RUN_WARMUP:-1}"
local_mode="${LOCAL_MODE:-1}"
max_ratio="${MAX_RATIO:-2.0}"
text="${TEXT:-help}"
port_base="${BENCH_PORT_BASE:-5310}"
azurite_port="${BENCH_AZURITE_PORT:-10093}"
bare_port=$port_base
bot_port=$((port_base + 1))
local_bot_port=$((port_base + 2))
channel_port=$((port_base + 3))
# The bot's identity for the run. The password is never used: replies come back in the HTTP response
# (deliveryMode expectReplies), so the bot never asks for an outbound token.
app_id="3f1b7c52-6a0e-4c8e-9d3a-b3e5c0ffee01"
service_url="https://smba.trafficmanager.net/emea/"
clock_ticks=$(getconf CLK_TCK)

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$bare_port" "$bot_port" "$local_bot_port" "$channel_port"; do
  if port_open "$port"; then
    echo "bench-messages: port $port on 127.0.0.1 is in use; choose free ports with BENCH_PORT_BASE." >&2
    exit 1
  fi
done

work=$(mktemp -d)
started_pids=()
load_pid=""
stop_started() {
  local pid waited
  if [[ -n "$load_pid" ]]; then kill "$load_pid" 2>/dev/null || true; wait "$load_pid" 2>/dev/null || true; fi
  for pid in "${started_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${started_pids[@]}"; do
    waited=0
    while kill -0 "$pid" 2>/dev/null && ((waited < 100)); do sleep 0.1; waited=$((waited + 1)); done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  "$root/scripts/azurite.sh" stop --port "$azurite_port" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap stop_started EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"$root/scripts/install-tools.sh"
for project in src/PlanBot.Web bench/PlanBot.BareEndpoint bench/PlanBot.MessagesBenchmark; do
  if ! dotnet build "$project" --configuration Release --nologo -clp:ErrorsOnly >"$work/build.log" 2>&1; then
    cat "$work/build.log" >&2
    exit 1
  fi
done
bench_dll="$root/bench/PlanBot.MessagesBenchmark/bin/Release/net10.0/PlanBot.MessagesBenchmark.dll"

# start NAME DIRECTORY COMMAND...: runs COMMAND in the background from DIRECTORY (a host from its build folder, so it
# finds its appsettings.json as a deployed host does), logging to $work/NAME.log. `exec` keeps the pid the command's
# own, for /proc CPU accounting and for stopping it.
declare -A pid_of
start() {
  local name=$1 directory=$2
  shift 2
  (cd "$directory" && exec "$@" >"$work/$name.log" 2>&1 </dev/null) &
  started_pids+=("$!")
  pid_of[$name]=$!
}

# wait_ready NAME URL: waits for URL to answer 200, failing early (with the host's log) if the host exits.
# shellcheck source=scripts/lib/wait-for-url.sh
source "$root/scripts/lib/wait-for-url.sh"
wait_ready() { wait_for_url "bench-messages: $1" "$2" "${pid_of[$1]}" "$work/$1.log"; }

connection=$("$root/scripts/azurite.sh" start --port "$azurite_port" --in-memory | tail -n 1)
azurite_pid=$(<"$root/.azurite/azurite-table-$azurite_port.pid")

# The channel first: the bot fetches its signing keys from it on the first authenticated request.
start channel "$root" dotnet "$bench_dll" channel \
  --port "$channel_port" --app-id "$app_id" --service-url "$service_url" --token-file "$work/channel-token"
waited=0
until [[ -s "$work/channel-token" ]]; do
  if ! kill -0 "${pid_of[channel]}" 2>/dev/null || ((waited >= 300)); then
    echo "bench-messages: the channel did not start; its log ends:" >&2
    tail -n 30 "$work/channel.log" >&2 || true
    exit 1
  fi
  sleep 0.1
  waited=$((waited + 1))
done

# Every host runs the same way: Release build, warnings and errors logged only, and an environment that is not
# Development (whose DI scope checks and exception page a deployed host does not run). The bot in local mode (no app id)
# is refused outside Development, so that one runs as Development. Each worker is one user sending as fast as it can,
# far over the per-user rate limit, which is raised so that every message is answered (the limit's check still runs).
host_environment=(ASPNETCORE_ENVIRONMENT=Benchmark Logging__LogLevel__Default=Warning PlanBot__Bot__RateLimit__Burst=2000000000)
web_dir="$root/src/PlanBot.Web/bin/Release/net10.0"
start bare "$root/bench/PlanBot.BareEndpoint/bin/Release/net10.0" env "${host_environment[@]}" \
  ASPNETCORE_URLS="http://127.0.0.1:$bare_port" dotnet PlanBot.BareEndpoint.dll
start bot "$web_dir" env "${host_environment[@]}" ASPNETCORE_URLS="http://127.0.0.1:$bot_port" \
  ConnectionStrings__Tables="$connection" PlanBot__Storage__TablePrefix=benchauth \
  MicrosoftAppId="$app_id" MicrosoftAppPassword=unused-bench-secret MicrosoftAppType=MultiTenant \
  MicrosoftAppTenantId=72f988bf-86f1-41af-91ab-2d7cd011db47 \
  ToBotFromChannelOpenIdMetadataUrl="http://127.0.0.1:$channel_port/v1/.well-known/openidconfiguration" \
  dotnet PlanBot.Web.dll
targets=(bare bot)
if [[ "$local_mode" != 0 ]]; then
  start bot-local "$web_dir" env -u MicrosoftAppId -u MicrosoftAppPassword -u MicrosoftAppType "${host_environment[@]}" \
    ASPNETCORE_ENVIRONMENT=Development PlanBot__SamplePlan__File= \
    ASPNETCORE_URLS="http://127.0.0.1:$local_bot_port" ConnectionStrings__Tables="$connection" PlanBot__Storage__TablePrefix=benchlocal \
    dotnet PlanBot.Web.dll
  targets+=(bot-local)
fi

declare -A url_of=(
  [bare]="http://127.0.0.1:$bare_port" [bot]="http://127.0.0.1:$bot_port" [bot-local]="http://127.0.0.1:$local_bot_port")
declare -A load_options_of=(
  [bare]="--expect bare" [bot]="--expect bot --token-file $work/channel-token" [bot-local]="--expect bot")
for target in "${targets[@]}"; do wait_ready "$target" "${url_of[$target]}/healthz"; done

# load TARGET WARMUP DURATION [OPTION...]: drives TARGET's /api/messages from this second process.
load() {
  local target=$1 warmup_seconds=$2 duration_seconds=$3
  shift 3
  # In the background and waited for, so an interrupt reaches the trap at once and the trap stops this run too.
  # shellcheck disable=SC2086 # the per-target options are deliberately split into words
  dotnet "$bench_dll" load "${url_of[$target]}/api/messages" ${load_options_of[$target]} --label "$target" \
    --concurrency "$concurrency" --warmup "$warmup_seconds" --duration "$duration_seconds" --text "$text" \
    --app-id "$app_id" --service-url "$service_url" \
    --server-pid "${pid_of[$target]}" --storage-pid "$azurite_pid" --clock-ticks "$clock_ticks" "$@" &
  load_pid=$!
  if ! wait "$load_pid"; then
    load_pid=""
    echo "bench-messages: the load on $target failed; its log ends:" >&2
    tail -n 30 "$work/$target.log" >&2 || true
    return 1
  fi
  load_pid=""
}

# Warm-up: JIT and tiering, connection pools, the bot's signing-key cache, conversation references and the sample plan
# import the bot runs at start. Shown only if it fails.
for target in "${targets[@]}"; do
  load "$target" "$warmup" 1 >"$work/warmup-$target.txt" 2>&1 || { cat "$work/warmup-$target.txt" >&2; exit 1; }
done

echo "Measuring ${targets[*]}, $rounds round(s) of ${duration} s each at $concurrency concurrent requests..."
run=0
for _ in $(seq 1 "$rounds"); do
  for target in "${targets[@]}"; do
    run=$((run + 1))
    load "$target" "$run_warmup" "$duration" --result-file "$work/result-$(printf %02d "$run").json"
  done
done

key_fetches=$(grep -c "signing keys were fetched" "$work/channel.log" || true)
echo
echo "The bot fetched the channel's signing keys $key_fetches time(s) during the whole run."
dotnet "$bench_dll" report --baseline bare --primary bot --max-ratio "$max_ratio" "$work"/result-*.json
