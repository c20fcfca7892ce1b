#!/usr/bin/env bash
# `make run`: opens the cockpit on the demo workspace. With no display, runs it under Xvfb, saves
# a screenshot of the window and says where.
set -euo pipefail
bin=$1 dir=$2 shot=$3
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec "$bin" demo --dir "$dir"
fi
mkdir -p "$(dirname "$shot")"
if [ -z "${XDG_RUNTIME_DIR:-}" ]; then
  XDG_RUNTIME_DIR=$(mktemp -d) && export XDG_RUNTIME_DIR  # Qt wants a private runtime dir
  trap 'rm -rf "$XDG_RUNTIME_DIR"' EXIT
fi
echo "No display: opening the demo under Xvfb to take a screenshot."
xvfb-run -a -s '-screen 0 1600x1000x24' "$bin" demo --dir "$dir" --screenshot "$shot"
echo "Screenshot of the demo workspace: $shot"
