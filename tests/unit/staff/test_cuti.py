"""Cuti: HK counting on the shared calendar, cuti tahunan carry-over and the conditions per type (staff.md B7)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.calendar import SEED_HOLIDAYS_PATH, Holiday, HolidayKind, WorkingCalendar, load_holidays_csv
from desktop.core.staff.cuti import (
    CutiJenis,
    CutiRules,
    check_cuti,
    cuti_tahunan_entitlement,
    cuti_working_days,
    split_at_year_end,
)

SEED = load_holidays_csv(SEED_HOLIDAYS_PATH)
CAL = WorkingCalendar(SEED)
TMT = date(1998, 3, 1)


def test_acceptance_cuti_tahunan_16_to_27_march_2026_is_5_hk() -> None:
    result = cuti_working_days(date(2026, 3, 16), date(2026, 3, 27), CAL)
    assert result.value == 5
    assert result.steps[0] == "16 Maret 2026 sampai 27 Maret 2026: 10 hari kerja biasa (di luar akhir pekan)."
    excluded = result.steps[1]
    for day in ("18 Maret 2026", "19 Maret 2026", "20 Maret 2026", "23 Maret 2026", "24 Maret 2026"):
        assert day in excluded
    assert "Cuti Bersama Hari Suci Nyepi" in excluded
    assert "Pasal 333" in result.explanation


def test_cuti_bersama_never_reduces_cuti_even_on_a_ppid_style_calendar() -> None:
    ppid_calendar = WorkingCalendar(SEED, count_cuti_bersama_as_working=True)
    assert cuti_working_days(date(2026, 3, 16), date(2026, 3, 27), ppid_calendar).value == 5


def test_local_holidays_and_masuk_khusus_days() -> None:
    calendar = WorkingCalendar(
        [
            *SEED,
            Holiday(date(2026, 3, 26), HolidayKind.LIBUR_LOKAL, "HUT Provinsi"),
            Holiday(date(2026, 3, 28), HolidayKind.MASUK_KHUSUS, "Masuk pengganti"),
        ]
    )
    result = cuti_working_days(date(2026, 3, 16), date(2026, 3, 28), calendar)
    assert result.value == 5  # − HUT Provinsi + the Saturday worked
    assert "Ditambah 1 hari masuk khusus: 28 Maret 2026 (Masuk pengganti)." in result.steps


def test_r19_requests_are_split_at_31_december() -> None:
    assert split_at_year_end(date(2026, 12, 28), date(2027, 1, 6)) == (
        (date(2026, 12, 28), date(2026, 12, 31)),
        (date(2027, 1, 1), date(2027, 1, 6)),
    )
    assert split_at_year_end(date(2026, 3, 16), date(2026, 3, 27)) == (
        (date(2026, 3, 16), date(2026, 3, 27)),
    )
    result = check_cuti(CutiJenis.TAHUNAN, date(2026, 12, 28), date(2027, 1, 6), calendar=CAL, tmt_masuk=TMT)
    assert any("melewati 31 Desember" in u for u in result.value.unmet)


@pytest.mark.parametrize(
    ("dipakai", "total", "dibawa"),
    [
        ({2024: 5, 2025: 8}, 16, 4),  # 8 of 12 used: 4 carried
        ({2024: 5, 2025: 3}, 18, 6),  # 9 unused but at most 6 carried
        ({2024: 0, 2025: 0}, 24, 12),  # not used two years running
        ({2024: 12, 2025: 12}, 12, 0),
        ({2024: 0, 2025: 2}, 18, 6),
    ],
)
def test_r20_carry_over_worked_examples(dipakai: dict[int, int], total: int, dibawa: int) -> None:
    result = cuti_tahunan_entitlement(2026, tmt_masuk=TMT, dipakai=dipakai)
    assert result.value.total == total
    assert result.value.dibawa == dibawa
    assert result.steps[-1] == f"Hak cuti tahunan 2026: {total} hari kerja."


def test_no_cuti_tahunan_in_the_first_year() -> None:
    assert cuti_tahunan_entitlement(2026, tmt_masuk=date(2026, 3, 1), dipakai={}).value.total == 0
    # Entitled from 2027-03-01; nothing is carried from 2026, when there was no entitlement.
    second = cuti_tahunan_entitlement(2027, tmt_masuk=date(2026, 3, 1), dipakai={2026: 0})
    assert (second.value.total, second.value.dibawa) == (12, 0)
    # The 24 rule needs two entitled years.
    third = cuti_tahunan_entitlement(2028, tmt_masuk=date(2026, 3, 1), dipakai={2026: 0, 2027: 0})
    assert third.value.total == 18


def test_unknown_previous_year_carries_nothing_and_warns() -> None:
    result = cuti_tahunan_entitlement(2026, tmt_masuk=TMT, dipakai={})
    assert result.value.total == 12
    assert result.warnings == ("Pemakaian cuti tahunan 2025 belum dicatat; sisa tahun itu tidak dihitung.",)


def test_postponed_days_carry_in_full_up_to_24_and_cuti_bersama_worked_is_added() -> None:
    result = cuti_tahunan_entitlement(
        2026, tmt_masuk=TMT, dipakai={2025: 4}, ditangguhkan={2025: 6}, tambahan_cuti_bersama=2
    )
    assert (result.value.hak_tahun_ini, result.value.dibawa, result.value.tambahan) == (12, 8, 2)
    assert result.value.total == 22


def test_cuti_besar_year_has_no_cuti_tahunan() -> None:
    assert (
        cuti_tahunan_entitlement(
            2026, tmt_masuk=TMT, dipakai={2025: 0}, cuti_besar_tahun_ini=True
        ).value.total
        == 0
    )


def test_carry_over_numbers_are_configurable() -> None:
    rules = CutiRules(maks_dibawa=3)
    assert cuti_tahunan_entitlement(2026, tmt_masuk=TMT, dipakai={2025: 2}, rules=rules).value.total == 15


def test_cuti_tahunan_request_checks() -> None:
    ok = check_cuti(
        CutiJenis.TAHUNAN, date(2026, 3, 16), date(2026, 3, 27), calendar=CAL, tmt_masuk=TMT, sisa_tahunan=12
    )
    assert ok.value.eligible
    assert (ok.value.hari_kerja, ok.value.hari_kalender) == (5, 12)
    over = check_cuti(
        CutiJenis.TAHUNAN, date(2026, 3, 16), date(2026, 3, 27), calendar=CAL, tmt_masuk=TMT, sisa_tahunan=4
    )
    assert over.value.unmet == ("Permohonan 5 hari kerja melebihi sisa cuti tahunan 4 hari.",)
    new = check_cuti(
        CutiJenis.TAHUNAN, date(2026, 4, 6), date(2026, 4, 7), calendar=CAL, tmt_masuk=date(2025, 6, 1)
    )
    assert new.value.unmet == ("Cuti tahunan baru dapat diambil setelah bekerja paling singkat 1 tahun.",)
    holiday_only = check_cuti(
        CutiJenis.TAHUNAN, date(2026, 3, 19), date(2026, 3, 20), calendar=CAL, tmt_masuk=TMT
    )
    assert holiday_only.value.unmet == ("Rentang tanggal tidak memuat hari kerja.",)


def test_cuti_besar_after_five_years_once_per_five_years_at_most_three_months() -> None:
    ok = check_cuti(CutiJenis.BESAR, date(2026, 6, 1), date(2026, 8, 31), calendar=CAL, tmt_masuk=TMT)
    assert ok.value.eligible
    too_long = check_cuti(CutiJenis.BESAR, date(2026, 6, 1), date(2026, 9, 1), calendar=CAL, tmt_masuk=TMT)
    assert too_long.value.unmet == ("Cuti Besar paling lama 3 bulan.",)
    junior = check_cuti(
        CutiJenis.BESAR, date(2026, 6, 1), date(2026, 6, 30), calendar=CAL, tmt_masuk=date(2023, 1, 1)
    )
    assert junior.value.unmet == ("Cuti besar baru dapat diambil setelah bekerja 5 tahun.",)
    again = check_cuti(
        CutiJenis.BESAR,
        date(2026, 6, 1),
        date(2026, 6, 30),
        calendar=CAL,
        tmt_masuk=TMT,
        cuti_besar_terakhir_selesai=date(2022, 8, 31),
    )
    assert again.value.unmet == ("Cuti besar hanya sekali setiap 5 tahun.",)


@pytest.mark.parametrize(
    ("selesai", "dokumen"),
    [
        (date(2026, 4, 6), ("Pemberitahuan kepada atasan langsung",)),
        (date(2026, 4, 8), ("Surat keterangan dokter",)),
        (date(2026, 4, 19), ("Surat keterangan dokter",)),
        (date(2026, 4, 20), ("Surat keterangan dokter pemerintah",)),
    ],
)
def test_cuti_sakit_documents_by_length(selesai: date, dokumen: tuple[str, ...]) -> None:
    result = check_cuti(CutiJenis.SAKIT, date(2026, 4, 6), selesai, calendar=CAL, tmt_masuk=TMT)
    assert result.value.eligible
    assert result.value.dokumen == dokumen


def test_cuti_sakit_up_to_one_year_plus_six_months() -> None:
    extended = check_cuti(CutiJenis.SAKIT, date(2026, 1, 5), date(2027, 3, 1), calendar=CAL, tmt_masuk=TMT)
    assert extended.value.eligible
    assert any("perpanjangan" in d for d in extended.value.dokumen)
    too_long = check_cuti(CutiJenis.SAKIT, date(2026, 1, 5), date(2027, 7, 5), calendar=CAL, tmt_masuk=TMT)
    assert not too_long.value.eligible


def test_cuti_melahirkan_three_months_for_children_one_to_three() -> None:
    ok = check_cuti(
        CutiJenis.MELAHIRKAN,
        date(2026, 5, 4),
        date(2026, 8, 3),
        calendar=CAL,
        tmt_masuk=date(2025, 1, 1),
        anak_ke=2,
    )
    assert ok.value.eligible  # no minimum service
    fourth = check_cuti(
        CutiJenis.MELAHIRKAN, date(2026, 5, 4), date(2026, 8, 3), calendar=CAL, tmt_masuk=TMT, anak_ke=4
    )
    assert fourth.value.unmet == (
        "Cuti melahirkan untuk anak ke-1 sampai ke-3; kelahiran anak ke-4 memakai cuti besar.",
    )
    too_long = check_cuti(
        CutiJenis.MELAHIRKAN, date(2026, 5, 4), date(2026, 8, 4), calendar=CAL, tmt_masuk=TMT
    )
    assert too_long.value.unmet == ("Cuti Melahirkan paling lama 3 bulan.",)


def test_cuti_alasan_penting_at_most_one_month() -> None:
    ok = check_cuti(CutiJenis.ALASAN_PENTING, date(2026, 5, 4), date(2026, 6, 3), calendar=CAL, tmt_masuk=TMT)
    assert ok.value.eligible
    assert ok.value.hari_kerja == cuti_working_days(date(2026, 5, 4), date(2026, 6, 3), CAL).value
    too_long = check_cuti(
        CutiJenis.ALASAN_PENTING, date(2026, 5, 4), date(2026, 6, 4), calendar=CAL, tmt_masuk=TMT
    )
    assert not too_long.value.eligible


def test_cltn_after_five_years_at_most_three_plus_one_years() -> None:
    ok = check_cuti(CutiJenis.CLTN, date(2026, 1, 1), date(2028, 12, 31), calendar=CAL, tmt_masuk=TMT)
    assert ok.value.eligible
    assert "Persetujuan Kepala BKN" in ok.value.dokumen
    junior = check_cuti(
        CutiJenis.CLTN, date(2026, 1, 1), date(2026, 12, 31), calendar=CAL, tmt_masuk=date(2022, 1, 1)
    )
    assert junior.value.unmet == ("CLTN baru dapat diambil setelah bekerja 5 tahun.",)
    too_long = check_cuti(CutiJenis.CLTN, date(2026, 1, 1), date(2030, 1, 1), calendar=CAL, tmt_masuk=TMT)
    assert not too_long.value.eligible


def test_r22_pppk_leave_types() -> None:
    assert [j for j in CutiJenis if j.for_pppk] == [
        CutiJenis.TAHUNAN,
        CutiJenis.SAKIT,
        CutiJenis.MELAHIRKAN,
        CutiJenis.BERSAMA,
    ]
    result = check_cuti(
        CutiJenis.BESAR, date(2026, 6, 1), date(2026, 6, 30), calendar=CAL, tmt_masuk=TMT, pppk=True
    )
    assert "Cuti Besar tidak tersedia untuk PPPK." in result.value.unmet


def test_cuti_bersama_is_not_requested() -> None:
    result = check_cuti(CutiJenis.BERSAMA, date(2026, 3, 20), date(2026, 3, 20), calendar=CAL, tmt_masuk=TMT)
    assert not result.value.eligible


def test_labels_are_indonesian() -> None:
    assert CutiJenis.CLTN.label == "Cuti di Luar Tanggungan Negara"
    assert CutiJenis("alasan_penting").label == "Cuti Karena Alasan Penting"
