"""The deep check: read every row of every table, so damage that the engine's own checks miss shows up."""

from __future__ import annotations

from sqlalchemy import Connection, inspect
from sqlalchemy.exc import DBAPIError

from desktop.storage.database import Database

MAX_PROBLEMS = 50  # enough to show what is wrong and where, without flooding the report


def read_every_table(db: Database) -> list[str]:
    """Problems found while reading every value of every table (empty: everything could be read).

    On SQLite each text value is decoded on its own, so a flipped byte that breaks UTF-8 is named with its
    table, row and column. A flip that leaves valid UTF-8 (one letter for another) cannot be seen by reading.
    """
    try:
        with db.read_engine.connect() as conn:
            return _read_tables(conn, db.is_sqlite)
    except (DBAPIError, UnicodeDecodeError) as exc:
        return [f"daftar tabel tidak terbaca: {_detail(exc)}"]


def _read_tables(conn: Connection, is_sqlite: bool) -> list[str]:
    problems: list[str] = []
    tables = _sqlite_tables(conn) if is_sqlite else inspect(conn).get_table_names()
    for table in tables:
        try:
            if is_sqlite:
                problems += _read_sqlite_table(conn, table)
            else:
                with conn.begin_nested():  # a failed table must not abort the reading of the others
                    _read_table(conn, table)
        except (DBAPIError, UnicodeDecodeError) as exc:
            problems.append(f"tabel {table} tidak terbaca: {_detail(exc)}")
        if len(problems) >= MAX_PROBLEMS:
            problems = [*problems[:MAX_PROBLEMS], "… pemeriksaan berhenti: terlalu banyak masalah."]
            break
    conn.rollback()
    return problems


def _detail(exc: BaseException) -> str:
    return str(getattr(exc, "orig", exc))


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sqlite_tables(conn: Connection) -> list[str]:
    rows = conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    )
    return [str(r[0]) for r in rows]


def _read_sqlite_table(conn: Connection, table: str) -> list[str]:
    """Read ``table`` whole; text comes back as raw bytes and is decoded here, value by value."""
    columns = [str(r[1]) for r in conn.exec_driver_sql(f"PRAGMA table_xinfo({_quote(table)})")]
    if not columns:
        return []
    picks = ", ".join(f"typeof({_quote(c)}), CAST({_quote(c)} AS BLOB)" for c in columns)
    try:
        result = conn.exec_driver_sql(f"SELECT rowid, {picks} FROM {_quote(table)}")
    except DBAPIError as exc:
        if "rowid" not in str(exc.orig):
            raise
        result = conn.exec_driver_sql(f"SELECT NULL, {picks} FROM {_quote(table)}")  # a WITHOUT ROWID table
    problems = []
    for number, row in enumerate(result, start=1):
        for i, column in enumerate(columns):
            kind, raw = row[1 + 2 * i], row[2 + 2 * i]
            if kind != "text" or raw is None:
                continue
            try:
                bytes(raw).decode("utf-8")
            except UnicodeDecodeError:
                where = f"rowid {row[0]}" if row[0] is not None else f"baris ke-{number}"
                problems.append(f"tabel {table}, {where}, kolom {column}: teks rusak (bukan UTF-8)")
    return problems


def _read_table(conn: Connection, table: str) -> None:
    # Streamed from the server in batches: a large table is read whole without being held in memory.
    result = conn.exec_driver_sql(
        f"SELECT * FROM {_quote(table)}", execution_options={"stream_results": True}
    )
    while result.fetchmany(1000):
        pass
