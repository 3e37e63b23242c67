"""Lists and searches go on while another process holds the write lock (issue 10, item 4): the GUI reads in
read sessions, so a CLI import on the same SQLite file does not freeze the agenda behind a busy message."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event

from desktop.core import clock
from desktop.services.common import office
from desktop.services.common.permissions import Actor
from desktop.services.letters import incoming
from desktop.services.system import AppContext
from desktop.ui.context import UiContext
from desktop.ui.home import HomeTab
from desktop.ui.letters.incoming_list import IncomingList
from desktop.ui.letters.outgoing_list import OutgoingList
from tests.support.lock_holder import LockHolder

SENDERS = ("Biro Umum Setda", "BPKAD Provinsi", "Koperasi Tahu Tempe Samarinda")


@pytest.fixture
def letters_ctx(app_ctx: AppContext, admin: Actor) -> AppContext:
    with app_ctx.db.transaction() as s:
        received = clock.now(office.get_profile(s).zona_waktu)
        for i, sender in enumerate(SENDERS, start=1):
            incoming.register_incoming(
                s,
                admin,
                incoming.IncomingInput(
                    tanggal_diterima=received,
                    asal_surat=sender,
                    nomor_surat=f"000/{i}/2026",
                    tanggal_surat=received.date(),
                    perihal=f"Undangan rapat {i}",
                ),
            )

    # Were a read to queue for the write lock it would fail after 0.2 s instead of the app's 15 s.
    @event.listens_for(app_ctx.db.engine, "connect")
    def _short_wait(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.execute("PRAGMA busy_timeout = 200")

    app_ctx.db.engine.dispose()  # pooled connections were opened with the long wait
    return app_ctx


@pytest.fixture
def holder(letters_ctx: AppContext, tmp_path: Path) -> Iterator[LockHolder]:
    assert letters_ctx.db.sqlite_path is not None
    held = LockHolder(letters_ctx.db.sqlite_path, tmp_path / "lepas", seconds=120)
    yield held
    if held.process.poll() is None:
        held.release()


def test_agenda_list_and_search_show_rows_while_another_process_writes(  # type: ignore[no-untyped-def]
    qtbot, letters_ctx: AppContext, admin: Actor, holder: LockHolder
) -> None:
    ctx = UiContext(letters_ctx, admin)
    agenda = IncomingList(ctx)
    qtbot.addWidget(agenda)
    assert agenda.model.rowCount() == len(SENDERS)

    agenda.search.setText("koperasi")
    qtbot.waitUntil(lambda: agenda.model.rowCount() == 1, timeout=5000)
    assert agenda.model.info(0) is not None and agenda.model.info(0).asal_surat == SENDERS[2]

    keluar = OutgoingList(ctx)
    qtbot.addWidget(keluar)
    assert keluar.model.rowCount() == 0
    home = HomeTab(ctx)
    qtbot.addWidget(home)
    assert holder.process.poll() is None  # all of it while the other process still held the lock
