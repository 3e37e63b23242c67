"""A damaged live database: `check` (plain and --deep) and the GUI smoke test give a message, never a traceback
or a hang."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from desktop.cli import main
from desktop.core import clock
from desktop.services import system
from desktop.services.common.permissions import SYSTEM
from desktop.services.letters import incoming
from desktop.storage.config import SQLITE_FILE
from desktop.storage.database import BUSY_TIMEOUT_MS, wait_for_locks

ROOT = Path(__file__).resolve().parents[2]
WITA = ZoneInfo("Asia/Makassar")
MARKED_PERIHAL = "Permohonan data kepegawaian triwulan keempat"


@pytest.fixture(autouse=True)
def _gui_lock_wait() -> object:
    yield None
    wait_for_locks(BUSY_TIMEOUT_MS / 1000)  # main() sets the command line's longer wait for the process


@pytest.fixture(scope="module")
def filled_file(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Path:
    """A real database with a few hundred letters, every page in the main file (WAL folded in)."""
    folder = tmp_path_factory.mktemp("filled")
    shutil.copyfile(sqlite_template, folder / SQLITE_FILE)
    ctx = system.open_context(folder)
    received = clock.now("WITA") - timedelta(days=3)
    with ctx.db.transaction() as s:
        for i in range(300):
            incoming.register_incoming(
                s,
                SYSTEM,
                incoming.IncomingInput(
                    tanggal_diterima=received,
                    asal_surat=f"Biro Organisasi {i}",
                    nomor_surat=f"800/{i}/ORG",
                    tanggal_surat=received.date() - timedelta(days=1),
                    perihal=MARKED_PERIHAL if i == 150 else f"Undangan rapat koordinasi nomor {i}",
                ),
            )
    ctx.db.dispose()
    con = sqlite3.connect(folder / SQLITE_FILE)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return folder / SQLITE_FILE


def _flip_btree_page(data: bytearray, db: Path) -> bytearray:
    """Scramble the page header of the letters table's root b-tree page."""
    con = sqlite3.connect(db)
    root, page_size = (
        con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'surat_masuk'").fetchone()[0],
        con.execute("PRAGMA page_size").fetchone()[0],
    )
    con.close()
    offset = (root - 1) * page_size
    data[offset] ^= 0xFF  # page type
    data[offset + 3] ^= 0x5A  # number of cells
    return data


def _truncate(data: bytearray, _db: Path) -> bytearray:
    return data[: len(data) // 2 + 123]


def _random_flips(data: bytearray, _db: Path) -> bytearray:
    rnd = random.Random(20261)
    for _ in range(200):
        i = rnd.randrange(100, len(data))  # past the header, so SQLite still recognises the file
        data[i] ^= 1 << rnd.randrange(8)
    return data


DAMAGE: dict[str, Callable[[bytearray, Path], bytearray]] = {
    "b-tree": _flip_btree_page,
    "terpotong": _truncate,
    "acak": _random_flips,
}


def _damaged_copy(filled_file: Path, folder: Path, damage: Callable[[bytearray, Path], bytearray]) -> Path:
    folder.mkdir()
    target = folder / SQLITE_FILE
    target.write_bytes(bytes(damage(bytearray(filled_file.read_bytes()), filled_file)))
    return folder


def _flip_perihal(filled_file: Path, folder: Path, *texts: str) -> Path:
    """Two bytes inside every stored copy of each text become 0xFF 0xFE (never valid UTF-8)."""
    folder.mkdir()
    data = bytearray(filled_file.read_bytes())
    for needle in (t.encode() for t in texts or [MARKED_PERIHAL]):
        start = data.find(needle)
        assert start != -1
        while start != -1:
            data[start + 5 : start + 7] = b"\xff\xfe"
            start = data.find(needle, start + 1)
    (folder / SQLITE_FILE).write_bytes(bytes(data))
    return folder


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_check_on_a_damaged_file_reports_and_exits_non_zero(
    kind: str, filled_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _damaged_copy(filled_file, tmp_path / "data", DAMAGE[kind])
    for deep in ([], ["--deep"]):
        code = main(["--data-dir", str(folder), "check", *deep])
        out, err = capsys.readouterr()
        assert code != 0, out + err
        assert "ADA MASALAH" in out or "Gagal:" in err, out + err
        assert "Traceback" not in out + err
        assert "rusak" in out + err  # the message says, in Indonesian, that the data is damaged


def test_deep_check_finds_two_flipped_bytes_in_a_perihal(
    filled_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """PRAGMA quick_check and integrity_check do not look inside text values; reading every one does. (A flip
    that leaves valid UTF-8, one letter for another, cannot be found by reading at all.)"""
    folder = _flip_perihal(filled_file, tmp_path / "data")
    assert main(["--data-dir", str(folder), "check"]) == 0  # the fast check cannot see it
    capsys.readouterr()
    assert main(["--data-dir", str(folder), "check", "--deep"]) == 1
    out, _ = capsys.readouterr()
    assert "ADA MASALAH" in out
    assert "tabel surat_masuk, rowid 151, kolom perihal: teks rusak (bukan UTF-8)" in out


def test_deep_check_of_a_sound_database_is_good(
    ctx: system.AppContext, capsys: pytest.CaptureFixture[str]
) -> None:
    report = system.check(ctx, deep=True)
    assert report.ok and report.problems == () and report.integrity == "ok"


def _smoke(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(folder), "--smoke-test"],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        cwd=ROOT,
        timeout=240,  # the failure this guards against was a crash dialog nobody could close: a hang
    )


@pytest.mark.slow
@pytest.mark.parametrize("kind", [*DAMAGE, "perihal"])
def test_smoke_test_on_a_damaged_file_exits_non_zero(kind: str, filled_file: Path, tmp_path: Path) -> None:
    if kind == "perihal":  # every letter's, so the agenda's first page cannot miss them (quick_check does)
        folder = _flip_perihal(filled_file, tmp_path / "data", MARKED_PERIHAL, "Undangan rapat koordinasi")
    else:
        folder = _damaged_copy(filled_file, tmp_path / "data", DAMAGE[kind])
    result = _smoke(folder)
    assert result.returncode != 0, result.stdout + result.stderr
    assert "smoke test:" in result.stderr and "rusak" in result.stderr
