#!/usr/bin/env bash
# Regenerates docs/screenshots/ from the real window on a fresh demo workspace, so the pictures
# in the docs never go stale. Needs xvfb-run (make deps installs it).
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config"
"$build/app/release-cockpit" demo --dir "$scratch/demo" --no-open
xvfb-run -a -s '-screen 0 1600x1000x24' \
  "$build/app/release-cockpit" --workspace "$scratch/demo" --screenshot "$root/docs/screenshots/main-window.png"
# Each tab raises itself for the shot when COCKPIT_SCREENSHOT_TAB names it.
for tab in changelog soak signoffs; do
  COCKPIT_SCREENSHOT_TAB=$tab xvfb-run -a -s '-screen 0 1600x1000x24' \
    "$build/app/release-cockpit" --workspace "$scratch/demo" --screenshot "$root/docs/screenshots/$tab-tab.png"
done
