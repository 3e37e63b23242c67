#!/usr/bin/env bash
# Make the Linux packages from the PyInstaller bundle in dist/sekretariat (built by `make dist`):
#   dist/sekretariat_<version>_amd64.deb        (dpkg: /opt/sekretariat, /usr/bin/sekretariat, menu entry, icons)
#   dist/sekretariat-<version>-linux-x86_64.tar.gz  (the bundle with the icon and menu entry, for other distributions)
# Usage: installer/linux/build-packages.sh [VERSION]   (default: desktop.__version__)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
BUNDLE=$ROOT/dist/sekretariat
APP_ID=id.go.sekretariat.Sekretariat
VERSION=${1:-$(sed -n 's/^__version__ = "\(.*\)"/\1/p' desktop/__init__.py)}
ARCH=$(dpkg --print-architecture 2>/dev/null || echo amd64)

die() { echo "build-packages: ERROR: $*" >&2; exit 1; }
[ -x "$BUNDLE/sekretariat" ] || die "no bundle at $BUNDLE: run 'make dist' (pyinstaller installer/sekretariat.spec) first"
[ -n "$VERSION" ] || die "version not found in desktop/__init__.py"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# --- .deb ---------------------------------------------------------------------------------------------------
PKG=$WORK/deb
install -d "$PKG/DEBIAN" "$PKG/opt" "$PKG/usr/bin" "$PKG/usr/share/applications" "$PKG/usr/share/metainfo" \
    "$PKG/usr/share/doc/sekretariat" "$PKG/usr/share/icons/hicolor/scalable/apps"
cp -a "$BUNDLE" "$PKG/opt/sekretariat"
ln -s /opt/sekretariat/sekretariat "$PKG/usr/bin/sekretariat"
install -m 0644 "resources/linux/$APP_ID.desktop" "$PKG/usr/share/applications/"
install -m 0644 "resources/linux/$APP_ID.metainfo.xml" "$PKG/usr/share/metainfo/"
install -m 0644 resources/icons/sekretariat.svg "$PKG/usr/share/icons/hicolor/scalable/apps/sekretariat.svg"
for png in resources/icons/png/sekretariat-*.png; do
    size=$(basename "$png" .png); size=${size#sekretariat-}
    install -d "$PKG/usr/share/icons/hicolor/${size}x${size}/apps"
    install -m 0644 "$png" "$PKG/usr/share/icons/hicolor/${size}x${size}/apps/sekretariat.png"
done
{
    echo "Sekretariat $VERSION: GPL-3.0-or-later."
    echo "Komponen pihak ketiga yang dibawa dan lisensinya: /opt/sekretariat/_internal/resources/licenses/"
} > "$PKG/usr/share/doc/sekretariat/copyright"
# Files under /opt are the package's own; nothing the users write lives there (data: ~/.local/share/Sekretariat).
find "$PKG/opt/sekretariat" -type d -exec chmod 0755 {} +
find "$PKG/opt/sekretariat" -type f -exec chmod go-w {} +

installed_kb=$(du -sk --exclude=DEBIAN "$PKG" | cut -f1)
# The system libraries the bundle leaves to the system (GL/EGL, X and Wayland clients) and the CUPS client for
# direct printing: read from the bundle itself by check-bundle.py.
DEPENDS=$(python3 installer/linux/check-bundle.py --depends "$BUNDLE")
cat > "$PKG/DEBIAN/control" <<CONTROL
Package: sekretariat
Version: $VERSION
Architecture: $ARCH
Maintainer: Sekretariat <sekretariat@localhost>
Installed-Size: $installed_kb
Section: misc
Priority: optional
Depends: $DEPENDS
Recommends: cups
Description: Aplikasi kesekretariatan Dinas (surat, buku tamu, barang, kepegawaian)
 Buku agenda surat masuk dan keluar dengan lembar disposisi, buku tamu dan
 survei kepuasan, barang milik daerah (KIB, KIR, BAST, label) dan tenggat
 kepegawaian. Bekerja tanpa internet; data per pengguna di
 ~/.local/share/Sekretariat atau di server PostgreSQL kantor.
CONTROL
# The menu and icon caches, where the desktop has them; removing the package touches no user's data.
cat > "$PKG/DEBIAN/postinst" <<'SCRIPT'
#!/bin/sh
set -e
if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q /usr/share/applications || true; fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true; fi
exit 0
SCRIPT
cp "$PKG/DEBIAN/postinst" "$PKG/DEBIAN/postrm"
chmod 0755 "$PKG/DEBIAN/postinst" "$PKG/DEBIAN/postrm"

DEB=$ROOT/dist/sekretariat_${VERSION}_${ARCH}.deb
dpkg-deb --root-owner-group -Zxz --build "$PKG" "$DEB" >/dev/null
echo "build-packages: $DEB ($(du -h "$DEB" | cut -f1))"

# --- .tar.gz ------------------------------------------------------------------------------------------------
# It unpacks to sekretariat/ whatever the version, so a newer one unpacked in the same place replaces it.
NAME=sekretariat-$VERSION-linux-$(uname -m)
TREE=$WORK/tar/sekretariat
mkdir -p "$WORK/tar"
cp -a "$BUNDLE" "$TREE"
install -m 0644 "resources/linux/$APP_ID.desktop" resources/icons/png/sekretariat-256.png "$TREE/"
tar -C "$WORK/tar" -czf "$ROOT/dist/$NAME.tar.gz" sekretariat
echo "build-packages: $ROOT/dist/$NAME.tar.gz ($(du -h "$ROOT/dist/$NAME.tar.gz" | cut -f1))"
