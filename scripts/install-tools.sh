#!/usr/bin/env bash
# Installs the repo's tools: Debian's Chromium (and a colour emoji font) for the card renderer, the Bicep CLI from
# NuGet for scripts/check-infra.sh, then the npm tools (Azurite, the Adaptive Cards renderer, markdown-it,
# playwright-core, and for the Teams app package @microsoft/app-manifest, ajv, fflate, pngjs) from package-lock.json.
# Each step runs only when its tool is missing or stale; quiet on success.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# tools/card-renderer drives /usr/bin/chromium through playwright-core; Playwright's own browser downloads cannot
# work on a closed network, so the browser always comes from Debian.
install_debian_packages() {
  local packages=("$@") apt=(apt-get) log
  if ! command -v apt-get >/dev/null 2>&1; then
    return 1
  fi
  if [[ $(id -u) -ne 0 ]]; then
    if ! command -v sudo >/dev/null 2>&1; then
      return 1
    fi
    apt=(sudo -n apt-get) # -n: fail instead of waiting for a password (CI has no terminal)
  fi
  log="$(mktemp)"
  if ! { "${apt[@]}" update -qq && DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y -qq "${packages[@]}"; } >"$log" 2>&1; then
    echo "install-tools: 'apt-get install ${packages[*]}' failed:" >&2
    cat "$log" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
}

debian_packages=()
[[ -x /usr/bin/chromium ]] || debian_packages+=(chromium)
[[ -f /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ]] || debian_packages+=(fonts-noto-color-emoji)
if ((${#debian_packages[@]} > 0)) && ! install_debian_packages "${debian_packages[@]}"; then
  if [[ ! -x /usr/bin/chromium ]]; then
    echo "install-tools: /usr/bin/chromium is missing and apt-get (as root or through sudo) is not available; install Debian's 'chromium' package to render cards (tools/card-renderer)." >&2
    exit 1
  fi
  echo "install-tools: could not install fonts-noto-color-emoji (no apt-get); card screenshots will show emoji as boxes." >&2
fi

# The Bicep CLI pinned in infra/bicep-cli/bicep-cli.csproj, restored into the NuGet cache when it is not there yet.
"$root/infra/bicep-cli/bicep.sh" >/dev/null

# npm writes node_modules/.package-lock.json after every install, so its age is the install's age.
marker="node_modules/.package-lock.json"
if [[ -f "$marker" && -d node_modules/azurite && -d node_modules/markdown-it && -d node_modules/@microsoft/app-manifest && ! package-lock.json -nt "$marker" ]]; then
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "install-tools: npm is not on PATH; install Node.js 20 or later (it ships with npm) and run scripts/install-tools.sh again." >&2
  exit 1
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! npm ci --no-audit --no-fund --loglevel=error >"$log" 2>&1; then
  echo "install-tools: 'npm ci' failed in $root:" >&2
  cat "$log" >&2
  exit 1
fi
# npm ci keeps the lock file's mtime; touch the marker so the next run sees a fresh install.
touch "$marker"
