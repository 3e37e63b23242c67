"""Another process holding the write lock: reads go on, writers wait, and nobody is told to restore a backup."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, func, select, text

from desktop.models.letters import IncomingLetter
from desktop.services import system
from desktop.services.letters.incoming_io import INCOMING_COLUMNS
from desktop.services.system import AppContext
from desktop.storage import migrate
from desktop.storage.config import SQLITE_FILE
from desktop.storage.database import BUSY_MESSAGE, BUSY_TIMEOUT_MS, DatabaseBusy, open_sqlite, wait_for_locks
from tests.support.lock_holder import RESTORE_ADVICE, LockHolder, run_cli


@pytest.fixture
def sqlite_ctx(data_dir: Path, sqlite_template: Path) -> Iterator[AppContext]:
    """The write lock of another process is SQLite's (PostgreSQL locks rows: see the lock timeout test)."""
    shutil.copyfile(sqlite_template, data_dir / SQLITE_FILE)
    context = system.open_context(data_dir)
    yield context
    context.db.dispose()


@pytest.fixture
def holder(sqlite_ctx: AppContext, tmp_path: Path) -> Iterator[LockHolder]:
    assert sqlite_ctx.db.sqlite_path is not None
    held = LockHolder(sqlite_ctx.db.sqlite_path, tmp_path / "lepas", seconds=120)
    yield held
    if held.process.poll() is None:
        held.release()


def _agenda_csv(path: Path, count: int) -> Path:
    rows = [
        f",2026-03-0{1 + i % 9},Biro Umum,000/{i}/BU,2026-03-01,Undangan rapat {i},,,," for i in range(count)
    ]
    path.write_text("\n".join([",".join(INCOMING_COLUMNS), *rows]) + "\n", encoding="utf-8")
    return path


def _letters(ctx: AppContext) -> int:
    with ctx.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(IncomingLetter)) or 0)


def test_reads_check_and_start_up_go_on_while_another_process_writes(
    sqlite_ctx: AppContext, holder: LockHolder, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before the fix each of these waited 15 s for the write lock, then said the database was damaged."""
    from desktop.cli import main

    assert _letters(sqlite_ctx) == 0
    report = system.prepare(sqlite_ctx)
    assert report.schema.status is migrate.SchemaStatus.CURRENT
    assert system.check(sqlite_ctx).ok
    assert system.check(sqlite_ctx, deep=True).ok
    assert main(["--data-dir", str(sqlite_ctx.data_dir), "check"]) == 0
    out, err = capsys.readouterr()
    assert "BAIK" in out
    assert not any(advice in out + err for advice in RESTORE_ADVICE)


def test_a_writer_that_cannot_get_the_lock_is_told_busy_not_damaged(
    sqlite_ctx: AppContext, holder: LockHolder
) -> None:
    assert sqlite_ctx.db.sqlite_path is not None
    db = open_sqlite(sqlite_ctx.db.sqlite_path)

    @event.listens_for(db.engine, "connect")
    def _short_wait(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.execute("PRAGMA busy_timeout = 200")  # after the app's own 15 s: keep the test quick

    waits: list[bool] = []
    wait_for_locks(0.5, on_wait=lambda: waits.append(True))
    try:
        with pytest.raises(DatabaseBusy) as caught, db.transaction() as s:
            s.execute(text("INSERT INTO app_setting (key, value) VALUES ('x', 'y')"))
    finally:
        wait_for_locks(BUSY_TIMEOUT_MS / 1000)
    assert str(caught.value) == BUSY_MESSAGE
    assert waits  # it tried again before giving up
    holder.release()
    with db.transaction() as s:  # and the same database works as soon as the lock is free
        s.execute(text("INSERT INTO app_setting (key, value) VALUES ('x', 'y')"))
    db.dispose()


@pytest.mark.postgres
def test_postgres_lock_timeout_is_busy(pg_url: str, data_dir: Path) -> None:
    ctx = system.open_context(data_dir, db_url=pg_url)
    system.prepare(ctx)
    with ctx.db.engine.connect() as other:
        other.exec_driver_sql("LOCK TABLE app_setting IN ACCESS EXCLUSIVE MODE")
        with pytest.raises(DatabaseBusy, match="sedang dipakai proses lain"), ctx.db.transaction() as s:
            s.execute(text("SET LOCAL lock_timeout = '200ms'"))
            s.execute(text("INSERT INTO app_setting (key, value) VALUES ('x', 'y')"))
        other.rollback()
    ctx.db.dispose()


def test_read_sessions_refuse_to_write_on_postgres(ctx: AppContext, backend: str) -> None:
    """read() is for reading only; PostgreSQL enforces it (READ ONLY), so a misuse fails in the tests."""
    if backend != "postgresql":
        with ctx.db.read() as s:
            assert s.execute(text("SELECT count(*) FROM app_setting")).scalar() is not None
        return
    from sqlalchemy.exc import InternalError

    with pytest.raises(InternalError, match="read-only transaction"), ctx.db.read() as s:
        s.execute(text("INSERT INTO app_setting (key, value) VALUES ('x', 'y')"))


def test_import_and_export_wait_for_another_process_then_succeed(
    sqlite_ctx: AppContext, holder: LockHolder, tmp_path: Path
) -> None:
    """The acceptance of issue 10 item 4, quick: the lock is released once the reads have been shown to work."""
    source = _agenda_csv(tmp_path / "agenda.csv", 5)
    importing = run_cli(sqlite_ctx.data_dir, "letters", "import", str(source), "--incoming")
    exporting = run_cli(
        sqlite_ctx.data_dir, "letters", "export", "--incoming", "--out", str(tmp_path / "out.csv")
    )
    assert (
        _letters(sqlite_ctx) == 0
    )  # reading meanwhile works, and nothing is imported while the lock is held
    assert system.check(sqlite_ctx).ok
    holder.release()
    for process in (importing, exporting):
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, out + err
        assert not any(advice in out + err for advice in RESTORE_ADVICE), out + err
    assert _letters(sqlite_ctx) == 5
    assert (tmp_path / "out.csv").exists()


@pytest.mark.slow
def test_lock_held_30_seconds_by_another_process(sqlite_ctx: AppContext, tmp_path: Path) -> None:
    """The issue's own case: 30 s of lock (longer than the 15 s busy timeout). The import says it waits and
    succeeds after the release; export, check and start-up never advise a restore."""
    assert sqlite_ctx.db.sqlite_path is not None
    held = LockHolder(sqlite_ctx.db.sqlite_path, tmp_path / "tidak-pernah", seconds=30)
    source = _agenda_csv(tmp_path / "agenda.csv", 3)
    importing = run_cli(sqlite_ctx.data_dir, "letters", "import", str(source), "--incoming")
    checking = run_cli(sqlite_ctx.data_dir, "check")
    out, err = checking.communicate(timeout=60)
    assert checking.returncode == 0 and "BAIK" in out, out + err
    assert held.process.poll() is None  # the check ran while the lock was held
    out, err = importing.communicate(timeout=300)
    assert importing.returncode == 0, out + err
    assert "menunggu" in err and "3 surat masuk diimpor" in out
    assert not any(advice in out + err for advice in RESTORE_ADVICE), out + err
    assert held.process.wait(timeout=60) == 0
    assert _letters(sqlite_ctx) == 3
