#!/usr/bin/env bash
# Renders every INPUT_DIR/*.json Adaptive Card with the official JS renderer in headless Chromium and writes
# OUTPUT_DIR/NAME.png and NAME.render.json. Exit 0: all clean; 1: a card has errors; 2: bad arguments or tools.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

if [[ $# -ne 2 ]]; then
  echo "usage: scripts/render-cards.sh INPUT_DIR OUTPUT_DIR" >&2
  exit 2
fi

"$root/scripts/install-tools.sh"
exec node "$root/tools/card-renderer/render-cards.mjs" "$1" "$2"
