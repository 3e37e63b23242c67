"""Month arithmetic, masa kerja and the Derivation ("explain") value of the staff rules."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.staff.derivation import Derivation, Eligibility
from desktop.core.staff.months import (
    MasaKerja,
    add_months,
    first_of_month_on_or_after,
    first_of_next_month,
    months_between,
    reminders_days_before,
)


def test_add_months_clamps_to_the_month_end() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2027, 3, 1), -2) == date(2027, 1, 1)
    assert add_months(date(2026, 11, 1), 14) == date(2028, 1, 1)


def test_months_between_counts_whole_months() -> None:
    assert months_between(date(2022, 10, 1), date(2026, 10, 1)) == 48
    assert months_between(date(2005, 3, 1), date(2006, 4, 1)) == 13
    assert months_between(date(2026, 1, 15), date(2026, 2, 14)) == 0
    assert months_between(date(2026, 2, 14), date(2026, 1, 15)) == 0
    assert months_between(date(2026, 3, 1), date(2026, 1, 1)) == -2


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 1)), st.integers(-600, 600))
def test_months_between_inverts_add_months_on_firsts(d: date, n: int) -> None:
    start = d.replace(day=1)
    assert months_between(start, add_months(start, n)) == n


def test_first_of_month_helpers() -> None:
    assert first_of_next_month(date(2031, 3, 14)) == date(2031, 4, 1)
    assert first_of_next_month(date(2031, 12, 1)) == date(2032, 1, 1)
    assert first_of_month_on_or_after(date(2026, 10, 1)) == date(2026, 10, 1)
    assert first_of_month_on_or_after(date(2026, 10, 2)) == date(2026, 11, 1)


def test_masa_kerja() -> None:
    assert str(MasaKerja(4, 1)) == "4 tahun 1 bulan"
    assert MasaKerja.from_months(49) == MasaKerja(4, 1)
    assert MasaKerja.from_months(-5) == MasaKerja(0, 0)
    assert MasaKerja(4, 1).plus_months(11) == MasaKerja(5)
    assert MasaKerja(10, 1) < MasaKerja(10, 2) < MasaKerja(11)
    with pytest.raises(ValueError, match="Masa kerja tidak sah"):
        MasaKerja(1, 12)


def test_derivation_explanation_numbers_the_steps_and_appends_warnings() -> None:
    d = Derivation(5, ("Langkah satu.", "Langkah dua."), ("Periksa data.",))
    assert d.explanation == "1. Langkah satu.\n2. Langkah dua.\nPerhatian: Periksa data."
    assert Eligibility().eligible
    assert not Eligibility(("Belum.",)).eligible


def test_reminders_days_before() -> None:
    reminders = reminders_days_before(date(2028, 3, 1), (30, 180, 90), "usulan")
    assert [r.tanggal for r in reminders] == [date(2027, 9, 3), date(2027, 12, 2), date(2028, 1, 31)]
    assert reminders[0].keterangan == "H-180: usulan"
