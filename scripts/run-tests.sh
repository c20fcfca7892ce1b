#!/usr/bin/env bash
# Runs the tests (ctest) of a build directory: every one, or those the extra ctest arguments pick
# (run-tests.sh build -R tst_secret_store). The run gets its own HOME, XDG directories, TMPDIR,
# git config and an unlocked Secret Service keyring on a private session bus, all in a temporary
# directory removed afterwards (tests/fixtures/isolated_env.sh): the developer's desktop, keyring
# and settings are neither read nor written.
set -euo pipefail
build=${1:-build}
shift || true
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$build"
exec "$here/tests/fixtures/isolated_env.sh" ctest --output-on-failure --timeout 600 -j "$(nproc)" "$@"
