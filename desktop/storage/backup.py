"""Backups and restore. A backup is always one SQLite file, whichever engine holds the live data.

SQLite is copied with the online backup API (consistent even while the app is writing); PostgreSQL is
copied table by table into a fresh SQLite file built by the same migrations, so one restore path serves
both engines and an office can move its data between them.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, insert, inspect, select, text
from sqlalchemy import column as sa_column
from sqlalchemy import table as sa_table

from desktop.models import Base
from desktop.storage import migrate
from desktop.storage.database import Database, StorageError, sqlite_engine

BACKUP_SUFFIX = ".sekretariat-cadangan.db"
_NAME_RE = re.compile(r"^(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z-]+)" + re.escape(BACKUP_SUFFIX) + "$")
KEEP = {"harian": 14, "sebelum-migrasi": 10, "sebelum-pulihkan": 10, "manual": 30}
CHUNK = 1000

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    reason: str
    size: int


def backup_dir(data_dir: Path) -> Path:
    return data_dir / "cadangan"


def _stamp(now: datetime) -> str:
    return now.strftime("%Y%m%d-%H%M%S")


def list_backups(folder: Path) -> list[BackupInfo]:
    found: list[BackupInfo] = []
    if not folder.is_dir():
        return found
    for path in folder.iterdir():
        m = _NAME_RE.match(path.name)
        if not m:
            continue
        created = datetime.strptime(m["stamp"], "%Y%m%d-%H%M%S")
        found.append(BackupInfo(path, created, m["reason"], path.stat().st_size))
    return sorted(found, key=lambda b: b.created, reverse=True)


def rotate(folder: Path) -> list[Path]:
    """Delete the oldest automatic backups beyond the kept count per reason; returns what was removed."""
    removed: list[Path] = []
    by_reason: dict[str, list[BackupInfo]] = {}
    for info in list_backups(folder):
        by_reason.setdefault(info.reason, []).append(info)
    for reason, infos in by_reason.items():
        for info in infos[KEEP.get(reason, 30) :]:
            info.path.unlink(missing_ok=True)
            removed.append(info.path)
    return removed


def _copy_sqlite_file(source: Path, target: Path, progress: Progress | None = None) -> None:
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:

            def _report(_status: int, remaining: int, total: int) -> None:
                if progress:
                    progress(total - remaining, total)

            src.backup(dst, pages=256, progress=_report)
            # A backup is one self-contained file: no -wal/-shm companions to lose on the way to a USB stick.
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def _copy_tables(source: Engine, target: Engine, progress: Progress | None = None) -> None:
    # At an older revision the source lacks the newer tables and the newer columns of older tables (the target
    # was built at that same revision): copy what exists there.
    inspector = inspect(source)
    present = set(inspector.get_table_names())
    tables = [t for t in Base.metadata.sorted_tables if t.name in present]
    for done, table in enumerate(tables, start=1):
        there = {c["name"] for c in inspector.get_columns(table.name)}
        columns = [c for c in table.columns if c.name in there]
        # Typed like the model (dates, aware times stored the same way), without its defaults: a column default
        # such as kode_urut's would add a column the older target lacks.
        plain = sa_table(table.name, *(sa_column(c.name, c.type) for c in columns))
        with source.connect() as src, target.begin() as dst:
            result = src.execution_options(stream_results=True).execute(select(*columns))
            while rows := result.mappings().fetchmany(CHUNK):
                dst.execute(insert(plain), [dict(r) for r in rows])
        if progress:
            progress(done, len(tables))


def write_backup(db: Database, target: Path, progress: Progress | None = None) -> Path:
    """Write a complete, verified backup of ``db`` to ``target`` (written to a temp name, then renamed)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    # A name of its own per process: two workstations may back up in the same second.
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        if db.sqlite_path is not None:
            _copy_sqlite_file(db.sqlite_path, tmp, progress)
        else:
            revision = migrate.schema_state(db.engine).current
            out = sqlite_engine(tmp)
            try:
                migrate.upgrade(out, revision or "base")
                _copy_tables(db.engine, out, progress)
            finally:
                out.dispose()
            con = sqlite3.connect(tmp)
            con.execute("PRAGMA journal_mode = DELETE")
            con.close()
        verify_backup(tmp)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def make_backup(db: Database, folder: Path, reason: str, now: datetime | None = None) -> Path:
    """Automatic or manual backup into the rotated folder."""
    now = now or datetime.now()
    path = write_backup(db, folder / f"{_stamp(now)}-{reason}{BACKUP_SUFFIX}")
    rotate(folder)
    return path


