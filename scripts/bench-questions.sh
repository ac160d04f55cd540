#!/usr/bin/env bash
# Question benchmark (issue 4's target): 10,000 mixed questions against a generated 10,000-milestone plan.
#   1. in-process: QuestionAnswerer.Ask timed per question (target p95 < 20 ms), then the per-message path
#      PlanReadModels.GetAsync on Table storage + Ask;
#   2. http: the same questions as Teams message activities (deliveryMode expectReplies) to the real web host's
#      POST /api/messages on loopback, from CONCURRENCY workers and then from one (target p95 < 50 ms each); every
#      response must be 200 with a message reply and no failed turn, and plain questions must get the engine's own answer.
# Azurite (in memory) and the web host (Release, local mode, sample plan off, today pinned) run on spare ports and are
# stopped on exit. Prints every figure, then a PASS/FAIL line per check; exits 1 if any check failed. About 5 minutes
# on 2 cores. The figures are only as good as the machine is quiet: the load average is printed with them.
#
# Settings (environment variables, defaults in brackets):
#   QUESTIONS [10000]        questions per run
#   MILESTONES [10000]       milestones in the generated plan
#   CONCURRENCY [4]          workers for the concurrent HTTP run (a sequential run with 1 worker follows)
#   HTTP_WARMUP [1000]       other questions sent before each HTTP run (the first loads the plan into the host)
#   INPROCESS_TARGET_MS [20] the in-process p95 target
#   HTTP_TARGET_MS [50]      the HTTP p95 target
#   BENCH_PORT [5330]        the web host's port (the next free one from here)
#   BENCH_AZURITE_PORT [10094]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

questions="${QUESTIONS:-10000}"
milestones="${MILESTONES:-10000}"
concurrency="${CONCURRENCY:-4}"
http_warmup="${HTTP_WARMUP:-1000}"
inprocess_target="${INPROCESS_TARGET_MS:-20}"
http_target="${HTTP_TARGET_MS:-50}"
clock_ticks=$(getconf CLK_TCK)
# The date the generated plan is built around (GeneratedPlan.Today): the host must answer "as at" the same day.
today=2020-01-20

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# spare_port FROM: the first port from FROM on that nothing listens on.
spare_port() {
  local port=$1
  while port_open "$port"; do
    port=$((port + 1))
    if ((port > $1 + 100)); then echo "bench-questions: no free port in $1-$port on 127.0.0.1." >&2; exit 1; fi
  done
  echo "$port"
}
web_port=$(spare_port "${BENCH_PORT:-5330}")
azurite_port=$(spare_port "${BENCH_AZURITE_PORT:-10094}")
# Tables of their own, so nothing another run or a developer left in the same Azurite is read.
prefix="benchq$(date +%s)$$"

work=$(mktemp -d)
web_pid=""
azurite_started=""
stop_started() {
  if [[ -n "$web_pid" ]]; then
    kill "$web_pid" 2>/dev/null || true
    local waited=0
    while kill -0 "$web_pid" 2>/dev/null && ((waited < 100)); do sleep 0.1; waited=$((waited + 1)); done
    kill -9 "$web_pid" 2>/dev/null || true
    wait "$web_pid" 2>/dev/null || true
  fi
  if [[ -n "$azurite_started" ]]; then "$root/scripts/azurite.sh" stop --port "$azurite_port" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap stop_started EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"$root/scripts/install-tools.sh"
for project in src/PlanBot.Web bench/PlanBot.QuestionsBenchmark; do
  if ! dotnet build "$project" --configuration Release --nologo -clp:ErrorsOnly >"$work/build.log" 2>&1; then
    cat "$work/build.log" >&2
    exit 1
  fi
done
bench_dll="$root/bench/PlanBot.QuestionsBenchmark/bin/Release/net10.0/PlanBot.QuestionsBenchmark.dll"
bench() { dotnet "$bench_dll" "$@"; }

azurite_started=1
connection=$("$root/scripts/azurite.sh" start --port "$azurite_port" --in-memory | tail -n 1)
azurite_pid=$(<"$root/.azurite/azurite-table-$azurite_port.pid")
export ConnectionStrings__Tables="$connection" PlanBot__Storage__TablePrefix="$prefix"

verdicts="$work/verdicts.txt"
: >"$verdicts"
status=0
# check NAME COMMAND...: runs a benchmark step; a failed target is recorded and the remaining steps still run.
check() {
  local name=$1
  shift
  local code=0 failures_before
  failures_before=$(grep -c '^FAIL' "$verdicts" || true)
  "$@" || code=$?
  if ((code != 0)); then
    status=1
    # A step that stopped before printing its verdict still shows in the summary.
    if (($(grep -c '^FAIL' "$verdicts" || true) == failures_before)); then echo "FAIL: $name exited with code $code" >>"$verdicts"; fi
  fi
  echo
}

load_average() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown; }
# Other work on the machine competes with every figure here: show how busy it was.
echo "Machine: $(nproc) cores, load average $(load_average) (1/5/15 min) at the start"
echo
echo "== Storing the generated plan in Azurite (127.0.0.1:$azurite_port, tables $prefix*) =="
bench store --milestones "$milestones"
echo

check in-process bench inprocess --milestones "$milestones" --questions "$questions" --target-ms "$inprocess_target" \
  --read-models yes --verdict-file "$verdicts"

# The web host as bench-messages.sh runs its local-mode bot: from its build folder, Release, warnings and errors logged
# only, local mode (no MicrosoftAppId: no token needed), which is allowed in Development only, the sample plan off, the
# per-user rate limit raised (the benchmark's users ask far faster than people do), and today pinned to the plan's
# date. With one plan stored, every user's questions go to it.
web_dir="$root/src/PlanBot.Web/bin/Release/net10.0"
(cd "$web_dir" && exec env -u MicrosoftAppId -u MicrosoftAppPassword -u MicrosoftAppType \
  ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning ASPNETCORE_URLS="http://127.0.0.1:$web_port" \
  PlanBot__Bot__RateLimit__Burst=2000000000 \
  PlanBot__Today="$today" PlanBot__SamplePlan__File= \
  dotnet PlanBot.Web.dll >"$work/web.log" 2>&1 </dev/null) &
web_pid=$!
# shellcheck source=scripts/lib/wait-for-url.sh
source "$root/scripts/lib/wait-for-url.sh"
wait_for_url "bench-questions: the web host" "http://127.0.0.1:$web_port/healthz" "$web_pid" "$work/web.log"

url="http://127.0.0.1:$web_port/api/messages"
http_options=(--milestones "$milestones" --questions "$questions" --warmup "$http_warmup" --target-ms "$http_target"
  --server-pid "$web_pid" --storage-pid "$azurite_pid" --clock-ticks "$clock_ticks" --verdict-file "$verdicts")
check http-concurrent bench http "$url" --concurrency "$concurrency" "${http_options[@]}"
check http-sequential bench http "$url" --concurrency 1 "${http_options[@]}"

# The host logs a warning or error for every failed turn; show them rather than let them pass unseen.
if grep -qiE "fail|exception" "$work/web.log"; then
  echo "The web host logged failures ($(grep -ciE "fail|exception" "$work/web.log") lines); the first:"
  grep -iE -m 10 "fail|exception" "$work/web.log" | cut -c1-300
  echo
fi

echo "== Summary (plan: $milestones milestones; $questions questions per run; load average at the end $(load_average) on $(nproc) cores) =="
cat "$verdicts"
if ((status != 0)) || grep -q '^FAIL' "$verdicts"; then exit 1; fi
