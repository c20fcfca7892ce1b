#!/usr/bin/env bash
# `make bench`: every benchmark prints its figures and a ratio against a peer measured in the
# same run. Nothing here passes or fails on time. Like the tests, the benchmarks run in a
# throwaway HOME, XDG directories, TMPDIR and keyring (tests/fixtures/isolated_env.sh); only
# bench_git's generated repository stays in the real temporary directory, so reruns start at once.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${COCKPIT_TEST_ROOT:-}" ]; then
  export COCKPIT_BENCH_CACHE=${COCKPIT_BENCH_CACHE:-${TMPDIR:-/tmp}}
  exec "$here/tests/fixtures/isolated_env.sh" "$0" "$@"
fi
build=$(cd "${1:-build}" && pwd)
export QT_QPA_PLATFORM=offscreen
for b in "$build"/tests/bench_*; do
  [ -f "$b" ] && [ -x "$b" ] || continue
  echo "== $(basename "$b")"
  "$b"
  echo
done
"$here/scripts/bench-startup.sh" "$build"
