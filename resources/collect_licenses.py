"""Writes resources/licenses/: the verbatim licence texts of what the frozen app bundles, and their table."""

from __future__ import annotations

import argparse
import re
import sys
import sysconfig
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from email import message_from_string
from email.message import Message
from importlib import metadata
from pathlib import Path
from typing import cast

from packaging.markers import default_environment
from packaging.requirements import Requirement

OUT = Path(__file__).resolve().parent / "licenses"
ROOT = OUT.parent.parent
LICENCE_NAME = re.compile(r"(LICEN[CS]E|COPYING|NOTICE)", re.IGNORECASE)
# Debian's copies of the texts that no package in the virtual environment ships.
DEBIAN_LICENSES = Path("/usr/share/common-licenses")
DEJAVU_COPYRIGHT = Path("/usr/share/doc/fonts-dejavu-core/copyright")

# The dependencies of a Windows build differ (pywin32-ctypes, tzdata instead of jeepney, secretstorage): the
# markers are evaluated for both systems, so one run on Linux lists what either bundle holds.
# Likewise for the Python versions a build may use (PySide6-Pdf replaces PySide6-Addons from 3.12 on).
SYSTEMS = (
    {"sys_platform": "linux", "platform_system": "Linux", "os_name": "posix"},
    {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt"},
)
PLATFORMS = [
    {**system, "python_version": version, "python_full_version": f"{version}.0"}
    for system in SYSTEMS
    for version in ("3.11", "3.12", "3.13")
]
QT_EXPRESSION = "LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only"

# SPDX ids for distributions whose metadata gives prose or only a classifier; checked against their texts.
SPDX_BY_HAND = {
    "reportlab": "BSD-3-Clause",
    "rl-accel": "BSD-3-Clause",
    "python-dateutil": "Apache-2.0 AND BSD-3-Clause",
    "backports-tarfile": "MIT",
    "jaraco-classes": "MIT",
    "pywin32-ctypes": "BSD-3-Clause",
    "greenlet": "MIT AND PSF-2.0",
    "pyinstaller": "GPL-2.0-or-later WITH Bootloader-exception",
}

QT_NOTE = """\
Paket ini (PySide6 / shiboken6) dan pustaka Qt 6 yang dibawanya dipakai Sekretariat di bawah
GNU Lesser General Public License versi 3 (metadata paket: {expression}).
Qt sendiri dirilis The Qt Company di bawah LGPL-3.0 untuk modul yang dipakai aplikasi ini (Qt Core, Gui,
Widgets, Print Support, PDF); pemberitahuan hak cipta komponen pihak ketiga di dalam Qt tercantum di
https://doc.qt.io/qt-6/licenses-used-in-qt.html.
Pustaka Qt dipasang sebagai berkas terpisah di folder aplikasi (bukan digabung ke dalam program), sehingga
dapat diganti dengan versi Qt lain yang kompatibel. Kode sumber Qt: https://download.qt.io/official_releases/qt/,
kode sumber PySide6: https://code.qt.io/cgit/pyside/pyside-setup.git/.
LGPL-3.0 memuat ketentuan GNU GPL versi 3; teksnya ada di berkas gpl-3.0.txt di folder ini.
Teks LGPL-3.0 di bawah diambil apa adanya dari {source}.
"""


@dataclass
class Component:
    """One licence file: a distribution, the interpreter or a font family."""

    key: str
    title: str
    version: str
    spdx: str
    texts: list[tuple[str, str]] = field(default_factory=list)  # (where the text was read, the text)
    ranges: set[str] = field(default_factory=set)
    note: str = ""


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _wanted(req: Requirement, extras: Iterable[str], platform: dict[str, str]) -> bool:
    if req.marker is None:
        return True
    env: dict[str, str] = {**cast("dict[str, str]", default_environment()), **platform}
    return any(req.marker.evaluate({**env, "extra": extra}) for extra in ("", *extras))


def runtime_requirements(root: str = "sekretariat") -> dict[str, set[str]]:
    """Normalised name -> version specifiers of every distribution the app needs at run time, on any system.

    Only the app's base requirements count: its `test` and `dist` extras are tools, not bundled."""
    found: dict[str, set[str]] = {}
    extras_seen: dict[str, set[str]] = {}
    todo: list[tuple[str, tuple[str, ...]]] = [(root, ())]
    while todo:
        name, extras = todo.pop()
        try:
            requires = metadata.distribution(name).requires or []
        except metadata.PackageNotFoundError:
            continue  # a Windows-only distribution: read from a wheel later, its own needs are none today
        for raw in requires:
            req = Requirement(raw)
            if not any(_wanted(req, extras, platform) for platform in PLATFORMS):
                continue
            key = normalise(req.name)
            found.setdefault(key, set())
            if str(req.specifier):
                found[key].add(str(req.specifier))
            if key in extras_seen and set(req.extras) <= extras_seen[key]:
                continue
            extras_seen[key] = extras_seen.get(key, set()) | set(req.extras)
            todo.append((req.name, tuple(sorted(extras_seen[key]))))
    return found


def _spdx(key: str, meta: metadata.PackageMetadata | Message) -> str:
    if key in SPDX_BY_HAND:
        return SPDX_BY_HAND[key]
    expression = meta["License-Expression"] or meta["License"] or ""
    if expression and "\n" not in expression and len(expression) < 80:
        return expression
    raise SystemExit(f"{key}: lisensi tidak dapat dibaca dari metadata, tambahkan ke SPDX_BY_HAND")


def _from_installed(key: str) -> Component | None:
    try:
        dist = metadata.distribution(key)
    except metadata.PackageNotFoundError:
        return None
    comp = Component(key, dist.metadata["Name"], dist.version, _spdx(key, dist.metadata))
    seen: set[str] = set()
    for path in dist.files or []:
        if not LICENCE_NAME.search(path.name):
            continue
        text = Path(str(dist.locate_file(path))).read_text(encoding="utf-8", errors="replace")
        if text not in seen:
            seen.add(text)
            comp.texts.append((str(path), text))
    return comp


def _from_wheel(key: str, wheels: list[Path]) -> Component | None:
    for wheel in wheels:
        if normalise(wheel.name.split("-")[0]) != key:
            continue
        with zipfile.ZipFile(wheel) as zf:
            meta_name = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
            meta = message_from_string(zf.read(meta_name).decode("utf-8"))
            comp = Component(key, meta["Name"], meta["Version"], _spdx(key, meta))
            for name in sorted(zf.namelist()):
                if ".dist-info/" in name and LICENCE_NAME.search(name.rsplit("/", 1)[-1]):
                    comp.texts.append((f"{wheel.name}: {name}", zf.read(name).decode("utf-8")))
            return comp
    return None


def _lgpl_text() -> tuple[str, str]:
    # psycopg ships the LGPL-3.0 text in its metadata; Debian's copy is the same text, for a venv without it.
    psycopg = _from_installed("psycopg")
    for source, text in psycopg.texts if psycopg else []:
        if "LESSER GENERAL PUBLIC LICENSE" in text:
            return f"psycopg {psycopg.version if psycopg else ''}: {source}", text
    path = DEBIAN_LICENSES / "LGPL-3"
    return str(path), path.read_text(encoding="utf-8")


def _read(path: Path, shown: str = "") -> tuple[str, str]:
    if not shown:
        shown = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)
    return shown, path.read_text(encoding="utf-8")


