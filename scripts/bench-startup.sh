#!/usr/bin/env bash
# Start-up to first paint of the demo workspace against a hello-world Qt Widgets program built in
# the same tree, both timed by hyperfine in this one script (warm file cache: a true cold start
# would need the page cache dropped). Prints the difference; gates nothing.
set -euo pipefail
build=$1
demo=$(mktemp -d)/demo
trap 'rm -rf "$(dirname "$demo")"' EXIT
export QT_QPA_PLATFORM=offscreen COCKPIT_EXIT_AFTER_FIRST_PAINT=1 XDG_DATA_HOME="$(dirname "$demo")/data" \
  XDG_CONFIG_HOME="$(dirname "$demo")/config"
"$build/app/release-cockpit" demo --dir "$demo" --no-open >/dev/null 2>&1
json=$(dirname "$demo")/startup.json
hyperfine -N --warmup 2 --runs 15 --export-json "$json" \
  -n hello-widgets "$build/tests/hello_widgets" \
  -n cockpit-demo "$build/app/release-cockpit --workspace $demo" >/dev/null
python3 - "$json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
h, c = r["hello-widgets"]["median"] * 1000, r["cockpit-demo"]["median"] * 1000
print(f"start-up to first paint (median of 15, warm cache): hello-world {h:.1f} ms, "
      f"cockpit on the demo {c:.1f} ms, +{c - h:.1f} ms ({c / h:.2f}x); target: at most +100 ms")
PY
