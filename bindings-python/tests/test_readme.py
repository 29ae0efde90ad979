"""The README's quick start runs as written (from the repository root, as a user would)."""

from __future__ import annotations

import os
import re

from conftest import ROOT


def test_readme_quick_start_runs(capsys: object) -> None:
    text = (ROOT / "bindings-python" / "README.md").read_text(encoding="utf-8")
    quick = text.split("## Quick start", 1)[1]
    blocks = re.findall(r"```python\n(.*?)```", quick, flags=re.S)
    assert blocks, "the README has a Python quick start"
    code = blocks[0]
    assert len(code.strip().splitlines()) <= 12
    old = os.getcwd()
    os.chdir(ROOT)
    try:
        namespace: dict[str, object] = {}
        exec(compile(code, "README.md", "exec"), namespace)
    finally:
        os.chdir(old)
    counts = namespace["rated"].counts  # type: ignore[attr-defined]
    assert list(counts)[:4] == ["Blue", "Green", "Amber", "Red"]
    assert sum(counts.values()) == 26
