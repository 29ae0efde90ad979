#!/usr/bin/env bash
# Python stage: build the extension into .venv with maturin, then run pytest, the stub check
# (mypy.stubtest), mypy on the package, and the example notebook (nbclient; any failing cell
# fails the stage). pytest's exit 5 ("no tests collected") is a failure here.
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
