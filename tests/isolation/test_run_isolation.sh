#!/usr/bin/env bash
# Runs scripts/run-tests.sh on a few tests with HOME (holding a "login keyring", git and cockpit
# settings) and TMPDIR pointing into a scratch directory, then checks that nothing under that HOME
# was created, changed or removed, that the run's temporary directory is gone, and that no
# process of the run (gnome-keyring-daemon, dbus-daemon) outlived it.
# Usage: test_run_isolation.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
# Inside the run this test starts, its own copy has nothing to do (and must not start another run).
if [ -n "${COCKPIT_NESTED_RUN:-}" ]; then
    echo "test_run_isolation: nested run, nothing to check"
    exit 0
fi
source_dir=$1 build=$2
fail() {
    echo "test_run_isolation: FAIL: $*" >&2
    exit 1
}
tests='^(tst_test_isolation|tst_secret_store)$'
for t in tst_test_isolation tst_secret_store; do
    [ -x "$build/tests/$t" ] || fail "$build/tests/$t is not built"
done

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
chmod 711 "$scratch"  # like /tmp, the postgres user may pass through (postgres_fixture.sh)
home=$scratch/home
mkdir -p "$home/.local/share/keyrings" "$home/.config/ReleaseCockpit" "$scratch/tmp"
echo "not a real keyring" >"$home/.local/share/keyrings/login.keyring"
printf '[user]\n\temail = developer@example.com\n' >"$home/.gitconfig"
echo "[General]" >"$home/.config/ReleaseCockpit/release-cockpit.conf"
touch -d '2020-01-01 00:00' "$home" "$home"/.gitconfig "$home"/.local "$home"/.local/share \
    "$home"/.local/share/keyrings "$home"/.local/share/keyrings/* "$home"/.config "$home"/.config/*
snapshot() { find "$home" -printf '%p %M %s %T@\n' | sort; }
before=$(snapshot)

# Only what a developer's shell has: no isolation of an outer run leaks into this one.
log=$scratch/run.log
if ! env -i COCKPIT_NESTED_RUN=1 PATH="$PATH" HOME="$home" TMPDIR="$scratch/tmp" USER="${USER:-root}" CI="${CI:-}" \
    "$source_dir/scripts/run-tests.sh" "$build" -R "$tests" >"$log" 2>&1; then
    cat "$log" >&2
    fail "run-tests.sh failed"
fi
grep -q '100% tests passed, 0 tests failed out of 2' "$log" || { cat "$log" >&2; fail "not both tests passed"; }

after=$(snapshot)
[ "$before" = "$after" ] || fail "the run changed the fake HOME:
$(diff <(echo "$before") <(echo "$after") || true)"
leftover=$(ls -A "$scratch/tmp")
[ -z "$leftover" ] || fail "the run left in TMPDIR: $leftover"
# The keyring daemon and the bus leave with the run; give them a moment to notice.
for _ in $(seq 50); do
    stray=$(grep -lsa "COCKPIT_TEST_ROOT=$scratch/tmp/" /proc/[0-9]*/environ || true)
    [ -z "$stray" ] && break
    sleep 0.1
done
[ -z "$stray" ] || fail "processes of the run are still alive: $(echo "$stray" | sed 's,/proc/\([0-9]*\)/environ,\1,' | xargs ps -o pid=,args= -p)"
echo "test_run_isolation: the fake HOME is untouched and the run left nothing behind"
