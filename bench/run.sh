#!/usr/bin/env bash
# `make bench`: corpora, then the native, node and browser benchmarks, then the targets table.
# Not part of `make test`. Needs `make wasm` done (the Makefile target does it first).
#
#   bench/run.sh                      # everything
#   RUNS=7 bench/run.sh               # more runs (median of RUNS, at least 5 for a reported figure)
#   NODE_SIZES="5 50 200 1000" bench/run.sh   # node comparison on more corpora (compromise is slow:
#                                             # ~8 s a run on 200 articles, ~45 s on 1,000)
#   BROWSER_SIZES="5 1000"  ONLY="native node browser"
# Figures go to stdout and, as JSON, to bench/out/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
NATIVE_SIZES=${NATIVE_SIZES:-"5 50 200 1000"}
NODE_SIZES=${NODE_SIZES:-"5 50 200"}
BROWSER_SIZES=${BROWSER_SIZES:-"5 1000"}
ONLY=${ONLY:-"native node browser"}
OUT=bench/out
mkdir -p "$OUT"
for part in $ONLY; do rm -f "$OUT/$part.json"; done # the others' figures stay for the table
dirs() { for n in $1; do [ -d "bench/corpora/$n" ] && printf 'bench/corpora/%s ' "$n"; done; }

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(uptime | sed 's/.*load/load/')"
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- src data www 2>/dev/null || echo ' + uncommitted changes'), runs: $RUNS"
echo
python3 bench/make-corpora.py
echo

if [[ " $ONLY " == *" native "* ]]; then
  cargo build --release --quiet --bin corroborate --example bench
  echo "== 1. native"
  # shellcheck disable=SC2046
  target/release/examples/bench --runs "$RUNS" --json "$OUT/native.json" $(dirs "$NATIVE_SIZES")
  echo
fi
if [[ " $ONLY " == *" node "* ]]; then
  echo "== 2. node: wasm vs compromise vs wink-nlp"
  # shellcheck disable=SC2046
  node bench/node.mjs --runs "$RUNS" --json "$OUT/node.json" $(dirs "$NODE_SIZES")
  echo
fi
if [[ " $ONLY " == *" browser "* ]]; then
  echo "== 3. Chromium"
  # shellcheck disable=SC2046
  node bench/browser.mjs --runs "$RUNS" --json "$OUT/browser.json" $(dirs "$BROWSER_SIZES")
  echo
fi
echo "== targets ($(uptime | sed 's/.*load/load/'))"
node bench/summary.mjs "$OUT"
