"""Benchmark: actionplan against the fastest honest pandas version of the same job.

Generates (into a temporary directory, never committed) a CSV of N actions (default
1,000,000): recommendation, action, owner, a due-date phrase in month or financial-year form
("March 2025", "Mar-25", "2024/25"), status and RAG. Then, in one process:

(a) actionplan: read_csv + assess (the date-rag preset) + stats + to_pandas();
(b) pandas: read_csv + vectorised phrase-to-deadline (each distinct phrase parsed once, then
    mapped) + the same date-driven RAG rule (Blue if complete; Red if past the deadline;
    Amber if due within 30 days; Green otherwise; cancelled/superseded not rated) + counts
    by status and rating for the plan and per recommendation.

It checks that both give the same rating counts, then prints the timings and the ratio.

    .venv/bin/python benches/python/bench.py            # 1,000,000 actions
    .venv/bin/python benches/python/bench.py --rows 100000 --repeat 3
    .venv/bin/python benches/python/bench.py --keep /tmp/plan.csv   # then, for the floor:
    cargo run --release -p actionplan-python --example csv_floor -- /tmp/plan.csv
    cargo run --release -p actionplan-python --example stage_times -- /tmp/plan.csv  # Rust side
"""

from __future__ import annotations

import argparse
import csv
import datetime
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

import numpy as np
import pyarrow  # noqa: F401  (both sides use it: imported up front so neither pays for the import)
import pandas as pd

import actionplan

PLAN_DATE = datetime.date(2024, 4, 1)
AS_OF = datetime.date(2025, 6, 30)
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
STATUSES = ["Not started", "In progress", "In progress", "Complete", "Completed", "On hold", "Cancelled", ""]
RAGS = ["Red", "Amber", "Green", "Green", ""]
OWNERS = ["Chief Executive", "Director - Resources", "Head of Legal & Democratic Services",
          "Head of HR / Chief Executive", "Corporate Communications Manager", "Leader"]


def phrases(forms: str) -> list[str]:
    out: list[str] = []
    for year in (2024, 2025, 2026):
        for m, name in enumerate(MONTHS):
            if "month" in forms:
                out.append(f"{name} {year}")
                out.append(f"{name[:3]}-{year % 100:02d}")
        if "fy" in forms:
            out.append(f"{year}/{(year + 1) % 100:02d}")
    return out


def generate(path: Path, rows: int, forms: str, seed: int = 7) -> None:
    rnd = random.Random(seed)
    due = phrases(forms)
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Recommendation", "Action", "Owner", "Due date", "Status", "RAG"])
        per = 10
        for i in range(rows):
            r = i // per + 1
            w.writerow([
                f"{r}. Improve how recommendation {r} is delivered",
                f"Action {i + 1}: review and report on progress item {i % per + 1}",
                OWNERS[rnd.randrange(len(OWNERS))],
                due[rnd.randrange(len(due))],
                STATUSES[rnd.randrange(len(STATUSES))],
                RAGS[rnd.randrange(len(RAGS))],
            ])


# ---- (a) actionplan -------------------------------------------------------------------------

def run_actionplan(path: Path) -> dict[str, Any]:
    t: dict[str, Any] = {}
    clock = Clock()
    plan = actionplan.read_csv(path, plan_date=PLAN_DATE)
    clock.lap("read")
    assessment = plan.assess(as_of=AS_OF, rules="date-rag")
    clock.lap("assess")
    stats = assessment.stats()
    clock.lap("stats")
    df = assessment.to_pandas()
    clock.lap("to_pandas")
    t.update(clock.laps)
    by_rating = dict(stats.by_rating)
    t["not_rated"] = by_rating.pop("not_rated", 0)
    t["counts"] = {k: v for k, v in by_rating.items() if v}
    t["rows"] = len(df)
    return t


class Clock:
    """Wall and CPU time per stage."""

    def __init__(self) -> None:
        self.laps: dict[str, Any] = {"total": (0.0, 0.0)}
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        self.start = (self.wall, self.cpu)

    def lap(self, name: str) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        self.laps[name] = (wall - self.wall, cpu - self.cpu)
        self.laps["total"] = (wall - self.start[0], cpu - self.start[1])
        self.wall, self.cpu = wall, cpu


def fmt(laps: dict[str, Any], names: list[str]) -> str:
    parts = [f"{n} {laps[n][0]:.2f}s ({laps[n][1]:.2f}s CPU)" for n in names]
    return ", ".join(parts) + f" = {laps['total'][0]:.2f}s ({laps['total'][1]:.2f}s CPU)"


# ---- (b) pandas -----------------------------------------------------------------------------

MONTH_NUM = {m[:3].lower(): i + 1 for i, m in enumerate(MONTHS)}


