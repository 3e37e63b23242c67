"""Opening the database: SQLite with safe pragmas by default, PostgreSQL for a shared office server."""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from desktop.storage.config import SQLITE_FILE, ConnectionSettings, PostgresSettings
from desktop.storage.files import create_private_file, make_private, make_private_dir
from desktop.storage.netshare import is_network_path

BUSY_TIMEOUT_MS = 15_000
# Execution option that marks a read-only connection: its transactions start without the write lock.
READ_ONLY = "sekretariat_read_only"
BUSY_MESSAGE = "Basis data sedang dipakai proses lain; coba lagi sebentar lagi."
# Key of ``Session.info``: callables run in a fresh transaction when the user action's transaction fails.
AFTER_ROLLBACK = "sekretariat_after_rollback"
log = logging.getLogger("sekretariat.storage")


class StorageError(Exception):
    """An environment problem with a plain Indonesian message for the user."""


class DatabaseBusy(StorageError):
    """Another process holds the lock longer than we waited. The data is fine: try again later."""


class DatabaseUnreachable(StorageError):
    """The file or server cannot be opened, read or written (permissions, disk, network)."""


class DatabaseDamaged(StorageError):
    """The database engine reports damaged content."""


# Primary SQLite result codes (sqlite3.h), used where Python gives no named exception.
_SQLITE_BUSY_CODES = {5, 6}  # SQLITE_BUSY, SQLITE_LOCKED
_SQLITE_DAMAGED_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB
_SQLITE_UNREACHABLE_CODES = {3, 8, 10, 13, 14}  # PERM, READONLY, IOERR, FULL, CANTOPEN
# PostgreSQL SQLSTATEs: lock_timeout/NOWAIT, deadlock, serialization failure; data and index corruption.
_PG_BUSY_STATES = {"55P03", "40P01", "40001"}
_PG_DAMAGED_STATES = {"XX001", "XX002"}


def storage_failure(exc: BaseException, location: str) -> StorageError | None:
    """The one place that says what a driver error means for the user: the database is busy, unreachable
    or damaged. None when it is none of these (a bug, or a constraint the caller handles)."""
    if isinstance(exc, StorageError):
        return exc
    orig: BaseException = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    detail = str(orig).strip()
    if isinstance(orig, sqlite3.Error):
        code = (getattr(orig, "sqlite_errorcode", None) or 0) & 0xFF
        if code in _SQLITE_BUSY_CODES or "database is locked" in detail:
            return DatabaseBusy(BUSY_MESSAGE)
        # Python's sqlite3 raises this one itself (no result code) for a text value that is not UTF-8.
        if code in _SQLITE_DAMAGED_CODES or "Could not decode to UTF-8" in detail:
            return DatabaseDamaged(
                f"Basis data tampaknya rusak ({location}): {detail}. Jalankan \u201csekretariat check "
                "--deep\u201d untuk memeriksanya, dan hubungi admin."
            )
        if code in _SQLITE_UNREACHABLE_CODES:
            return DatabaseUnreachable(
                f"Basis data tidak bisa dibaca atau ditulis ({location}): {detail}. Periksa ruang disk "
                "dan izin folder data."
            )
        return None
    state = getattr(orig, "sqlstate", None)
    if state is None and not _is_psycopg_operational(orig):
        return None
    if state in _PG_BUSY_STATES:
        return DatabaseBusy(BUSY_MESSAGE)
    if state in _PG_DAMAGED_STATES:
        return DatabaseDamaged(f"Server basis data melaporkan data rusak ({location}): {detail}")
    if state is None or state.startswith(("08", "57P")):  # no connection, or the server is shutting down
        return DatabaseUnreachable(
            f"Server basis data tidak bisa dihubungi ({location}): {detail}. Periksa jaringan dan server."
        )
    return None


def _is_psycopg_operational(exc: BaseException) -> bool:
    try:
        import psycopg
    except ImportError:  # an install without PostgreSQL support
        return False
    return isinstance(exc, psycopg.OperationalError)


@dataclass
class _LockWaiting:
    """How long a writer waits for another process's write lock in all, in steps of the busy timeout."""

    seconds: float = BUSY_TIMEOUT_MS / 1000
    notice: Callable[[], None] | None = None


_lock_waiting = _LockWaiting()


@dataclass
class Database:
    engine: Engine
    sessions: sessionmaker[Session]
    description: str
    sqlite_path: Path | None = None

    @property
    def is_sqlite(self) -> bool:
        return self.sqlite_path is not None

    @cached_property
    def read_engine(self) -> Engine:
        """The engine for reading: its transactions never take the write lock (plain BEGIN on SQLite,
        READ ONLY on PostgreSQL), so a long import elsewhere never holds up a list, a report or a check."""
        return self.engine.execution_options(**{READ_ONLY: True})

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One transaction per user action: commits on success, rolls back on any error.

        Work that must survive the rollback (a queue ticket already taken stays taken, guests.md R13) is
        registered as ``session.info[AFTER_ROLLBACK]`` callables; they run in a fresh transaction of their own.
        """
        opened: Session | None = None
        try:
            with self._plain_errors(), self.sessions.begin() as session:
                opened = session
                yield session
        except BaseException:
            follow_up = opened.info.pop(AFTER_ROLLBACK, None) if opened is not None else None
            if follow_up:
                self._after_rollback(follow_up)
            raise

    def _after_rollback(self, callbacks: list[Callable[[Session], None]]) -> None:
        try:
            with self.sessions.begin() as session:
                for callback in callbacks:
                    callback(session)
        except Exception:  # the original error is what the user must see; this one only goes to the log
            log.exception("pekerjaan setelah rollback gagal")

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A transaction for reading only: one consistent snapshot, without the write lock."""
        session = Session(self.read_engine, expire_on_commit=False)
        with self._plain_errors(), session, session.begin():
            yield session

    @contextmanager
    def _plain_errors(self) -> Iterator[None]:
        try:
            yield
        except DBAPIError as exc:
            failure = storage_failure(exc, self.description)
            if failure is None:
                raise
            raise failure from exc

    def dispose(self) -> None:
        self.engine.dispose()


