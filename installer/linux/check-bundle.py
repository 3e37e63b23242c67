"""Check a PyInstaller bundle before it is packaged: the Qt plugins and data files the app needs are in it, and
every shared library a bundled one needs is either bundled or named in SYSTEM_LIBRARIES (which gives the .deb's
Depends). A missing plugin or data file fails the build, not an office.

Usage: check-bundle.py BUNDLE_DIR            check, print a summary, exit 1 on a problem
       check-bundle.py --depends BUNDLE_DIR  print the Debian Depends line the bundle needs
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# Libraries PyInstaller leaves to the system on purpose: the C library (always there) and the graphics stack
# that must match the machine's drivers (GL/EGL, X and Wayland client libraries), with their Debian packages.
GLIBC = {
    "ld-linux-x86-64.so.2", "libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1",
    "libresolv.so.2", "libutil.so.1",
}  # fmt: skip
SYSTEM_LIBRARIES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libxcb.so.1": "libxcb1",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}
# Not linked but needed: the CUPS command-line tools the direct print path runs (desktop/printing/spool.py),
# and the XCB cursor library Qt 6.5+ asks for at start on X11 when it is not bundled.
ALWAYS = ("libc6 (>= 2.31)", "cups-client", "libxcb-cursor0", "libfontconfig1")

REQUIRED = (
    "sekretariat",
    "_internal/PySide6/Qt/plugins/platforms/libqxcb.so",
    "_internal/PySide6/Qt/plugins/platforms/libqwayland.so",
    "_internal/PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "_internal/PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
    "_internal/PySide6/Qt/plugins/imageformats/libqjpeg.so",
    "_internal/PySide6/Qt/plugins/imageformats/libqsvg.so",
    "_internal/PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so",
    "_internal/PySide6/QtPdf.abi3.so",
    "_internal/PySide6/QtPrintSupport.abi3.so",
    "_internal/desktop/resources/seed/kode_barang_108.csv",
    "_internal/desktop/storage/migrations/env.py",
    "_internal/resources/build_info.json",
    "_internal/resources/licenses/README.md",
)


def needed(path: Path) -> list[str]:
    out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True, check=False).stdout
    return [line.split("[", 1)[1].split("]", 1)[0] for line in out.splitlines() if "(NEEDED)" in line]


def unbundled(bundle: Path) -> dict[str, list[str]]:
    """NEEDED names no file of the bundle provides, with the libraries that need them."""
    names = {p.name for p in bundle.rglob("*")}
    found: dict[str, list[str]] = {}
    for path in sorted(bundle.rglob("*.so*")):
        if path.is_symlink() or not path.is_file():
            continue
        for name in needed(path):
            if name not in names:
                found.setdefault(name, []).append(str(path.relative_to(bundle)))
    return found


def depends(bundle: Path) -> str:
    packages = {SYSTEM_LIBRARIES[n] for n in unbundled(bundle) if n in SYSTEM_LIBRARIES}
    return ", ".join([*ALWAYS, *sorted(packages)])


def check(bundle: Path) -> list[str]:
    problems = [f"tidak ada di bundel: {rel}" for rel in REQUIRED if not (bundle / rel).exists()]
    repo_versions = {
        p.name
        for p in (Path(__file__).resolve().parents[2] / "desktop/storage/migrations/versions").glob("*.py")
    }
    bundled_versions = {
        p.name for p in (bundle / "_internal/desktop/storage/migrations/versions").glob("*.py")
    }
    problems += [f"migrasi tidak ikut: {name}" for name in sorted(repo_versions - bundled_versions)]
    for name, users in unbundled(bundle).items():
        if name not in GLIBC and name not in SYSTEM_LIBRARIES:
            problems.append(
                f"pustaka {name} dibutuhkan {users[0]} (dan {len(users) - 1} lain) tetapi tidak dibundel"
            )
    return problems


def main(argv: list[str]) -> int:
    if argv[:1] == ["--depends"] and len(argv) == 2:
        print(depends(Path(argv[1])))
        return 0
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    bundle = Path(argv[0])
    problems = check(bundle)
    for problem in problems:
        print(f"check-bundle: {problem}", file=sys.stderr)
    if problems:
        return 1
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"check-bundle: {bundle} lengkap, {size / 1e6:.0f} MB; Depends: {depends(bundle)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
