#!/usr/bin/env bash
# Runs PlanBot locally on its embedded defaults: Azurite for Table storage (data kept in .azurite/), the sample plan
# imported into an empty store, the bot on http://127.0.0.1:3978 in local mode (no MicrosoftAppId, so no inbound
# auth), and the Microsoft 365 Agents Playground pointed at it to chat with. Ctrl+C stops all three.
#   PLANBOT_PLAYGROUND=0 scripts/run.sh     the bot and Azurite only
#   PLANBOT_ACT_AS="Rachel Pilsworth" scripts/run.sh
#                                           the Playground's user is that owner (by a people-file entry tying the name
#                                           to the Playground user's object id; it replaces the local people file), so
#                                           "update" offers their milestones and Save update is allowed
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

bot_url="http://127.0.0.1:3978"
playground_port="${PLANBOT_PLAYGROUND_PORT:-56150}"

"$root/scripts/install-tools.sh"
"$root/scripts/azurite.sh" start

pids=()
stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  "$root/scripts/azurite.sh" stop
}
trap stop_all EXIT
trap 'exit 130' INT TERM

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
# The sample plan is ODKM's January 2020 board paper: appsettings.Development.json answers as at its date, as the
# planbot command line does against the local Azurite (PlanBot__Today= for the real date).
export ConnectionStrings__Tables="${ConnectionStrings__Tables:-UseDevelopmentStorage=true}"
echo "Building and starting PlanBot on $bot_url ..."
dotnet run --project src/PlanBot.Web --launch-profile local "$@" &
pids+=($!)

for _ in $(seq 1 120); do
  if curl -fsS "$bot_url/healthz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "${pids[0]}" 2>/dev/null; then echo "PlanBot stopped while starting; see the messages above." >&2; exit 1; fi
  sleep 1
done
curl -fsS "$bot_url/healthz" >/dev/null || { echo "PlanBot did not answer $bot_url/healthz within 2 minutes." >&2; exit 1; }

if [[ -n "${PLANBOT_ACT_AS:-}" ]]; then
  # PlanBot knows people by Entra object id only: give the Playground's user a GUID and tie the owner's name to it.
  identity="$root/.planbot/playground"
  "$root/scripts/lib/playground-identity.sh" "$PLANBOT_ACT_AS" "$identity" ${PLANBOT_ACT_AS_OBJECT_ID:+"$PLANBOT_ACT_AS_OBJECT_ID"}
  echo "Acting as $PLANBOT_ACT_AS: importing $identity/people.csv as the local people file ..."
  dotnet run --project src/PlanBot.Cli -- people import "$identity/people.csv"
  export M365_AGENTS_PLAYGROUND_CONFIG_PATH="$identity/m365agentsplayground.yml"
fi

if [[ "${PLANBOT_PLAYGROUND:-1}" != "0" ]]; then
  # Teams channel, replies posted back to the Playground's own connector, telemetry off (no network here).
  "$root/node_modules/.bin/agentsplayground" --app-endpoint "$bot_url/api/messages" --channel-id msteams \
    --port "$playground_port" --disable-telemetry &
  pids+=($!)
  for _ in $(seq 1 30); do curl -fsS -o /dev/null "http://127.0.0.1:$playground_port/" 2>/dev/null && break; sleep 1; done
  echo
  echo "PlanBot is running. Open the Agents Playground to chat with it:  http://127.0.0.1:$playground_port/"
  echo "Bot endpoint: $bot_url/api/messages   Health: $bot_url/healthz   Ctrl+C stops everything."
else
  echo "PlanBot is running on $bot_url (health: $bot_url/healthz). Ctrl+C stops it and Azurite."
fi
wait "${pids[0]}"
