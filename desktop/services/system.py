"""Start-up, integrity checks, backups and restore, and where the data lives."""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import keyring
import keyring.errors
from sqlalchemy.exc import DatabaseError, OperationalError

from desktop.services import audit, calendar, letters, outgoing, staff_award
from desktop.services.permissions import SYSTEM, Actor, Perm
from desktop.storage import backup as backups
from desktop.storage import migrate
from desktop.storage.config import (
    KEYRING_SERVICE,
    ConnectionSettings,
    PostgresSettings,
    load_settings,
    save_settings,
)
from desktop.storage.database import Database, StorageError, open_database, open_url, sqlite_quick_check

log = logging.getLogger("sekretariat.system")
Progress = Callable[[int, int], None]


@dataclass
class AppContext:
    """Everything a running app (GUI or CLI) needs to reach its data."""

    data_dir: Path
    db: Database
    settings: ConnectionSettings

    @property
    def backup_dir(self) -> Path:
        return backups.backup_dir(self.data_dir)

    @property
    def location(self) -> str:
        return self.db.description


# Young objects collected every 20,000 allocations instead of 700, older generations as before (see settle_heap).
GC_THRESHOLDS = (20_000, 10, 10)


def settle_heap() -> None:
    """Once start-up is done (modules, Qt, reference tables loaded): move every object alive now into the
    collector's permanent generation and collect young objects less often.

    Those objects live for the whole session, yet a full collection walks them all: with the app loaded that
    walk took 100–180 ms on a two-core office PC, a stall that landed in the middle of whatever the clerk was
    doing (the Jadwal board, a search as you type). Frozen, they are never walked again; cycles are still
    collected among everything made later.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def postgres_password(pg: PostgresSettings) -> str | None:
    try:
        return keyring.get_password(KEYRING_SERVICE, pg.keyring_account)
    except keyring.errors.KeyringError as exc:
        raise StorageError(f"Brankas kata sandi sistem (keyring) tidak bisa dibuka: {exc}") from exc


def store_postgres_password(pg: PostgresSettings, password: str) -> None:
    try:
        keyring.set_password(KEYRING_SERVICE, pg.keyring_account, password)
    except keyring.errors.KeyringError as exc:
        raise StorageError(f"Kata sandi tidak bisa disimpan di brankas sistem (keyring): {exc}") from exc


def open_context(data_dir: Path, *, db_url: str | None = None) -> AppContext:
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    settings = load_settings(data_dir)
    if db_url:
        return AppContext(data_dir, open_url(db_url), settings)
    password = postgres_password(settings.postgres) if settings.is_postgres else None
    return AppContext(data_dir, open_database(data_dir, settings, password), settings)


@dataclass(frozen=True)
class StartupReport:
    schema: migrate.SchemaState
    migrated_from: str | None
    backup_written: Path | None
    holidays_seeded: int


def prepare(ctx: AppContext) -> StartupReport:
    """Integrity check, backup-then-migrate, seed data. Raises StorageError with a message to show."""
    try:
        check = sqlite_quick_check(ctx.db)
    except DatabaseError as exc:  # "file is not a database", "malformed", unreachable server, …
        raise StorageError(
            f"Basis data tidak bisa dibuka atau rusak ({ctx.location}): {exc.orig}. "
            "Pulihkan dari cadangan terakhir (sekretariat restore BERKAS)."
        ) from exc
    if check != "ok":
        raise StorageError(
            "Pemeriksaan basis data menemukan kerusakan. Pulihkan dari cadangan terakhir "
            f"(sekretariat restore BERKAS). Rincian: {check[:300]}"
        )
    before = migrate.schema_state(ctx.db.engine)
    written: list[Path] = []

    def _backup(reason: str) -> Path:
        path = backups.make_backup(ctx.db, ctx.backup_dir, reason)
        log.info("backup before migration: %s", path)
        written.append(path)
        return path

    try:
        state = migrate.prepare_schema(ctx.db, _backup)
    except OperationalError as exc:
        raise StorageError(f"Basis data tidak bisa dibuka ({ctx.location}): {exc.orig}") from exc
    with ctx.db.transaction() as s:
        seeded = calendar.seed_holidays(s)
        letters.seed_reference(s)
        outgoing.ensure_default_series(s)
        staff_award.seed_criteria(s)  # at start, not on first use: two workstations might both write them
    return StartupReport(
        schema=state,
        migrated_from=before.current if before.status is migrate.SchemaStatus.BEHIND else None,
        backup_written=written[0] if written else None,
        holidays_seeded=seeded,
    )


def daily_backup(ctx: AppContext, now: datetime | None = None) -> Path | None:
    """The automatic daily backup, if none was written today."""
    if not backups.daily_backup_due(ctx.backup_dir, now):
        return None
    return backups.make_backup(ctx.db, ctx.backup_dir, "harian", now)


def backup_now(
    ctx: AppContext, actor: Actor, target: Path | None = None, progress: Progress | None = None
) -> Path:
    actor.require(Perm.MANAGE_BACKUPS)
    if target is None:
        path = backups.make_backup(ctx.db, ctx.backup_dir, "manual")
    else:
        path = backups.write_backup(ctx.db, Path(target), progress)
    with ctx.db.transaction() as s:
        audit.record(s, actor, "cadangkan", "basis_data", "", summary=f"Cadangan ditulis ke {path}")
    return path


def list_backups(ctx: AppContext, actor: Actor) -> list[backups.BackupInfo]:
    actor.require(Perm.MANAGE_BACKUPS)
    return backups.list_backups(ctx.backup_dir)


def restore(ctx: AppContext, actor: Actor, source: Path, progress: Progress | None = None) -> Path:
    """Restore ``source``; returns the safety backup of the data it replaced."""
    actor.require(Perm.MANAGE_BACKUPS)
    safety = backups.restore_backup(ctx.db, Path(source), ctx.backup_dir, progress)
    with ctx.db.transaction() as s:
        audit.record(
            s,
            actor,
            "pulihkan",
            "basis_data",
            "",
            summary=f"Data dipulihkan dari {Path(source).name}; data sebelumnya dicadangkan ke {safety.name}",
        )
    return safety


@dataclass(frozen=True)
class CheckReport:
    location: str
    integrity: str
    schema: migrate.SchemaState

    @property
    def ok(self) -> bool:
        return self.integrity == "ok" and self.schema.status is migrate.SchemaStatus.CURRENT


def check(ctx: AppContext) -> CheckReport:
    integrity = "ok"
    if ctx.db.sqlite_path is not None:
        with ctx.db.engine.connect() as conn:
            rows = conn.exec_driver_sql("PRAGMA integrity_check").fetchall()
            conn.rollback()
        integrity = "\n".join(str(r[0]) for r in rows)
    return CheckReport(ctx.location, integrity, migrate.schema_state(ctx.db.engine))


def use_postgres(
    data_dir: Path, pg: PostgresSettings, password: str, *, test_connection: bool = True
) -> None:
    """Switch this workstation to a shared PostgreSQL server (the password goes to the OS keyring)."""
    if test_connection:
        from desktop.storage.database import postgres_url

        probe = open_url(postgres_url(pg, password))
        try:
            with probe.engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
        except OperationalError as exc:
            raise StorageError(f"Tidak bisa terhubung ke {pg.describe()}: {exc.orig}") from exc
        finally:
            probe.dispose()
    store_postgres_password(pg, password)
    save_settings(data_dir, ConnectionSettings(backend="postgresql", postgres=pg))


def use_sqlite(data_dir: Path) -> None:
    save_settings(data_dir, ConnectionSettings(backend="sqlite"))


__all__ = ["SYSTEM", "AppContext", "StorageError"]
