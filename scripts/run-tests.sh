#!/usr/bin/env bash
# Runs every test (ctest) of a build directory. The Secret Service tests need a session bus and an
# unlocked keyring: start both for the run when they are installed.
set -euo pipefail
build=${1:-build}
cd "$build"
run_ctest=(ctest --output-on-failure --timeout 600 -j "$(nproc)")
if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
  # The keyring password only protects this throwaway test keyring.
  exec dbus-run-session -- sh -c 'printf test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "$@"' sh "${run_ctest[@]}"
fi
exec "${run_ctest[@]}"
