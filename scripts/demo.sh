#!/usr/bin/env bash
# The main job on bundled example data: check, rate and report on a council's action plan.
# Huntingdonshire's Q4 2024/25 tracker (examples/data/), rated as at 31 March 2025, with the
# changes since a Q3 version. Writes out/report.html, out/report.md, out/tracker.xlsx and
# out/rated.csv, and prints the headline.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh rust
# Cargo shows its progress (the first build takes a few minutes on two cores).
echo "== Building the command line (release)"
cargo build --release -p actionplan-cli
bin=target/release/actionplan
plan=examples/data/huntingdonshire-2024.tsv
previous=tests/golden/inputs/huntingdonshire-2024-q3.tsv
opts=(--plan-date 2024-06-01)
mkdir -p out

echo "== Findings: $plan"
"$bin" validate "$plan" "${opts[@]}" || [ $? -eq 1 ]
echo
echo "== Headline and per recommendation, as at 31 March 2025"
"$bin" stats "$plan" "${opts[@]}" --as-of 2025-03-31
"$bin" report "$plan" "${opts[@]}" --as-of 2025-03-31 --previous "$previous" -o out/report.html
"$bin" report "$plan" "${opts[@]}" --as-of 2025-03-31 --previous "$previous" -o out/report.md
"$bin" report "$plan" "${opts[@]}" --as-of 2025-03-31 -o out/tracker.xlsx
"$bin" report "$plan" "${opts[@]}" --as-of 2025-03-31 -o out/rated.csv
echo
echo "Wrote out/report.html (open it in a browser), out/report.md, out/tracker.xlsx, out/rated.csv"
