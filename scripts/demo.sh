#!/usr/bin/env bash
# The main job on bundled example data: read, validate and summarise an example plan.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh rust
cargo build --quiet --release -p actionplan-cli
bin=target/release/actionplan
plan=examples/data/huntingdonshire-2024.tsv
echo "== validate $plan"
"$bin" validate "$plan" --plan-date 2024-06-01 || [ $? -eq 1 ]
