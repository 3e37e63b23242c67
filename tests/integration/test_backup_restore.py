"""Backups on demand and automatically, and a restore that brings the data back."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop.services import system
from desktop.services.common import auth, office
from desktop.services.common.errors import PermissionDenied
from desktop.services.common.permissions import Role
from desktop.services.system import AppContext
from desktop.storage import backup as backups
from desktop.storage.database import StorageError


def _profile(nama_dinas: str) -> office.OfficeProfileData:
    return office.OfficeProfileData(
        nama_pemda="Pemerintah Provinsi Kalimantan Timur",
        nama_dinas=nama_dinas,
        alamat="Jl. Basuki Rahmat 55",
    )


def test_backup_then_restore_brings_back_the_old_data(ctx: AppContext, tmp_path: Path) -> None:
    with ctx.db.transaction() as s:
        admin = auth.actor_for(auth.create_first_admin(s, "admin", "Admin", "rahasia-123"))
        office.save_profile(s, admin, _profile("Dinas Sebelum"))
    target = system.backup_now(ctx, admin, tmp_path / "usb" / "cadangan.db")
    assert backups.verify_backup(target) is not None

    with ctx.db.transaction() as s:
        office.save_profile(s, admin, _profile("Dinas Sesudah"))
        auth.create_user(s, admin, "baru", "Pengguna Baru", Role.PETUGAS_TAMU, "sandi-baru-1")

    safety = system.restore(ctx, admin, target)
    with ctx.db.transaction() as s:
        assert office.get_profile(s).nama_dinas == "Dinas Sebelum"
        assert [u.username for u in auth.list_users(s, admin)] == ["admin"]
        # New records still get fresh ids after a restore (sequences were reset on PostgreSQL).
        auth.create_user(s, admin, "lagi", "Lagi", Role.PETUGAS_TAMU, "sandi-baru-1")
    # The data that was replaced is not lost: it sits in the safety backup.
    assert safety.exists() and "sebelum-pulihkan" in safety.name


def test_backup_of_one_engine_restores_into_a_fresh_sqlite(ctx: AppContext, tmp_path: Path) -> None:
    with ctx.db.transaction() as s:
        admin = auth.actor_for(auth.create_first_admin(s, "admin", "Admin", "rahasia-123"))
        office.save_profile(s, admin, _profile("Dinas Pindahan"))
    target = system.backup_now(ctx, admin, tmp_path / "pindah.db")
    other = system.open_context(tmp_path / "lain")
    system.prepare(other)
    system.restore(other, system.SYSTEM, target)
    with other.db.transaction() as s:
        assert office.get_profile(s).nama_dinas == "Dinas Pindahan"
    other.db.dispose()


def test_garbage_file_is_refused_and_nothing_changes(ctx: AppContext, tmp_path: Path) -> None:
    bad = tmp_path / "bukan.db"
    bad.write_bytes(b"ini bukan basis data" * 100)
    with pytest.raises(StorageError):
        system.restore(ctx, system.SYSTEM, bad)
    assert backups.list_backups(ctx.backup_dir) == []


def test_only_admin_may_restore(ctx: AppContext, tmp_path: Path) -> None:
    with ctx.db.transaction() as s:
        admin = auth.actor_for(auth.create_first_admin(s, "admin", "Admin", "rahasia-123"))
        boss = auth.actor_for(auth.create_user(s, admin, "kadis", "Kadis", Role.PIMPINAN, "sandi-kadis-1"))
    target = system.backup_now(ctx, admin, tmp_path / "b.db")
    with pytest.raises(PermissionDenied):
        system.restore(ctx, boss, target)


def test_daily_backup_once_a_day_and_rotation(ctx: AppContext) -> None:
    day = datetime(2026, 11, 22, 8, 0)
    assert system.daily_backup(ctx, day) is not None
    assert system.daily_backup(ctx, day + timedelta(hours=3)) is None
    for i in range(1, 20):
        system.daily_backup(ctx, day + timedelta(days=i))
    daily = [b for b in backups.list_backups(ctx.backup_dir) if b.reason == "harian"]
    assert len(daily) == backups.KEEP["harian"]
    assert daily[0].created.date() == (day + timedelta(days=19)).date()  # the newest are kept
