"""PgCluster starts a real throw-away PostgreSQL server that SQLAlchemy can use, and removes it again."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import psycopg
import pytest
import sqlalchemy as sa

from tests.support.pgcluster import PgCluster

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_bindir() -> Path:
    bindir = PgCluster.find_bindir()
    if bindir is None:
        reason = "PostgreSQL server binaries (initdb, pg_ctl) not found; run: sudo bash .ci/setup-services.sh"
        if os.environ.get("SEKRETARIAT_REQUIRE_PG") == "1":
            pytest.fail(f"{reason} (SEKRETARIAT_REQUIRE_PG=1)")
        pytest.skip(reason)
    return bindir


def test_cluster_serves_a_utf8_database_and_cleans_up(pg_bindir: Path) -> None:
    # Outside pytest's basetemp for the reason given in tests/conftest.py (pg_cluster).
    outer = Path(tempfile.mkdtemp(prefix="sekretariat-pgtest-"))
    with PgCluster(pg_bindir).start(outer) as pg:
        assert pg.base is not None and pg.base.is_dir()
        base, port = pg.base, pg.port
        url = pg.create_database("sekretariat_uji")
        assert url == f"postgresql+psycopg://postgres@127.0.0.1:{port}/sekretariat_uji"

        engine = sa.create_engine(url)
        try:
            with engine.begin() as conn:
                conn.execute(sa.text("CREATE TABLE instansi (id serial PRIMARY KEY, nama text NOT NULL)"))
                conn.execute(
                    sa.text("INSERT INTO instansi (nama) VALUES (:n)"), {"n": "Dinas Pendidikan – Ñusa"}
                )
            with engine.connect() as conn:
                assert (
                    conn.execute(sa.text("SELECT nama FROM instansi")).scalar_one()
                    == "Dinas Pendidikan – Ñusa"
                )
                assert conn.execute(sa.text("SHOW server_encoding")).scalar_one() == "UTF8"
                assert conn.execute(sa.text("SHOW fsync")).scalar_one() == "off"
        finally:
            engine.dispose()

        pg.drop_database("sekretariat_uji")
        with psycopg.connect(pg.conninfo()) as conn:
            names = [row[0] for row in conn.execute("SELECT datname FROM pg_database")]
        assert "sekretariat_uji" not in names

    assert not pg.running
    assert not base.exists()
    shutil.rmtree(outer, ignore_errors=True)
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(f"host=127.0.0.1 port={port} user=postgres dbname=postgres", connect_timeout=2)


def test_stop_is_safe_before_start_and_twice() -> None:
    pg = PgCluster()
    pg.stop()
    pg.stop()
    assert not pg.running