def deadlines(phrases: pd.Index) -> pd.Series:
    """Deadline of each distinct phrase: month forms are due at the month's end, financial
    years ("2024/25") on 31 March of the second year."""
    s = pd.Series(phrases, dtype="object").astype(str).str.strip()
    month = s.str.extract(r"^(?P<m>[A-Za-z]{3})[A-Za-z]*\.?[\s-]+(?P<y>\d{4}|\d{2})$")
    fy = s.str.extract(r"^(?:FY\s*)?(?P<y1>\d{4})[/-](?P<y2>\d{2}|\d{4})$")
    mnum = month["m"].str.lower().map(MONTH_NUM)
    myear = pd.to_numeric(month["y"], errors="coerce")
    myear = myear.where(myear >= 100, myear + 2000)
    first = pd.to_datetime(
        pd.DataFrame({"year": myear, "month": mnum, "day": 1}).dropna().astype(int), errors="coerce"
    )
    out = pd.Series(pd.NaT, index=s.index, dtype="datetime64[ns]")
    out.loc[first.index] = first + pd.offsets.MonthEnd(0)
    fy_start = pd.to_numeric(fy["y1"], errors="coerce").dropna().astype(int)
    out.loc[fy_start.index] = pd.to_datetime(
        pd.DataFrame({"year": fy_start + 1, "month": 3, "day": 31})
    )
    return out


def run_pandas(path: Path) -> dict[str, Any]:
    t: dict[str, Any] = {}
    clock = Clock()
    df = pd.read_csv(path, dtype=str, keep_default_na=False, engine="pyarrow")
    clock.lap("read_csv")
    due_cat = df["Due date"].astype("category")
    per_phrase = deadlines(due_cat.cat.categories)
    codes = due_cat.cat.codes.to_numpy()
    due = pd.Series(per_phrase.to_numpy()[codes], index=df.index)
    status = df["Status"].str.strip().str.lower()
    complete = status.isin(["complete", "completed", "closed", "done"])
    cancelled = status.isin(["cancelled", "canceled", "withdrawn", "superseded"])
    as_of = pd.Timestamp(AS_OF)
    days_to_due = (due - as_of).dt.days
    rating = np.select(
        [complete, cancelled, due < as_of, (days_to_due >= 0) & (days_to_due <= 30)],
        ["Blue", "", "Red", "Amber"],
        "Green",
    )
    df["rating"] = pd.Categorical(
        np.where(rating == "", None, rating), categories=["Blue", "Green", "Amber", "Red"], ordered=True
    )
    df["due"] = due
    clock.lap("rate")
    counts = df["rating"].value_counts(sort=False)
    by_status = status.value_counts()
    per_rec = df.groupby(["Recommendation", "rating"], observed=False).size().unstack()
    per_rec_status = df.groupby(["Recommendation", status]).size()
    overdue = int(((due < as_of) & ~complete & ~cancelled).sum())
    clock.lap("count")
    t.update(clock.laps)
    t["counts"] = {k.lower(): int(v) for k, v in counts.items() if v}
    t["not_rated"] = int(df["rating"].isna().sum())
    t["extra"] = (len(by_status), per_rec.shape, len(per_rec_status), overdue)
    return t


def best(fn: Callable[[Path], dict[str, Any]], path: Path, repeat: int) -> dict[str, Any]:
    runs = [fn(path) for _ in range(repeat)]
    return min(runs, key=lambda r: float(r["total"][0]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=1, help="runs of each; the best is reported")
    ap.add_argument("--forms", default="month,fy", help="phrase forms: month, fy, or month,fy")
    ap.add_argument("--keep", type=Path, help="also keep a copy of the generated CSV here (for "
                    "the bare-parse floor: cargo run --release -p actionplan-python --example "
                    "csv_floor -- FILE)")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plan.csv"
        t0 = time.perf_counter()
        generate(path, args.rows, args.forms)
        size = path.stat().st_size
        print(f"generated {args.rows:,} actions ({size / 1e6:.0f} MB) in {time.perf_counter() - t0:.1f}s "
              f"(forms: {args.forms})")
        if args.keep:
            shutil.copyfile(path, args.keep)
        a = best(run_actionplan, path, args.repeat)
        p = best(run_pandas, path, args.repeat)

    print(f"\n(a) actionplan {actionplan.__version__}: "
          + fmt(a, ["read", "assess", "stats", "to_pandas"]))
    print(f"(b) pandas {pd.__version__}: " + fmt(p, ["read_csv", "rate", "count"]))
    ratio = p['total'][0] / a['total'][0]
    print(f"\nratio pandas / actionplan: {ratio:.2f}x wall time, "
          f"{p['total'][1] / a['total'][1]:.2f}x CPU time")
    print(f"goal (at least as fast as the hand-written pandas job): "
          f"{'met' if ratio >= 1 else 'NOT met'} at {args.rows:,} actions")
    print(f"to_pandas() of {a['rows']:,} actions: {a['to_pandas'][0]:.2f}s ({a['to_pandas'][1]:.2f}s CPU)")
    same = a["counts"] == p["counts"] and a["not_rated"] == p["not_rated"]
    print(f"rating counts: actionplan {a['counts']} (not rated {a['not_rated']}), "
          f"pandas {p['counts']} (not rated {p['not_rated']}): {'same' if same else 'DIFFERENT'}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
