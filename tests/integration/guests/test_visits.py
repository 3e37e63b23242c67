"""Kunjungan through the services: queue tickets (guests.md R11–R15), walk-in with card, check-out (R1–R4)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from desktop.core import clock
from desktop.models.guests import GuestCard
from desktop.services.common.errors import ValidationError
from desktop.services.common.permissions import Actor
from desktop.services.guests import cards, visits
from desktop.services.system import AppContext
from tests.integration.guests.desk import first_unit, service_id, walk_in

WITA = ZoneInfo("Asia/Makassar")


def test_queue_worked_example_numbers_per_service_and_day_with_the_gap(ctx: AppContext, desk: Actor) -> None:
    with clock.fixed(datetime(2026, 3, 2, 8, 0, tzinfo=WITA)):
        tickets = [walk_in(ctx, desk, f"Tamu {i}").tiket for i in range(3)]
        assert tickets == ["A001", "A002", "A003"]
        assert walk_in(ctx, desk, "Pemohon Informasi", "B").tiket == "B001"
        # A save that fails after A004 was taken: the number stays used, the next guest gets A005 (R13).
        with pytest.raises(RuntimeError), ctx.db.transaction() as s:
            failed = visits.check_in(
                s, desk, visits.WalkIn(nama="Gagal", keperluan="Audiensi", tujuan_unit_id=first_unit(ctx))
            )
            assert failed.tiket == "A004"
            raise RuntimeError("the disk filled up before the commit")
        fifth = walk_in(ctx, desk, "Tamu 5")
        assert fifth.tiket == "A005"
        assert fifth.waiting == 3  # A001–A003 are still waiting; A004 never existed
    with clock.fixed(datetime(2026, 3, 3, 7, 45, tzinfo=WITA)):
        assert walk_in(ctx, desk, "Tamu besok").tiket == "A001"
    with ctx.db.read() as s:
        kept = {v.tiket for v in visits.list_day(s, desk, datetime(2026, 3, 2).date())}
    assert kept == {"A001", "A002", "A003", "B001", "A005"}  # 2 March's history is untouched


def test_the_local_date_decides_the_queue_day_not_utc(ctx: AppContext, desk: Actor) -> None:
    # 16:30 UTC on 1 March is 00:30 on 2 March in WITA: the ticket belongs to 2 March.
    with clock.fixed(datetime(2026, 3, 1, 16, 30, tzinfo=ZoneInfo("UTC"))):
        v = walk_in(ctx, desk, "Tamu tengah malam")
    assert str(v.tanggal) == "2026-03-02"
    assert v.tiket == "A001"


def test_ticket_widens_after_999(ctx: AppContext, desk: Actor) -> None:
    from sqlalchemy import text

    with clock.fixed(datetime(2026, 3, 2, 9, 0, tzinfo=WITA)):
        svc = service_id(ctx, "A")
        with ctx.db.transaction() as s:
            s.execute(
                text("INSERT INTO counter (series, period, last_value) VALUES (:s, '2026-03-02', 999)"),
                {"s": f"antrian:{svc}"},
            )
        assert walk_in(ctx, desk, "Tamu ke seribu").tiket == "A1000"


def test_walk_in_gets_the_lowest_free_card_and_check_out_by_card_returns_it(
    ctx: AppContext, desk: Actor
) -> None:
    with clock.fixed(datetime(2026, 3, 2, 7, 30, tzinfo=WITA)), ctx.db.transaction() as s:
        cards.add_cards(s, desk, "1-10")
    with clock.fixed(datetime(2026, 3, 2, 8, 0, tzinfo=WITA)):
        first = walk_in(ctx, desk, "Siti Rahmawati", instansi="Bappeda", no_hp="0812-5555-1234")
        second = walk_in(ctx, desk, "Andi Wijaya")
    assert (first.kartu, second.kartu) == ("1", "2")
    with clock.fixed(datetime(2026, 3, 2, 9, 30, tzinfo=WITA)), ctx.db.transaction() as s:
        found = visits.find_on_site(s, desk, "1")
        assert [v.nama for v in found] == ["Siti Rahmawati"]
        out = visits.check_out(s, desk, found[0].id)
    assert out.pulang_at is not None and out.kartu_kembali and out.status == "selesai"
    with ctx.db.read() as s:
        card = s.scalar(select(GuestCard).where(GuestCard.nomor == "1"))
        assert card is not None and card.status == "tersedia"
        history = [e.aksi_label for e in cards.history(s, desk, card.id)]
        assert history == ["Ditambahkan", "Diberikan", "Dikembalikan"]
        assert [v.nama for v in visits.on_site(s, desk)] == ["Andi Wijaya"]
    # The card is back on the pile: the next guest gets card 1 again.
    with clock.fixed(datetime(2026, 3, 2, 10, 0, tzinfo=WITA)):
        assert walk_in(ctx, desk, "Citra").kartu == "1"


def test_one_open_visit_per_guest_and_the_returning_guest_is_found(ctx: AppContext, desk: Actor) -> None:
    with clock.fixed(datetime(2026, 3, 2, 8, 0, tzinfo=WITA)):
        first = walk_in(ctx, desk, "Siti Rahmawati", no_hp="+62 812 5555 1234", nik="6471054503900001")
        with ctx.db.read() as s:
            by_name = visits.find_guests(s, desk, "siti rah")
            by_phone = visits.find_guests(s, desk, "08125555")
            by_nik = visits.find_guests(s, desk, "64710545")
        assert (
            [g.nama for g in by_name]
            == [g.nama for g in by_phone]
            == [g.nama for g in by_nik]
            == ["Siti Rahmawati"]
        )
        match = by_name[0]
        assert match.nik_tersamar == "6471********0001"
        assert match.open_visit.startswith("A001")
        with pytest.raises(ValidationError, match="masih tercatat di kantor"):
            walk_in(ctx, desk, "Siti Rahmawati", tamu_id=match.id)
        with ctx.db.transaction() as s:
            visits.check_out(s, desk, first.id)
        again = walk_in(ctx, desk, "Siti Rahmawati", tamu_id=match.id)
    assert again.tiket == "A002"


def test_nik_warnings_never_block_the_guest(ctx: AppContext, desk: Actor) -> None:
    with clock.fixed(datetime(2026, 3, 2, 8, 0, tzinfo=WITA)):
        v = walk_in(ctx, desk, "Tamu Keliru", nik="6471053503900001")
    assert any("tanggal tidak valid" in w for w in v.warnings)
    assert v.nik_tersamar == "6471********0001"


def test_required_fields_are_named(ctx: AppContext, desk: Actor) -> None:
    with ctx.db.transaction() as s:
        with pytest.raises(ValidationError) as e:
            visits.check_in(
                s, desk, visits.WalkIn(nama=" ", keperluan="Audiensi", tujuan_unit_id=first_unit(ctx))
            )
        assert e.value.field == "nama"
        with pytest.raises(ValidationError) as e:
            visits.check_in(s, desk, visits.WalkIn(nama="Budi", keperluan="Audiensi"))
        assert e.value.field == "tujuan"


def test_closing_check_lists_open_visits_cards_and_identities(ctx: AppContext, desk: Actor) -> None:
    with ctx.db.transaction() as s:
        cards.add_cards(s, desk, "1-3")
    with clock.fixed(datetime(2026, 3, 2, 8, 0, tzinfo=WITA)):
        held = walk_in(ctx, desk, "Dewi", identitas_jenis="ktp", identitas_dititip=True)
        gone = walk_in(ctx, desk, "Eko")
    with clock.fixed(datetime(2026, 3, 2, 12, 0, tzinfo=WITA)), ctx.db.transaction() as s:
        visits.check_out(s, desk, gone.id)
    with clock.fixed(datetime(2026, 3, 2, 16, 5, tzinfo=WITA)), ctx.db.read() as s:
        report = visits.closing_check(s, desk)
        assert visits.closing_due(s, "16:00")
    assert [v.nama for v in report.open_visits] == ["Dewi"]
    assert [v.kartu for v in report.cards_out] == [held.kartu]
    assert [v.identitas for v in report.identities_held] == ["KTP-el"]


def test_two_desks_checking_in_at_once_get_distinct_tickets(ctx: AppContext, desk: Actor) -> None:
    import multiprocessing as mp

    from tests.support.workers import check_in_guests

    url = ctx.db.engine.url.render_as_string(hide_password=False)
    unit = first_unit(ctx)
    ctx.db.dispose()
    at = datetime(2026, 3, 2, 8, 0, tzinfo=WITA).isoformat()
    spawn = mp.get_context("spawn")
    with spawn.Manager() as manager, spawn.Pool(2) as pool:
        ready = manager.Barrier(2)  # both workstations save at the same moment
        a, b = pool.starmap(check_in_guests, [(url, desk.username, 30, ready, tag, unit, at) for tag in "XY"])
    assert sorted(a + b) == [f"A{n:03d}" for n in range(1, 61)]  # none twice, none skipped
