"""Backups carry a SHA-256 that a restore checks; damaged files give a plain message and change nothing."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from desktop.services import system
from desktop.services.common import audit, auth
from desktop.services.common.permissions import Actor
from desktop.services.letters import incoming
from desktop.services.system import AppContext
from desktop.storage import backup as backups
from desktop.storage.database import StorageError

PERIHAL = "Undangan rapat koordinasi penyusunan anggaran perubahan"


def _admin_with_letter(ctx: AppContext, perihal: str = PERIHAL) -> tuple[Actor, int]:
    with ctx.db.transaction() as s:
        admin = auth.actor_for(auth.create_first_admin(s, "admin", "Admin", "rahasia-123"))
        received = datetime(2026, 3, 2, 9, 0, tzinfo=timezone(timedelta(hours=8)))
        info = incoming.register_incoming(
            s,
            admin,
            incoming.IncomingInput(
                tanggal_diterima=received,
                asal_surat="Biro Umum Setda",
                nomor_surat="005/123/BU",
                tanggal_surat=received.date(),
                perihal=perihal,
            ),
        )
    return admin, info.id


def _perihal(ctx: AppContext, admin: Actor, letter_id: int) -> str:
    with ctx.db.transaction() as s:
        return incoming.get_incoming(s, admin, letter_id).perihal


def _flip_inside(path: Path, text: str) -> None:
    """Change two bytes in the middle of ``text`` where it is stored: the file stays a sound SQLite file."""
    data = bytearray(path.read_bytes())
    at = data.find(text.encode())
    assert at > 0
    data[at + 10] ^= 0x01
    data[at + 11] ^= 0x01
    path.write_bytes(bytes(data))


def _checkpoint(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()


def damage(path: Path, kind: str) -> None:
    """The damage a failing disk or a careless copy does to a SQLite file."""
    data = bytearray(path.read_bytes())
    if kind == "potong":  # truncated copy
        data = data[: len(data) // 2]
    elif kind == "b-tree":  # one page overwritten, the header left intact
        data[4096 * 5 : 4096 * 5 + 64] = b"\xff" * 64
    elif kind == "acak":  # random bit flips all over the file past the first header bytes
        rng = random.Random(7)
        for _ in range(60):
            data[rng.randrange(100, len(data))] ^= 0xFF
    elif kind == "kepala":  # the text encoding in the header: SQLite's answers no longer decode
        data[56:60] = (3).to_bytes(4, "big")
    else:  # pragma: no cover
        raise AssertionError(kind)
    path.write_bytes(bytes(data))


DAMAGES = ["potong", "b-tree", "acak", "kepala"]


def test_backup_writes_a_sha256_file_that_sha256sum_accepts(ctx: AppContext, tmp_path: Path) -> None:
    admin, _ = _admin_with_letter(ctx)
    target = system.backup_now(ctx, admin, tmp_path / "usb" / "cadangan.db")
    sums = backups.checksum_path(target)
    assert sums.name == "cadangan.db.sha256"
    digest, name = sums.read_text(encoding="utf-8").split()
    assert (digest, name) == (backups.file_sha256(target), "cadangan.db")
    assert backups.checksum_state(target) is backups.Checksum.VERIFIED
    automatic = backups.make_backup(ctx.db, ctx.backup_dir, "manual")
    assert backups.checksum_state(automatic) is backups.Checksum.VERIFIED
    [info] = backups.list_backups(ctx.backup_dir, verify=True)
    assert info.checksum is backups.Checksum.VERIFIED


def test_two_flipped_bytes_in_a_perihal_refuse_the_restore(ctx: AppContext, tmp_path: Path) -> None:
    admin, letter_id = _admin_with_letter(ctx)
    target = system.backup_now(ctx, admin, tmp_path / "cadangan.db")
    with ctx.db.transaction() as s:
        incoming.register_incoming(
            s,
            admin,
            incoming.IncomingInput(
                tanggal_diterima=datetime(2026, 3, 3, 9, 0, tzinfo=timezone(timedelta(hours=8))),
                asal_surat="BPKAD",
                nomor_surat="900/1",
                tanggal_surat=datetime(2026, 3, 3).date(),
                perihal="Surat sesudah cadangan",
            ),
        )
    _flip_inside(target, PERIHAL)
    assert backups.verify_backup(target) is not None  # SQLite itself sees nothing wrong

    with pytest.raises(StorageError, match="tidak utuh: sidik SHA-256 tidak cocok"):
        system.restore(ctx, admin, target)
    # Refused before anything happened: no safety backup, the letter registered after the backup is still there.
    assert backups.list_backups(ctx.backup_dir) == []
    with ctx.db.transaction() as s:
        assert incoming.last_agenda_number(s, admin, 2026) == 2
    assert _perihal(ctx, admin, letter_id) == PERIHAL
    assert backups.list_backups(tmp_path, verify=True) == []  # not a rotated name; checked below directly
    assert backups.checksum_state(target) is backups.Checksum.MISMATCH


def test_a_backup_without_checksum_file_restores_with_a_warning(ctx: AppContext, tmp_path: Path) -> None:
    """Backups written before checksums existed (or copied without the .sha256) must stay restorable."""
    admin, letter_id = _admin_with_letter(ctx)
    target = system.backup_now(ctx, admin, tmp_path / "lama.db")
    assert system.restore_warning(target) is None
    backups.checksum_path(target).unlink()
    warning = system.restore_warning(target)
    assert warning is not None and "sidik SHA-256" in warning
    with ctx.db.transaction() as s:
        incoming.cancel_incoming(s, admin, letter_id, "uji pemulihan")
    system.restore(ctx, admin, target)
    with ctx.db.transaction() as s:
        assert incoming.get_incoming(s, admin, letter_id).status != "batal"
        summaries = [e.summary for e in audit.list_entries(s, admin)[0]]
    assert any("tanpa berkas sidik SHA-256" in text for text in summaries)


def test_a_garbled_checksum_file_refuses_the_restore(ctx: AppContext, tmp_path: Path) -> None:
    admin, _ = _admin_with_letter(ctx)
    target = system.backup_now(ctx, admin, tmp_path / "b.db")
    backups.checksum_path(target).write_text("bukan sidik\n", encoding="utf-8")
    with pytest.raises(StorageError, match=r"sidik b\.db\.sha256 rusak"):
        system.restore(ctx, admin, target)


def test_rotation_removes_the_checksum_with_its_backup(ctx: AppContext) -> None:
    day = datetime(2026, 11, 1, 8, 0)
    for i in range(backups.KEEP["harian"] + 2):
        system.daily_backup(ctx, day + timedelta(days=i))
    kept = backups.list_backups(ctx.backup_dir)
    assert all(info.checksum is backups.Checksum.PRESENT for info in kept)
    sums = sorted(ctx.backup_dir.glob("*.sha256"))
    assert sums == sorted(backups.checksum_path(info.path) for info in kept)


@pytest.mark.parametrize("kind", DAMAGES)
@pytest.mark.parametrize("with_checksum", [True, False], ids=["dengan-sidik", "tanpa-sidik"])
def test_a_damaged_backup_is_refused_and_the_live_data_is_untouched(
    ctx: AppContext, tmp_path: Path, kind: str, with_checksum: bool
) -> None:
    admin, letter_id = _admin_with_letter(ctx)
    target = system.backup_now(ctx, admin, tmp_path / "cadangan.db")
    with ctx.db.transaction() as s:
        incoming.cancel_incoming(s, admin, letter_id, "dibatalkan sesudah cadangan")
    damage(target, kind)
    if not with_checksum:
        backups.checksum_path(target).unlink()
    with pytest.raises(StorageError) as raised:
        system.restore(ctx, admin, target)
    assert "Traceback" not in str(raised.value) and str(raised.value)
    with ctx.db.transaction() as s:  # the change made after the backup is kept
        assert incoming.get_incoming(s, admin, letter_id).status == "batal"
    if ctx.db.sqlite_path is not None:
        assert not list(ctx.data_dir.glob(".*.tmp*"))


def _damaged_live_data(data_dir: Path, kind: str) -> None:
    ctx = system.open_context(data_dir)
    system.prepare(ctx)
    _admin_with_letter(ctx)
    ctx.db.dispose()
    live = data_dir / "sekretariat.db"
    _checkpoint(live)
    damage(live, kind)


@pytest.mark.parametrize("kind", DAMAGES)
def test_backup_of_a_damaged_live_database_gives_a_plain_message(data_dir: Path, kind: str) -> None:
    _damaged_live_data(data_dir, kind)
    ctx = system.open_context(data_dir)
    try:
        with pytest.raises(StorageError):
            backups.write_backup(ctx.db, data_dir / "cadangan" / "x.sekretariat-cadangan.db")
    finally:
        ctx.db.dispose()
    assert not list((data_dir / "cadangan").glob("*"))


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], capture_output=True, text=True, env=env, timeout=120
    )


@pytest.mark.parametrize("kind", ["b-tree", "kepala"])
def test_cli_backup_and_restore_of_damaged_files_exit_non_zero_without_traceback(
    tmp_path: Path, kind: str
) -> None:
    sick = tmp_path / "rusak"
    sick.mkdir()
    _damaged_live_data(sick, kind)
    done = _cli("--data-dir", str(sick), "backup")
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert done.stderr.startswith("Gagal: ")

    well = tmp_path / "baik"
    assert _cli("--data-dir", str(well), "init").returncode == 0
    good = tmp_path / "cadangan.db"
    assert _cli("--data-dir", str(well), "backup", "--to", str(good)).returncode == 0
    damage(good, kind)
    done = _cli("--data-dir", str(well), "restore", "--yes", str(good))
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "tidak utuh" in done.stderr
    # Refused before the safety backup, so before anything was touched.
    assert not list((well / "cadangan").glob("*sebelum-pulihkan*"))
