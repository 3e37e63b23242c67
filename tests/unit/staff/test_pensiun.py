"""BUP, TMT pensiun, pension reminders and the 10-year service check (staff.md B6)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.staff.months import Reminder
from desktop.core.staff.pensiun import (
    bup_reached_on,
    pension_reminders,
    pension_service_check,
    pppk_contract_reminders,
    tmt_pensiun,
)
from desktop.core.staff.reference import seed_reference

BORN = date(1973, 3, 14)
BUP = seed_reference().bup


@pytest.mark.parametrize(
    ("bup", "tmt"), [(58, date(2031, 4, 1)), (60, date(2033, 4, 1)), (65, date(2038, 4, 1))]
)
def test_acceptance_tmt_pensiun_of_the_worked_example(bup: int, tmt: date) -> None:
    assert tmt_pensiun(BORN, bup).value == tmt


def test_tmt_pensiun_from_the_bup_table_and_its_explanation() -> None:
    result = tmt_pensiun(BORN, BUP.get("pelaksana"))
    assert result.value == date(2031, 4, 1)
    assert result.steps == (
        "Tanggal lahir: 14 Maret 1973.",
        "BUP Jabatan Pelaksana: 58 tahun (PP 11/2017 Pasal 239).",
        "Usia 58 tahun tercapai pada 14 Maret 2031.",
        "TMT pensiun adalah tanggal 1 bulan berikutnya: 1 April 2031.",
    )
    assert tmt_pensiun(BORN, BUP.get("jf_ahli_madya")).value == date(2033, 4, 1)
    assert tmt_pensiun(BORN, BUP.get("jf_ahli_utama")).value == date(2038, 4, 1)


def test_born_on_the_first_is_treated_the_same_way_with_a_warning() -> None:
    result = tmt_pensiun(date(1970, 3, 1), 58)
    assert result.value == date(2028, 4, 1)
    assert result.warnings


def test_born_on_29_february() -> None:
    assert bup_reached_on(date(1972, 2, 29), 58) == date(2030, 2, 28)
    assert tmt_pensiun(date(1972, 2, 29), 58).value == date(2030, 3, 1)
    assert tmt_pensiun(date(1972, 12, 31), 58).value == date(2031, 1, 1)


def test_r18_pension_reminders_12_6_3_months_before() -> None:
    reminders = pension_reminders(date(2031, 4, 1))
    assert [r.tanggal for r in reminders] == [date(2030, 4, 1), date(2030, 10, 1), date(2031, 1, 1)]
    assert "DPCP" in reminders[0].keterangan


def test_pension_needs_ten_years_of_service() -> None:
    assert pension_service_check(date(1998, 3, 1), date(2031, 4, 1)).value.eligible
    short = pension_service_check(date(2022, 3, 1), date(2031, 4, 1)).value
    assert not short.eligible
    assert "kurang dari 10 tahun" in short.unmet[0]


def test_pppk_contract_reminders_6_3_1_months_before() -> None:
    assert pppk_contract_reminders(date(2026, 12, 31)) == (
        Reminder(date(2026, 6, 30), "H-6 bulan: perjanjian kerja PPPK berakhir 31 Desember 2026"),
        Reminder(date(2026, 9, 30), "H-3 bulan: perjanjian kerja PPPK berakhir 31 Desember 2026"),
        Reminder(date(2026, 11, 30), "H-1 bulan: perjanjian kerja PPPK berakhir 31 Desember 2026"),
    )