def components(wheels: list[Path]) -> tuple[list[Component], list[str]]:
    """Every licence file to write, and the distributions whose text was not found."""
    result: list[Component] = []
    missing: list[str] = []
    lgpl_source, lgpl = _lgpl_text()
    for key, ranges in sorted(runtime_requirements().items()):
        comp = _from_installed(key) or _from_wheel(key, wheels)
        if comp is None and key.startswith(("pyside6", "shiboken6")):
            # The Qt wheels carry no licence file, so the one for another Python version needs no wheel either.
            comp = Component(key, key, "", QT_EXPRESSION)
        if comp is None:
            missing.append(key)
            continue
        comp.ranges = ranges
        if key.startswith(("pyside6", "shiboken6")) and not comp.texts:
            comp.note = QT_NOTE.format(expression=comp.spdx, source=lgpl_source)
            comp.texts.append((lgpl_source, lgpl))
        if key == "reportlab":
            # Its fonts travel with it (the spec collects reportlab's data files): their licences too.
            comp.note = "Termasuk huruf bawaan reportlab (reportlab/fonts): Bitstream Vera dan DarkGarden.\n"
        if not comp.texts:
            missing.append(key)
            continue
        result.append(comp)

    python_licence = Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"
    shown = f"Python {sys.version.split()[0]}: {python_licence.relative_to(sys.base_prefix)}"
    python = Component("python", "Python", sys.version.split()[0], "PSF-2.0", [_read(python_licence, shown)])
    python.ranges = {">=3.11"}
    python.note = "Penerjemah Python yang dibawa aplikasi beku (pustaka standar dan libpython).\n"
    result.append(python)

    installer = _from_installed("pyinstaller")
    if installer is not None:
        installer.ranges = {">=6.10"}
        installer.note = "Hanya bootloader PyInstaller (program pembuka aplikasi beku) yang ikut terpasang.\n"
        result.append(installer)

    fonts = ROOT / "desktop" / "resources" / "fonts" / "LICENSE-Liberation.txt"
    liberation = Component("liberation-fonts", "Liberation Sans/Serif", "2.1.5", "OFL-1.1", [_read(fonts)])
    liberation.note = "Huruf yang disematkan di dokumen PDF cetakan (desktop/resources/fonts).\n"
    result.append(liberation)
    if DEJAVU_COPYRIGHT.exists():
        dejavu = Component(
            "dejavu-fonts", "DejaVu Sans Mono", "", "Bitstream-Vera", [_read(DEJAVU_COPYRIGHT)]
        )
        dejavu.note = (
            "Huruf DejaVuSansMono.ttf yang dibawa python-barcode (teks di bawah kode batang). Paket itu tidak\n"
            "menyertakan lisensinya; teks di bawah adalah berkas copyright paket Debian fonts-dejavu-core.\n"
        )
        result.append(dejavu)
    gpl = Component("gpl-3.0", "GNU GPL versi 3", "", "GPL-3.0-only", [_read(DEBIAN_LICENSES / "GPL-3")])
    gpl.note = "Dirujuk oleh LGPL-3.0 (PySide6, shiboken6, Qt, psycopg).\n"
    result.append(gpl)
    return result, missing


