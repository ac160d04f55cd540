# shellcheck shell=bash
# Sourced by the benchmark scripts.
# wait_for_url WHO URL PID LOG: waits (up to 60 s) for URL to answer 200; if the process PID exits first or time runs
# out, prints the end of its LOG and exits the calling script.
wait_for_url() {
  local who=$1 url=$2 pid=$3 log=$4 waited=0
  until curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null || ((waited >= 600)); then
      echo "$who did not answer $url; its log ends:" >&2
      tail -n 30 "$log" >&2 || true
      exit 1
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
}
