#!/usr/bin/env bash
# The npm package as its users get it: packed, installed into a fresh project, and used with no
# configuration by Node (ESM, CommonJS), Deno, Bun, TypeScript, @arethetypeswrong/cli, Vite 5-8
# (dev and build), esbuild (browser and node), webpack and a plain page, in Node, Deno, Bun and
# headless Chromium (tests/npm-consumers/consumers.test.mjs); the tarball holds each WebAssembly
# module once, and bindings-wasm/README.md gives its sizes to the byte (scripts/npm-sizes.mjs).
# The tools (Deno and Bun too, from the npm packages that carry their binaries) are installed
# once in tests/npm-consumers/node_modules. Set KEEP_CONSUMERS=1 to keep the projects.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh npm
scripts/setup.sh browser
scripts/build-wasm.sh
node --test --test-concurrency=1 tests/npm-consumers/
