#!/usr/bin/env bash
# Build the WebAssembly package: cargo (wasm-release profile) → wasm-bindgen (web target into
# bindings-wasm/pkg/, nodejs target into bindings-wasm/pkg-node/) → wasm-opt -Oz (npm binaryen).
# Idempotent and quick when nothing changed: cargo is incremental, and the bindgen + wasm-opt
# steps are skipped when the cargo output and the tool versions hash the same as last time.
# Usage: scripts/build-wasm.sh [--force]
set -euo pipefail
cd "$(dirname "$0")/.."
force="${1:-}"

scripts/setup.sh wasm >/dev/null

crate=actionplan_wasm
raw="target/wasm32-unknown-unknown/wasm-release/$crate.wasm"
web=bindings-wasm/pkg
node=bindings-wasm/pkg-node
wasm_opt=bindings-wasm/node_modules/.bin/wasm-opt

# The root [profile.wasm-release] strips the module, which also drops the `target_features`
# section wasm-bindgen reads to know which Wasm features it may use; keep it here (the name
# section is removed by wasm-bindgen and wasm-opt below, so the output is stripped all the same).
CARGO_PROFILE_WASM_RELEASE_STRIP=false \
  cargo build --quiet -j "${CARGO_BUILD_JOBS:-2}" --profile wasm-release \
  --target wasm32-unknown-unknown -p actionplan-wasm

want=$(
  {
    sha256sum "$raw" | cut -d' ' -f1
    wasm-bindgen --version
    "$wasm_opt" --version
    sha256sum "$0" | cut -d' ' -f1
  } | sha256sum | cut -d' ' -f1
)
if [ "$force" != "--force" ] && [ -f "$web/.build-hash" ] && [ -f "$node/.build-hash" ] &&
  [ "$(cat "$web/.build-hash")" = "$want" ] && [ "$(cat "$node/.build-hash")" = "$want" ]; then
  echo "build-wasm: up to date ($web, $node)"
  exit 0
fi

# The features rustc enables by default for wasm32-unknown-unknown; wasm-opt must accept them.
features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)

bindgen() { # target outdir
  rm -rf "$2"
  wasm-bindgen --target "$1" --out-dir "$2" --out-name "$crate" \
    --remove-name-section --remove-producers-section "$raw"
}

bindgen web "$web"
bindgen nodejs "$node"

opt() { # in out
  "$wasm_opt" -Oz "${features[@]}" "$1" -o "$2.tmp" && mv "$2.tmp" "$2"
}
# Both targets give the same module (only the JS glue differs): optimise once when they do.
opt "$web/${crate}_bg.wasm" "$web/${crate}_bg.opt.wasm"
if cmp -s "$web/${crate}_bg.wasm" "$node/${crate}_bg.wasm"; then
  cp "$web/${crate}_bg.opt.wasm" "$node/${crate}_bg.wasm"
else
  opt "$node/${crate}_bg.wasm" "$node/${crate}_bg.wasm"
fi
mv "$web/${crate}_bg.opt.wasm" "$web/${crate}_bg.wasm"
# Node reads pkg-node/*.js as CommonJS whatever the package's "type" says.
echo '{ "type": "commonjs" }' >"$node/package.json"

echo "$want" >"$web/.build-hash"
echo "$want" >"$node/.build-hash"

size=$(stat -c %s "$web/${crate}_bg.wasm")
gz=$(gzip -9 -c "$web/${crate}_bg.wasm" | wc -c)
echo "build-wasm: $web/${crate}_bg.wasm $((size / 1024)) KiB raw, $((gz / 1024)) KiB gzip"
