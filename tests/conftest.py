"""Shared fixtures: a temp data dir, an in-memory keyring, and databases on SQLite and PostgreSQL."""

from __future__ import annotations

import itertools
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from desktop.core import clock
from desktop.services import system
from desktop.services.system import AppContext
from desktop.storage.config import SQLITE_FILE
from tests.support.clock_env import fix_clock_from_env

# Qt tests never need a screen; set before any QApplication exists (pytest-qt creates it lazily).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REQUIRE_PG = os.environ.get("SEKRETARIAT_REQUIRE_PG") == "1"


class MemoryKeyring(KeyringBackend):
    """A real keyring backend that keeps secrets in memory, so tests never touch the OS keyring."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.fixture(scope="session", autouse=True)
def session_clock() -> Iterator[None]:
    """With SEKRETARIAT_TEST_CLOCK set, the whole run (module fixtures too) happens at that instant."""
    fix_clock_from_env()
    yield
    clock.fix(None)


@pytest.fixture(autouse=True)
def clock_per_test(session_clock: None) -> Iterator[None]:
    """Whatever a test does to the clock is undone after it: back to the run's (or its module's) clock."""
    before = clock.fixed_instant()
    yield
    clock.fix(before)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture(scope="session")
def pg_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from tests.support.pgcluster import PgCluster

    if PgCluster.find_bindir() is None:
        if REQUIRE_PG:
            pytest.fail("PostgreSQL binaries not found but SEKRETARIAT_REQUIRE_PG=1")
        pytest.skip("PostgreSQL binaries not installed")
    cluster = PgCluster()
    # Not under pytest's basetemp: the cluster must make its folder traversable for the postgres user, and
    # every new pytest session resets /tmp/pytest-of-<user> to 0700, which locked a running server out of
    # its own data directory ("could not open file global/pg_control: Permission denied").
    base = Path(tempfile.mkdtemp(prefix="sekretariat-pgtest-"))
    cluster.start(base)
    try:
        yield cluster
    finally:
        # Keep the server's log beside the other test files, for when a test sees the server go away.
        if cluster.log_file is not None and cluster.log_file.exists():
            shutil.copyfile(cluster.log_file, tmp_path_factory.getbasetemp() / "postgresql-server.log")
        cluster.stop()
        shutil.rmtree(base, ignore_errors=True)


_db_names = itertools.count(1)


@pytest.fixture
def pg_url(pg_cluster: object) -> Iterator[str]:
    name = f"t{os.getpid()}_{next(_db_names)}"
    url: str = pg_cluster.create_database(name)  # type: ignore[attr-defined]
    yield url
    pg_cluster.drop_database(name)  # type: ignore[attr-defined]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def raw_ctx(backend: str, data_dir: Path, request: pytest.FixtureRequest) -> Iterator[AppContext]:
    """An AppContext on an empty database of the parametrised engine (schema not yet created)."""
    url = request.getfixturevalue("pg_url") if backend == "postgresql" else None
    ctx = system.open_context(data_dir, db_url=url)
    yield ctx
    ctx.db.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated and seeded SQLite file per test session; each test gets a copy."""
    folder = tmp_path_factory.mktemp("template-sqlite")
    ctx = system.open_context(folder)
    system.prepare(ctx)
    ctx.db.dispose()
    con = sqlite3.connect(folder / SQLITE_FILE)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the main file, so a file copy is complete
    con.close()
    return folder / SQLITE_FILE


@pytest.fixture(scope="session")
def pg_template(pg_cluster: object, tmp_path_factory: pytest.TempPathFactory) -> str:
    """One migrated and seeded PostgreSQL database per session, used as CREATE DATABASE … TEMPLATE."""
    name = f"tmpl{os.getpid()}"
    url: str = pg_cluster.create_database(name)  # type: ignore[attr-defined]
    ctx = system.open_context(tmp_path_factory.mktemp("template-pg"), db_url=url)
    system.prepare(ctx)
    ctx.db.dispose()
    return name


@pytest.fixture
def fresh(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[AppContext]:
    """A second data dir on the same engine as ``ctx``, as after a fresh install (no profile, no letters): the
    place to import an export into."""
    url = request.getfixturevalue("pg_url") if backend == "postgresql" else None
    other = system.open_context(tmp_path / "baru", db_url=url)
    system.prepare(other)
    yield other
    other.db.dispose()


@pytest.fixture
def ctx(backend: str, data_dir: Path, request: pytest.FixtureRequest) -> Iterator[AppContext]:
    """An AppContext whose database is migrated and seeded, as after the first start (a copy of a template
    prepared once per session: preparing takes seconds, copying milliseconds)."""
    if backend == "postgresql":
        cluster = request.getfixturevalue("pg_cluster")
        template = request.getfixturevalue("pg_template")
        name = f"t{os.getpid()}_{next(_db_names)}"
        url = cluster.create_database(name, template=template)
        context = system.open_context(data_dir, db_url=url)
        yield context
        context.db.dispose()
        cluster.drop_database(name)
    else:
        shutil.copyfile(request.getfixturevalue("sqlite_template"), data_dir / SQLITE_FILE)
        context = system.open_context(data_dir)
        yield context
        context.db.dispose()
