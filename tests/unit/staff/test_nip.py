"""NIP PNS and NI PPPK: parsing, validation and the R4 warnings, with the worked examples of staff.md B2."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.nip import (
    JenisKelamin,
    NipError,
    NipKind,
    bare_nip,
    format_nip,
    nip_record_warnings,
    parse_nip,
    parse_nip_lama,
)

KEPALA_DINAS = "19730314 199803 2 009"


def test_worked_example_pns_nip_decodes_birth_tmt_cpns_and_gender() -> None:
    info = parse_nip(KEPALA_DINAS)
    assert info.jenis is NipKind.PNS
    assert info.tanggal_lahir == date(1973, 3, 14)
    assert info.tmt_cpns == date(1998, 3, 1)
    assert info.jenis_kelamin is JenisKelamin.PEREMPUAN
    assert info.jenis_kelamin.label == "Perempuan"
    assert info.nomor_urut == 9
    assert info.warnings == ()  # age 24 at TMT CPNS


def test_nip_is_stored_bare_and_shown_grouped() -> None:
    info = parse_nip("1973.0314.1998.0320.09")
    assert info.nip == "197303141998032009"
    assert info.formatted == KEPALA_DINAS
    assert format_nip(info.nip) == KEPALA_DINAS
    assert bare_nip(KEPALA_DINAS) == info.nip


def test_worked_example_ni_pppk() -> None:
    info = parse_nip("19850516 202121 2 004")
    assert info.jenis is NipKind.PPPK
    assert info.jenis.label == "NI PPPK"
    assert info.tanggal_lahir == date(1985, 5, 16)
    assert info.tahun_pppk == 2021
    assert info.kontrak_ke == 1
    assert info.jenis_kelamin is JenisKelamin.PEREMPUAN
    assert info.nomor_urut == 4
    assert info.tmt_cpns is None
    assert info.warnings == ()


def test_male_digit() -> None:
    assert parse_nip("19800101 200501 1 003").jenis_kelamin is JenisKelamin.LAKI_LAKI


def test_sop_000_nip_with_age_zero_at_tmt_cpns_is_accepted_with_a_warning() -> None:
    info = parse_nip("19840519 198503 1 001")
    assert info.tmt_cpns == date(1985, 3, 1)
    assert len(info.warnings) == 1
    assert "umur saat TMT CPNS" in info.warnings[0]
    assert "0 tahun" in info.warnings[0]


def test_birth_date_after_tmt_cpns_is_accepted_with_a_warning() -> None:
    info = parse_nip("19990505 199803 1 001")
    assert info.tanggal_lahir == date(1999, 5, 5)
    assert info.tmt_cpns == date(1998, 3, 1)
    assert len(info.warnings) == 1
    assert "sesudah TMT CPNS" in info.warnings[0]


def test_age_over_forty_at_tmt_cpns_warns() -> None:
    assert parse_nip("19600101 200501 1 001").warnings  # 45 at TMT CPNS
    assert not parse_nip("19650101 200501 1 001").warnings  # 40


def test_seventeen_digits_are_refused_with_an_indonesian_message() -> None:
    with pytest.raises(NipError, match=r"^NIP harus 18 angka; yang diisi 17 angka\.$"):
        parse_nip("19730314 199803 2 00")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "NIP wajib diisi"),
        ("   ", "NIP wajib diisi"),
        ("19730314-199803-2-009", "hanya boleh berisi angka"),
        ("1973O314 199803 2 009", "hanya boleh berisi angka"),
        ("19730314 199803 2 0091", "yang diisi 19 angka"),
        ("19731332 199803 2 009", "tanggal lahir"),
        ("19730229 199803 2 009", "tanggal lahir"),  # 1973 is not a leap year
        ("08730314 199803 2 009", "tanggal lahir"),
        ("19730314 199800 2 009", "Angka 13-14"),
        ("19730314 199813 2 009", "Angka 13-14"),
        ("19730314 199820 2 009", "Angka 13-14"),
        ("19730314 199830 2 009", "Angka 13-14"),
        ("19730314 199803 3 009", "jenis kelamin"),
        ("19730314 199803 0 009", "jenis kelamin"),
        ("19730314 199803 2 000", "Nomor urut"),
        ("19730314 089803 2 009", "tahun TMT CPNS"),
    ],
)
def test_invalid_numbers_are_refused_with_a_reason(text: str, message: str) -> None:
    with pytest.raises(NipError, match=message):
        parse_nip(text)


def test_nip_error_is_a_value_error() -> None:
    assert issubclass(NipError, ValueError)


def test_sop_15_birth_date_disagreement_is_a_warning() -> None:
    info = parse_nip("19780314 199803 2 009")  # as printed in SOP #15
    warnings = nip_record_warnings(info, tanggal_lahir=date(1973, 3, 14))
    assert warnings == ("Tanggal lahir di data (14 Maret 1973) berbeda dengan NIP (14 Maret 1978).",)


def test_record_matching_the_nip_gives_no_warning() -> None:
    info = parse_nip(KEPALA_DINAS)
    assert (
        nip_record_warnings(
            info,
            tanggal_lahir=date(1973, 3, 14),
            jenis_kelamin=JenisKelamin.PEREMPUAN,
            tmt_cpns=date(1998, 3, 1),
        )
        == ()
    )


def test_gender_and_tmt_cpns_disagreements_each_warn() -> None:
    info = parse_nip(KEPALA_DINAS)
    warnings = nip_record_warnings(info, jenis_kelamin=JenisKelamin.LAKI_LAKI, tmt_cpns=date(1998, 4, 1))
    assert len(warnings) == 2
    assert "Jenis kelamin" in warnings[0]
    assert "TMT CPNS" in warnings[1]


def test_pppk_year_disagreement_warns() -> None:
    info = parse_nip("19850516 202121 2 004")
    assert nip_record_warnings(info, tahun_pppk=2022)
    assert not nip_record_warnings(info, tahun_pppk=2021)


def test_nip_lama_is_nine_digits() -> None:
    assert parse_nip_lama("010 203 040") == "010203040"
    with pytest.raises(NipError, match="9 angka"):
        parse_nip_lama("1234567890")


@given(
    born=st.dates(min_value=date(1950, 1, 1), max_value=date(2005, 12, 31)),
    tmt=st.dates(min_value=date(1970, 1, 1), max_value=date(2030, 12, 1)),
    gender=st.sampled_from("12"),
    serial=st.integers(min_value=1, max_value=999),
)
def test_any_well_formed_pns_nip_round_trips(born: date, tmt: date, gender: str, serial: int) -> None:
    text = f"{born:%Y%m%d} {tmt:%Y%m} {gender} {serial:03d}"
    info = parse_nip(text)
    assert info.formatted == text
    assert info.tanggal_lahir == born
    assert info.tmt_cpns == tmt.replace(day=1)
    assert info.nomor_urut == serial
