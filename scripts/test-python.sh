#!/usr/bin/env bash
# Python stage: build the extension into .venv with maturin, then run pytest, the stub check
# (mypy.stubtest), mypy on the package, the example notebook (nbclient; any failing cell
# fails the stage), and the wheel: scripts/build-wheels.sh, installed into a fresh virtual
# environment with no Rust toolchain on PATH, runs the README quick start (SKIP_WHEEL=1 skips
# it). pytest's exit 5 ("no tests collected") is a failure here.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh python
PY=.venv/bin/python
export VIRTUAL_ENV="$PWD/.venv"
export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-2}"

echo "--- maturin develop --release"
(cd bindings-python && ../.venv/bin/maturin develop --release --quiet)

echo "--- pytest"
set +e
"$PY" -m pytest bindings-python/tests -q -p no:cacheprovider
rc=$?
set -e
if [ "$rc" -eq 5 ]; then
  echo "pytest collected no tests: failing" >&2
  exit 1
elif [ "$rc" -ne 0 ]; then
  exit "$rc"
fi

echo "--- stubtest"
(cd "$(mktemp -d)" && "$OLDPWD/$PY" -m mypy.stubtest actionplan)

echo "--- mypy"
(cd bindings-python/python && "../../$PY" -m mypy --strict --no-incremental -p actionplan)

echo "--- notebook"
"$PY" - <<'PY'
import sys
import nbformat
from nbclient import NotebookClient

path = "examples/python/quickstart.ipynb"
nb = nbformat.read(path, as_version=4)
NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": "examples/python"}}).execute()
errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.get("output_type") == "error"]
if errors:
    sys.exit(f"{path}: a cell failed: {errors[0].get('ename')}: {errors[0].get('evalue')}")
print(f"{path}: {sum(c.cell_type == 'code' for c in nb.cells)} code cells ran")
PY

if [ "${SKIP_WHEEL:-0}" = 1 ]; then
  echo "--- wheel: skipped (SKIP_WHEEL=1)"
  exit 0
fi
echo "--- wheel (built, installed into a fresh venv without Rust, README quick start)"
scripts/build-wheels.sh >/dev/null
WHEEL=$(ls dist/*-cp39-abi3-*.whl | head -n 1)
FRESH=$(mktemp -d)
trap 'rm -rf "$FRESH"' EXIT
# No Rust: PATH without cargo's and rustup's directories, and their homes unset.
NO_RUST_PATH=$(printf '%s' "$PATH" | tr ':' '\n' | grep -v -e '\.cargo' -e 'rustup' | paste -sd: -)
(
  export PATH="$NO_RUST_PATH"
  unset CARGO_HOME RUSTUP_HOME RUSTC CARGO VIRTUAL_ENV
  if command -v cargo >/dev/null 2>&1 || command -v rustc >/dev/null 2>&1; then
    echo "a Rust toolchain is still on PATH" >&2
    exit 1
  fi
  python3 -m venv "$FRESH/venv"
  # --only-binary: pip must take the wheel as built, never compile anything.
  "$FRESH/venv/bin/pip" install --quiet --disable-pip-version-check --only-binary=:all: "$WHEEL[pandas]"
  cd "$FRESH"
  "$FRESH/venv/bin/python" -c 'import actionplan, sys; assert actionplan.__file__.startswith(sys.prefix), actionplan.__file__'
  "$FRESH/venv/bin/python" "$OLDPWD/bindings-python/tests/readme_quickstart.py" "$OLDPWD"
)
