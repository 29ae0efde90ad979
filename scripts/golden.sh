#!/usr/bin/env bash
# Regenerate the golden outputs in tests/golden/ (ratings, statistics, reports, diff) from the
# example plans, then show what changed. Review the diff before committing it.
set -euo pipefail
cd "$(dirname "$0")/.."
UPDATE_GOLDEN=1 cargo test -j 2 -p actionplan --test rating_golden
git --no-pager diff --stat -- tests/golden || true
