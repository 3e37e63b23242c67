"""The About dialog's facts, read without Qt: version, build, data folder, engine and the licence files."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from desktop import __version__, resources_path
from desktop.services import about, system
from desktop.services.system import AppContext

README = """# Lisensi komponen

| Component | Version range | Licence | File |
|---|---|---|---|
| PySide6 / Qt | >=6.6 | LGPL-3.0-only | `PySide6.txt` |
| reportlab | >=4.0 | BSD-3-Clause | [reportlab.txt](reportlab.txt) |

Teks lain di bawah tabel.
"""


def make_resources(root: Path, *, build: dict[str, str] | None = None) -> Path:
    """A resources folder as the bundle has it: two licences listed in the table, one not listed."""
    folder = root / "resources" / "licenses"
    folder.mkdir(parents=True)
    (folder / "README.md").write_text(README, encoding="utf-8")
    (folder / "PySide6.txt").write_text("GNU LESSER GENERAL PUBLIC LICENSE\nVersion 3\n", encoding="utf-8")
    (folder / "reportlab.txt").write_text("Copyright ReportLab Europe Ltd.\nBSD licence\n", encoding="utf-8")
    (folder / "keyring.txt").write_text("MIT License\n", encoding="utf-8")
    if build is not None:
        (root / "resources" / about.BUILD_INFO).write_text(json.dumps(build), encoding="utf-8")
    return root / "resources"


def test_from_source_the_build_is_named_so_and_the_sqlite_file_is_shown(tmp_path: Path) -> None:
    ctx = system.open_context(tmp_path / "data")
    try:
        info = about.about_info(ctx, make_resources(tmp_path))
    finally:
        ctx.db.dispose()
    assert info.version == __version__
    assert info.build is None and info.build_text == "dari kode sumber"
    assert info.data_dir == tmp_path / "data"
    assert info.engine.startswith("SQLite 3.") and info.database == str(tmp_path / "data" / "sekretariat.db")
    text = info.as_text([("Qt", "6.x")])
    assert text.splitlines()[0] == f"Sekretariat {__version__}"
    for line in ("Dibuat: dari kode sumber", f"Folder data: {tmp_path / 'data'}", "Qt: 6.x", "Python: "):
        assert line in text


def test_the_bundle_build_date_and_commit_come_from_build_info(tmp_path: Path) -> None:
    folder = make_resources(
        tmp_path, build={"version": "0.1.0", "build_date": "2025-01-31", "commit": "abc1234"}
    )
    assert about.read_build(folder) == about.Build(date="2025-01-31", commit="abc1234")
    assert about.read_build(folder).describe() == "2025-01-31 (commit abc1234)"  # type: ignore[union-attr]
    (folder / about.BUILD_INFO).write_text("{not json", encoding="utf-8")
    assert about.read_build(folder) is None


def test_licences_follow_the_table_then_the_unlisted_files(tmp_path: Path) -> None:
    found = about.licences(make_resources(tmp_path) / "licenses")
    assert [(x.component, x.licence, x.path.name) for x in found] == [
        ("PySide6 / Qt", "LGPL-3.0-only", "PySide6.txt"),
        ("reportlab", "BSD-3-Clause", "reportlab.txt"),
        ("keyring", "", "keyring.txt"),
    ]
    assert found[0].title == "PySide6 / Qt — LGPL-3.0-only"
    assert found[0].heading == "PySide6 / Qt · versi >=6.6 · LGPL-3.0-only"
    assert found[2].heading == "keyring"
    assert found[1].text().startswith("Copyright ReportLab")
    assert about.licences(tmp_path / "nowhere") == ()


def test_a_listed_file_that_is_missing_says_so_instead_of_failing(tmp_path: Path) -> None:
    folder = make_resources(tmp_path) / "licenses"
    (folder / "reportlab.txt").unlink()
    missing = next(x for x in about.licences(folder) if x.component == "reportlab")
    assert "tidak bisa dibaca" in missing.text()


@pytest.mark.postgres
def test_postgresql_is_named_by_server_database_and_user_never_the_password(
    tmp_path: Path, pg_url: str
) -> None:
    ctx: AppContext = system.open_context(tmp_path / "data", db_url=pg_url)
    try:
        info = about.about_info(ctx, tmp_path)
    finally:
        ctx.db.dispose()
    url = ctx.db.engine.url
    assert info.engine == "PostgreSQL"
    assert info.database == f"{url.host}:{url.port or 5432}/{url.database}, pengguna {url.username}"
    if url.password:
        assert url.password not in info.as_text()
    assert info.licences == ()


def test_resources_are_in_the_bundle_when_frozen_else_at_the_checkout_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = Path(resources_path.__file__).resolve().parent.parent
    assert resources_path.resources_dir() == root / "resources"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "_internal"), raising=False)
    assert resources_path.resources_dir() == tmp_path / "_internal" / "resources"
