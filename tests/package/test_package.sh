#!/usr/bin/env bash
# Builds the Debian package with CPack, installs it on this machine with dpkg, runs the INSTALLED
# program, checks what it put where (desktop file, metainfo, icons, man page, shell completion),
# then removes it.
# Needs root for dpkg; like every test here it fails, never skips, when something is missing.
# Usage: test_package.sh BUILD_DIR VERSION APP_ID
set -euo pipefail
build=$1 version=$2 app_id=$3
pkg=release-cockpit bin=/usr/bin/release-cockpit

say() { echo "test_package: $*" >&2; }
fail() {
    echo "test_package: FAIL: $*" >&2
    exit 1
}

[ "$(id -u)" = 0 ] || fail "dpkg -i needs root: run this test as root (CI does)"
for tool in cmake cpack dpkg dpkg-deb dpkg-shlibdeps desktop-file-validate appstreamcli git gzip man groff readelf; do
    command -v "$tool" >/dev/null || fail "'$tool' is missing (make deps installs it)"
done
# Never touch an installation that is not ours.
status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
case "$status" in
    "" | not-installed | config-files) ;;
    *) fail "$pkg is already installed here (dpkg status '$status'); this test will not remove it: run 'dpkg -r $pkg' first" ;;
esac
[ ! -e "$bin" ] || fail "$bin exists but belongs to no package; move it away before running this test"

