"""`sekretariat demo`: the front desk's sample visits, tickets, cards, pre-registrations and SKM answers."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import func, select

from desktop.core import clock
from desktop.core.dates import office_tz
from desktop.demo import sample_guests, sample_office
from desktop.models.admin import AuditEntry
from desktop.models.guests import GuestCard, SurveyResponse, Visit
from desktop.services.common import calendar, demo_mark
from desktop.services.common.permissions import SYSTEM
from desktop.services.guests import cards, prereg, skm, visits
from desktop.services.system import AppContext

TODAY = date(2026, 7, 15)  # a Wednesday
START = date(2026, 6, 15)  # one month back
SMALL = {"months": 1, "count": 60, "skm_count": 20, "today": TODAY}


def _totals(ctx: AppContext) -> tuple[int, ...]:
    with ctx.db.read() as s:
        return tuple(
            int(s.scalar(select(func.count()).select_from(t)) or 0)
            for t in (Visit.__table__, SurveyResponse.__table__, GuestCard.__table__, AuditEntry.__table__)
        )


def _register(ctx: AppContext) -> list[tuple[date, str, str, str, str]]:
    with ctx.db.read() as s:
        return [
            (v.tanggal, v.tiket, v.nama, v.keperluan, v.status)
            for v in s.scalars(select(Visit).order_by(Visit.tanggal, Visit.id))
        ]


def test_the_demo_desk_has_a_month_of_visits_guests_on_site_and_survey_answers(ctx: AppContext) -> None:
    sample_office.fill(ctx, letter_count=0)  # office, units and users: the quick fill adds no guests
    assert _totals(ctx)[0] == 0
    tally = sample_guests.fill_guests(ctx, **SMALL)  # type: ignore[arg-type]

    assert 50 <= tally.kunjungan <= 70
    assert tally.orang > tally.kunjungan  # some came as a group
    assert tally.kartu == 30 and tally.skm == 20
    with ctx.db.read() as s:
        cal = calendar.working_calendar(s)
        rows = s.scalars(select(Visit).where(Visit.datang_at.is_not(None))).all()
        assert len(rows) == tally.kunjungan
        on_site = visits.on_site(s, SYSTEM)
        # Only today's guests are still in the building: every earlier day was closed at the desk (R3).
        assert on_site and len(on_site) == tally.di_kantor
        assert {v.tanggal for v in on_site} == {TODAY}
        assert all(v.pulang_at is not None for v in rows if v.tanggal < TODAY)
        assert {v.tanggal for v in rows} <= {d for d in (START + timedelta(days=i) for i in range(31))}
        assert all(cal.is_working_day(v.tanggal) for v in rows)
        # Tickets of each service and day run from 001 without a gap (no save failed, R12-R13).
        by_day: dict[tuple[date, int | None], list[int]] = {}
        for v in rows:
            by_day.setdefault((v.tanggal, v.layanan_id), []).append(v.antrian or 0)
        assert all(sorted(n) == list(range(1, len(n) + 1)) for n in by_day.values())
        # Guests come back (R4: found by the lookup, one guest row), and most come in the morning.
        guests = Counter(v.tamu_id for v in rows)
        assert max(guests.values()) >= 2 and len(guests) < len(rows)
        zone = office_tz("WITA")
        hours = Counter(v.datang_at.astimezone(zone).hour for v in rows if v.datang_at is not None)
        assert sum(hours[h] for h in (8, 9, 10)) > len(rows) / 2
        assert all(7 <= h < 16 for h in hours)
        # The queue went through its steps for those served and checked out.
        done = [v for v in rows if v.status == visits.Status.SELESAI and v.tanggal < TODAY]
        assert done and all(
            v.datang_at and v.dipanggil_at and v.dilayani_at and v.selesai_at and v.pulang_at for v in done
        )
        assert all(v.datang_at <= v.dipanggil_at <= v.selesai_at <= v.pulang_at for v in done)  # type: ignore[operator]
        # Cards: 1-30, each either on a guest in the building, back on the pile or lost.
        stock = cards.list_cards(s, SYSTEM)
        assert [c.nomor for c in stock] == [str(n) for n in range(1, 31)]
        assert sum(c.status == "dipakai" for c in stock) == sum(1 for v in on_site if v.kartu)
        assert sum(c.status == "hilang" for c in stock) == tally.kartu_hilang
        # Pre-registrations wait for the next working day with their codes.
        ahead = prereg.list_for(s, SYSTEM, cal.add_working_days(TODAY, 1))
        assert len(ahead) == tally.pra_registrasi >= 3 and all(v.kode_registrasi for v in ahead)
        # SKM: anonymous answers from the three ways in, an IKM of a good office.
        rep = skm.report(s, SYSTEM, START, TODAY)
        assert rep.responden == 20 and rep.skm == tally.ikm
        assert rep.skm is not None and 75 <= rep.skm <= 95
        sources = set(s.scalars(select(SurveyResponse.sumber)))
        assert sources <= {"kiosk", "ponsel", "impor"} and "kiosk" in sources
        assert s.scalar(
            select(func.count()).select_from(Visit).where(Visit.survei_dipakai_at.is_not(None))
        ) == sum(1 for x in s.scalars(select(SurveyResponse.sumber)) if x == "ponsel")

    # Running it again adds nothing.
    before = _totals(ctx)
    again = sample_guests.fill_guests(ctx, **SMALL)  # type: ignore[arg-type]
    assert (again.kunjungan, again.skm, again.kartu, again.pra_registrasi) == (0, 0, 0, 0)
    assert _totals(ctx) == before


def test_the_same_seed_and_day_give_the_same_register(ctx: AppContext, fresh: AppContext) -> None:
    for context in (ctx, fresh):
        sample_office.fill(context, letter_count=0)
        sample_guests.fill_guests(context, months=1, count=20, skm_count=5, today=TODAY)
    assert _register(ctx) == _register(fresh)


def test_a_folder_with_an_offices_own_cards_is_refused_untouched(fresh: AppContext) -> None:
    with fresh.db.transaction() as s:
        cards.add_cards(s, SYSTEM, "1-5")  # the office's own kartu tamu: real data
    before = _totals(fresh)
    with pytest.raises(demo_mark.FolderHoldsData):
        sample_guests.fill_guests(fresh, **SMALL)  # type: ignore[arg-type]
    assert _totals(fresh) == before


def test_demo_fill_prints_the_guest_lines(ctx: AppContext) -> None:
    # At 10:30 on a working day some of today's guests are still in the building (at night nobody is).
    with clock.fixed(datetime.combine(TODAY, time(10, 30), office_tz("WITA"))):
        summary = sample_office.fill(ctx, letter_count=0, guest_count=30)
    assert "kunjungan tamu contoh (6 bulan)" in summary
    assert "masih di kantor" in summary
    assert "respons SKM contoh" in summary
    with ctx.db.read() as s:
        assert visits.on_site(s, SYSTEM)
