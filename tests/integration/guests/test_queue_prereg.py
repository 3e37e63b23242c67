"""The counters' queue (call, serve, finish, skip; R2, R6) and pre-registration codes (R18)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from desktop.core import clock
from desktop.services.common.errors import ValidationError
from desktop.services.common.permissions import Actor
from desktop.services.guests import prereg, queue, settings, visits
from desktop.services.system import AppContext
from tests.integration.guests.desk import first_unit, service_id, walk_in

WITA = ZoneInfo("Asia/Makassar")


def test_counters_call_in_order_skip_puts_a_ticket_behind_and_times_are_kept(
    ctx: AppContext, desk: Actor
) -> None:
    with clock.fixed(datetime(2026, 3, 2, 8, 0, tzinfo=WITA)):
        for name in ("Ani", "Budi", "Cici"):
            walk_in(ctx, desk, name)
        svc = service_id(ctx, "A")
    with clock.fixed(datetime(2026, 3, 2, 8, 4, tzinfo=WITA)), ctx.db.transaction() as s:
        first = queue.call_next(s, desk, svc, "Loket 1")
        second = queue.call_next(s, desk, svc, "Loket 2")
        assert first is not None and second is not None
        assert (first.tiket, first.loket, second.tiket) == ("A001", "Loket 1", "A002")
        queue.skip(s, desk, second.id)  # Budi is not at the counter
        third = queue.call_next(s, desk, svc, "Loket 2")
        assert third is not None and third.tiket == "A003"  # the never-called ticket goes first
        again = queue.call_next(s, desk, svc, "Loket 2")
        assert again is not None and again.tiket == "A002"  # then the skipped one
        assert queue.call_next(s, desk, svc, "Loket 2") is None
    with clock.fixed(datetime(2026, 3, 2, 8, 10, tzinfo=WITA)), ctx.db.transaction() as s:
        queue.serve(s, desk, first.id)
    with clock.fixed(datetime(2026, 3, 2, 8, 40, tzinfo=WITA)), ctx.db.transaction() as s:
        done = queue.finish(s, desk, first.id)
        board = {q.prefix: q for q in queue.board(s, desk)}
        times = queue.step_times(done, settings.get_settings(s))
    with ctx.db.read() as s:
        assert [v.nama for v in visits.find_on_site(s, desk, "a1")] == ["Ani"]  # A001 typed short
    assert done.status == "selesai" and done.pulang_at is None  # still in the building until checked out
    assert board["A"].waiting == 0 and board["A"].served_today == 1
    assert [(t.label, t.minutes, t.over) for t in times] == [("Menunggu", 4, False), ("Dilayani", 30, True)]


def test_two_counters_never_call_the_same_guest(ctx: AppContext, desk: Actor) -> None:
    with clock.fixed(datetime(2026, 3, 2, 8, 0, tzinfo=WITA)):
        only = walk_in(ctx, desk, "Satu-satunya")
        with ctx.db.transaction() as s:
            queue.call(s, desk, only.id, "Loket 1")
        with ctx.db.transaction() as s:
            assert queue.call_next(s, desk, service_id(ctx, "A"), "Loket 2") is None
            with pytest.raises(ValidationError, match="sedang dipanggil di Loket 1"):
                queue.call(s, desk, only.id, "Loket 2")
            assert queue.call(s, desk, only.id, "Loket 1").loket == "Loket 1"  # a recall at the same counter


def test_preregistration_code_becomes_a_check_in_and_unused_ones_are_no_shows(
    ctx: AppContext, desk: Actor
) -> None:
    data = visits.WalkIn(nama="Rina Kartika", keperluan="Audiensi", tujuan_unit_id=first_unit(ctx))
    with clock.fixed(datetime(2026, 3, 1, 14, 0, tzinfo=WITA)), ctx.db.transaction() as s:
        kept = prereg.preregister(s, desk, data, date(2026, 3, 2))
        missed = prereg.preregister(
            s,
            desk,
            visits.WalkIn(nama="Tono", keperluan="Audiensi", tujuan_unit_id=first_unit(ctx)),
            date(2026, 3, 2),
        )
    assert kept.kode_registrasi and len(kept.kode_registrasi) == prereg.CODE_LENGTH
    assert kept.status == "pra_registrasi" and kept.tiket == "" and kept.datang_at is None
    code = kept.kode_registrasi
    with clock.fixed(datetime(2026, 3, 2, 9, 0, tzinfo=WITA)), ctx.db.transaction() as s:
        # Typed in lower case with a space, as a clerk reading it off a phone would.
        arrived = prereg.arrive(s, desk, f"{code[:4].lower()} {code[4:]}")
        assert arrived.tiket == "A001" and arrived.status == "menunggu" and arrived.datang_at is not None
        with pytest.raises(ValidationError, match="sudah dipakai"):
            prereg.arrive(s, desk, code)
    with clock.fixed(datetime(2026, 3, 3, 7, 0, tzinfo=WITA)), ctx.db.transaction() as s:
        assert prereg.expire(s, desk) == 1
        assert visits.get_visit(s, desk, missed.id).status == "tidak_hadir"
        assert prereg.expire(s, desk) == 0
