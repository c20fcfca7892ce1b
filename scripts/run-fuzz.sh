#!/usr/bin/env bash
# `make fuzz`: builds every libFuzzer target (tests/fuzz/fuzz_*.cpp) with clang under ASan and
# UBSan, runs each for SECONDS from a copy of its committed corpus, prints runs, execs/s and
# coverage per target, and exits 1 naming the artifact of every crash, leak, timeout or OOM.
# The committed corpus is only written with --merge (new inputs minimised into it, -merge=1).
# See docs/fuzzing.md.
set -euo pipefail
usage() {
  echo "usage: $0 [--merge] [--keep] [--only NAME[,NAME...]] BUILD_DIR [SECONDS]" >&2
  exit 64
}
merge=0 keep=0 only="" args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --merge) merge=1 ;;
    --keep) keep=1 ;;  # continue from the previous run's work corpus
    --only) only="${2:-}"; shift ;;
    -*) usage ;;
    *) args+=("$1") ;;
  esac
  shift
done
[ ${#args[@]} -ge 1 ] && [ ${#args[@]} -le 2 ] || usage
src=$(cd "$(dirname "$0")/.." && pwd)
build="${args[0]}"
seconds="${args[1]:-60}"
jobs="${JOBS:-$(nproc)}"

# Clang >= 16: libstdc++ 12's std::expected does not compile with clang 14 (cmake/Fuzz.cmake).
cxx="${FUZZ_CXX:-}"
if [ -z "$cxx" ]; then
  for v in 19 18 17 16; do
    if command -v "clang++-$v" >/dev/null; then cxx="clang++-$v"; break; fi
  done
fi
if [ -z "$cxx" ]; then
  echo "run-fuzz: no clang++ >= 16 found; install clang-16 and libclang-rt-16-dev" >&2
  exit 69
fi
cc="${cxx/clang++/clang}"
launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi

cmake -S "$src" -B "$build" -G Ninja -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
  -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g" -DCOCKPIT_FUZZ=ON "${launcher[@]}" >/dev/null
# With --only, just those targets (the services library only when one of them links it).
targets=(fuzzers)
if [ -n "$only" ]; then
  targets=()
  IFS=, read -ra names <<<"$only"
  for n in "${names[@]}"; do targets+=("fuzz_${n#fuzz_}"); done
fi
cmake --build "$build" --target "${targets[@]}" -j "$jobs"
build=$(cd "$build" && pwd)

export ASAN_OPTIONS="halt_on_error=1:print_stacktrace=1:detect_leaks=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
for s in "llvm-symbolizer-${cxx##*-}" llvm-symbolizer; do  # stacks with function names and lines
  if command -v "$s" >/dev/null; then export ASAN_SYMBOLIZER_PATH=$(command -v "$s"); break; fi
done
export QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES="*.debug=false;*.info=false;*.warning=false"

failures=()
printf '%-22s %10s %8s %7s %7s %6s  %s\n' target runs execs/s cov ft corpus result
for exe in "$build"/fuzz/fuzz_*; do
  [ -x "$exe" ] || continue
  target=$(basename "$exe")
  name=${target#fuzz_}
  if [ -n "$only" ] && [[ ",$only," != *",$name,"* && ",$only," != *",$target,"* ]]; then
    continue
  fi
  work="$build/fuzz-corpus/$name" artifacts="$build/artifacts/$name" log="$build/fuzz-logs/$name.log"
  [ "$keep" = 1 ] || rm -rf "$work"
  mkdir -p "$work" "$artifacts" "$(dirname "$log")"
  [ -d "$src/tests/fuzz/corpus/$name" ] && cp -r "$src/tests/fuzz/corpus/$name/." "$work/"
  rc=0
  # -timeout: one input; the outer timeout only guards against libFuzzer itself hanging.
  timeout $((seconds + 300)) "$exe" -max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-10}" \
    -rss_limit_mb="${FUZZ_RSS_MB:-2048}" -artifact_prefix="$artifacts/" -print_final_stats=1 \
    "$work" >"$log" 2>&1 || rc=$?
  statval() { sed -n "s/^stat::$1: *//p" "$log" | tail -1; }
  last=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -1 || true)
  cov=$(sed -n 's/.*cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.*ft: \([0-9]*\).*/\1/p' <<<"$last")
  corp=$(sed -n 's/.*corp: \([0-9]*\).*/\1/p' <<<"$last")
  result=ok
  if [ "$rc" != 0 ]; then
    artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
    kind=$(basename "${artifact:-failed}" | cut -d- -f1)
    result="$kind (exit $rc)"
    failures+=("$target: $kind; reproduce: $exe ${artifact:-(no artifact, see $log)}; log: $log")
  elif [ "$merge" = 1 ]; then
    mkdir -p "$src/tests/fuzz/corpus/$name"
    "$exe" -merge=1 -timeout="${FUZZ_TIMEOUT:-10}" "$src/tests/fuzz/corpus/$name" "$work" >>"$log" 2>&1
    result="ok, merged"
  fi
  runs=$(statval number_of_executed_units) speed=$(statval average_exec_per_sec)
  printf '%-22s %10s %8s %7s %7s %6s  %s\n' "$name" "${runs:--}" "${speed:--}" "${cov:--}" "${ft:--}" \
    "${corp:--}" "$result"
done

if [ ${#failures[@]} -gt 0 ]; then
  echo
  printf 'FAILED %s\n' "${failures[@]}"
  exit 1
fi
