#!/usr/bin/env bash
# Test the built Linux package the way an office would use it (issue 16 item 5): install the .deb (as root with
# apt, which also brings its Depends; else unpacked with dpkg -x), then run from the installed files: --version,
# init, demo, check, --smoke-test (every tab opens), a test page to the CUPS test queue (when one runs), backup
# and restore, the letters and staff imports on small files, and the upgrade of a data folder made by the previous
# release. As root it also upgrades the package to a newer version and removes it, checking that the users' data
# stay. Exits non-zero on the first failure.
# Usage: installer/linux/test-package.sh [dist/sekretariat_<version>_<arch>.deb]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' desktop/__init__.py)
DEB=${1:-$(ls dist/sekretariat_"$VERSION"_*.deb 2>/dev/null | head -n 1)}
QUEUE=${SEKRETARIAT_TEST_QUEUE:-Sekretariat_PDF}
[ -f "$DEB" ] || { echo "test-package: no .deb (run make dist)" >&2; exit 1; }
DEB=$(readlink -f "$DEB")

WORK=$(mktemp -d)
INSTALLED=""
cleanup() {
    if [ -n "$INSTALLED" ]; then dpkg -P sekretariat >/dev/null 2>&1 || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
step() { echo "test-package: $*"; }
fail() { echo "test-package: GAGAL: $*" >&2; exit 1; }

if [ "$(id -u)" -eq 0 ] && [ "${SEKRETARIAT_PACKAGE_INSTALL:-1}" = 1 ] && command -v apt-get >/dev/null; then
    dpkg-query -W -f='${db:Status-Abbrev}' sekretariat 2>/dev/null | grep -q '^ii' \
        && fail "sekretariat is already installed on this machine; remove it first (dpkg -P sekretariat)"
    step "apt-get install $DEB"
    INSTALLED=1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$DEB" >"$WORK/apt.log" 2>&1 || { cat "$WORK/apt.log"; fail "install"; }
    BIN=/usr/bin/sekretariat
    [ -f /usr/share/applications/id.go.sekretariat.Sekretariat.desktop ] || fail "menu entry not installed"
    [ -f /usr/share/icons/hicolor/256x256/apps/sekretariat.png ] || fail "icon not installed"
else
    step "dpkg-deb -x $DEB (not root, or SEKRETARIAT_PACKAGE_INSTALL=0)"
    dpkg-deb -x "$DEB" "$WORK/root"
    BIN=$WORK/root/opt/sekretariat/sekretariat
fi
export QT_QPA_PLATFORM=offscreen HOME=$WORK/home
mkdir -p "$HOME"
run() { "$BIN" "$@" </dev/null; }

step "--version"
[ "$(run --version)" = "Sekretariat $VERSION" ] || fail "--version says '$(run --version)'"

step "init, check"
run --data-dir "$WORK/kantor" init >/dev/null
run --data-dir "$WORK/kantor" check | tee "$WORK/check.txt" | tail -n 1
grep -q "Hasil       : BAIK" "$WORK/check.txt" || fail "check of a new data folder"

step "demo, check --deep, smoke test"
run --data-dir "$WORK/demo" demo >"$WORK/demo.txt" 2>&1 || { tail -n 20 "$WORK/demo.txt"; fail "demo"; }
run --data-dir "$WORK/demo" check --deep | grep -q "Hasil       : BAIK" || fail "check --deep of the demo"
run --data-dir "$WORK/demo" --smoke-test 2>"$WORK/smoke.err" | tee "$WORK/smoke.txt"
grep -q "^smoke test OK" "$WORK/smoke.txt" || { cat "$WORK/smoke.err"; fail "smoke test"; }

if command -v lpstat >/dev/null && lpstat -p "$QUEUE" >/dev/null 2>&1; then
    step "test page to the CUPS queue $QUEUE"
    run --data-dir "$WORK/demo" print-test --printer "$QUEUE" | tee "$WORK/print.txt"
    grep -q "dikirim" "$WORK/print.txt" || fail "test page"
else
    step "no CUPS queue $QUEUE: test page skipped"
fi

step "backup, restore"
run --data-dir "$WORK/demo" backup --to "$WORK/cadangan.zip" >/dev/null
run --data-dir "$WORK/pulih" restore "$WORK/cadangan.zip" --yes >/dev/null
run --data-dir "$WORK/pulih" check | grep -q "Hasil       : BAIK" || fail "check after restore"

step "letters import, staff import"
run --data-dir "$WORK/kantor" letters import "$ROOT/installer/linux/package-test/agenda.csv" --incoming \
    | grep -q "2 surat masuk diimpor" || fail "letters import"
run --data-dir "$WORK/kantor" staff import "$ROOT/installer/linux/package-test/pegawai.csv" \
    | grep -q "2 pegawai baru" || fail "staff import"

for dump in "$ROOT"/tests/fixtures/upgrade/data-*.sql; do
    name=$(basename "$dump" .sql)
    step "upgrade of $name"
    mkdir -p "$WORK/$name"
    python3 -c 'import sqlite3, sys; sqlite3.connect(sys.argv[1]).executescript(open(sys.argv[2]).read())' \
        "$WORK/$name/sekretariat.db" "$dump"
    run --data-dir "$WORK/$name" --smoke-test >/dev/null 2>&1 || fail "the app does not open $name"
    run --data-dir "$WORK/$name" check | grep -q "Hasil       : BAIK" || fail "check of $name after migrating"
    compgen -G "$WORK/$name/cadangan/*-sebelum-migrasi.*" >/dev/null || fail "no backup written before migrating $name"
done

if [ -n "$INSTALLED" ]; then
    step "upgrade to a newer package, then remove it: the data stay"
    NEXT=$WORK/next
    dpkg-deb -R "$DEB" "$NEXT"
    sed -i "s/^Version: .*/Version: $VERSION+1/" "$NEXT/DEBIAN/control"
    dpkg-deb --root-owner-group -Zxz -z1 --build "$NEXT" "$WORK/next.deb" >/dev/null
    dpkg -i "$WORK/next.deb" >/dev/null
    [ "$(dpkg-query -W -f='${Version}' sekretariat)" = "$VERSION+1" ] || fail "upgrade"
    run --data-dir "$WORK/demo" check | grep -q "Hasil       : BAIK" || fail "check after the package upgrade"
    dpkg -r sekretariat >/dev/null
    INSTALLED=""
    dpkg -P sekretariat >/dev/null  # nothing of the package left in dpkg's records either
    [ ! -e /opt/sekretariat ] && [ ! -e /usr/bin/sekretariat ] || fail "files left after removal"
    [ -f "$WORK/demo/sekretariat.db" ] || fail "removing the package touched the data"
fi
step "OK"
