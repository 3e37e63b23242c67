"""Start-up: migrations after a backup, refusal of a newer database, integrity check."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import text
from sqlalchemy.engine import Connection

from desktop.services import system
from desktop.services.system import AppContext
from desktop.storage import backup as backups
from desktop.storage import migrate
from desktop.storage.database import StorageError, open_sqlite


def test_fresh_database_is_created_at_head(raw_ctx: AppContext) -> None:
    report = system.prepare(raw_ctx)
    assert report.schema.status is migrate.SchemaStatus.CURRENT
    assert report.backup_written is None  # nothing to protect in an empty database
    assert report.holidays_seeded > 100


def test_previous_revision_is_backed_up_then_upgraded(raw_ctx: AppContext) -> None:
    migrate.upgrade(raw_ctx.db.engine, "0001")
    with raw_ctx.db.transaction() as s:
        s.execute(
            text("INSERT INTO app_setting (key, value) VALUES ('penanda', 'data lama yang harus tetap ada')")
        )
    report = system.prepare(raw_ctx)

    assert report.migrated_from == "0001"
    assert report.schema.status is migrate.SchemaStatus.CURRENT
    assert report.backup_written is not None and report.backup_written.exists()
    # The backup holds the data as it was before the upgrade, at the old revision.
    assert backups.verify_backup(report.backup_written) == "0001"
    with raw_ctx.db.transaction() as s:
        assert s.execute(text("SELECT value FROM app_setting WHERE key='penanda'")).scalar_one() == (
            "data lama yang harus tetap ada"
        )


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_newer_database_is_refused_and_left_untouched(data_dir: Path) -> None:
    ctx = system.open_context(data_dir)
    system.prepare(ctx)
    with ctx.db.transaction() as s:
        s.execute(text("UPDATE alembic_version SET version_num = '9999_masa_depan'"))
    ctx.db.dispose()
    db_file = data_dir / "sekretariat.db"
    # Fold the WAL into the main file so the byte comparison below covers all content.
    import sqlite3

    con = sqlite3.connect(db_file)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    digest = _sha(db_file)

    ctx2 = system.open_context(data_dir)
    with pytest.raises(migrate.DatabaseTooNew, match="lebih baru"):
        system.prepare(ctx2)
    ctx2.db.dispose()
    assert _sha(db_file) == digest
    assert backups.list_backups(backups.backup_dir(data_dir)) == []


@pytest.mark.postgres
def test_newer_postgres_database_is_refused(pg_url: str, data_dir: Path) -> None:
    ctx = system.open_context(data_dir, db_url=pg_url)
    system.prepare(ctx)
    with ctx.db.transaction() as s:
        s.execute(text("UPDATE alembic_version SET version_num = '9999_masa_depan'"))
    with pytest.raises(migrate.DatabaseTooNew):
        system.prepare(ctx)
    with ctx.db.transaction() as s:
        assert s.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == "9999_masa_depan"
    ctx.db.dispose()


def test_corrupt_file_is_reported_not_opened(data_dir: Path) -> None:
    ctx = system.open_context(data_dir)
    system.prepare(ctx)
    ctx.db.dispose()
    db_file = data_dir / "sekretariat.db"
    import sqlite3

    con = sqlite3.connect(db_file)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    data = bytearray(db_file.read_bytes())
    # Scribble over a page in the middle of the file (not the header, so SQLite still opens it).
    page = 4096
    data[page * 3 : page * 3 + 2000] = b"\xff" * 2000
    db_file.write_bytes(bytes(data))
    ctx2 = system.open_context(data_dir)
    with pytest.raises(StorageError):
        system.prepare(ctx2)
    ctx2.db.dispose()


def test_network_share_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.storage import database

    monkeypatch.setattr(database, "is_network_path", lambda _p: True)
    with pytest.raises(StorageError, match="folder jaringan"):
        open_sqlite(tmp_path / "x.db")


def test_network_filesystems_are_recognised() -> None:
    from desktop.storage.netshare import is_network_path

    mounts = "/dev/vda / ext4 rw 0 0\n//server/share /mnt/kantor cifs rw 0 0\nsrv:/x /mnt/nfs nfs4 rw 0 0\n"
    assert is_network_path(Path("/mnt/kantor/data/sekretariat.db"), mounts_text=mounts)
    assert is_network_path(Path("/mnt/nfs/a.db"), mounts_text=mounts)
    assert not is_network_path(Path("/home/user/a.db"), mounts_text=mounts)
    assert not is_network_path(Path("/mnt/kantorlain/a.db"), mounts_text=mounts)


def test_two_workstations_starting_at_once_migrate_once(raw_ctx: AppContext) -> None:
    """Two processes open the same old database at the same moment; both end at head, data intact."""
    import multiprocessing as mp

    from tests.support.workers import prepare_in_process

    migrate.upgrade(raw_ctx.db.engine, "0001")
    with raw_ctx.db.transaction() as s:
        s.execute(text("INSERT INTO app_setting (key, value) VALUES ('penanda', 'tetap')"))
    url = raw_ctx.db.engine.url.render_as_string(hide_password=False)
    raw_ctx.db.dispose()
    spawn = mp.get_context("spawn")
    with spawn.Manager() as manager, spawn.Pool(2) as pool:
        ready = manager.Barrier(2)  # both workstations start up at the same moment
        results = pool.starmap(prepare_in_process, [(url, str(raw_ctx.data_dir), ready)] * 2)
    assert results == [migrate.head_revision()] * 2
    assert migrate.schema_state(raw_ctx.db.engine).status is migrate.SchemaStatus.CURRENT
    with raw_ctx.db.transaction() as s:
        assert s.execute(text("SELECT value FROM app_setting WHERE key='penanda'")).scalar_one() == "tetap"


def test_migrations_create_exactly_the_models_schema(raw_ctx: AppContext) -> None:
    """A model changed without a migration would leave existing offices without the new schema."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from desktop.models import Base

    migrate.upgrade(raw_ctx.db.engine)
    with raw_ctx.db.engine.connect() as conn:
        from desktop.storage.fulltext import include_object

        opts = {"compare_type": True, "include_object": include_object}
        diff = compare_metadata(MigrationContext.configure(conn, opts=opts), Base.metadata)
        conn.rollback()
    assert diff == []


