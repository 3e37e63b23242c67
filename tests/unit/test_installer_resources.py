"""The build assets in resources/: icons, Linux desktop entry and metainfo, Windows version file, licences."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
from packaging.requirements import Requirement
from PIL import Image

import desktop
from installer.version_file import render, version_tuple

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
APP_ID = "id.go.sekretariat.Sekretariat"
DESKTOP_FILE = RESOURCES / "linux" / f"{APP_ID}.desktop"
METAINFO = RESOURCES / "linux" / f"{APP_ID}.metainfo.xml"
LICENSES = RESOURCES / "licenses"


def test_each_png_is_the_size_its_name_says() -> None:
    pngs = sorted((RESOURCES / "icons" / "png").glob("sekretariat-*.png"))
    sizes = set()
    for png in pngs:
        size = int(re.fullmatch(r"sekretariat-(\d+)\.png", png.name).group(1))  # type: ignore[union-attr]
        with Image.open(png) as image:
            assert image.size == (size, size), png.name
            assert image.mode == "RGBA", f"{png.name}: the icon needs a transparent background"
        sizes.add(size)
    assert sizes == {16, 24, 32, 48, 64, 128, 256, 512}


def test_the_windows_icon_holds_every_size_from_16_to_256() -> None:
    with Image.open(RESOURCES / "icons" / "sekretariat.ico") as ico:
        assert set(ico.info["sizes"]) >= {(s, s) for s in (16, 24, 32, 48, 64, 128, 256)}


def _runtime_distributions() -> set[str]:
    """Normalised names of what the installed app needs at run time here, its test extras left out."""
    found: set[str] = set()
    todo: list[tuple[str, frozenset[str]]] = [("sekretariat", frozenset())]
    done: set[tuple[str, frozenset[str]]] = set()
    while todo:
        name, extras = todo.pop()
        if (name, extras) in done:
            continue
        done.add((name, extras))
        for raw in metadata.distribution(name).requires or []:
            req = Requirement(raw)
            if req.marker is not None and not any(
                req.marker.evaluate({"extra": extra}) for extra in ("", *extras)
            ):
                continue
            found.add(re.sub(r"[-_.]+", "-", req.name).lower())
            todo.append((req.name, frozenset(req.extras)))
    return found


def test_every_runtime_dependency_has_its_licence_text() -> None:
    needed = _runtime_distributions() | {"python", "liberation-fonts"}
    assert {"pyside6-essentials", "reportlab", "sqlalchemy"} <= needed  # the walk did reach the dependencies
    missing = sorted(name for name in needed if not (LICENSES / f"{name}.txt").is_file())
    assert not missing, f"no licence text for {missing}: run resources/collect_licenses.py"
    for name in needed:
        text = (LICENSES / f"{name}.txt").read_text(encoding="utf-8")
        assert len(text) > 400, f"{name}.txt holds no licence text"


def test_the_licence_table_lists_every_licence_file() -> None:
    readme = (LICENSES / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"\]\(([^)]+\.txt)\)", readme))
    assert listed == {p.name for p in LICENSES.glob("*.txt")}


def _desktop_entry() -> dict[str, str]:
    lines = DESKTOP_FILE.read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines if "=" in line and not line.startswith("#"))


def test_the_desktop_entry_starts_the_installed_command_with_the_icon() -> None:
    entry = _desktop_entry()
    assert entry["Exec"] == "sekretariat"
    assert metadata.distribution("sekretariat").entry_points.select(
        group="console_scripts", name="sekretariat"
    )
    assert entry["Icon"] == "sekretariat"
    # Qt's X11 window class is the application name that desktop/app.py sets.
    assert entry["StartupWMClass"] == "Sekretariat"
    assert f'setApplicationName("{entry["StartupWMClass"]}")' in (ROOT / "desktop" / "app.py").read_text(
        encoding="utf-8"
    )


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_the_desktop_entry_validates() -> None:
    result = subprocess.run(["desktop-file-validate", str(DESKTOP_FILE)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream not installed")
def test_the_metainfo_validates_without_errors_or_warnings() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    problems = [line for line in result.stdout.splitlines() if re.match(r"[EW]: ", line)]
    assert not problems, result.stdout


def test_the_metainfo_names_the_desktop_entry_and_the_current_version() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP_FILE.name
    releases = root.findall("releases/release")
    newest = max(releases, key=lambda r: r.get("date", ""))
    assert newest.get("version") == desktop.__version__
    assert releases[0] is newest, "AppStream lists the newest release first"


class _Call:
    """What a constructor of PyInstaller's version-file format was called with."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args = args
        self.kwargs = kwargs


def _evaluate(text: str) -> _Call:
    # The format is a Python expression PyInstaller evaluates among its own classes: stand-ins record the calls.
    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct")
    namespace: dict[str, Any] = {name: type(name, (_Call,), {}) for name in names}
    namespace |= {"VarFileInfo": _Call, "VarStruct": _Call}
    result = eval(text, namespace)
    assert type(result).__name__ == "VSVersionInfo"
    return result  # type: ignore[no-any-return]


def test_the_windows_version_file_carries_the_version() -> None:
    info = _evaluate(render("1.4.2"))
    assert info.kwargs["ffi"].kwargs["filevers"] == (1, 4, 2, 0)
    assert info.kwargs["ffi"].kwargs["prodvers"] == (1, 4, 2, 0)
    table = info.kwargs["kids"][0].args[0][0]
    strings = {s.args[0]: s.args[1] for s in table.args[1]}
    assert strings["FileVersion"] == strings["ProductVersion"] == "1.4.2"
    assert strings["OriginalFilename"] == "sekretariat.exe"
    assert strings["FileDescription"] == strings["ProductName"] == "Sekretariat"
    assert _evaluate(render(desktop.__version__)).kwargs["ffi"].kwargs["filevers"][:2] == tuple(
        int(n) for n in desktop.__version__.split(".")[:2]
    )


def test_version_numbers_for_windows_keep_only_the_release_part() -> None:
    assert version_tuple("0.1.0") == (0, 1, 0, 0)
    assert version_tuple("2.0") == (2, 0, 0, 0)
    assert version_tuple("1.2.0rc1") == (1, 2, 0, 0)
    assert version_tuple("1.2.3.4.5") == (1, 2, 3, 4)
    with pytest.raises(ValueError):
        version_tuple("versi")
    with pytest.raises(ValueError):
        version_tuple("70000.0")
