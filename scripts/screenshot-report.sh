#!/usr/bin/env bash
# Render the golden HTML reports (tests/golden/reports/*.html) to PNGs in out/screenshots/ with
# headless Chromium, at 1280 px (or the width given), to look at them as a reader would.
# Usage: scripts/screenshot-report.sh [WIDTH] [REPORT.html ...]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh browser
width="${1:-1280}"
shift || true
reports=("$@")
if [ ${#reports[@]} -eq 0 ]; then reports=(tests/golden/reports/*.html); fi
for r in "${reports[@]}"; do
  node tests/browser/screenshot.mjs "$r" "out/screenshots/$(basename "${r%.html}")-${width}.png" "$width"
done
