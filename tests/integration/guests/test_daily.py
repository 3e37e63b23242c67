"""Buku Tamu's start-of-day chores through system.daily_chores: no-shows (R18) and retention (R32)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from desktop.core import clock
from desktop.services import system
from desktop.services.common.permissions import Actor
from desktop.services.guests import prereg, visits
from desktop.services.system import AppContext
from tests.integration.guests.desk import first_unit, walk_in

WITA = ZoneInfo("Asia/Makassar")


def test_daily_chores_mark_no_shows_and_clear_old_guests_once_a_day(ctx: AppContext, desk: Actor) -> None:
    with clock.fixed(datetime(2023, 5, 8, 9, 0, tzinfo=WITA)):
        old = walk_in(ctx, desk, "Tamu Dua Ribu Dua Puluh Tiga")
        with ctx.db.transaction() as s:
            visits.check_out(s, desk, old.id)
    with clock.fixed(datetime(2026, 1, 2, 10, 0, tzinfo=WITA)), ctx.db.transaction() as s:
        data = visits.WalkIn(nama="Rina", keperluan="Audiensi", tujuan_unit_id=first_unit(ctx))
        planned = prereg.preregister(s, desk, data, date(2026, 1, 2))
    with clock.fixed(datetime(2026, 1, 5, 7, 30, tzinfo=WITA)):
        said = system.daily_chores(ctx)
        assert said == [
            "1 pra-registrasi tamu tidak hadir; data pribadi 1 kunjungan tamu lewat masa retensi dihapus"
        ]
        assert system.daily_chores(ctx) == []  # once a day: nothing left to do
        with ctx.db.read() as s:
            assert visits.get_visit(s, desk, planned.id).status == "tidak_hadir"
            cleared = visits.get_visit(s, desk, old.id)
    assert cleared.nama == "" and cleared.keperluan == "Koordinasi/rapat"
