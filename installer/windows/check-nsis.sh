#!/bin/sh
# CI check of the Windows installer script: Debian's makensis compiles sekretariat.nsi against a bundle folder
# (on Linux, the Linux bundle stands in for the Windows one), with every warning an error.
#
#   installer/windows/check-nsis.sh [PAYLOAD [OUTDIR [extra makensis options...]]]
#
# PAYLOAD defaults to dist/sekretariat; OUTDIR defaults to a temporary folder removed afterwards. Extra options
# go to makensis, e.g. -DCOMPRESSOR=zlib: much faster on a full bundle than the release's solid LZMA.
# Needs makensis (Debian package nsis) 3.08 or newer.
set -eu

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PAYLOAD=${1:-$ROOT/dist/sekretariat}
OUTDIR=${2:-}
[ $# -gt 2 ] && shift 2 || set --

fail() {
    echo "check-nsis: $*" >&2
    exit 1
}

command -v makensis >/dev/null 2>&1 || fail "makensis not found; install it with: apt-get install nsis"
[ -d "$PAYLOAD" ] || fail "no bundle folder at $PAYLOAD (make dist, or give a folder)"
PAYLOAD=$(cd "$PAYLOAD" && pwd)

VERSION=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$ROOT/desktop/__init__.py")
[ -n "$VERSION" ] || fail "no __version__ in desktop/__init__.py"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/check-nsis.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
if [ -z "$OUTDIR" ]; then
    OUTDIR=$WORK/out
fi
mkdir -p "$OUTDIR"
OUTDIR=$(cd "$OUTDIR" && pwd)

# The script packs sekretariat.exe; the Linux bundle's executable has no suffix. Links to the bundle's items
# make a stand-in folder without copying hundreds of MB (makensis follows them).
STANDIN=$WORK/payload
mkdir "$STANDIN"
for item in "$PAYLOAD"/* "$PAYLOAD"/.[!.]*; do
    [ -e "$item" ] && ln -s "$item" "$STANDIN/"
done
if [ ! -e "$STANDIN/sekretariat.exe" ]; then
    [ -f "$PAYLOAD/sekretariat" ] || fail "neither sekretariat.exe nor sekretariat in $PAYLOAD"
    ln -s "$PAYLOAD/sekretariat" "$STANDIN/sekretariat.exe"
fi

# The icon comes from the script's own default (resources/icons/sekretariat.ico), as on Windows.
makensis -WX -V2 -DVERSION="$VERSION" -DPAYLOAD="$STANDIN" -DOUTDIR="$OUTDIR" "$@" \
    "$ROOT/installer/windows/sekretariat.nsi" \
    || fail "makensis failed (errors and warnings both fail this check)"

SETUP=$OUTDIR/Sekretariat-$VERSION-setup.exe
[ -f "$SETUP" ] || fail "makensis wrote no $SETUP"
[ "$(head -c 2 "$SETUP")" = "MZ" ] || fail "$SETUP is not a Windows executable"
if command -v file >/dev/null 2>&1; then
    file -b "$SETUP" | grep -q '^PE32' || fail "$SETUP: file says: $(file -b "$SETUP")"
fi
echo "check-nsis: $SETUP $(du -k "$SETUP" | cut -f1) KiB ($(wc -c <"$SETUP") bytes), bundle $(du -skL "$PAYLOAD" | cut -f1) KiB"
