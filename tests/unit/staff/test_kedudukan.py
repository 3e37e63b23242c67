"""The kedudukan hukum table (issue 12 item 6): reading what offices write, the effect of each row, and an edited
copy of the seed; and the eselon as written in SK and SIASN exports."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.staff.kedudukan import Efek
from desktop.core.staff.reference import load_kedudukan
from desktop.services.common.errors import ValidationError
from desktop.services.staff.records import ESELON, parse_eselon


@pytest.mark.parametrize(
    ("written", "kode"),
    [
        ("20", "20"),
        ("Masa Persiapan Pensiun", "20"),
        ("MPP", "20"),
        ("masa persiapan  pensiun", "20"),
        ("Aktif", "01"),
        ("1", "01"),  # SIASN KEDUDUKAN_HUKUM_ID after Excel dropped the zero
        ("01", "01"),
        ("99 - Pensiun", "99"),
        ("99. Pensiun", "99"),
        ("20 Masa Persiapan Pensiun", "20"),
        ("04", "04"),
        ("Pemberhentian Sementara", "04"),
        ("Sedang dlm Proses Banding BAPEK", "09"),  # SIASN's KEDUDUKAN_HUKUM_NAMA, abbreviation and all
        ("Sedang dalam proses banding BAPEK", "09"),
        ("Mencapai BUP", "98"),
        ("TMS Dari Pengadaan", "69"),
        ("Pembatalan NIP", "70"),
        ("Tindak Pidana/ Tindak Pidana Jabatan", "91"),
        ("CLTN", "02"),
    ],
)
def test_what_offices_write_reads_as_the_bkn_kode(written: str, kode: str) -> None:
    assert load_kedudukan().parse(written).kode == kode


@pytest.mark.parametrize(
    ("written", "quoted"),
    [
        ("Cuti Panjang", "'Cuti Panjang'"),
        ("33", "kode 33"),
        ("99 - Aktif", "'Aktif'"),  # a name that contradicts its kode
    ],
)
def test_unknown_or_contradicting_text_is_an_error_quoting_it(written: str, quoted: str) -> None:
    with pytest.raises(ValueError, match=quoted):
        load_kedudukan().parse(written)


@pytest.mark.parametrize(
    ("kode", "efek"),
    [
        ("01", Efek.AKTIF),
        ("03", Efek.AKTIF),  # tugas belajar: gaji and masa kerja continue
        ("02", Efek.TANPA_KENAIKAN),  # CLTN
        ("04", Efek.TANPA_KENAIKAN),  # pemberhentian sementara
        ("20", Efek.PENSIUN_SAJA),  # MPP
        ("98", Efek.PENSIUN_SAJA),  # mencapai BUP
        ("66", Efek.KELUAR),
        ("69", Efek.KELUAR),  # TMS dari pengadaan
        ("70", Efek.KELUAR),  # pembatalan NIP
        ("99", Efek.KELUAR),
    ],
)
def test_the_shipped_effect_of_each_kind(kode: str, efek: Efek) -> None:
    assert load_kedudukan().get(kode).efek is efek


def test_the_shipped_table_is_the_bkn_list_and_every_row_says_why() -> None:
    table = load_kedudukan()
    assert len(table) == 31
    assert {k.efek for k in table} == set(Efek)
    assert all(k.sumber for k in table)
    assert Efek.AKTIF.naik and not Efek.TANPA_KENAIKAN.naik and not Efek.PENSIUN_SAJA.naik
    assert Efek.PENSIUN_SAJA.pensiun and Efek.TANPA_KENAIKAN.pensiun and not Efek.KELUAR.pensiun


def test_an_edited_copy_is_loaded_and_checked(tmp_path: Path) -> None:
    edited = tmp_path / "kedudukan.csv"
    edited.write_text(
        "kode,nama,efek,alias,sumber\n01,Aktif,aktif,,\n03,Tugas Belajar,tanpa_kenaikan,TB; Tubel,Pergub\n",
        encoding="utf-8",
    )
    table = load_kedudukan(edited)
    assert table.parse("Tubel").efek is Efek.TANPA_KENAIKAN
    edited.write_text("kode,nama,efek\n01,Aktif,aktif\n02,CLTN,ditunda\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"baris 3: efek 'ditunda' tidak dikenal"):
        load_kedudukan(edited)
    edited.write_text("kode,nama,efek\n02,CLTN,tanpa_kenaikan\n", encoding="utf-8")
    with pytest.raises(ValueError, match="kode 01"):
        load_kedudukan(edited)


@pytest.mark.parametrize(
    ("written", "eselon"),
    [
        ("II.a", "II.a"),
        ("IIa", "II.a"),
        ("II/a", "II.a"),
        ("II.A", "II.a"),
        ("Eselon II.a", "II.a"),
        ("eselon iv.b", "IV.b"),
        ("III-b", "III.b"),
        ("21", "II.a"),  # SIASN ESELON ID
        ("V.a", "V.a"),
        ("", ""),
        ("Non Eselon", ""),
        ("-", ""),
    ],
)
def test_eselon_as_written(written: str, eselon: str) -> None:
    assert parse_eselon(written) == eselon


@pytest.mark.parametrize("written", ["V.b", "VI.a", "II.c", "Kepala Bidang"])
def test_an_eselon_outside_the_list_is_refused_quoting_it(written: str) -> None:
    with pytest.raises(ValidationError, match=repr(written)):
        parse_eselon(written)
    assert "V.b" not in ESELON
