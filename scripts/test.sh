#!/usr/bin/env bash
# Run every test: Rust (unit, integration, doc, property tests, examples), Python (pytest,
# stubtest, the example notebook), WebAssembly in Node, the npm package in every bundler, and
# headless Chromium.
# Installs what it needs first (scripts/setup.sh, idempotent).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh all

stage() { echo; echo "=== $* ==="; }

export ACTIONPLAN_REQUIRE_LIBREOFFICE=1
stage "Rust: cargo test --workspace"
cargo test --workspace --all-targets
cargo test --workspace --doc
cargo test -p actionplan --features schema --test schema
# The API documentation builds with no broken links, with and without the optional features.
RUSTDOCFLAGS="-D warnings" cargo doc -q --no-deps -p actionplan
RUSTDOCFLAGS="-D warnings" cargo doc -q --no-deps -p actionplan --all-features

stage "Rust: an example tool built on the public API (examples/rust/quarterly-tool)"
cargo run -q -p quarterly-tool -- tests/golden/inputs/huntingdonshire-2024-q3.tsv \
  examples/data/huntingdonshire-2024.tsv target/quarterly-tool
test -s target/quarterly-tool/report.html

MSRV=$(grep -E '^rust-version *= *"' Cargo.toml | sed -E 's/.*"([^"]+)".*/\1/')
stage "Rust: the library and CLI build on Rust $MSRV, the declared minimum"
CARGO_TARGET_DIR=target/msrv cargo "+$MSRV" check -p actionplan -p actionplan-cli --all-features

for s in scripts/test-python.sh scripts/test-wasm.sh scripts/test-npm-consumers.sh scripts/test-browser.sh; do
  if [ -x "$s" ]; then
    stage "$s"
    "$s"
  fi
done
echo
echo "All test stages passed."
