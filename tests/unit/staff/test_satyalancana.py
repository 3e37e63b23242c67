"""Satyalancana Karya Satya at 10, 20 and 30 years of service (staff.md R29)."""

from __future__ import annotations

from datetime import date

from desktop.core.staff.satyalancana import karya_satya_berikut, karya_satya_milestones, karya_satya_reminders

TMT_CPNS = date(1998, 3, 1)


def test_milestones_at_10_20_30_years_from_tmt_cpns() -> None:
    milestones = [m.value for m in karya_satya_milestones(TMT_CPNS)]
    assert [(m.tahun, m.tanggal) for m in milestones] == [
        (10, date(2008, 3, 1)),
        (20, date(2018, 3, 1)),
        (30, date(2028, 3, 1)),
    ]
    assert milestones[2].label == "Satyalancana Karya Satya 30 Tahun"


def test_months_out_of_service_push_the_dates_back() -> None:
    first = karya_satya_milestones(TMT_CPNS, bulan_tidak_dihitung=14)[0]
    assert first.value.tanggal == date(2009, 5, 1)
    assert "14 bulan di luar dinas" in first.explanation


def test_next_milestone_and_its_reminders() -> None:
    nxt = karya_satya_berikut(TMT_CPNS, date(2026, 5, 4)).value
    assert nxt is not None and nxt.tahun == 30
    assert [r.tanggal for r in karya_satya_reminders(nxt)] == [
        date(2027, 9, 3),
        date(2027, 12, 2),
        date(2028, 1, 31),
    ]
    assert karya_satya_berikut(TMT_CPNS, date(2028, 3, 2)).value is None
