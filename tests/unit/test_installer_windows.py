"""The Windows installer script compiles with makensis against a stand-in bundle (issue 16)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from desktop import __version__

ROOT = Path(__file__).resolve().parents[2]
CHECK = ROOT / "installer" / "windows" / "check-nsis.sh"

pytestmark = pytest.mark.skipif(
    shutil.which("makensis") is None, reason="makensis is not installed (Debian package nsis)"
)


def _check(payload: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["sh", str(CHECK), str(payload), str(out)], capture_output=True, text=True, timeout=300, check=False
    )


def test_the_installer_compiles_from_a_linux_style_bundle(tmp_path: Path) -> None:
    # The layout CI has: the Linux executable has no .exe, the rest lives under _internal/.
    payload = tmp_path / "sekretariat"
    (payload / "_internal" / "desktop" / "resources").mkdir(parents=True)
    (payload / "sekretariat").write_bytes(b"\x7fELF stand-in")
    (payload / "_internal" / "base_library.zip").write_bytes(b"PK\x05\x06" + bytes(18))
    (payload / "_internal" / "desktop" / "resources" / "seed.json").write_text("{}", encoding="utf-8")

    result = _check(payload, tmp_path / "out")

    assert result.returncode == 0, result.stdout + result.stderr
    setup = tmp_path / "out" / f"Sekretariat-{__version__}-setup.exe"
    assert setup.read_bytes()[:2] == b"MZ"
    assert "KiB" in result.stdout


def test_a_folder_without_the_program_fails_the_check(tmp_path: Path) -> None:
    payload = tmp_path / "kosong"
    payload.mkdir()
    (payload / "readme.txt").write_text("bukan bundel", encoding="utf-8")

    result = _check(payload, tmp_path / "out")

    assert result.returncode != 0
    assert "neither sekretariat.exe nor sekretariat" in result.stderr
    assert not list((tmp_path / "out").glob("*.exe"))
