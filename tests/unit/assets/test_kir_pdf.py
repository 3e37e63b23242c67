"""The printed KIR (assets.md R12-R13, R23): both layouts' columns, headers and signatures, counts by kondisi,
and the copy posted in the room."""

from __future__ import annotations

import re
from datetime import date
from io import BytesIO

import pytest
from pypdf import PdfReader

from desktop.core.money import format_number
from desktop.printing.assets.kib import Lokasi
from desktop.printing.assets.kir import (
    LAYOUT_17_2007,
    LAYOUT_47_2021,
    POSTED_TITLE,
    KirData,
    KirLine,
    build_kir,
)
from desktop.printing.data import OfficeHeader, Signer
from desktop.printing.pages import MM

HEADER = OfficeHeader("Pemerintah Provinsi Kalimantan Timur", "Dinas Perindustrian", "Jl. Kesuma Bangsa 1")
KEPALA = Signer("Kepala Dinas", "Dr. Ahmad Fauzi, M.Si.", "197501012000031001")
PENGURUS = Signer("Pengurus Barang", "Siti Rahmawati, S.E.", "198803152010012004")
PJ = Signer("Penanggung Jawab Ruangan", "Bambang Sutrisno, S.Sos.", "197905102005011003")

LINES = (
    KirLine(
        "Laptop",
        "1.3.2.10.01.02.002",
        "000001",
        harga=15_000_000,
        baik=1,
        merk_tipe="Lenovo ThinkPad E14",
        no_seri_pabrik="PF3ABC12",
        ukuran="14 inci",
        bahan="Campuran",
        tahun="2024",
        nibar="110134020100100124000001",
        spesifikasi="Core i5, RAM 16 GB",
    ),
    KirLine(
        "Kursi Kayu",
        "1.3.2.05.02.01.004",
        "000001 s/d 000010",
        jumlah=10,
        harga=7_500_000,
        baik=7,
        rusak_ringan=2,
        rusak_berat=1,
        merk_tipe="Olympic",
        bahan="Kayu",
        tahun="2025",
        satuan="Buah",
        keterangan="Pindahan dari Gudang",
    ),
)


def kir(layout: str, lines: tuple[KirLine, ...] = LINES, **kw: object) -> KirData:
    values: dict[str, object] = {
        "header": HEADER,
        "layout": layout,
        "ruang_nama": "Ruang Subbag Umum",
        "ruang_kode": "R.01.05",
        "kode_lokasi": "11.01.34.02.01.001.001.25",
        "lines": lines,
        "place": "Samarinda",
        "tanggal": date(2026, 1, 5),
        "pengurus": PENGURUS,
        "penanggung_jawab": PJ,
        "kepala": KEPALA,
        "lokasi": Lokasi("Kalimantan Timur", "Kota Samarinda", unit_organisasi="Dinas Perindustrian"),
        "pengguna_barang": "Dinas Perindustrian",
        "kuasa_pengguna_barang": "Sekretariat",
    }
    values.update(kw)
    return KirData(**values)  # type: ignore[arg-type]


def pages_text(pdf: bytes) -> list[str]:
    """Each page's text on one line; a header broken after its slash reads whole."""
    return [
        " ".join((page.extract_text() or "").split()).replace("/ ", "/")
        for page in PdfReader(BytesIO(pdf)).pages
    ]


def page_mm(pdf: bytes) -> tuple[float, float]:
    page = PdfReader(BytesIO(pdf)).pages[0]
    return float(page.mediabox.width) / MM, float(page.mediabox.height) / MM