def _insert_row(conn: Connection, table: str, n: int, **values: object) -> None:
    """A row of ``table`` as the schema stands, with plain values for every required column."""
    plain: dict[type, object] = {
        sa.Integer: n,
        sa.String: f"x{n}",
        sa.Text: "",
        sa.Boolean: False,
        sa.Date: date(2025, 1, 1),
        sa.DateTime: datetime(2025, 1, 1, 8, 0),
    }
    row: dict[str, object] = {}
    for column in sa.inspect(conn).get_columns(table):
        if column["name"] == "id" or column["nullable"] or column["name"] in values:
            continue
        kind = next((v for t, v in plain.items() if isinstance(column["type"], t)), f"x{n}")
        row[column["name"]] = kind
    row.update(values)
    names = ", ".join(row)
    conn.execute(text(f"INSERT INTO {table} ({names}) VALUES ({', '.join(':' + k for k in row)})"), row)


def test_kode_urut_is_filled_for_letters_kept_before_it(raw_ctx: AppContext) -> None:
    """Migration 0009 sorts the letters already in the agenda by numeric kode segments (R24) too."""
    migrate.upgrade(raw_ctx.db.engine, "0008_surat_masuk_tahun_id")
    codes = ["400.14", "400.9", "000.5.3", "045.2"]
    with raw_ctx.db.engine.begin() as conn:
        _insert_row(conn, "seri_nomor", 1, id=1)
        for n, kode in enumerate(codes, start=1):
            skema = "78/2012" if kode == "045.2" else "83/2022"
            _insert_row(
                conn, "surat_masuk", n, kode_klasifikasi=kode, skema=skema, nomor_agenda=n, tahun=2025
            )
            _insert_row(conn, "surat_keluar", n, kode_klasifikasi=kode, skema=skema, seri_id=1, urut=n)
    system.prepare(raw_ctx)
    with raw_ctx.db.transaction() as s:
        for table in ("surat_masuk", "surat_keluar"):
            ordered = s.execute(text(f"SELECT kode_klasifikasi FROM {table} ORDER BY kode_urut")).scalars()
            assert list(ordered) == ["000.5.3", "045.2", "400.9", "400.14"]
            assert s.execute(
                text(f"SELECT kode_urut FROM {table} WHERE kode_klasifikasi = '400.9'")
            ).scalar() == ("000400.000009")


