"""What the home dashboard counts."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from desktop.demo import sample_office
from desktop.services import dashboard
from desktop.services.common.permissions import SYSTEM
from desktop.services.letters import incoming
from desktop.services.system import AppContext

WITA = ZoneInfo("Asia/Makassar")


def _register(ctx: AppContext, received: datetime, n: str) -> incoming.IncomingInfo:
    with ctx.db.transaction() as s:
        return incoming.register_incoming(
            s,
            SYSTEM,
            incoming.IncomingInput(
                tanggal_diterima=received,
                asal_surat="Bank Indonesia",
                nomor_surat=n,
                tanggal_surat=received.date(),
                perihal="Laporan perekonomian",
            ),
        )


def test_letters_per_month_in_office_time_and_waiting_for_disposition(ctx: AppContext) -> None:
    sample_office.fill(ctx, letter_count=0)  # WITA office
    # 31 Oct 23.30 WITA is still October in the office, though it is 15.30 UTC the same day.
    _register(ctx, datetime(2026, 10, 31, 23, 30, tzinfo=WITA), "A/1")
    # 1 Nov 07.10 WITA is 31 Oct 23.10 UTC: it belongs to November for the clerk.
    first_nov = _register(ctx, datetime(2026, 11, 1, 7, 10, tzinfo=WITA), "A/2")
    _register(ctx, datetime(2026, 11, 20, 9, 0, tzinfo=WITA), "A/3")
    with ctx.db.transaction() as s:
        incoming.disposisi_pdf(s, SYSTEM, first_nov.id)  # printed, still waiting for a disposition
        incoming.cancel_incoming(s, SYSTEM, _register_in(s), "salah input")
        summary = dashboard.letters_summary(s, SYSTEM, date(2026, 11, 22), "WITA")
    assert [(m.month, m.masuk) for m in summary.per_bulan[-2:]] == [(10, 1), (11, 2)]
    assert len(summary.per_bulan) == 12 and summary.per_bulan[0].month == 12
    assert summary.masuk_bulan_ini == 2
    assert summary.belum_didisposisi == 3  # baru or dicetak; the cancelled one is not waiting


def _register_in(session) -> int:  # type: ignore[no-untyped-def]
    info = incoming.register_incoming(
        session,
        SYSTEM,
        incoming.IncomingInput(
            tanggal_diterima=datetime(2026, 11, 21, 8, 0, tzinfo=WITA),
            asal_surat="X",
            nomor_surat="X/9",
            tanggal_surat=date(2026, 11, 21),
            perihal="Salah",
        ),
    )
    return info.id
