"""A data folder made by an earlier release (tests/fixtures/upgrade/) opens, migrates with its backup and passes the
check, keeping its rows."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import func, select

from desktop.models.letters import IncomingLetter
from desktop.models.staff import Pegawai
from desktop.services import system
from desktop.storage import migrate

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "upgrade"


def _data_folder(dump: Path, folder: Path) -> Path:
    folder.mkdir()
    with sqlite3.connect(folder / "sekretariat.db") as conn:
        conn.executescript(dump.read_text(encoding="utf-8"))
    conn.close()
    return folder


def test_every_kept_release_fixture_migrates_with_a_backup_and_passes_the_check(tmp_path: Path) -> None:
    dumps = sorted(FIXTURES.glob("data-*.sql"))
    assert dumps, "no upgrade fixture"
    for dump in dumps:
        folder = _data_folder(dump, tmp_path / dump.stem)
        ctx = system.open_context(folder)
        try:
            report = system.prepare(ctx)
            old = dump.stem.removeprefix("data-")
            if old != migrate.HEAD_REVISION:
                assert report.backup_written is not None and report.backup_written.exists()
            checked = system.check(ctx, deep=True, actor=system.SYSTEM)
            assert checked.ok, checked
            with ctx.db.read() as s:
                assert s.scalar(select(func.count()).select_from(Pegawai)) == 2
                assert s.scalar(select(func.count()).select_from(IncomingLetter)) == 2
        finally:
            ctx.db.dispose()
