"""The README's quick start runs as written (from the repository root, as a user would) and
prints exactly what the README shows."""

from __future__ import annotations

from conftest import ROOT
from readme_quickstart import quick_start, run


def test_readme_quick_start_prints_what_the_readme_says() -> None:
    code, _ = quick_start(ROOT)
    assert len(code.strip().splitlines()) <= 12
    got, want, namespace = run(ROOT)
    assert got == want
    counts = namespace["rated"].counts  # type: ignore[attr-defined]
    assert list(counts)[:4] == ["Blue", "Green", "Amber", "Red"]
    assert sum(counts.values()) == 26
