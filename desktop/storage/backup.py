"""Backups and restore. A backup is always one SQLite file, whichever engine holds the live data.

SQLite is copied with the online backup API (consistent even while the app is writing); PostgreSQL is
copied table by table into a fresh SQLite file built by the same migrations, so one restore path serves
both engines and an office can move its data between them.
"""

from __future__ import annotations

import enum
import hashlib
import logging
import os
import re
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, insert, inspect, select, text
from sqlalchemy import column as sa_column
from sqlalchemy import table as sa_table
from sqlalchemy.exc import SQLAlchemyError

from desktop.core import clock
from desktop.models import Base
from desktop.storage import migrate
from desktop.storage.database import Database, StorageError, sqlite_engine
from desktop.storage.files import create_private_file, make_private, make_private_dir, remove_temp, temp_path

log = logging.getLogger("sekretariat.backup")

BACKUP_SUFFIX = ".sekretariat-cadangan.db"
CHECKSUM_SUFFIX = ".sha256"
_NAME_RE = re.compile(r"^(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z-]+)" + re.escape(BACKUP_SUFFIX) + "$")
KEEP = {"harian": 14, "sebelum-migrasi": 10, "sebelum-pulihkan": 10, "manual": 30}
CHUNK = 1000

Progress = Callable[[int, int], None]


class Checksum(enum.Enum):
    """What the SHA-256 file beside a backup says about it."""

    MISSING = "tidak ada"  # an older backup, or a file copied without its .sha256
    PRESENT = "ada"  # not read yet
    VERIFIED = "cocok"
    MISMATCH = "tidak cocok"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    reason: str
    size: int
    checksum: Checksum = Checksum.MISSING


def checksum_path(backup: Path) -> Path:
    return backup.with_name(backup.name + CHECKSUM_SUFFIX)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def _write_checksum(backup: Path, digest: str) -> None:
    """``<hex>  <name>`` as ``sha256sum`` writes it (so ``sha256sum -c`` checks it too), written atomically."""
    target = checksum_path(backup)
    tmp = temp_path(target)
    create_private_file(tmp)
    try:
        tmp.write_text(f"{digest}  {backup.name}\n", encoding="utf-8")
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _recorded_sha256(backup: Path) -> str | None:
    """The digest in the checksum file; None when there is none. Raises StorageError when it is unreadable."""
    path = checksum_path(backup)
    try:
        first = path.read_text(encoding="utf-8", errors="replace").split()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StorageError(f"Berkas sidik {path.name} tidak bisa dibaca: {exc.strerror}.") from exc
    if not first or not re.fullmatch(r"[0-9a-fA-F]{64}", first[0]):
        raise StorageError(
            f"Berkas sidik {path.name} rusak, jadi keutuhan cadangan tidak bisa dipastikan. Pakai cadangan "
            "lain, atau hapus berkas sidik itu bila Anda yakin cadangannya utuh."
        )
    return first[0].lower()


def checksum_state(backup: Path) -> Checksum:
    """Read the whole backup and compare it with its checksum file (no exception for a mismatch)."""
    try:
        recorded = _recorded_sha256(backup)
    except StorageError:
        return Checksum.MISMATCH
    if recorded is None:
        return Checksum.MISSING
    try:
        return Checksum.VERIFIED if file_sha256(backup) == recorded else Checksum.MISMATCH
    except OSError:
        return Checksum.MISMATCH


def verify_checksum(backup: Path) -> bool:
    """True when the backup matches its SHA-256 file, False when it has none; StorageError on a mismatch."""
    recorded = _recorded_sha256(backup)
    if recorded is None:
        return False
    try:
        actual = file_sha256(backup)
    except OSError as exc:
        raise StorageError(_os_message("Berkas cadangan tidak bisa dibaca", exc)) from exc
    if actual != recorded:
        raise StorageError(
            "Berkas cadangan tidak utuh: sidik SHA-256 tidak cocok dengan berkas "
            f"{checksum_path(backup).name}. Isinya berubah sejak dicadangkan (salinan rusak atau diubah). "
            "Data sekarang tidak diganti; pakai cadangan lain."
        )
    return True


def missing_checksum_warning(backup: Path) -> str | None:
    """A warning to show before restoring a backup that has no checksum file; None when it has one."""
    if checksum_path(backup).exists():
        return None
    return (
        f"Cadangan ini tidak punya berkas sidik SHA-256 ({checksum_path(backup).name}), misalnya karena dibuat "
        "oleh versi lama atau disalin tanpa berkas itu. Keutuhannya hanya diperiksa dengan pemeriksaan basis "
        "data SQLite; perubahan kecil pada isinya tidak akan ketahuan."
    )


def _os_message(what: str, exc: OSError) -> str:
    where = f" ({exc.filename})" if exc.filename else ""
    return f"{what}{where}: {exc.strerror or exc}."


