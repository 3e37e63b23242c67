"""Schema migrations with Alembic: state checks, upgrade-after-backup, refusal of a newer database."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from desktop.storage.database import READ_ONLY, Database, StorageError

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS_DIR = Path(__file__).with_name("migrations")

# The newest revision in migrations/versions, written here so that a start on a current database needs no
# alembic (its import is a tenth of the cold start); alembic is imported only to upgrade or to judge an unknown
# revision. tests/integration/test_storage_migrations.py checks it against the scripts' head.
HEAD_REVISION = "0014_barang_search"
VERSION_TABLE = "alembic_version"


class SchemaStatus(enum.Enum):
    EMPTY = "kosong"
    CURRENT = "terbaru"
    BEHIND = "perlu diperbarui"
    NEWER = "lebih baru dari aplikasi"
    UNVERSIONED = "tanpa versi"


@dataclass(frozen=True)
class SchemaState:
    status: SchemaStatus
    current: str | None
    head: str

    def describe(self) -> str:
        return f"skema {self.current or '-'} (aplikasi {self.head}): {self.status.value}"


class DatabaseTooNew(StorageError):
    pass


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    return HEAD_REVISION


def _current_revision(conn: Connection, tables: set[str]) -> str | None:
    """The revision stamped in the database, as alembic reads it (None: not stamped yet)."""
    if VERSION_TABLE not in tables:
        return None
    stamped = list(conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars())
    if len(stamped) > 1:
        raise StorageError(f"Basis data mencatat lebih dari satu versi skema ({', '.join(stamped)}).")
    return stamped[0] if stamped else None


def schema_state(engine: Engine) -> SchemaState:
    head = head_revision()
    # Read-only: asking which revision a database has must never wait for another process's write lock.
    with engine.execution_options(**{READ_ONLY: True}).connect() as conn:
        tables = set(inspect(conn).get_table_names())
        current = _current_revision(conn, tables)
        conn.rollback()
    if current is None:
        status = SchemaStatus.EMPTY if not (tables - {"alembic_version"}) else SchemaStatus.UNVERSIONED
    elif current == head:
        status = SchemaStatus.CURRENT
    else:
        known = {rev.revision for rev in script_directory().walk_revisions()}
        status = SchemaStatus.BEHIND if current in known else SchemaStatus.NEWER
    return SchemaState(status=status, current=current, head=head)


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


_MIGRATION_LOCK_KEY = 7_270_001  # any constant; shared by every workstation of the office


@contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    """On a shared PostgreSQL server, let one workstation at a time check and upgrade the schema.

    (On SQLite the upgrade's BEGIN IMMEDIATE already serialises processes.)
    """
    if engine.dialect.name != "postgresql":
        yield
        return
    with engine.connect() as conn:
        conn.exec_driver_sql(f"SELECT pg_advisory_lock({_MIGRATION_LOCK_KEY})")
        conn.commit()
        try:
            yield
        finally:
            conn.exec_driver_sql(f"SELECT pg_advisory_unlock({_MIGRATION_LOCK_KEY})")
            conn.commit()


def prepare_schema(db: Database, backup: Callable[[str], Path | None]) -> SchemaState:
    """Bring the schema to the app's version on start.

    A database at an older revision is backed up first (``backup("sebelum-migrasi")``), then upgraded. A
    database from a newer version of the app is refused and left untouched.
    """
    with _migration_lock(db.engine):
        return _prepare_locked(db, backup)


def _prepare_locked(db: Database, backup: Callable[[str], Path | None]) -> SchemaState:
    state = schema_state(db.engine)
    if state.status is SchemaStatus.NEWER:
        raise DatabaseTooNew(
            f"Basis data ini dibuat oleh versi Sekretariat yang lebih baru (revisi skema {state.current}, "
            f"aplikasi ini mengenal sampai {state.head}). Perbarui aplikasi di komputer ini; data tidak diubah."
        )
    if state.status is SchemaStatus.UNVERSIONED:
        raise StorageError(
            "Basis data berisi tabel yang tidak dikenal dan tanpa versi skema; aplikasi tidak akan mengubahnya."
        )
    if state.status is SchemaStatus.BEHIND:
        backup("sebelum-migrasi")
    if state.status in (SchemaStatus.BEHIND, SchemaStatus.EMPTY):
        upgrade(db.engine)
        state = schema_state(db.engine)
    return state
