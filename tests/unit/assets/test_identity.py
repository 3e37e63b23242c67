"""Kode lokasi, the full label ID and scanner input (assets.md R7, R14)."""

from __future__ import annotations

import pytest

from desktop.core.assets.identity import (
    KodeLokasiError,
    ScannedId,
    check_kode_lokasi,
    describe_kode_lokasi,
    full_id,
    parse_scanned,
)

LOKASI = "11.01.64.00.01.01.001.001.2024"
LAPTOP = "1.3.2.10.01.02.002"


def test_kode_lokasi_accepts_any_dotted_digits_and_empty() -> None:
    assert check_kode_lokasi(f"  {LOKASI} ") == LOKASI
    assert check_kode_lokasi("12.34") == "12.34"
    assert check_kode_lokasi("") == ""


@pytest.mark.parametrize("text", ["11.01.xx", "11..01", "11.01.", "11 01", "-11"])
def test_kode_lokasi_refuses_other_text(text: str) -> None:
    with pytest.raises(KodeLokasiError, match="Kode lokasi"):
        check_kode_lokasi(text)


def test_simda_shape_gets_named_segments_with_provinsi_and_intra() -> None:
    parts = describe_kode_lokasi(LOKASI)
    assert [p.nama for p in parts] == [
        "Pemilik",
        "KA",
        "Provinsi",
        "Kabupaten/Kota",
        "Bidang",
        "Unit",
        "Sub Unit",
        "UPB",
        "Tahun",
    ]
    assert [p.nilai for p in parts] == ["11", "01", "64", "00", "01", "01", "001", "001", "2024"]
    assert parts[0].keterangan == "Pemerintah Provinsi"
    assert parts[1].keterangan == "intrakomptabel"
    assert describe_kode_lokasi(LOKASI.replace(".01.64", ".02.64", 1))[1].keterangan == "ekstrakomptabel"


@pytest.mark.parametrize("text", ["", "12.34", "11.01.64.00.01.01.01.001.2024"])
def test_other_shapes_are_not_named(text: str) -> None:
    assert describe_kode_lokasi(text) == ()


def test_full_id_with_and_without_kode_lokasi() -> None:
    assert full_id(LOKASI, LAPTOP, 1) == f"{LOKASI}.{LAPTOP}.000001"
    assert full_id("", LAPTOP, 12) == f"{LAPTOP}.000012"
    assert full_id("  ", LAPTOP, 12) == f"{LAPTOP}.000012"


@pytest.mark.parametrize("tail", ["", "\n", "\r\n", "\r", "\t"])
def test_scanned_full_id_splits_back_into_its_parts(tail: str) -> None:
    scanned = parse_scanned(f" {full_id(LOKASI, LAPTOP, 1)}{tail}")
    assert scanned == ScannedId(jenis="id", kode_lokasi=LOKASI, kode_barang=LAPTOP, register=1)


def test_scanned_id_with_a_short_kode_lokasi_still_takes_the_last_eight_segments() -> None:
    scanned = parse_scanned(f"12.34.{LAPTOP}.000010")
    assert scanned == ScannedId(jenis="id", kode_lokasi="12.34", kode_barang=LAPTOP, register=10)


def test_scanned_kode_and_register() -> None:
    assert parse_scanned(f"{LAPTOP}.000007\r\n") == ScannedId(
        jenis="kode_register", kode_barang=LAPTOP, register=7
    )


def test_scanned_simda_label_with_three_digit_segments_is_normalised() -> None:
    scanned = parse_scanned(f"{LOKASI}.1.3.2.10.001.002.002.000003")
    assert scanned is not None
    assert (scanned.kode_lokasi, scanned.kode_barang, scanned.register) == (LOKASI, LAPTOP, 3)


def test_scanned_nibar_is_digits_only() -> None:
    assert parse_scanned("00012345678\n") == ScannedId(jenis="nibar", nibar="00012345678")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "laptop",
        "1.3.2.10.01.02.002",
        "1.3.2.10.01.02.002.000000",
        "1.3.2.10.01.2.002.000001",
        "12-34",
        "1.3",
    ],
)
def test_text_that_is_no_item_id_gives_none(text: str) -> None:
    assert parse_scanned(text) is None
