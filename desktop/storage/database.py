"""Opening the database: SQLite with safe pragmas by default, PostgreSQL for a shared office server."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from desktop.storage.config import SQLITE_FILE, ConnectionSettings, PostgresSettings
from desktop.storage.netshare import is_network_path

BUSY_TIMEOUT_MS = 15_000


class StorageError(Exception):
    """An environment problem with a plain Indonesian message for the user."""


@dataclass
class Database:
    engine: Engine
    sessions: sessionmaker[Session]
    description: str
    sqlite_path: Path | None = None

    @property
    def is_sqlite(self) -> bool:
        return self.sqlite_path is not None

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One transaction per user action: commits on success, rolls back on any error."""
        with self.sessions.begin() as session:
            yield session

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


def _on_sqlite_begin(connection: Any) -> None:
    # Take the write lock at the start so a transaction that reads a counter and then writes it can
    # never fail half-way with SQLITE_BUSY: other writers wait (busy_timeout) instead.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


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
    path.parent.mkdir(parents=True, exist_ok=True)
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
    if not db.is_sqlite:
        return "ok"
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql("PRAGMA quick_check").fetchall()
        conn.rollback()
    return "\n".join(str(r[0]) for r in rows)