def test_audit_entity_id_widened_keeping_rows_and_append_only(raw_ctx: AppContext) -> None:
    """Migration 0010 makes audit_log.entity_id text (a file name of any length, issue 10 item 6): the entries
    kept before it stay, and the log still refuses UPDATE and DELETE on both engines."""
    migrate.upgrade(raw_ctx.db.engine, "0009_kode_urut")
    with raw_ctx.db.engine.begin() as conn:
        for n in (1, 2):
            _insert_row(conn, "audit_log", n, entity_id=f"agenda-{n}.csv", summary=f"impor {n}")
    system.prepare(raw_ctx)
    long_id = "x" * 200
    with raw_ctx.db.engine.begin() as conn:
        _insert_row(conn, "audit_log", 3, entity_id=long_id, summary="impor 3")
    with raw_ctx.db.engine.connect() as conn:
        rows = conn.execute(text("SELECT entity_id, summary FROM audit_log ORDER BY id")).all()
        assert [tuple(r) for r in rows] == [
            ("agenda-1.csv", "impor 1"),
            ("agenda-2.csv", "impor 2"),
            (long_id, "impor 3"),
        ]
    for statement in ("UPDATE audit_log SET summary = 'diubah'", "DELETE FROM audit_log"):
        with pytest.raises(sa.exc.DBAPIError, match="append-only"), raw_ctx.db.engine.begin() as conn:
            conn.execute(text(statement))
    with raw_ctx.db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM audit_log")).scalar_one() == 3


def test_assets_kept_before_the_word_index_are_found_by_it(raw_ctx: AppContext) -> None:
    """Migration 0014 indexes the assets already recorded (names and factory/police numbers) on both engines,
    and the index follows later changes."""
    from desktop.services.assets import items
    from desktop.services.common.permissions import SYSTEM

    migrate.upgrade(raw_ctx.db.engine, "0013_barang_bmd")
    with raw_ctx.db.engine.begin() as conn:
        _insert_row(
            conn,
            "aset",
            1,
            nama="Mobil Penumpang",
            nama_kunci="mobil penumpang toyota innova",
            kode_barang="1.3.2.02.01.01.004",
            no_polisi="KT 1234 AB",
            golongan="B",
            status="aktif",
        )
        _insert_row(conn, "aset", 2, nama="Meja Kerja", nama_kunci="meja kerja", status="aktif", golongan="B")
    system.prepare(raw_ctx)

    def found(words: str) -> list[str]:
        with raw_ctx.db.read() as s:
            return [a.nama for a in items.list_assets(s, SYSTEM, items.AssetFilter(text=words))[0]]

    assert found("inno") == ["Mobil Penumpang"]
    assert found("kt 1234") == ["Mobil Penumpang"]
    assert found("mej ker") == ["Meja Kerja"]
    with raw_ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE aset SET nama_kunci = 'meja rapat' WHERE id = 2"))
    assert found("ker") == []
    assert found("rapat") == ["Meja Kerja"]


def test_the_head_revision_written_in_the_code_is_the_scripts_head() -> None:
    """A start reads the head revision from a constant, without alembic: a new migration must update it."""
    assert migrate.script_directory().get_current_head() == migrate.HEAD_REVISION
