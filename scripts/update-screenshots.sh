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
# The demo's gates as they run here: Preflight passes, CI gates reads the demo's failed run.
(cd "$scratch/demo" && { "$build/app/release-cockpit" gate 3.7.0 >/dev/null || true
  "$build/app/release-cockpit" gate 3.7.0 --only "CI gates" >/dev/null || true; })
# "Why blocked?" open, wide and at the narrowest size the header is laid out for.
COCKPIT_SCREENSHOT_PANEL=why-blocked xvfb-run -a -s '-screen 0 1600x1000x24' \
  "$build/app/release-cockpit" --workspace "$scratch/demo" --screenshot "$root/docs/screenshots/why-blocked.png"
COCKPIT_SCREENSHOT_PANEL=why-blocked COCKPIT_SCREENSHOT_SIZE=1024x768 xvfb-run -a -s '-screen 0 1600x1000x24' \
  "$build/app/release-cockpit" --workspace "$scratch/demo" --screenshot "$root/docs/screenshots/main-window-1024.png"
# The sizes people use (issue 16 item 5): a 1280x800 laptop and a 2x (HiDPI) screen at 1280x800.
COCKPIT_SCREENSHOT_SIZE=1280x800 xvfb-run -a -s '-screen 0 1600x1000x24' \
  "$build/app/release-cockpit" --workspace "$scratch/demo" --screenshot "$root/docs/screenshots/main-window-1280.png"
QT_SCALE_FACTOR=2 COCKPIT_SCREENSHOT_SIZE=1280x800 xvfb-run -a -s '-screen 0 2600x1700x24' \
  "$build/app/release-cockpit" --workspace "$scratch/demo" --screenshot "$root/docs/screenshots/main-window-2x.png"
# Each tab raises itself for the shot when COCKPIT_SCREENSHOT_TAB names it.
for tab in changelog soak signoffs gates; do
  COCKPIT_SCREENSHOT_TAB=$tab xvfb-run -a -s '-screen 0 1600x1000x24' \
    "$build/app/release-cockpit" --workspace "$scratch/demo" --screenshot "$root/docs/screenshots/$tab-tab.png"
done
# Windows and dialogs that need a prepared state are grabbed by their offscreen tests, which
# build the demo (or a scratch workspace) themselves and write into docs/screenshots/.
export QT_QPA_PLATFORM=offscreen
COCKPIT_SCREENSHOT_DIR="$root/docs/screenshots" "$build/tests/tst_metrics_windows" >/dev/null
# A soaking release with the rollback countdown at 1024x768 (the test deploys the demo's 3.7.0).
COCKPIT_SCREENSHOT_DIR="$root/docs/screenshots" "$build/tests/tst_window_fit" everyReleaseFitsAt1024 >/dev/null
# The webhook dialog stores into the Secret Service: a throwaway keyring, unlocked for the run.
COCKPIT_SCREENSHOT_DIR="$root/docs/screenshots" dbus-run-session -- sh -c \
  'printf test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "$@"' \
  sh "$build/tests/tst_communications_dialog" >/dev/null
EVIDENCE_VIEWER_SCREENSHOT="$root/docs/screenshots/evidence-viewer.png" "$build/tests/tst_evidence_viewer" >/dev/null
echo "Screenshots written to $root/docs/screenshots/"
