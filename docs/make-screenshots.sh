#!/usr/bin/env bash
# Regenerates docs/report-*.png: the analysis report of every example stack, rendered by headless Chromium.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
reports="$(mktemp -d)"
for stack in "$root"/examples/stacks/*.yaml; do
  name="$(basename "$stack" .yaml)"
  "$root/interphase" analyze "$stack" --html "$reports/$name.html" > /dev/null 2>&1
  profile="$(mktemp -d)"
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$profile" --hide-scrollbars \
    --screenshot="$root/docs/report-$name.png" --window-size=1200,2200 "file://$reports/$name.html" 2>/dev/null
  rm -rf "$profile"
done
