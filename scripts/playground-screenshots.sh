#!/usr/bin/env bash
# Regenerates the README's Agents Playground screenshots (docs/playground-first-chat.png, docs/playground-overdue.png)
# from the real thing: an in-memory Azurite on a free port, the bot built and started in Development (local mode, the
# sample plan as at 20 Jan 2020, no schedulers), the Agents Playground pointed at it, and headless Chromium driving the
# Playground's page (tools/playground-check/readme-screenshots.mjs). Everything it starts is stopped at the end.
#   scripts/playground-screenshots.sh [OUT_DIR]      default docs/
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
out="${1:-$root/docs}"

"$root/scripts/install-tools.sh" >/dev/null

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
azurite_port=$(free_port)
bot_port=$(free_port)
playground_port=$(free_port)
work=$(mktemp -d -t planbot-screenshots-XXXXXX)

pids=()
stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  "$root/scripts/azurite.sh" stop --port "$azurite_port" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap stop_all EXIT
trap 'exit 130' INT TERM

"$root/scripts/azurite.sh" start --port "$azurite_port" --in-memory >/dev/null
# The well-known Azurite development account key (public, documented by Microsoft; not a secret).
tables="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$azurite_port/devstoreaccount1;"

echo "Building PlanBot ..."
dotnet build src/PlanBot.Web -c Release -clp:ErrorsOnly --nologo >/dev/null
ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$bot_port" ConnectionStrings__Tables="$tables" \
  PlanBot__Today=2020-01-20 PlanBot__SamplePlan__File="$root/samples/odkm-2019-20.txt" PlanBot__SamplePlan__PlanId=odkm \
  PlanBot__Reminders__Enabled=false PlanBot__Digests__Enabled=false \
  dotnet src/PlanBot.Web/bin/Release/net10.0/PlanBot.Web.dll >"$work/bot.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 240); do
  grep -q "Imported the sample plan odkm" "$work/bot.log" 2>/dev/null && break
  kill -0 "${pids[0]}" 2>/dev/null || { echo "PlanBot stopped while starting:" >&2; tail -n 30 "$work/bot.log" >&2; exit 1; }
  sleep 0.5
done
grep -q "Imported the sample plan odkm" "$work/bot.log" || { echo "PlanBot did not import the sample plan:" >&2; tail -n 30 "$work/bot.log" >&2; exit 1; }

# Without a desktop the Playground would try to open a browser and exit; its own log stays in the work folder.
(cd "$work" && TEAMSAPPTESTER_BROWSER=none M365_AGENTS_PLAYGROUND_LOGFILE="$work/playground-devtools.log" \
  exec "$root/node_modules/.bin/agentsplayground" --app-endpoint "http://127.0.0.1:$bot_port/api/messages" --channel-id msteams \
  --port "$playground_port" --disable-telemetry >"$work/playground.log" 2>&1) &
pids+=($!)
for _ in $(seq 1 120); do curl -fsS -o /dev/null "http://127.0.0.1:$playground_port/" 2>/dev/null && break; sleep 0.5; done

node tools/playground-check/readme-screenshots.mjs "http://127.0.0.1:$playground_port/" "$out"
