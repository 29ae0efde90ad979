#!/usr/bin/env bash
# Headless Chromium tests (tests/browser/*.test.mjs): the HTML report and the wasm page.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh browser
if [ -x scripts/build-wasm.sh ]; then scripts/build-wasm.sh; fi
cargo build --quiet -p actionplan-cli
cd tests/browser
shopt -s nullglob
files=(*.test.mjs)
if [ ${#files[@]} -eq 0 ]; then
  echo "no browser tests yet"
  exit 0
fi
node --test "${files[@]}"
