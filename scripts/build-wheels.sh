#!/usr/bin/env bash
# Build the Python package for distribution into dist/: one abi3 wheel for this platform
# (CPython 3.9 and later, one wheel for every version; the feature is set in
# bindings-python/pyproject.toml) and the source distribution. The release workflow
# (.github/workflows/python-release.yml) builds the other platforms' wheels the same way.
# Usage: scripts/build-wheels.sh [extra maturin build arguments, e.g. --target aarch64-unknown-linux-gnu]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh python >/dev/null
MATURIN="$PWD/.venv/bin/maturin"
export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-2}"
DIST="$PWD/dist"
rm -rf "$DIST"
mkdir -p "$DIST"
cd bindings-python
# Same profile and features as `maturin develop --release` (scripts/test-python.sh), so after a
# test run this only links.
"$MATURIN" build --release --quiet --out "$DIST" "$@"
"$MATURIN" sdist --out "$DIST" >/dev/null
cd ..
ls -l "$DIST"
# One wheel, tagged abi3 (cp39-abi3): checked here so a lost feature cannot ship silently.
ls "$DIST"/*-cp39-abi3-*.whl >/dev/null 2>&1 || { echo "build-wheels: no cp39-abi3 wheel in dist/" >&2; exit 1; }
ls "$DIST"/*.tar.gz >/dev/null 2>&1 || { echo "build-wheels: no sdist in dist/" >&2; exit 1; }