def render_file(comp: Component) -> str:
    head = [f"{comp.title} {comp.version}".rstrip(), f"Lisensi (SPDX): {comp.spdx}", ""]
    body = [comp.note] if comp.note else []
    for source, text in comp.texts:
        body += [f"----- {source} -----", "", text.rstrip("\n"), ""]
    return "\n".join(head) + "\n" + "\n".join(body).rstrip("\n") + "\n"


def render_readme(comps: list[Component]) -> str:
    lines = [
        "# Lisensi komponen pihak ketiga",
        "",
        "Teks lisensi setiap komponen yang ikut dalam aplikasi beku (PyInstaller), satu berkas per komponen, disalin",
        "apa adanya dari metadata paket di `.venv` (atau dari paket Debian bila paket itu tidak membawanya).",
        "Dialog Bantuan › Tentang membaca folder ini. Dibuat ulang dengan `python resources/collect_licenses.py",
        "[WHEEL…]` (wheel untuk paket khusus Windows: tzdata, pywin32-ctypes; dan greenlet untuk SQLAlchemy 2.0).",
        "",
        "| Komponen | Versi (rentang; versi saat dibuat) | Lisensi (SPDX) | Berkas |",
        "|---|---|---|---|",
    ]
    for comp in sorted(comps, key=lambda c: c.key):
        ranges = ", ".join(sorted(comp.ranges)) or "semua"
        version = f"{ranges}; {comp.version}" if comp.version else ranges
        lines.append(f"| {comp.title} | {version} | {comp.spdx} | [{comp.key}.txt]({comp.key}.txt) |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("wheels", nargs="*", type=Path, help="wheel paket yang tidak terpasang di sistem ini")
    args = parser.parse_args(argv)
    comps, missing = components(args.wheels)
    OUT.mkdir(exist_ok=True)
    written = {f"{comp.key}.txt" for comp in comps}
    for comp in comps:
        (OUT / f"{comp.key}.txt").write_text(render_file(comp), encoding="utf-8")
    (OUT / "README.md").write_text(render_readme(comps), encoding="utf-8")
    stale = sorted(p.name for p in OUT.glob("*.txt") if p.name not in written)
    for name in missing:
        print(f"tidak ada teks lisensi untuk {name}: berikan wheel-nya", file=sys.stderr)
    for name in stale:
        print(f"berkas lama tidak dibuat ulang: {name}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
