#!/usr/bin/env bash
# Local Azurite Table storage for PlanBot: scripts/azurite.sh start|stop|status [--port N] [--in-memory]
set -euo pipefail

usage() {
  echo "usage: scripts/azurite.sh start|stop|status [--port N] [--in-memory]" >&2
  exit 2
}

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state_dir="$root/.azurite"
port=10002
in_memory=false
startup_timeout=30

[[ $# -ge 1 ]] || usage
command="$1"
shift
while [[ $# -gt 0 ]]; do
  case "$1" in
    --port)
      [[ $# -ge 2 && "$2" =~ ^[0-9]+$ && "$2" -ge 1 && "$2" -le 65535 ]] || { echo "azurite: --port needs a number from 1 to 65535" >&2; exit 2; }
      port="$2"
      shift 2
      ;;
    --in-memory) in_memory=true; shift ;;
    -h|--help) usage ;;
    *) echo "azurite: unknown option '$1'" >&2; usage ;;
  esac
done

pid_file="$state_dir/azurite-table-$port.pid"
log_file="$state_dir/azurite-table-$port.log"
# The well-known Azurite development account key (public, documented by Microsoft; not a secret).
connection_string="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$port/devstoreaccount1;"

port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

# Prints the pid when the pid file names a live Azurite process.
running_pid() {
  [[ -f "$pid_file" ]] || return 1
  local pid
  pid="$(<"$pid_file")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  ps -p "$pid" -o args= 2>/dev/null | grep -q azurite || return 1
  echo "$pid"
}

start() {
  local pid
  if pid="$(running_pid)"; then
    echo "Azurite Table is already running on 127.0.0.1:$port (pid $pid)." >&2
    echo "$connection_string"
    return 0
  fi
  rm -f "$pid_file"
  if port_open; then
    echo "azurite: port $port on 127.0.0.1 is already in use by another process; choose one with --port N." >&2
    exit 1
  fi

  "$root/scripts/install-tools.sh"
  mkdir -p "$state_dir"

  local args=(--tableHost 127.0.0.1 --tablePort "$port" --skipApiVersionCheck --loose --disableTelemetry --silent)
  if [[ "$in_memory" == true ]]; then
    args+=(--inMemoryPersistence)
  else
    args+=(--location "$state_dir")
  fi

  # Run from .azurite/ so nothing Azurite writes lands in the work tree; setsid (where there is one) detaches it
  # from this shell's session so closing the terminal does not stop it.
  local launcher=()
  command -v setsid >/dev/null 2>&1 && launcher=(setsid)
  (cd "$state_dir" && exec ${launcher[@]+"${launcher[@]}"} "$root/node_modules/.bin/azurite-table" "${args[@]}" >"$log_file" 2>&1 </dev/null) &
  pid=$!
  echo "$pid" >"$pid_file"

  local waited=0
  until port_open; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$pid_file"
      echo "azurite: Azurite Table exited before listening on 127.0.0.1:$port; its log ($log_file) ends:" >&2
      tail -n 20 "$log_file" >&2 || true
      exit 1
    fi
    if (( waited >= startup_timeout * 10 )); then
      kill "$pid" 2>/dev/null || true
      rm -f "$pid_file"
      echo "azurite: Azurite Table did not accept connections on 127.0.0.1:$port within ${startup_timeout}s; see $log_file." >&2
      exit 1
    fi
    sleep 0.1
    waited=$((waited + 1))
  done

  local where="data in $state_dir"
  [[ "$in_memory" == true ]] && where="in memory"
  echo "Azurite Table started on 127.0.0.1:$port (pid $pid, $where)." >&2
  echo "$connection_string"
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$pid_file"
    echo "Azurite Table is not running on port $port." >&2
    return 0
  fi
  kill "$pid"
  local waited=0
  while kill -0 "$pid" 2>/dev/null; do
    if (( waited >= 100 )); then
      kill -9 "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  rm -f "$pid_file"
  echo "Azurite Table stopped (pid $pid)." >&2
}

status() {
  local pid
  if pid="$(running_pid)"; then
    echo "Azurite Table is running on 127.0.0.1:$port (pid $pid)." >&2
    echo "$connection_string"
  else
    echo "Azurite Table is not running on port $port." >&2
    exit 1
  fi
}

case "$command" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) usage ;;
esac
