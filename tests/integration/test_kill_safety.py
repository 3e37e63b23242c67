"""SIGKILL during an import, a backup and a restore, ten times each: the next start leaves no left-over files,
the database is whole and an import is all or nothing (issue 10, acceptance)."""

from __future__ import annotations

import csv
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.services.letters.incoming_io import INCOMING_COLUMNS
from desktop.storage import backup as backups

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")]

ROWS = 2000
RUNS = 10


@dataclass
class Office:
    data: Path
    tmp: Path  # the TMPDIR of every subprocess: must stay empty
    env: dict[str, str]
    work: Path

    def command(self, *argv: str) -> list[str]:
        return [sys.executable, "-m", "desktop", "--data-dir", str(self.data), *argv]

    def run(self, *argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(self.command(*argv), capture_output=True, text=True, env=self.env, timeout=120)

    def kill_after(self, delay: float, *argv: str) -> None:
        proc = subprocess.Popen(
            self.command(*argv), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=self.env
        )
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()


def _letters_csv(path: Path, tag: str) -> Path:
    """``ROWS`` incoming letters; ``tag`` makes every file distinct (a re-import of one file may be refused)."""
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(INCOMING_COLUMNS)
        for i in range(ROWS):
            day = 1 + i % 28
            out.writerow(
                ["", f"{day:02d}/03/2026", "Biro Umum Setda Prov", f"000.1/{tag}-{i}/2026", f"{day:02d}/03/2026",
                 f"Undangan rapat koordinasi {tag} ke-{i}", "000.1.5", "B", "biasa", "arsip"]
            )  # fmt: skip
    return path


def _letter_count(office: Office) -> int:
    con = sqlite3.connect(office.data / "sekretariat.db")
    try:
        return int(con.execute("SELECT count(*) FROM surat_masuk").fetchone()[0])
    finally:
        con.close()


def _next_start_is_clean(office: Office) -> None:
    """What every run must leave behind once the next start (``check``, with its clean-up) has run."""
    checked = office.run("check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    left = [
        p for folder in (office.data, office.data / "cadangan") for p in folder.glob("*") if ".tmp" in p.name
    ]
    assert left == []
    assert list(office.tmp.iterdir()) == []
    con = sqlite3.connect(office.data / "sekretariat.db")
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        con.close()


def _delays(full: float) -> list[float]:
    """From just after start-up to just past a whole run, so some kills land in the middle of the work."""
    return [full * (0.5 + 0.55 * i / (RUNS - 1)) for i in range(RUNS)]


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Office]:
    base = tmp_path_factory.mktemp("kill-safety")
    tmp = base / "tmp"
    tmp.mkdir()
    env = {**os.environ, "TMPDIR": str(tmp), "QT_QPA_PLATFORM": "offscreen"}
    office = Office(base / "kantor", tmp, env, base / "kerja")
    office.work.mkdir()
    assert office.run("init").returncode == 0
    first = office.run("letters", "import", str(_letters_csv(office.work / "awal.csv", "awal")), "--incoming")
    assert first.returncode == 0, first.stderr
    # Some 15 MB of data, so that copying it takes about as long as starting the app: kills land mid-copy.
    con = sqlite3.connect(office.data / "sekretariat.db")
    with con:
        con.executemany(
            "INSERT INTO app_setting (key, value) VALUES (?, ?)",
            ((f"isi-{i}", "x" * 3000) for i in range(5_000)),
        )
    con.close()
    yield office
    shutil.rmtree(base, ignore_errors=True)


def _timed(office: Office, *argv: str) -> float:
    started = time.monotonic()
    done = office.run(*argv)
    assert done.returncode == 0, done.stderr
    return time.monotonic() - started


def test_sigkill_during_import_is_all_or_nothing(office: Office) -> None:
    full = _timed(
        office, "letters", "import", str(_letters_csv(office.work / "ukur.csv", "ukur")), "--incoming"
    )
    for run, delay in enumerate(_delays(full)):
        before = _letter_count(office)
        sheet = _letters_csv(office.work / f"impor-{run}.csv", f"k{run}")
        office.kill_after(delay, "letters", "import", str(sheet), "--incoming")
        _next_start_is_clean(office)
        assert _letter_count(office) in (before, before + ROWS), f"run {run}, killed after {delay:.2f} s"


def test_sigkill_during_backup_leaves_nothing_behind(office: Office) -> None:
    full = _timed(office, "backup")
    for run, delay in enumerate(_delays(full)):
        before = _letter_count(office)
        office.kill_after(delay, "backup")
        _next_start_is_clean(office)
        assert _letter_count(office) == before, f"run {run}, killed after {delay:.2f} s"
        # A checksum is only ever beside the backup it describes (a backup may lack one, never the reverse).
        for info in backups.list_backups(office.data / "cadangan", verify=True):
            assert info.checksum is not backups.Checksum.MISMATCH, info.path.name


def test_sigkill_during_restore_leaves_the_old_or_the_restored_data(office: Office) -> None:
    older = office.work / "lama.sekretariat-cadangan.db"
    assert office.run("backup", "--to", str(older)).returncode == 0
    older_count = _letter_count(office)
    sheet = _letters_csv(office.work / "sesudah.csv", "sesudah")
    assert office.run("letters", "import", str(sheet), "--incoming").returncode == 0
    newer = office.work / "baru.sekretariat-cadangan.db"
    assert office.run("backup", "--to", str(newer)).returncode == 0
    newer_count = _letter_count(office)
    full = _timed(office, "restore", "--yes", str(older))
    assert _letter_count(office) == older_count
    for run, delay in enumerate(_delays(full)):
        # Alternately towards the other backup, so that every kill lands between two different states.
        source = newer if run % 2 == 0 else older
        office.kill_after(delay, "restore", "--yes", str(source))
        _next_start_is_clean(office)
        assert _letter_count(office) in (older_count, newer_count), f"run {run}, killed after {delay:.2f} s"
