"""NIK decoding, the R8 warnings and masking, with the worked example of guests.md B2."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.guests.nik import PROVINSI, bare_nik, gender_from_nik, mask_nik, parse_nik

TODAY = date(2026, 3, 2)
WOMAN = "6471054503900001"
MAN = "6471050503900001"
BAD_DAY = "6471053503900001"


def test_worked_example_woman_decodes_region_kota_gender_and_birth_date() -> None:
    info = parse_nik(WOMAN, TODAY)
    assert info.warnings == ()
    assert info.ok
    assert info.provinsi == "64"
    assert info.provinsi_label == "64 Kalimantan Timur"
    assert info.kab_kota == "71"
    assert info.is_kota
    assert info.kecamatan == "05"
    assert info.jenis_kelamin == "P"
    # 2090-03-05 would be in the future, so the century is 19.
    assert info.tanggal_lahir == date(1990, 3, 5)
    assert info.urut == "0001"


def test_worked_example_man_born_the_same_day() -> None:
    info = parse_nik(MAN, TODAY)
    assert info.warnings == ()
    assert info.jenis_kelamin == "L"
    assert info.tanggal_lahir == date(1990, 3, 5)


def test_day_35_is_invalid_for_both_sexes_and_gives_no_gender() -> None:
    info = parse_nik(BAD_DAY, TODAY)
    assert info.jenis_kelamin is None
    assert info.tanggal_lahir is None
    assert len(info.warnings) == 1
    assert "tanggal tidak valid" in info.warnings[0]
    # still decoded field by field: the clerk keeps the NIK (R8 warns, never blocks)
    assert info.provinsi == "64" and info.urut == "0001"


@pytest.mark.parametrize("day", ["00", "32", "40", "72", "99"])
def test_every_day_outside_01_31_and_41_71_is_invalid(day: str) -> None:
    info = parse_nik(f"647105{day}03900001", TODAY)
    assert info.jenis_kelamin is None
    assert any("tanggal tidak valid" in w for w in info.warnings)


@pytest.mark.parametrize(("day", "gender"), [("01", "L"), ("31", "L"), ("41", "P"), ("71", "P")])
def test_day_boundaries_give_the_gender(day: str, gender: str) -> None:
    info = parse_nik(f"647105{day}01900001", TODAY)
    assert info.warnings == ()
    assert info.jenis_kelamin == gender


def test_century_is_20yy_when_that_date_is_not_in_the_future() -> None:
    assert parse_nik("6471050203200001", TODAY).tanggal_lahir == date(2020, 3, 2)
    # the same day as "today" is not in the future
    assert parse_nik("6471050203260001", TODAY).tanggal_lahir == date(2026, 3, 2)
    # one day later would be tomorrow: 1926
    assert parse_nik("6471050303260001", TODAY).tanggal_lahir == date(1926, 3, 3)


def test_today_is_passed_in_not_read_from_the_clock() -> None:
    assert parse_nik("6471050101300001", date(2029, 12, 31)).tanggal_lahir == date(1930, 1, 1)
    assert parse_nik("6471050101300001", date(2030, 1, 1)).tanggal_lahir == date(2030, 1, 1)


@pytest.mark.parametrize(
    ("nik", "expected"),
    [
        ("647105450390001", "16 angka"),  # 15 digits
        ("64710545039000011", "16 angka"),  # 17 digits
        ("6471O54503900001", "hanya boleh berisi angka"),  # letter O typed for zero
        ("", "belum diisi"),
        ("9971054503900001", "provinsi 99"),  # not in the Kemendagri list
        ("2071054503900001", "provinsi 20"),
        ("6470054503900001", "kabupaten/kota 70"),
        ("6400054503900001", "kabupaten/kota 00"),
        ("6471004503900001", "kecamatan 00"),
        ("6471054513900001", "bulan tidak valid"),  # month 13
        ("6471054500900001", "bulan tidak valid"),  # month 00
        ("6471057102900001", "tidak ada di kalender"),  # 31 February
        ("6471052902900001", "tidak ada di kalender"),  # 29 February 1990 (no leap year)
        ("6471054503900000", "urut 0000"),
    ],
)
def test_each_r8_check_warns_on_its_own_failing_input(nik: str, expected: str) -> None:
    info = parse_nik(nik, TODAY)
    assert len(info.warnings) == 1, info.warnings
    assert expected in info.warnings[0]


def test_a_real_leap_day_is_accepted() -> None:
    info = parse_nik("6471056902000001", TODAY)
    assert info.warnings == ()
    assert info.tanggal_lahir == date(2000, 2, 29)
    assert info.jenis_kelamin == "P"


def test_a_bad_nik_never_raises_and_collects_every_warning() -> None:
    info = parse_nik("9970003513000000", TODAY)
    assert len(info.warnings) == 6  # province, kab/kota, kecamatan, day, month, sequence


def test_every_province_of_the_list_is_accepted_and_named() -> None:
    codes = [
        *range(11, 20), 21, *range(31, 37), *range(51, 54), *range(61, 66), *range(71, 77), 81, 82,
        *range(91, 97),
    ]  # fmt: skip
    assert sorted(PROVINSI) == [str(c) for c in codes]
    assert len(PROVINSI) == 38
    for code in codes:
        info = parse_nik(f"{code}71054503900001", TODAY)
        assert info.warnings == (), code
        assert info.provinsi_nama


def test_kabupaten_codes_are_not_kota() -> None:
    info = parse_nik("6402054503900001", TODAY)
    assert info.warnings == ()
    assert not info.is_kota
    assert parse_nik("6499054503900001", TODAY).is_kota


def test_separators_typed_or_pasted_are_ignored() -> None:
    for typed in ("6471 0545 0390 0001", "6471.0545.0390.0001", "6471-054503-900001", " 6471054503900001\n"):
        info = parse_nik(typed, TODAY)
        assert info.nik == WOMAN
        assert info.warnings == ()
    assert bare_nik("64 71.05-45") == "6471054" + "5"


def test_gender_pre_fill() -> None:
    assert gender_from_nik(WOMAN) == "P"
    assert gender_from_nik("6471 0505 0390 0001") == "L"
    assert gender_from_nik(BAD_DAY) is None
    assert gender_from_nik("647105450390") is None
    assert gender_from_nik("") is None


def test_mask_shows_first_four_and_last_four() -> None:
    assert mask_nik(WOMAN) == "6471********0001"
    assert mask_nik("6471 0545 0390 0001") == "6471********0001"


@pytest.mark.parametrize(
    "value", ["64710545", "647105450", "6471054503", "647105450390001", "12345678901234567"]
)
def test_mask_never_shows_a_value_of_eight_or_more_in_full(value: str) -> None:
    masked = mask_nik(value)
    assert len(masked) == len(value)
    assert masked != value
    # at least half of it is hidden
    assert masked.count("*") >= len(value) / 2


def test_mask_of_short_and_empty_values() -> None:
    assert mask_nik("") == ""
    assert mask_nik("   ") == ""
    assert mask_nik("123") == "***"
    assert mask_nik("1234") == "1**4"
