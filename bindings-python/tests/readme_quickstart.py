"""Run the Python README's quick start and compare what it prints with the README's own
``text`` block below it, exactly.

Used by ``test_readme.py`` (against the development build) and by ``scripts/test-python.sh``
as a script (against the built wheel in a fresh virtual environment, with no Rust on PATH)::

    python bindings-python/tests/readme_quickstart.py REPO_ROOT
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import sys
from pathlib import Path


def quick_start(root: Path) -> tuple[str, str]:
    """The quick start's code and the output the README says it prints."""
    text = (root / "bindings-python" / "README.md").read_text(encoding="utf-8")
    quick = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    code = re.findall(r"```python\n(.*?)```", quick, flags=re.S)
    printed = re.findall(r"```text\n(.*?)```", quick, flags=re.S)
    if not code or not printed:
        raise AssertionError("the README's quick start has a python block and a text block")
    return code[0], printed[0]


def run(root: Path) -> tuple[str, str, dict[str, object]]:
    """Run the quick start from the repository root; its output, the expected one, its names."""
    code, expected = quick_start(root)
    out = io.StringIO()
    namespace: dict[str, object] = {}
    old = os.getcwd()
    os.chdir(root)
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(code, "README.md", "exec"), namespace)
    finally:
        os.chdir(old)
    return out.getvalue(), expected, namespace


if __name__ == "__main__":
    got, want, _ = run(Path(sys.argv[1]).resolve())
    if got != want:
        sys.exit(f"the quick start printed:\n{got}\nthe README says:\n{want}")
    import actionplan

    print(f"README quick start: output as documented (actionplan from {actionplan.__file__})")
