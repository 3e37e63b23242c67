"""Start-up, integrity checks, backups and restore, and where the data lives."""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

import keyring
import keyring.errors
from sqlalchemy import literal, select
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from desktop import modules
from desktop.models.admin import Holiday
from desktop.services.common import audit, calendar, seeding
from desktop.services.common.permissions import SYSTEM, Actor, Perm
from desktop.storage import backup as backups
from desktop.storage import health, migrate
from desktop.storage.config import (
    KEYRING_SERVICE,
    ConnectionSettings,
    PostgresSettings,
    load_settings,
    save_settings,
)
from desktop.storage.database import (
    Database,
    DatabaseBusy,
    DatabaseDamaged,
    DatabaseUnreachable,
    StorageError,
    open_database,
    open_url,
    sqlite_integrity_check,
    sqlite_quick_check,
    storage_failure,
)
from desktop.storage.files import make_private_dir, remove_stale_temp_files

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
    if not data_dir.exists():
        make_private_dir(data_dir)
    settings = load_settings(data_dir)
    if db_url:
        ctx = AppContext(data_dir, open_url(db_url), settings)
    else:
        password = postgres_password(settings.postgres) if settings.is_postgres else None
        ctx = AppContext(data_dir, open_database(data_dir, settings, password), settings)
    remove_left_overs(ctx)
    return ctx


