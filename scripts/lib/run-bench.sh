# shellcheck shell=bash
# Sourced by the benchmark scripts.
# run_bench PROJECT [ARG...]: builds bench/PROJECT in Release (quietly: on failure it prints the build log and a FAIL
# line, and the calling script exits 1), prints the machine's load average, then runs the benchmark with ARGs and
# returns its exit code.
run_bench() {
  local project=$1 log
  shift
  log=$(mktemp)
  if ! dotnet build "bench/$project" --configuration Release --nologo -clp:ErrorsOnly >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "FAIL: the benchmark did not build" >&2
    exit 1
  fi
  rm -f "$log"
  # Other work on the machine competes with every figure: show how busy it was.
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min) on $(nproc) cores"
  dotnet "bench/$project/bin/Release/net10.0/$project.dll" "$@"
}
