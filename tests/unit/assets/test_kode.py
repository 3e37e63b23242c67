"""Kode barang of Permendagri 108/2016 (assets.md R1-R3), with the laptop worked example of B2."""

from __future__ import annotations

import pytest

from desktop.core.assets.kode import (
    GOLONGAN,
    KodeError,
    golongan_of,
    is_assignable,
    normalise_kode,
    parents,
    parse_kode,
)

LAPTOP = "1.3.2.10.01.02.002"


def test_worked_example_laptop_decodes_to_kib_b_level_7_with_its_parents() -> None:
    kode = parse_kode(LAPTOP)
    assert kode.text == LAPTOP
    assert kode.level == 7
    assert kode.golongan == "B"
    assert GOLONGAN[kode.golongan] == "Peralatan dan Mesin"
    assert kode.is_assignable
    assert parents(LAPTOP) == ("1", "1.3", "1.3.2", "1.3.2.10", "1.3.2.10.01", "1.3.2.10.01.02")
    assert golongan_of(LAPTOP) == "B"


def test_leading_zeros_are_kept_and_level_is_the_number_of_segments() -> None:
    assert parse_kode("1.3.2.05.01.04.001").segments == ("1", "3", "2", "05", "01", "04", "001")
    assert [parse_kode(k).level for k in ("1", "1.3", "1.3.2", "1.3.2.05", "1.3.2.05.01")] == [1, 2, 3, 4, 5]
    assert parse_kode("  1.3.2.05  ").text == "1.3.2.05"


@pytest.mark.parametrize(
    ("jenis", "golongan", "nama"),
    [
        ("1.3.1", "A", "Tanah"),
        ("1.3.2", "B", "Peralatan dan Mesin"),
        ("1.3.3", "C", "Gedung dan Bangunan"),
        ("1.3.4", "D", "Jalan, Irigasi dan Jaringan"),
        ("1.3.5", "E", "Aset Tetap Lainnya"),
        ("1.3.6", "F", "Konstruksi Dalam Pengerjaan"),
    ],
)
def test_jenis_selects_the_kib_card(jenis: str, golongan: str, nama: str) -> None:
    assert golongan_of(jenis) == golongan
    assert golongan_of(f"{jenis}.01.01.01.001") == golongan
    assert GOLONGAN[golongan] == nama


@pytest.mark.parametrize("kode", ["1", "1.3", "1.1.7", "1.1.7.01.03.02", "1.5.3", "1.5.4.01"])
def test_codes_outside_the_kib_have_no_golongan(kode: str) -> None:
    assert golongan_of(kode) == ""


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "kosong"),
        ("   ", "kosong"),
        ("1.3.2.5", "segmen ke-4 (objek) harus 2 digit"),
        ("1.3.2.05.1", "segmen ke-5 (rincian objek) harus 2 digit"),
        ("1.3.2.10.01.02.02", "segmen ke-7 (sub-sub rincian objek) harus 3 digit"),
        ("01.3.2", "segmen ke-1 (akun) harus 1 digit"),
        ("1.3.2.05.01.04.001.1", "paling banyak 7 segmen"),
        ("1.3..05", "segmen ke-3 (jenis) kosong"),
        ("1.3.2.", "segmen ke-4 (objek) kosong"),
        ("1.3.2.O5", "harus angka"),
        ("1.3.2.٠٥", "harus angka"),
        ("1,3,2", "harus angka"),
        ("1.3.2.05.001.004.001", "segmen ke-5 (rincian objek) harus 2 digit"),
    ],
)
def test_malformed_codes_are_refused_with_the_segment_named(text: str, fragment: str) -> None:
    with pytest.raises(KodeError, match="Kode barang") as info:
        parse_kode(text)
    assert fragment in str(info.value)
    assert isinstance(info.value, ValueError)


def test_simda_three_digit_segments_are_normalised_to_the_regulation() -> None:
    assert normalise_kode("1.3.2.05.001.004.001") == "1.3.2.05.01.04.001"
    assert normalise_kode(" 1.3.2.010.001.002.002 \n") == LAPTOP
    assert normalise_kode("1 . 3 . 2 . 05 . 01 . 04 . 001") == "1.3.2.05.01.04.001"
    # Already in the regulation's form: unchanged.
    assert normalise_kode(LAPTOP) == LAPTOP
    assert normalise_kode("1.3.2.05.001") == "1.3.2.05.01"


@pytest.mark.parametrize("text", ["1.3.2.05.123.004.001", "1.3.2.05.01.100.001"])
def test_a_three_digit_segment_that_does_not_fit_two_digits_is_refused(text: str) -> None:
    with pytest.raises(KodeError, match="tidak muat 2 digit"):
        normalise_kode(text)


def test_normalise_still_refuses_what_is_not_a_code() -> None:
    with pytest.raises(KodeError):
        normalise_kode("1.3.2.5.1.4.1")
    with pytest.raises(KodeError):
        normalise_kode("kursi")


def test_only_level_7_codes_are_assignable() -> None:
    assert is_assignable(LAPTOP)
    assert is_assignable(parse_kode(LAPTOP))
    for prefix in parents(LAPTOP):
        assert not is_assignable(prefix)
    assert not is_assignable("1.3.2.10.01.02.2")
    assert not is_assignable("")