def daily_backup_due(folder: Path, today: datetime | None = None) -> bool:
    today_date = (today or datetime.now()).date()
    return not any(b.created.date() == today_date for b in list_backups(folder))


def verify_backup(path: Path) -> str | None:
    """Check a backup file; returns its schema revision. Raises StorageError when it is not usable."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise StorageError(f"Berkas cadangan tidak bisa dibuka: {exc}") from exc
    try:
        result = conn.execute("PRAGMA integrity_check").fetchall()
        if [r[0] for r in result] != ["ok"]:
            raise StorageError("Berkas cadangan rusak (integrity_check gagal).")
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.DatabaseError as exc:
            raise StorageError("Berkas ini bukan cadangan Sekretariat.") from exc
        return str(row[0]) if row else None
    except sqlite3.DatabaseError as exc:
        raise StorageError(f"Berkas ini bukan cadangan Sekretariat: {exc}") from exc
    finally:
        conn.close()


def restore_backup(db: Database, source: Path, folder: Path, progress: Progress | None = None) -> Path:
    """Replace the live data with ``source``; the current data is backed up first ("sebelum-pulihkan").

    The backup is upgraded to this app's schema on a temporary copy before it touches the live data, so a
    failure at any step leaves the live data as it was. Returns the safety backup's path.
    """
    revision = verify_backup(source)
    known = {rev.revision for rev in migrate.script_directory().walk_revisions()}
    if revision is not None and revision not in known:
        raise migrate.DatabaseTooNew(
            "Cadangan ini dibuat oleh versi Sekretariat yang lebih baru; perbarui aplikasi dulu."
        )
    safety = make_backup(db, folder, "sebelum-pulihkan")
    with tempfile.TemporaryDirectory(prefix="sekretariat-restore-") as tmpdir:
        work = Path(tmpdir) / "restore.db"
        shutil.copyfile(source, work)
        staged = sqlite_engine(work)
        try:
            migrate.upgrade(staged)
            if db.sqlite_path is not None:
                staged.dispose()
                db.engine.dispose()
                _restore_into_sqlite(work, db.sqlite_path, progress)
            else:
                _restore_into_postgres(staged, db.engine, progress)
        finally:
            staged.dispose()
    return safety


def _restore_into_sqlite(work: Path, live: Path, progress: Progress | None) -> None:
    src = sqlite3.connect(work)
    try:
        dst = sqlite3.connect(live)
        try:
            dst.execute("PRAGMA busy_timeout = 15000")

            def _report(_status: int, remaining: int, total: int) -> None:
                if progress:
                    progress(total - remaining, total)

            # The backup API swaps the pages in one step under the write lock: readers see old or new.
            src.backup(dst, progress=_report)
        finally:
            dst.close()
    finally:
        src.close()


def _restore_into_postgres(staged: Engine, live: Engine, progress: Progress | None) -> None:
    tables = Base.metadata.sorted_tables
    names = ", ".join(t.name for t in tables)
    with staged.connect() as src, live.begin() as dst:
        # TRUNCATE skips the row triggers that keep the audit log append-only; the old log is kept in the
        # "sebelum-pulihkan" backup written just before.
        dst.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        for done, table in enumerate(tables, start=1):
            result = src.execute(select(table))
            while rows := result.mappings().fetchmany(CHUNK):
                dst.execute(insert(table), [dict(r) for r in rows])
            if progress:
                progress(done, len(tables))
        for table in tables:
            pk = list(table.primary_key.columns)
            if len(pk) == 1 and pk[0].autoincrement is not False and pk[0].type.python_type is int:
                dst.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', '{pk[0].name}'), "
                        f"COALESCE((SELECT MAX({pk[0].name}) FROM {table.name}), 1), "
                        f"(SELECT MAX({pk[0].name}) FROM {table.name}) IS NOT NULL)"
                    )
                )
