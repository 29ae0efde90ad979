#!/usr/bin/env bash
# WebAssembly tests: lint the binding for both targets (with and without the Office features),
# build the package, and run the Node tests (bindings-wasm/tests/*.test.mjs) over the Node build
# against the shared fixtures.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-wasm.sh
cargo clippy --quiet -j 2 -p actionplan-wasm --no-deps --all-targets -- -D warnings
cargo clippy --quiet -j 2 -p actionplan-wasm --no-deps --target wasm32-unknown-unknown -- -D warnings
cargo clippy --quiet -j 2 -p actionplan-wasm --no-deps --target wasm32-unknown-unknown \
  --no-default-features -- -D warnings
node --test bindings-wasm/tests/