def remove_left_overs(ctx: AppContext) -> list[Path]:
    """Temporary files of a backup or restore that was killed (they name their process: see storage.files)."""
    folders = [ctx.data_dir, ctx.backup_dir]
    if ctx.db.sqlite_path is not None:
        folders.append(ctx.db.sqlite_path.parent)
    return remove_stale_temp_files(folders)


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
    except (DBAPIError, UnicodeDecodeError) as exc:  # "not a database", "malformed", busy, no server, …
        raise _check_failed(ctx, exc) from exc
    if check != "ok":
        raise DatabaseDamaged(
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
        failure = storage_failure(exc, ctx.location)
        raise failure or StorageError(f"Basis data tidak bisa dibuka ({ctx.location}): {exc.orig}") from exc
    seeded = 0
    with ctx.db.read() as s:
        due = _seeding_due(s)
    if due:  # only then take the write lock: a start-up must not wait for another workstation's import
        with ctx.db.transaction() as s:
            seeded = calendar.seed_holidays(s)
            # Each module's reference data (desktop/modules.py), imported only now that it is needed.
            for module in modules.MODULES:
                for seeder in module.seeders:
                    modules.resolve(seeder)(s)
    return StartupReport(
        schema=state,
        migrated_from=before.current if before.status is migrate.SchemaStatus.BEHIND else None,
        backup_written=written[0] if written else None,
        holidays_seeded=seeded,
    )


def _check_failed(ctx: AppContext, exc: BaseException) -> StorageError:
    """The quick check could not even run: busy or unreachable say so; anything else is a damaged file."""
    failure = storage_failure(exc, ctx.location)
    if isinstance(failure, DatabaseBusy | DatabaseUnreachable):
        return failure
    # A flipped byte in the header makes even SQLite's answers undecodable (UnicodeDecodeError).
    return DatabaseDamaged(
        f"Basis data tidak bisa dibuka atau rusak ({ctx.location}): {getattr(exc, 'orig', exc)}. "
        "Pulihkan dari cadangan terakhir (sekretariat restore BERKAS)."
    )


def _seeding_due(session: Session) -> bool:
    """Whether a table filled at start-up is still empty, or a table offered its rows once has not been yet
    (the seed functions write only then): an emptied table of the second kind takes no write lock."""
    tables = [modules.resolve(t) for m in modules.MODULES for t in m.seeded_tables]
    once = [Holiday, *(modules.resolve(t) for m in modules.MODULES for t in m.seeded_once)]
    if seeding.missing_markers(session, once):
        return True
    return any(session.scalar(select(literal(1)).select_from(t).limit(1)) is None for t in tables)


def daily_chores(ctx: AppContext) -> list[str]:
    """Each module's start-of-day work (desktop/modules.py ``daily``); one failing never stops the others."""
    said = []
    for module in modules.MODULES:
        for chore in module.daily:
            try:
                message = modules.resolve(chore)(ctx.db)
            except Exception:  # logged with its traceback; the app goes on (the chore runs again next start)
                log.exception("daily chore %s failed", chore)
                continue
            if message:
                said.append(message)
    return said


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


def list_backups(ctx: AppContext, actor: Actor, *, verify: bool = False) -> list[backups.BackupInfo]:
    """``verify`` reads every backup to compare it with its SHA-256 file (slow with many large backups)."""
    actor.require(Perm.MANAGE_BACKUPS)
    return backups.list_backups(ctx.backup_dir, verify=verify)


def restore_warning(source: Path) -> str | None:
    """What to tell the user before restoring ``source`` (a backup without its SHA-256 file); None if nothing.

    Such a backup is still restored: backups written before checksums existed must stay restorable.
    """
    return backups.missing_checksum_warning(Path(source))


def restore(ctx: AppContext, actor: Actor, source: Path, progress: Progress | None = None) -> Path:
    """Restore ``source``; returns the safety backup of the data it replaced. A backup whose SHA-256 file
    does not match is refused with a StorageError and the live data is left as it was."""
    actor.require(Perm.MANAGE_BACKUPS)
    unchecked = restore_warning(source) is not None
    safety = backups.restore_backup(ctx.db, Path(source), ctx.backup_dir, progress)
    note = " (tanpa berkas sidik SHA-256)" if unchecked else ""
    with ctx.db.transaction() as s:
        audit.record(
            s,
            actor,
            "pulihkan",
            "basis_data",
            "",
            summary=f"Data dipulihkan dari {Path(source).name}{note}; data sebelumnya dicadangkan ke "
            f"{safety.name}",
        )
    return safety


def verify_files(ctx: AppContext, actor: Actor, progress: Progress | None = None) -> list[str]:
    """Names of every stored file of every module (letters' scans, assets' photos and documents …) whose bytes
    are gone or no longer match their SHA-256. The admin's: it reads every file. Each module lists its own
    check in desktop/modules.py (``file_checks``); ``progress(done, total)`` counts those checks."""
    actor.require(Perm.MANAGE_BACKUPS)
    checks: list[Callable[[Session, Actor], list[str]]] = [
        modules.resolve(name) for module in modules.MODULES for name in module.file_checks
    ]
    bad: list[str] = []
    for done, verify in enumerate(checks):
        if progress is not None:
            progress(done, len(checks))
        with ctx.db.read() as s:
            bad.extend(verify(s, actor))
    if progress is not None:
        progress(len(checks), len(checks))
    return bad


@dataclass(frozen=True)
class CheckReport:
    location: str
    integrity: str  # "ok", or what the engine's check (or the attempt to run it) found
    schema: migrate.SchemaState | None  # None: the schema version could not be read
    deep: bool = False
    problems: tuple[str, ...] = ()  # found by the deep read of every table
    files: tuple[str, ...] | None = None  # stored files damaged or gone; None: not checked
    files_error: str = ""  # why reading the stored files failed

    @property
    def ok(self) -> bool:
        return (
            self.integrity == "ok"
            and not self.problems
            and self.schema is not None
            and self.schema.status is migrate.SchemaStatus.CURRENT
            and not self.files
            and not self.files_error
        )

    @property
    def schema_text(self) -> str:
        return self.schema.describe() if self.schema is not None else "versi skema tidak terbaca"


def check(
    ctx: AppContext, *, deep: bool = False, actor: Actor | None = None, progress: Progress | None = None
) -> CheckReport:
    """Quick check (fast, for every day), or with ``deep`` the full integrity check plus a read of every
    value of every table; with ``actor`` (the admin) every module's stored files too (verify_files), once the
    database itself is sound. Never takes the write lock; a damaged database is reported, not raised."""
    try:
        integrity = sqlite_integrity_check(ctx.db) if deep else sqlite_quick_check(ctx.db)
    except (DBAPIError, UnicodeDecodeError) as exc:
        failure = _check_failed(ctx, exc)
        if isinstance(failure, DatabaseBusy | DatabaseUnreachable):
            raise failure from exc
        unreadable = f"basis data tidak terbaca: {getattr(exc, 'orig', exc)}"
        problems = tuple(health.read_every_table(ctx.db)) if deep else ()
        return CheckReport(ctx.location, unreadable, None, deep, problems)
    try:
        schema: migrate.SchemaState | None = migrate.schema_state(ctx.db.engine)
    except (DBAPIError, UnicodeDecodeError) as exc:
        log.warning("schema version unreadable: %s", exc)
        schema = None
    problems = tuple(health.read_every_table(ctx.db)) if deep else ()
    report = CheckReport(ctx.location, integrity, schema, deep, problems)
    sound = integrity == "ok" and schema is not None and schema.status is migrate.SchemaStatus.CURRENT
    if actor is None or not sound:
        return report  # the files' tables may be missing or unreadable: the database is what to fix first
    try:
        return replace(report, files=tuple(verify_files(ctx, actor, progress)))
    except (DBAPIError, UnicodeDecodeError, DatabaseDamaged) as exc:
        return replace(report, files_error=f"berkas tersimpan tidak terbaca: {getattr(exc, 'orig', exc)}")


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
