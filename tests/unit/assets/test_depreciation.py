"""Penyusutan per semester (assets.md R25, R26; issue 15 item 11), with the laptop worked example."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.core.assets.depreciation import (
    Band,
    Kapitalisasi,
    Semester,
    akumulasi,
    extension_years,
    is_depreciable,
    last_ended_semester,
    pick_band,
    round_half_up,
    schedule,
    semester_berjalan,
    semester_of,
    value_at,
)
from desktop.core.assets.rules import DEFAULT_BANDS, bands_for

HARGA = 15_000_000
ACQUIRED = date(2024, 3, 10)
MASA = 4
KOMPUTER_UNIT = (Band(0, 25, 1), Band(25, 50, 1), Band(50, 75, 2), Band(75, None, 2))


def test_semesters_are_january_june_and_july_december() -> None:
    assert semester_of(date(2024, 6, 30)).label == "2024-S1"
    assert semester_of(date(2024, 7, 1)).label == "2024-S2"
    assert Semester.of(2024, 2).end == date(2024, 12, 31)
    assert Semester.of(2025, 1).end == date(2025, 6, 30)
    assert last_ended_semester(date(2025, 12, 31)).label == "2025-S2"
    assert last_ended_semester(date(2025, 12, 30)).label == "2025-S1"
    assert last_ended_semester(date(2025, 1, 1)).label == "2024-S2"


def test_worked_example_laptop_eight_semesters_of_1_875_000_from_2024_s1() -> None:
    rows = schedule(HARGA, ACQUIRED, MASA)
    assert [row.label for row in rows] == [f"{y}-S{h}" for y in (2024, 2025, 2026, 2027) for h in (1, 2)]
    assert all(row.penyusutan == 1_875_000 for row in rows)
    assert [row.akumulasi for row in rows][:4] == [1_875_000, 3_750_000, 5_625_000, 7_500_000]
    assert rows[-1].akumulasi == HARGA
    assert rows[-1].nilai_buku == 0


def test_worked_example_at_end_2025_four_semesters_and_half_the_value() -> None:
    as_of = date(2025, 12, 31)
    assert semester_berjalan(ACQUIRED, as_of, MASA) == 4
    assert akumulasi(HARGA, 4, MASA) == 7_500_000
    nilai = value_at(HARGA, ACQUIRED, MASA, as_of)
    assert (nilai.semester_berjalan, nilai.akumulasi, nilai.nilai_buku) == (4, 7_500_000, 7_500_000)


def test_a_semester_counts_only_once_it_has_ended() -> None:
    assert semester_berjalan(ACQUIRED, date(2025, 12, 30), MASA) == 3
    assert value_at(HARGA, ACQUIRED, MASA, date(2025, 12, 30)).akumulasi == 5_625_000


def test_acquisition_semester_counts_in_full_and_nothing_before_it_ends() -> None:
    assert semester_berjalan(date(2024, 6, 30), date(2024, 6, 30), MASA) == 1
    assert semester_berjalan(ACQUIRED, date(2024, 6, 29), MASA) == 0
    assert semester_berjalan(ACQUIRED, date(2023, 1, 1), MASA) == 0
    assert value_at(HARGA, ACQUIRED, MASA, date(2024, 6, 29)).nilai_buku == HARGA


def test_semesters_are_capped_at_the_life() -> None:
    assert semester_berjalan(ACQUIRED, date(2040, 1, 1), MASA) == 8
    nilai = value_at(HARGA, ACQUIRED, MASA, date(2040, 1, 1))
    assert (nilai.semester_berjalan, nilai.akumulasi, nilai.nilai_buku) == (8, HARGA, 0)


def test_rounding_is_half_up_in_whole_rupiah() -> None:
    # Python's round() goes half to even (round(2.5) == 2); the Rupiah figures go half up.
    assert round_half_up(5, 2) == 3
    assert round_half_up(7, 2) == 4
    assert round_half_up(4, 3) == 1
    # 1.000.001 over 5 years: 100.000,1 per semester; after 5 semesters 500.000,5 -> 500.001.
    assert akumulasi(1_000_001, 5, 5) == 500_001
    assert akumulasi(1_000_001, 1, 5) == 100_000
    assert akumulasi(1_000_001, 10, 5) == 1_000_001


@pytest.mark.parametrize(("harga", "masa"), [(1_000_001, 5), (7, 4), (999_999_999, 50), (1, 1), (0, 3)])
def test_semesters_add_up_to_the_harga_exactly(harga: int, masa: int) -> None:
    rows = schedule(harga, date(2023, 8, 1), masa)
    assert len(rows) == masa * 2
    assert sum(row.penyusutan for row in rows) == harga
    assert all(row.penyusutan >= 0 for row in rows)
    assert rows[-1].nilai_buku == 0


def test_value_at_agrees_with_the_cli_formula_on_every_day_without_repairs() -> None:
    harga, masa, acquired = 1_000_001, 2, date(2023, 7, 1)
    day = date(2023, 6, 1)
    while day < date(2026, 3, 1):
        n = semester_berjalan(acquired, day, masa)
        nilai = value_at(harga, acquired, masa, day)
        assert (nilai.semester_berjalan, nilai.akumulasi) == (n, akumulasi(harga, n, masa)), day
        assert nilai.nilai_buku == harga - nilai.akumulasi
        day += timedelta(days=9)


def test_bands_are_chosen_exactly_by_percentage_of_the_acquisition_value() -> None:
    # Worked example: Rp 5.000.000 on Rp 15.000.000 is 33 % -> band > 25-50 % -> +1 year.
    assert pick_band(5_000_000, HARGA, KOMPUTER_UNIT) == Band(25, 50, 1)
    assert extension_years(5_000_000, HARGA, KOMPUTER_UNIT) == 1
    assert pick_band(3_750_000, HARGA, KOMPUTER_UNIT) == Band(0, 25, 1)  # exactly 25 %: upper bound inclusive
    assert pick_band(3_750_001, HARGA, KOMPUTER_UNIT) == Band(25, 50, 1)
    assert pick_band(12_000_000, HARGA, KOMPUTER_UNIT) == Band(75, None, 2)
    assert pick_band(0, HARGA, KOMPUTER_UNIT) is None
    assert extension_years(1, HARGA, ()) == 0


def test_worked_example_repair_of_33_percent_extends_the_laptop_by_one_year() -> None:
    assert bands_for("1.3.2.10.01.02.002", DEFAULT_BANDS) == KOMPUTER_UNIT
    repair = Kapitalisasi(date(2026, 2, 16), 5_000_000)
    rows = schedule(HARGA, ACQUIRED, MASA, [repair], KOMPUTER_UNIT)
    # Four semesters were left (2026-S1 .. 2027-S2); +1 year makes six, ending 2028-S2 instead of 2027-S2.
    assert rows[-1].label == "2028-S2"
    assert len(rows) == 10
    assert [row.penyusutan for row in rows[:4]] == [1_875_000] * 4
    first = rows[4]
    assert (first.label, first.kapitalisasi, first.nilai_perolehan) == ("2026-S1", 5_000_000, 20_000_000)
    # 7.500.000 book value + 5.000.000 over 6 semesters = 2.083.333,33 each.
    assert first.penyusutan == 2_083_333
    assert sum(row.penyusutan for row in rows) == 20_000_000
    assert rows[-1].nilai_buku == 0
    without_band = schedule(HARGA, ACQUIRED, MASA, [repair], ())
    assert without_band[-1].label == "2027-S2"


def test_value_at_counts_a_repair_once_dated_and_depreciates_it_once_its_semester_ended() -> None:
    repair = Kapitalisasi(date(2026, 2, 16), 5_000_000)
    before = value_at(HARGA, ACQUIRED, MASA, date(2026, 2, 15), [repair], KOMPUTER_UNIT)
    assert (before.nilai_perolehan, before.akumulasi, before.nilai_buku) == (HARGA, 7_500_000, 7_500_000)
    during = value_at(HARGA, ACQUIRED, MASA, date(2026, 3, 1), [repair], KOMPUTER_UNIT)
    assert (during.nilai_perolehan, during.akumulasi, during.nilai_buku) == (
        20_000_000,
        7_500_000,
        12_500_000,
    )
    after = value_at(HARGA, ACQUIRED, MASA, date(2026, 6, 30), [repair], KOMPUTER_UNIT)
    assert (after.semester_berjalan, after.akumulasi) == (5, 7_500_000 + 2_083_333)
    end = value_at(HARGA, ACQUIRED, MASA, date(2030, 1, 1), [repair], KOMPUTER_UNIT)
    assert (end.semester_berjalan, end.akumulasi, end.nilai_buku) == (10, 20_000_000, 0)


def test_repair_of_a_fully_depreciated_item_is_spread_over_its_band_or_taken_at_once() -> None:
    late = Kapitalisasi(date(2029, 9, 1), 6_000_000)  # 40 % -> +1 year = 2 semesters
    rows = schedule(HARGA, ACQUIRED, MASA, [late], KOMPUTER_UNIT)
    assert [row.label for row in rows[-2:]] == ["2029-S2", "2030-S1"]
    assert [row.penyusutan for row in rows[-2:]] == [3_000_000, 3_000_000]
    assert sum(row.penyusutan for row in rows) == HARGA + 6_000_000
    no_band = schedule(HARGA, ACQUIRED, MASA, [late], ())
    assert no_band[-1].label == "2029-S2"
    assert no_band[-1].penyusutan == 6_000_000
    assert no_band[-1].nilai_buku == 0


def test_two_repairs_use_the_value_including_the_earlier_one() -> None:
    repairs = [Kapitalisasi(date(2024, 8, 1), 3_000_000), Kapitalisasi(date(2025, 2, 1), 4_500_000)]
    # 3.000.000 / 15.000.000 = 20 % -> +1; 4.500.000 / 18.000.000 = 25 % -> +1 (not 30 % of the first harga).
    rows = schedule(HARGA, ACQUIRED, MASA, repairs, (Band(0, 25, 1), Band(25, None, 5)))
    assert rows[-1].label == "2029-S2"
    assert sum(row.penyusutan for row in rows) == HARGA + 7_500_000


def test_invalid_input_is_refused() -> None:
    with pytest.raises(ValueError, match="Masa manfaat"):
        semester_berjalan(ACQUIRED, date(2025, 1, 1), 0)
    with pytest.raises(ValueError, match="Harga"):
        schedule(-1, ACQUIRED, MASA)
    with pytest.raises(ValueError, match="mendahului"):
        schedule(HARGA, ACQUIRED, MASA, [Kapitalisasi(date(2024, 1, 1), 1)])
    with pytest.raises(ValueError, match="Semester berjalan"):
        akumulasi(HARGA, 9, MASA)


@pytest.mark.parametrize(
    ("golongan", "intra", "expected"),
    [
        ("A", True, False),
        ("F", True, False),
        ("B", True, True),
        ("C", True, True),
        ("D", True, True),
        ("E", True, True),
        ("B", False, False),
        ("", True, False),
    ],
)
def test_what_is_depreciated(golongan: str, intra: bool, expected: bool) -> None:
    assert is_depreciable(golongan, intra) is expected