def test_17_2007_has_its_fourteen_columns_header_and_three_signatures() -> None:
    pdf = build_kir(kir(LAYOUT_17_2007))
    text = " ".join(pages_text(pdf))
    for title in (
        "KARTU INVENTARIS RUANGAN (KIR)",
        "Nama Barang/Jenis Barang",
        "Merk/Model",
        "No. Seri Pabrik",
        "Ukuran",
        "Bahan",
        "Tahun Pembuatan/Pembelian",
        "No. Kode Barang",
        "Jumlah Barang/Register",
        "Harga Beli/Perolehan (Rp)",
        "Keadaan Barang",
        "Baik (B)",
        "Kurang Baik (KB)",
        "Rusak Berat (RB)",
        "Keterangan Mutasi dll",
    ):
        assert title in text, title
    assert "RUANGAN : Ruang Subbag Umum (R.01.05)" in text
    assert "NO. KODE LOKASI : 11.01.34.02.01.001.001.25" in text
    assert "PROVINSI : Kalimantan Timur" in text
    # A row: the counts per kondisi of the ten chairs, the jumlah with its register range.
    assert "PF3ABC12" in text and "15.000.000" in text
    assert re.search(r"10 /\s?000001 s/d 000010 7\.500\.000 7 2 1 Pindahan dari Gudang", text)
    # The totals (harga and each kondisi) and the summary, computed from the lines.
    harga = format_number(sum(line.harga for line in LINES))
    assert re.search(rf"Jumlah \(11 barang\) {re.escape(harga)} 8 2 1", text)
    assert "Jumlah barang: 11 — Baik (B) 8, Kurang Baik (KB) 2, Rusak Berat (RB) 1" in text
    assert "Mengetahui," in text
    for signer in (KEPALA, PENGURUS, PJ):
        assert signer.nama in text
    assert "Penanggung Jawab Ruangan" in text and "Samarinda, 5 Januari 2026" in text
    width, height = page_mm(pdf)
    assert abs(width - 330) <= 0.5 and abs(height - 215) <= 0.5


def test_47_2021_has_its_eleven_columns_header_and_two_signatures() -> None:
    pdf = build_kir(kir(LAYOUT_47_2021))
    text = " ".join(pages_text(pdf))
    for title in (
        "KARTU INVENTARIS RUANGAN",
        "NIBAR",
        "Nomor Register",
        "Kode Barang",
        "Nama Barang",
        "Spesifikasi Nama Barang",
        "Merk/Tipe",
        "Tahun Perolehan",
        "Jumlah",
        "Satuan",
        "Keterangan",
    ):
        assert title in text, title
    for line in (
        "KUASA PENGGUNA BARANG : Sekretariat",
        "PENGGUNA BARANG : Dinas Perindustrian",
        "KODE LOKASI : 11.01.34.02.01.001.001.25",
        "NAMA RUANGAN : Ruang Subbag Umum (R.01.05)",
    ):
        assert line in text, line
    assert "110134020100100124000001" in text and "Core i5, RAM 16 GB" in text
    # No money and no Kepala SKPD on this form; its kondisi words are Rusak Ringan (R23).
    assert "15.000.000" not in text and "Harga" not in text
    assert KEPALA.nama not in text and "Mengetahui" not in text
    assert PENGURUS.nama in text and PJ.nama in text
    assert "Jumlah barang: 11 — Baik (B) 8, Rusak Ringan (RR) 2, Rusak Berat (RB) 1" in text
    assert re.search(r"Jumlah 11\b", text)
    width, height = page_mm(pdf)
    assert abs(width - 330) <= 0.5 and abs(height - 215) <= 0.5


def test_the_posted_copy_is_big_a4_portrait_and_shows_no_money() -> None:
    for layout in (LAYOUT_17_2007, LAYOUT_47_2021):
        pdf = build_kir(kir(layout, posted=True))
        text = " ".join(pages_text(pdf))
        assert POSTED_TITLE in text and "RUANG SUBBAG UMUM" in text
        assert "15.000.000" not in text and "7.500.000" not in text and "Harga" not in text
        assert "Kursi Kayu" in text and "000001 s/d 000010" in text
        rr = "KB" if layout == LAYOUT_17_2007 else "RR"
        assert f"B 7, {rr} 2, RB 1" in text  # the chairs' kondisi in one cell
        assert PJ.nama in text and PENGURUS.nama in text
        width, height = page_mm(pdf)
        assert abs(width - 210) <= 0.5 and abs(height - 297) <= 0.5


def test_a_big_room_runs_over_pages_with_the_header_repeated() -> None:
    lines = tuple(
        KirLine(f"Barang {i}", "1.3.2.10.01.02.002", f"{i:06d}", harga=1_000_000, baik=1)
        for i in range(1, 201)
    )
    pages = pages_text(build_kir(kir(LAYOUT_17_2007, lines)))
    assert len(pages) > 2
    for text in pages:
        assert "Keadaan Barang" in text and "Keterangan Mutasi dll" in text
    assert "Jumlah barang: 200 — Baik (B) 200, Kurang Baik (KB) 0, Rusak Berat (RB) 0" in pages[-1]


def test_an_unknown_layout_is_refused() -> None:
    with pytest.raises(ValueError, match="format KIR tidak dikenal"):
        build_kir(kir("24/2024"))