tmp=$(mktemp -d)
installed=0
cleanup() {
    if [ "$installed" = 1 ] && dpkg-query -W "$pkg" >/dev/null 2>&1; then
        dpkg -r "$pkg" >/dev/null 2>&1 || say "cleanup: dpkg -r $pkg failed"
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT

say "building the executable, icons and man page, then the .deb"
cmake --build "$build" --target release-cockpit cockpit_package_files >"$tmp/build.log" 2>&1 \
    || { cat "$tmp/build.log" >&2; fail "build failed"; }
(cd "$tmp" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/deb") >"$tmp/cpack.log" 2>&1 \
    || { cat "$tmp/cpack.log" >&2; fail "cpack failed"; }
deb="$tmp/deb/${pkg}_${version}_$(dpkg --print-architecture).deb"
[ -f "$deb" ] || { ls -l "$tmp/deb" >&2; fail "no $deb"; }
say "$(basename "$deb"): $(stat -c %s "$deb") bytes"
[ "$(dpkg-deb -f "$deb" Package)" = "$pkg" ] || fail "wrong Package field"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "Version is not $version"
[ "$(dpkg-deb -f "$deb" Section)" = devel ] || fail "Section is not devel"
depends=$(dpkg-deb -f "$deb" Depends)
for dep in libqt6sql6-sqlite libqt6svg6 libqt6core6 libgit2 libc6; do  # the last three from shlibdeps
    [[ "$depends" == *"$dep"* ]] || fail "Depends lacks $dep: $depends"
done
if dpkg-deb -c "$deb" | grep -q '\./usr/local/'; then fail "the package installs under /usr/local"; fi

say "installing"
installed=1
dpkg -i "$deb" >"$tmp/dpkg.log" 2>&1 || { cat "$tmp/dpkg.log" >&2; fail "dpkg -i failed"; }
[ -x "$bin" ] || fail "$bin not installed"
if readelf -S "$bin" | grep -q '\.debug_info'; then fail "$bin is not stripped"; fi
[ "$("$bin" --version)" = "release-cockpit $version" ] || fail "'$bin --version' is not 'release-cockpit $version'"

say "running the installed program in a temporary git repository"
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/data" XDG_CONFIG_HOME="$tmp/home/config"
mkdir -p "$HOME"
git init -q "$tmp/ws"
(cd "$tmp/ws" && "$bin" init --preset gated-ga) || fail "init --preset gated-ga exited $?"
(cd "$tmp/ws" && "$bin" policy check) || fail "policy check exited $?"
[ -f "$tmp/ws/.release-cockpit/policy.yml" ] || fail "init wrote no policy"

say "checking the desktop file, metainfo, icons and man page"
desktop=/usr/share/applications/$app_id.desktop metainfo=/usr/share/metainfo/$app_id.metainfo.xml
desktop-file-validate "$desktop" || fail "desktop-file-validate $desktop"
grep -qx "Icon=$app_id" "$desktop" || fail "$desktop does not name the icon $app_id"
exec_cmd=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")
[ "$(command -v "$exec_cmd")" = "$bin" ] || fail "Exec=$exec_cmd does not resolve to $bin"
appstreamcli validate --no-net "$metainfo" || fail "appstreamcli validate --no-net $metainfo"
grep -q "<release version=\"$version\"" "$metainfo" || fail "$metainfo has no release $version"
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" || fail "launchable"
icons=/usr/share/icons/hicolor
[ -s "$icons/scalable/apps/$app_id.svg" ] || fail "no scalable icon"
for size in 16 22 24 32 48 64 128 256 512; do
    png="$icons/${size}x${size}/apps/$app_id.png"
    [ -s "$png" ] || fail "no $png"
    # PNG: the IHDR width and height are big-endian 32-bit at bytes 16 and 20.
    read -r w h < <(od -An -tu1 -j16 -N8 "$png" | awk '{print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}')
    [ "$w" = "$size" ] && [ "$h" = "$size" ] || fail "$png is ${w}x$h"
done
man_page=/usr/share/man/man1/release-cockpit.1.gz
[ -f "$man_page" ] || fail "no $man_page (does /etc/dpkg/dpkg.cfg.d exclude /usr/share/man?)"
[ "$(man -w release-cockpit)" = "$man_page" ] || fail "man -w release-cockpit does not find $man_page"
warnings=$(gzip -dc "$man_page" | groff -man -Tutf8 -ww -z 2>&1)
[ -z "$warnings" ] || fail "groff warns about the man page: $warnings"
for section in NAME SYNOPSIS DESCRIPTION COMMANDS OPTIONS "EXIT STATUS" ENVIRONMENT FILES EXAMPLES "SEE ALSO"; do
    gzip -dc "$man_page" | grep -q "^\.SH \"\?$section" || fail "man page lacks $section"
done
# Every command --help lists (its leading lower-case words) has an entry in the man page.
rendered=$(gzip -dc "$man_page" | groff -man -Tascii -P-cbou 2>/dev/null)
"$bin" --help | sed -n '/^Commands/,/^$/p' | sed -n 's/^  \([a-z].*\)/\1/p' | sed 's/  .*//; s/ | /\n/g' \
    | awk '{c=""; for (i = 1; i <= NF && $i ~ /^[a-z][a-z-]*$/; i++) c = c (c ? " " : "") $i; if (c) print c}' \
    | sort -u >"$tmp/commands"
[ "$(wc -l <"$tmp/commands")" -ge 20 ] || fail "read too few commands from --help: $(tr '\n' ',' <"$tmp/commands")"
while read -r command; do
    grep -qE "^ {7}$command( |$)" <<<"$rendered" || fail "the man page has no entry for '$command' (listed by --help)"
done <"$tmp/commands"

say "checking the shell completion"
bash_completion=/usr/share/bash-completion/completions/$pkg zsh_completion=/usr/share/zsh/vendor-completions/_$pkg
[ -s "$bash_completion" ] || fail "no $bash_completion"
head -1 "$zsh_completion" | grep -qx "#compdef $pkg" || fail "$zsh_completion does not start with #compdef $pkg"
completed=$(bash -c 'source "$1"; COMP_WORDS=(release-cockpit soak evaluate --); COMP_CWORD=3; _release_cockpit; echo "${COMPREPLY[*]}"' bash "$bash_completion")
[[ " $completed " == *" --env "* ]] || fail "bash completion of 'soak evaluate --' lacks --env: $completed"

say "removing"
dpkg -r "$pkg" >"$tmp/dpkg.log" 2>&1 || { cat "$tmp/dpkg.log" >&2; fail "dpkg -r failed"; }
[ ! -e "$bin" ] || fail "$bin is still there after dpkg -r"
[ ! -e "$desktop" ] && [ ! -e "$icons/48x48/apps/$app_id.png" ] && [ ! -e "$bash_completion" ] || fail "files left after dpkg -r"
installed=0
say "ok"
