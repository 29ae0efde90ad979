#!/usr/bin/env bash
# Install everything the tests and the demo need. Idempotent: each step checks first.
# Usage: scripts/setup.sh [rust|python|wasm|npm|office|browser|all]   (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
WASM_BINDGEN_VERSION=$(grep -E '^wasm-bindgen *= *"=' bindings-wasm/Cargo.toml 2>/dev/null | sed -E 's/.*"=([^"]+)".*/\1/' || true)

want() { [ "$what" = all ] || [ "$what" = "$1" ]; }
say() { echo "setup: $*"; }

if want rust || want wasm; then
  rustup component add rustfmt clippy >/dev/null 2>&1 || true
fi

if want rust; then
  # The minimum Rust version the crates declare (rust-version), which the tests build with.
  MSRV=$(grep -E '^rust-version *= *"' Cargo.toml | sed -E 's/.*"([^"]+)".*/\1/')
  if [ -n "$MSRV" ] && ! rustup toolchain list | grep -q "^$MSRV"; then
    say "installing Rust $MSRV (the declared minimum version)"
    rustup toolchain install "$MSRV" --profile minimal
  fi
fi

if want wasm; then
  rustup target list --installed | grep -q wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
  if [ -n "$WASM_BINDGEN_VERSION" ]; then
    have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
    if [ "$have" != "$WASM_BINDGEN_VERSION" ]; then
      say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes)"
      cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
    fi
  fi
  # Install when missing or when package.json changed since the last install.
  if [ -f bindings-wasm/package.json ] && { [ ! -f bindings-wasm/node_modules/.package-lock.json ] \
      || [ bindings-wasm/package.json -nt bindings-wasm/node_modules/.package-lock.json ]; }; then
    (cd bindings-wasm && npm install --no-audit --no-fund --loglevel=error)
  fi
fi

if want npm; then
  # The bundlers and checkers the npm package is tried with (scripts/test-npm-consumers.sh):
  # installed once from tests/npm-consumers/package-lock.json, again when package.json changes.
  if [ ! -f tests/npm-consumers/node_modules/.package-lock.json ] \
      || [ tests/npm-consumers/package.json -nt tests/npm-consumers/node_modules/.package-lock.json ]; then
    say "installing the npm consumer tools (vite 5-8, esbuild, webpack, typescript, attw, deno, bun)"
    (cd tests/npm-consumers && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi

if want python; then
  if [ ! -x .venv/bin/python ]; then
    say "creating .venv"
    python3 -m venv .venv
  fi
  # Installed again whenever the requirements file changes (its checksum is kept in .venv).
  want_sum="$(sha256sum bindings-python/requirements-dev.txt | cut -d' ' -f1)"
  if [ "$(cat .venv/.requirements-dev.sha256 2>/dev/null)" != "$want_sum" ]; then
    say "installing Python tools into .venv"
    .venv/bin/pip install --quiet --disable-pip-version-check -r bindings-python/requirements-dev.txt
    echo "$want_sum" > .venv/.requirements-dev.sha256
  fi
fi

if want office; then
  # LibreOffice opens the Excel tracker in the tests (and converts the .xls/.ods fixtures).
  if ! command -v soffice >/dev/null 2>&1; then
    say "installing LibreOffice Calc (headless)"
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libreoffice-calc-nogui >/dev/null
  fi
fi

if want browser; then
  if [ ! -x /usr/bin/chromium ]; then
    say "installing chromium"
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
  fi
  if [ ! -d tests/browser/node_modules/playwright-core ]; then
    (cd tests/browser && npm install --no-audit --no-fund --loglevel=error)
  fi
fi
