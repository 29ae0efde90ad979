#!/usr/bin/env bash
# The npm package as its users get it: packed, installed into a fresh project, and used with no
# configuration by Node (ESM, CommonJS), TypeScript, @arethetypeswrong/cli, Vite (dev and build),
# esbuild (browser and node), webpack and a plain page, in Node and headless Chromium
# (tests/npm-consumers/consumers.test.mjs). Set KEEP_CONSUMERS=1 to keep the projects.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh npm
scripts/setup.sh browser
scripts/build-wasm.sh
node --test --test-concurrency=1 tests/npm-consumers/
