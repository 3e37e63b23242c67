"""The printed inventarisasi (R23, R24): the LKI with empty columns to tick, the LHI lists with "Nihil." and the
BA Hasil Inventarisasi with its date line in words, the SK number, the counts and both signatures."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import pytest
from pypdf import PdfReader

from desktop.printing.assets.inventory import (
    BA_TITLE,
    LHI_TITLE,
    LKI_TITLE,
    BaCounts,
    BaData,
    LhiData,
    LhiLine,
    LhiSection,
    LkiData,
    LkiLine,
    build_ba,
    build_lhi,
    build_lki,
)
from desktop.printing.data import OfficeHeader, Signer
from desktop.printing.pages import A4, MM

HEADER = OfficeHeader("Pemerintah Provinsi Kalimantan Timur", "Dinas Perindustrian", "Jl. Kesuma Bangsa 1")
KEPALA = Signer("Kepala Dinas", "Dr. Ahmad Fauzi, M.Si.", "197501012000031001")
KETUA = Signer("Ketua Tim Inventarisasi", "Siti Rahmawati, S.E.", "198803152010012004")
DAY = date(2026, 3, 2)


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)


def _pages(pdf: bytes) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(BytesIO(pdf)).pages]


def test_lki_lists_the_recorded_items_with_columns_to_tick() -> None:
    lines = [
        LkiLine(
            "1.3.2.10.01.02.002",
            "000001",
            "Laptop",
            "Lenovo ThinkPad E14",
            "0000000004",
            "2024",
            "Ruang Subbag Umum",
            "B",
        ),
        *(
            LkiLine("1.3.2.05.02.01.004", f"{n:06d}", "Kursi Kayu", tahun="2025", kondisi_tercatat="RR")
            for n in range(1, 61)
        ),
    ]
    pdf = build_lki(
        LkiData(
            HEADER,
            "Sensus 2026",
            "KIB B",
            "11.64.03.01",
            lines,
            "Samarinda",
            DAY,
            sk_nomor="000.2.3.2/15/SEKR/2026",
            golongan="B",
            with_room=True,
            ketua=KETUA,
        )
    )
    text = _text(pdf)
    for expected in (
        LKI_TITLE,
        "Format III.A.2",
        "000.2.3.2/15/SEKR/2026",
        "Keberadaan Barang",
        "Ada",
        "Hilang",
        "Tidak Ditemukan",
        "Kondisi Barang",
        "Penggunaan",
        "Ruang Tercatat",
        "Lenovo ThinkPad E14",
        "000060",
        "Petugas Inventarisasi",
        "Siti Rahmawati, S.E.",
        "Samarinda, 2 Maret 2026",
    ):
        assert expected in text, expected
    width, height = _pages(pdf)[0]
    assert width > height and height == pytest.approx(215 * MM, abs=1)  # F4 landscape
    assert len(_pages(pdf)) >= 2  # 61 rows run over pages, the header repeated
    assert text.count("Keberadaan Barang") == len(_pages(pdf))  # the header on every page


def test_lki_without_rooms_has_no_room_column() -> None:
    pdf = build_lki(LkiData(HEADER, "Sensus", "Ruangan Gudang", "", [], "Samarinda", DAY))
    text = _text(pdf)
    assert "Ruang Tercatat" not in text and "Tidak ada barang tercatat" in text


def test_lhi_prints_one_section_per_group_and_nihil_for_an_empty_one() -> None:
    sections = [
        LhiSection(
            "III.B.1",
            "DAFTAR BARANG HILANG",
            "Penghapusan atau TGR",
            [
                LhiLine(
                    "1.3.2.05.02.01.004",
                    "000002",
                    "Kursi Kayu",
                    tahun="2025",
                    nilai=750_000,
                    ruang="Ruang Subbag Umum",
                    hasil="Hilang",
                )
            ],
        ),
        LhiSection("III.B.2", "DAFTAR BARANG TIDAK DIKETEMUKAN", "Penelusuran", []),
        LhiSection(
            "III.B.6",
            "DAFTAR BARANG MENGALAMI PERUBAHAN KONDISI",
            "Pemutakhiran kondisi",
            [LhiLine("1.3.2.10.01.02.002", "000001", "Laptop", nilai=15_000_000, tercatat="B", hasil="RB")],
            "Kondisi Tercatat",
            "Kondisi Hasil",
        ),
    ]
    pdf = build_lhi(
        LhiData(
            HEADER,
            "Sensus 2026",
            "Ruangan Subbag Umum",
            "11.64",
            sections,
            "Samarinda",
            DAY,
            ketua=KETUA,
            pengguna_barang=KEPALA,
        )
    )
    text = _text(pdf)
    for expected in (
        LHI_TITLE,
        "1. DAFTAR BARANG HILANG",
        "Format III.B.1",
        "Tindak lanjut: Penghapusan atau TGR",
        "750.000",
        "2. DAFTAR BARANG TIDAK DIKETEMUKAN",
        "Nihil.",
        "Kondisi Tercatat",
        "RB",
        "15.000.000",
        "Dr. Ahmad Fauzi, M.Si.",
        "Siti Rahmawati, S.E.",
    ):
        assert expected in text, expected
    assert _pages(pdf)[0][0] > _pages(pdf)[0][1]


def test_ba_has_the_date_in_words_the_sk_the_counts_and_two_signatures() -> None:
    counts = BaCounts(
        diinventarisasi=125, ada=120, hilang=2, tidak_ditemukan=3, rusak_berat=4, belum_tercatat=6
    )
    pdf = build_ba(
        BaData(
            HEADER,
            DAY,
            "Sensus 2026",
            "Ruangan Subbag Umum",
            "000.2.3.2/15/SEKR/2026",
            counts,
            "Samarinda",
            ketua=KETUA,
            pengguna_barang=KEPALA,
            tindak_lanjut=[("Daftar Barang Hilang: Penghapusan atau TGR", 2), ("Kosong", 0)],
        )
    )
    text = " ".join(_text(pdf).split())
    for expected in (
        BA_TITLE,
        "Pada hari ini Senin tanggal dua bulan Maret tahun dua ribu dua puluh enam",
        "Nomor 000.2.3.2/15/SEKR/2026",
        "Ruangan Subbag Umum",
        "125 barang",
        "120 barang",
        "Barang hilang 2 barang",
        "Barang tidak ditemukan 3 barang",
        "rusak berat 4 barang",
        "belum tercatat 6 barang",
        "Daftar Barang Hilang: Penghapusan atau TGR: 2 barang",
        "Ketua Tim Inventarisasi",
        "Siti Rahmawati, S.E.",
        "Dr. Ahmad Fauzi, M.Si.",
        "Samarinda, 2 Maret 2026",
    ):
        assert expected in text, expected
    assert "Kosong" not in text  # an empty follow-up is left out
    assert _pages(pdf) == [pytest.approx(A4.size_pt, abs=1)]


def test_ba_refuses_landscape_paper() -> None:
    counts = BaCounts(0, 0, 0, 0, 0, 0)
    with pytest.raises(ValueError):
        build_ba(BaData(HEADER, DAY, "x", "y", "", counts, "", paper=A4.landscape()))
