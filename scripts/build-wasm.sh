#!/usr/bin/env bash
# Build the WebAssembly package: cargo (wasm-release profile) → wasm-bindgen → wasm-opt -Oz
# (npm binaryen). Idempotent and quick when nothing changed: cargo is incremental, and the
# bindgen + wasm-opt steps are skipped when the cargo outputs and the tools hash the same as
# last time.
#
# When the crate has Cargo features (the Office readers and the tracker writer), two modules
# are built, because Office support costs more than the rest of the library put together:
#   bindings-wasm/pkg/         web, lean: CSV, TSV, JSON (--no-default-features), the budgeted one
#   bindings-wasm/pkg-office/  web, full: + Excel and Word files, the tracker workbook
#   bindings-wasm/pkg-node/    Node, full (the repository's own tests and benchmarks)
# Without features, one module: pkg/ (web) and pkg-node/ (Node).
# Then scripts/assemble-npm.mjs makes the npm package's entries in bindings-wasm/dist/ from the
# web builds (what is published: see "files" in bindings-wasm/package.json).
# Usage: scripts/build-wasm.sh [--force]
set -euo pipefail
cd "$(dirname "$0")/.."
force="${1:-}"

scripts/setup.sh wasm >/dev/null

crate=actionplan_wasm
web=bindings-wasm/pkg
office=bindings-wasm/pkg-office
node=bindings-wasm/pkg-node
wasm_opt=bindings-wasm/node_modules/.bin/wasm-opt
stage=target/wasm-stage
mkdir -p "$stage"

variants=false
grep -q '^\[features\]' bindings-wasm/Cargo.toml && variants=true

# The root [profile.wasm-release] strips the module, which also drops the `target_features`
# section wasm-bindgen reads to know which Wasm features it may use; keep it here (the name
# section is removed by wasm-bindgen and wasm-opt below, so the output is stripped all the same).
#
# Panic messages carry the source path of the code that panicked. Rewrite the machine's
# absolute paths (dependency sources in the cargo home, this checkout) to short relative ones
# (the standard library's are already /rustc/<hash>/…): a smaller module, the same bytes on
# every machine, and no local paths in a published package. Passed as CARGO_ENCODED_RUSTFLAGS
# (unit-separated, so paths with spaces survive), after any flags the caller set in RUSTFLAGS.
remap=()
for d in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/ "${CARGO_HOME:-$HOME/.cargo}"/git/checkouts/; do
  if [ -d "$d" ]; then remap+=("--remap-path-prefix=${d%/}="); fi
done
remap+=("--remap-path-prefix=$PWD=")
# shellcheck disable=SC2206  # RUSTFLAGS is a space-separated list by definition
all_flags=(${RUSTFLAGS:-} "${remap[@]}")
encoded_flags=$(IFS=$'\x1f' && echo "${all_flags[*]}")

build() { # target-dir out [cargo args]
  local dir="$1" out="$2"
  shift 2
  CARGO_ENCODED_RUSTFLAGS="$encoded_flags" CARGO_PROFILE_WASM_RELEASE_STRIP=false \
    cargo build --quiet -j "${CARGO_BUILD_JOBS:-2}" --profile wasm-release \
    --target wasm32-unknown-unknown -p actionplan-wasm --target-dir "$dir" "$@"
  cp "$dir/wasm32-unknown-unknown/wasm-release/$crate.wasm" "$out"
}

if $variants; then
  # Separate target folders, so that neither build undoes the other's.
  build target "$stage/lean.wasm" --no-default-features
  build target/wasm-office "$stage/full.wasm"
  outs=("$web" "$office" "$node")
else
  rm -rf "$office"
  build target "$stage/lean.wasm"
  cp "$stage/lean.wasm" "$stage/full.wasm"
  outs=("$web" "$node")
fi

want=$(
  {
    sha256sum "$stage/lean.wasm" "$stage/full.wasm" | cut -d' ' -f1
    wasm-bindgen --version
    "$wasm_opt" --version
    sha256sum "$0" | cut -d' ' -f1
  } | sha256sum | cut -d' ' -f1
)
fresh=true
for o in "${outs[@]}"; do
  [ -f "$o/.build-hash" ] && [ "$(cat "$o/.build-hash")" = "$want" ] || fresh=false
done
assemble() {
  # The npm package's entries (bindings-wasm/dist/), from the web builds: cheap, so always.
  node scripts/assemble-npm.mjs
}
if [ "$force" != "--force" ] && $fresh; then
  echo "build-wasm: up to date (${outs[*]})"
  assemble
  exit 0
fi

# The features rustc enables by default for wasm32-unknown-unknown; wasm-opt must accept them.
features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)

bindgen() { # target input outdir
  rm -rf "$3"
  wasm-bindgen --target "$1" --out-dir "$3" --out-name "$crate" \
    --remove-name-section --remove-producers-section "$2"
}
opt() { # in out
  "$wasm_opt" -Oz --converge "${features[@]}" "$1" -o "$2.tmp" && mv "$2.tmp" "$2"
}

bindgen web "$stage/lean.wasm" "$web"
opt "$web/${crate}_bg.wasm" "$web/${crate}_bg.wasm"
bindgen nodejs "$stage/full.wasm" "$node"
if $variants; then
  bindgen web "$stage/full.wasm" "$office"
  opt "$office/${crate}_bg.wasm" "$stage/full.opt.wasm"
  # The web and Node targets of one build are the same module (only the JS glue differs):
  # optimise it once when they are.
  if cmp -s "$office/${crate}_bg.wasm" "$node/${crate}_bg.wasm"; then
    cp "$stage/full.opt.wasm" "$node/${crate}_bg.wasm"
  else
    opt "$node/${crate}_bg.wasm" "$node/${crate}_bg.wasm"
  fi
  mv "$stage/full.opt.wasm" "$office/${crate}_bg.wasm"
else
  opt "$node/${crate}_bg.wasm" "$node/${crate}_bg.wasm"
fi
# Node reads pkg-node/*.js as CommonJS whatever the package's "type" says.
echo '{ "type": "commonjs" }' >"$node/package.json"
# The binding's own JS (bindings-wasm/js/, as wasm-bindgen snippets) is written as ES modules
# with `export function` only; the Node glue require()s it, so say it in CommonJS there.
find "$node/snippets" -name '*.js' 2>/dev/null | while read -r f; do
  names=$(sed -nE 's/^export function ([A-Za-z_$][A-Za-z0-9_$]*).*/\1/p' "$f" | paste -sd, -)
  sed -i -E 's/^export function /function /' "$f"
  echo "module.exports = { $names };" >>"$f"
done

for o in "${outs[@]}"; do echo "$want" >"$o/.build-hash"; done
assemble

for o in "${outs[@]}"; do
  [ "$o" = "$node" ] && continue
  size=$(stat -c %s "$o/${crate}_bg.wasm")
  gz=$(gzip -9 -c "$o/${crate}_bg.wasm" | wc -c)
  echo "build-wasm: $o/${crate}_bg.wasm $((size / 1024)) KiB raw, $((gz / 1024)) KiB gzip"
done