@contextmanager
def _plain_errors(what: str) -> Iterator[None]:
    """Turn every failure of the file or the database underneath into a StorageError with ``what`` first."""
    try:
        yield
    except StorageError:
        raise
    except OSError as exc:
        raise StorageError(_os_message(what, exc)) from exc
    except (sqlite3.Error, SQLAlchemyError, UnicodeError) as exc:
        # A damaged file can fail anywhere, even while decoding SQLite's own answers (UnicodeDecodeError).
        raise StorageError(
            f"{what}: basis data atau berkas cadangan rusak atau tidak terbaca ({type(exc).__name__}: "
            f"{str(exc)[:200]})."
        ) from exc


def backup_dir(data_dir: Path) -> Path:
    return data_dir / "cadangan"


def _stamp(now: datetime) -> str:
    return now.strftime("%Y%m%d-%H%M%S")


def list_backups(folder: Path, *, verify: bool = False) -> list[BackupInfo]:
    """The backups in ``folder``, newest first; ``verify`` reads each one to compare it with its SHA-256."""
    found: list[BackupInfo] = []
    if not folder.is_dir():
        return found
    for path in folder.iterdir():
        m = _NAME_RE.match(path.name)
        if not m:
            continue
        created = datetime.strptime(m["stamp"], "%Y%m%d-%H%M%S")
        if verify:
            checksum = checksum_state(path)
        else:
            checksum = Checksum.PRESENT if checksum_path(path).exists() else Checksum.MISSING
        found.append(BackupInfo(path, created, m["reason"], path.stat().st_size, checksum))
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
            checksum_path(info.path).unlink(missing_ok=True)
            removed.append(info.path)
    # A checksum whose backup was deleted by hand is no use to anyone.
    for path in folder.glob(f"*{BACKUP_SUFFIX}{CHECKSUM_SUFFIX}"):
        if not path.with_name(path.name.removesuffix(CHECKSUM_SUFFIX)).exists():
            path.unlink(missing_ok=True)
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
    """Write a complete, verified backup of ``db`` to ``target`` and its SHA-256 beside it as
    ``<target>.sha256``. Written to a temp name beside the target, then renamed; StorageError on any failure."""
    with _plain_errors("Cadangan tidak bisa dibuat"):
        if not target.parent.exists():
            make_private_dir(target.parent)
        # A name of its own per process: two workstations may back up in the same second.
        tmp = temp_path(target)
        remove_temp(tmp)
        try:
            _write_verified(db, tmp, progress)
            digest = file_sha256(tmp)
            # Old checksum out first: a crash before the new one is written leaves a backup without a
            # checksum (restorable with a warning), never one with a checksum that belongs to another file.
            checksum_path(target).unlink(missing_ok=True)
            os.replace(tmp, target)
        except BaseException:
            remove_temp(tmp)
            raise
        _write_checksum(target, digest)
    return target


def _write_verified(db: Database, tmp: Path, progress: Progress | None) -> None:
    create_private_file(tmp)
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
    finally:
        make_private(tmp)
    verify_backup(tmp)


def make_backup(db: Database, folder: Path, reason: str, now: datetime | None = None) -> Path:
    """Automatic or manual backup into the rotated folder."""
    now = now or clock.local_now()
    path = write_backup(db, folder / f"{_stamp(now)}-{reason}{BACKUP_SUFFIX}")
    rotate(folder)
    return path


def daily_backup_due(folder: Path, today: datetime | None = None) -> bool:
    today_date = (today or clock.local_now()).date()
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
    except UnicodeDecodeError as exc:  # a flipped header byte makes SQLite's answers undecodable
        raise StorageError(f"Berkas cadangan rusak dan tidak terbaca ({exc.reason}).") from exc
    finally:
        conn.close()


def restore_backup(db: Database, source: Path, folder: Path, progress: Progress | None = None) -> Path:
    """Replace the live data with ``source``; the current data is backed up first ("sebelum-pulihkan").

    The backup's SHA-256 file is checked first (a mismatch refuses; a backup without one is restored, see
    ``missing_checksum_warning``). The backup is upgraded to this app's schema on a temporary copy beside
    the live data (never in the system temp folder: a killed restore must not leave a copy of the data
    there) before it touches the live data, so a failure at any step leaves the live data as it was.
    Returns the safety backup's path; StorageError on any failure.
    """
    with _plain_errors("Pemulihan gagal; data sekarang tidak berubah"):
        if not source.is_file():
            raise StorageError(f"Berkas cadangan tidak ditemukan: {source}")
        if not verify_checksum(source):
            log.warning("restoring %s, which has no SHA-256 checksum file", source)
        revision = verify_backup(source)
        known = {rev.revision for rev in migrate.script_directory().walk_revisions()}
        if revision is not None and revision not in known:
            raise migrate.DatabaseTooNew(
                "Cadangan ini dibuat oleh versi Sekretariat yang lebih baru; perbarui aplikasi dulu."
            )
        safety = make_backup(db, folder, "sebelum-pulihkan")
        beside = db.sqlite_path.parent if db.sqlite_path is not None else folder
        work = temp_path(beside / "pulihkan.db")
        remove_temp(work)
        try:
            create_private_file(work)
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
        finally:
            remove_temp(work)
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
