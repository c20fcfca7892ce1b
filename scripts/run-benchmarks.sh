#!/usr/bin/env bash
# `make bench`: every benchmark prints its figures and a ratio against a peer measured in the
# same run. Nothing here passes or fails on time.
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
export QT_QPA_PLATFORM=offscreen
for b in "$build"/tests/bench_*; do
  [ -f "$b" ] && [ -x "$b" ] || continue
  echo "== $(basename "$b")"
  "$b"
  echo
done
"$(dirname "$0")/bench-startup.sh" "$build"