def _on_sqlite_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event decide how transactions start (BEGIN IMMEDIATE below).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.close()


def wait_for_locks(seconds: float, on_wait: Callable[[], None] | None = None) -> None:
    """How long databases opened from now on let a writer wait for another process's lock, and what to call
    each time the wait goes on (the command line waits longer than the GUI, which asks the user instead)."""
    _lock_waiting.seconds = seconds
    _lock_waiting.notice = on_wait


def _on_sqlite_begin(connection: Any) -> None:
    if connection.get_execution_options().get(READ_ONLY):
        # A WAL reader sees the last commit and never waits for a writer.
        connection.exec_driver_sql("BEGIN")
        return
    # Take the write lock at the start so a transaction that reads a counter and then writes it can
    # never fail half-way with SQLITE_BUSY: other writers wait (busy_timeout) instead. Nothing has been
    # done yet when BEGIN finds the lock busy, so trying again (up to the process's wait) is safe.
    deadline = time.monotonic() + _lock_waiting.seconds
    while True:
        try:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            return
        except DBAPIError as exc:
            if not isinstance(storage_failure(exc, ""), DatabaseBusy) or time.monotonic() >= deadline:
                raise
            if _lock_waiting.notice is not None:
                _lock_waiting.notice()


def _on_postgres_begin(connection: Any) -> None:
    if connection.get_execution_options().get(READ_ONLY):
        connection.exec_driver_sql("SET TRANSACTION READ ONLY")


def sqlite_engine(path: Path) -> Engine:
    engine = create_engine(
        URL.create("sqlite+pysqlite", database=str(path)),
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000},
    )
    event.listen(engine, "connect", _on_sqlite_connect)
    event.listen(engine, "begin", _on_sqlite_begin)
    return engine


def open_sqlite(path: Path, *, allow_network: bool = False) -> Database:
    path = Path(path)
    if not allow_network and is_network_path(path.parent if not path.exists() else path):
        raise StorageError(
            "Berkas basis data berada di folder jaringan. SQLite tidak aman dipakai bersama lewat "
            "folder jaringan dan data bisa rusak. Simpan data di disk lokal, atau gunakan server "
            "PostgreSQL agar beberapa komputer bisa memakai data yang sama (Pengaturan › Basis data)."
        )
    if not path.parent.exists():
        make_private_dir(path.parent)
    # Created owner-only before SQLite opens it: SQLite gives its -wal and -shm files the same mode.
    create_private_file(path)
    for companion in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        make_private(companion)
    engine = sqlite_engine(path)
    return Database(
        engine=engine,
        sessions=sessionmaker(engine, expire_on_commit=False),
        description=f"berkas {path}",
        sqlite_path=path,
    )


def postgres_url(settings: PostgresSettings, password: str | None) -> URL:
    return URL.create(
        "postgresql+psycopg",
        username=settings.user,
        password=password or None,
        host=settings.host,
        port=settings.port,
        database=settings.dbname,
        query={"sslmode": settings.sslmode} if settings.sslmode else {},
    )


def open_url(url: str | URL, *, description: str | None = None) -> Database:
    """Open any SQLAlchemy URL (used by tests and the --db-url flag)."""
    engine = create_engine(url, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        engine.dispose()
        assert engine.url.database
        return open_sqlite(Path(engine.url.database))
    event.listen(engine, "begin", _on_postgres_begin)
    return Database(
        engine=engine,
        sessions=sessionmaker(engine, expire_on_commit=False),
        description=description
        or f"server PostgreSQL {engine.url.host}:{engine.url.port}/{engine.url.database}",
    )


def open_database(data_dir: Path, settings: ConnectionSettings, password: str | None = None) -> Database:
    if settings.is_postgres:
        return open_url(postgres_url(settings.postgres, password), description=settings.postgres.describe())
    return open_sqlite(data_dir / SQLITE_FILE)


def sqlite_quick_check(db: Database) -> str:
    """``PRAGMA quick_check`` result: "ok" when the file is sound."""
    return _sqlite_check(db, "quick_check")


def sqlite_integrity_check(db: Database) -> str:
    """``PRAGMA integrity_check`` result (slower than quick_check: it also compares indexes with tables)."""
    return _sqlite_check(db, "integrity_check")


def _sqlite_check(db: Database, pragma: str) -> str:
    if not db.is_sqlite:
        return "ok"
    with db.read_engine.connect() as conn:
        rows = conn.exec_driver_sql(f"PRAGMA {pragma}").fetchall()
        conn.rollback()
    return "\n".join(str(r[0]) for r in rows)
