"""Exports read without the write lock and audit in a short transaction of their own (issue 10, item 4).

While another process holds SQLite's write lock, ``letters export`` reads the letters and writes its file at
once; only its audit row waits for the lock. The file appears under its name after that row is committed, so
an export is never on disk without its audit entry (R10)."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core import clock
from desktop.models.admin import AuditEntry
from desktop.services import system
from desktop.services.common import office
from desktop.services.common.permissions import SYSTEM
from desktop.services.letters import incoming, incoming_io
from desktop.services.letters import outgoing_io as lio
from desktop.services.system import AppContext
from desktop.storage.config import SQLITE_FILE
from desktop.storage.database import DatabaseBusy
from tests.support.lock_holder import RESTORE_ADVICE, LockHolder, run_cli

LETTERS = 4
EXPORTS: dict[str, Callable[..., int]] = {
    "masuk.csv": incoming_io.export_incoming_csv,
    "masuk.xlsx": incoming_io.export_incoming_xlsx,
    "keluar.csv": lio.export_outgoing_csv,
    "keluar.xlsx": lio.export_outgoing_xlsx,
}


def _register(ctx: AppContext, count: int) -> None:
    with ctx.db.transaction() as s:
        received = clock.now(office.get_profile(s).zona_waktu)
        for i in range(1, count + 1):
            incoming.register_incoming(
                s,
                SYSTEM,
                incoming.IncomingInput(
                    tanggal_diterima=received,
                    asal_surat="Biro Umum Setda",
                    nomor_surat=f"000/{i}/BU",
                    tanggal_surat=received.date(),
                    perihal=f"Undangan rapat {i}",
                ),
            )


def _exports_audited(ctx: AppContext) -> int:
    with ctx.db.read() as s:
        return int(
            s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "ekspor")) or 0
        )


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_export_reads_in_a_read_session_and_audits_in_its_own_transaction(
    ctx: AppContext, tmp_path: Path, name: str
) -> None:
    """On PostgreSQL the read session is READ ONLY: the audit row cannot have gone into it."""
    _register(ctx, LETTERS)
    target = tmp_path / name
    with ctx.db.read() as s:
        count = EXPORTS[name](s, SYSTEM, target, audit_in=ctx.db.transaction)
    assert count == (LETTERS if name.startswith("masuk") else 0)
    assert target.exists()
    assert _exports_audited(ctx) == 1


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_an_export_whose_audit_row_fails_leaves_no_file(ctx: AppContext, tmp_path: Path, name: str) -> None:
    _register(ctx, 1)
    out_dir = tmp_path / "ekspor"
    out_dir.mkdir()
    target = out_dir / name

    def busy() -> AbstractContextManager[Session]:
        raise DatabaseBusy("sibuk")

    with pytest.raises(DatabaseBusy), ctx.db.read() as s:
        EXPORTS[name](s, SYSTEM, target, audit_in=busy)
    assert list(out_dir.iterdir()) == []  # neither the file nor its temporary copy
    assert _exports_audited(ctx) == 0


@pytest.fixture
def sqlite_letters(data_dir: Path, sqlite_template: Path) -> Iterator[AppContext]:
    shutil.copyfile(sqlite_template, data_dir / SQLITE_FILE)
    context = system.open_context(data_dir)
    _register(context, LETTERS)
    yield context
    context.db.dispose()


def _wait_for(condition: Callable[[], bool], what: str, seconds: float = 120) -> None:
    """Poll for a state another process reaches (a bound against hanging, not a speed assertion)."""
    import time

    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.05)


def test_cli_export_reads_while_another_process_holds_the_lock_and_audits_after(
    sqlite_letters: AppContext, tmp_path: Path
) -> None:
    """The export's file is written while the lock is held; its audit row waits, and the file keeps its
    temporary name until that row is committed after the release."""
    assert sqlite_letters.db.sqlite_path is not None
    out_dir = tmp_path / "ekspor"
    out_dir.mkdir()
    target = out_dir / "agenda.csv"
    held = LockHolder(sqlite_letters.db.sqlite_path, tmp_path / "lepas", seconds=300)
    try:
        exporting = run_cli(sqlite_letters.data_dir, "letters", "export", "--incoming", "--out", str(target))

        def written() -> bool:
            temps = list(out_dir.glob(".ekspor-*"))
            return bool(temps) and len(temps[0].read_text(encoding="utf-8").splitlines()) == LETTERS + 1

        _wait_for(written, "the export did not read its letters while the lock was held")
        assert held.process.poll() is None and exporting.poll() is None  # waiting for the audit row only
        assert not target.exists()
        held.release()
    finally:
        if held.process.poll() is None:
            held.release()
    out, err = exporting.communicate(timeout=300)
    assert exporting.returncode == 0, out + err
    assert f"{LETTERS} surat masuk diekspor" in out
    assert not any(advice in out + err for advice in RESTORE_ADVICE), out + err
    assert len(target.read_text(encoding="utf-8").splitlines()) == LETTERS + 1
    assert [p.name for p in out_dir.iterdir()] == ["agenda.csv"]
    assert _exports_audited(sqlite_letters) == 1
