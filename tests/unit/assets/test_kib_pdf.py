"""The printed KIB A-F (assets.md R8-R10): titles, grouped headers, rows, totals per page and overall, ribuan."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from datetime import date
from io import BytesIO

import pytest
from pypdf import PdfReader

from desktop.core.money import format_number
from desktop.printing.assets.kib import (
    KIB_TITLES,
    Cancelled,
    KibData,
    KibRow,
    Lokasi,
    build_kib,
    kib_text_columns,
)
from desktop.printing.data import OfficeHeader, Signer
from desktop.printing.pages import MM

HEADER = OfficeHeader("Pemerintah Provinsi Kalimantan Timur", "Dinas Perindustrian", "Jl. Kesuma Bangsa 1")
LOKASI = Lokasi(
    "Kalimantan Timur", "Kota Samarinda", "Perindustrian", "Dinas Perindustrian", "Sekretariat", "Umum"
)
KEPALA = Signer("Kepala Dinas", "Dr. Ahmad Fauzi, M.Si.", "197501012000031001")
PENGURUS = Signer("Pengurus Barang", "Siti Rahmawati, S.E.", "198803152010012004")

# The worked example of assets.md B4 (KIB B, cells after "No Urut", without the harga).
LAPTOP = KibRow(
    (
        "1.3.2.10.01.02.002",
        "Laptop",
        "000001",
        "Lenovo ThinkPad E14",
        "14 inci",
        "Campuran",
        "2024",
        "PF3ABC12",
        "–",
        "–",
        "–",
        "–",
        "Pembelian",
        "R. Subbag Umum",
    ),
    15_000_000,
)
CHAIRS = KibRow(
    ("1.3.2.05.02.01.004", "Kursi Kayu", "000001 s/d 000010", "Olympic", "-", "Kayu", "2025")
    + ("",) * 5
    + ("Pembelian", "Ekstrakomptabel"),
    7_500_000,
    10,
)


def kib(golongan: str, rows: Sequence[KibRow], **kw: object) -> KibData:
    values: dict[str, object] = {
        "header": HEADER,
        "golongan": golongan,
        "rows": rows,
        "kode_lokasi": "11.01.34.02.01.001.001.25",
        "lokasi": LOKASI,
        "place": "Samarinda",
        "tanggal": date(2026, 1, 5),
        "kepala": KEPALA,
        "pengurus": PENGURUS,
        "jenis_text": "Intrakomptabel",
    }
    values.update(kw)
    return KibData(**values)  # type: ignore[arg-type]


def pages_text(pdf: bytes) -> list[str]:
    """Each page's text on one line; a header broken after its slash ("Ukuran/" over "CC") reads whole."""
    return [
        " ".join((page.extract_text() or "").split()).replace("/ ", "/")
        for page in PdfReader(BytesIO(pdf)).pages
    ]


def many_b_rows(count: int) -> list[KibRow]:
    """Rows with unique registers (R000001 …) and varied prices, some of them tall (long keterangan)."""
    rows = []
    for i in range(1, count + 1):
        ket = "Dipakai Kepala Bidang Perdagangan Dalam Negeri" if i % 4 == 0 else "Gudang"
        cells = ("1.3.2.10.01.02.002", "Laptop", f"R{i:06d}", "Lenovo", "", "", "2024") + ("",) * 5
        rows.append(KibRow((*cells, "Pembelian", ket), 1_000_000 + i * 1_001, 1 + i % 3))
    return rows


def test_every_golongan_has_its_title_and_its_column_groups() -> None:
    groups = {
        "A": ("Nomor", "Status Tanah", "Sertifikat", "Letak/Alamat", "Penggunaan"),
        "B": ("Nomor", "Pabrik", "Rangka", "Mesin", "Polisi", "BPKB", "Merk/Type", "Ukuran/CC"),
        "C": ("Konstruksi Bangunan", "Dokumen Gedung", "Nomor Kode Tanah", "Kondisi Bangunan (B, KB, RB)"),
        "D": ("Konstruksi", "Panjang (Km)", "Lebar (M)", "Dokumen", "Nomor Kode Tanah"),
        "E": ("Buku/Perpustakaan", "Barang Bercorak Kesenian/Kebudayaan", "Hewan/Ternak dan Tumbuhan"),
        "F": ("Bangunan (P, SP, D)", "Konstruksi Bangunan", "Nilai Kontrak", "Asal-usul Pembiayaan"),
    }
    for golongan, expected in groups.items():
        cells = tuple(f"isi{k}" for k in range(len(kib_text_columns(golongan))))
        text = " ".join(pages_text(build_kib(kib(golongan, [KibRow(cells, 2_500_000)]))))
        assert KIB_TITLES[golongan] in text
        for words in expected:
            assert words in text, (golongan, words)
        assert "isi0" in text and f"isi{len(cells) - 1}" in text
        assert "2.500.000" in text


def test_titles_follow_r8() -> None:
    assert KIB_TITLES["B"] == "KARTU INVENTARIS BARANG (KIB) B. PERALATAN DAN MESIN"
    assert KIB_TITLES["D"] == "KARTU INVENTARIS BARANG (KIB) D. JALAN, IRIGASI DAN JARINGAN"


def test_the_worked_example_row_the_header_lines_and_the_signatures() -> None:
    text = pages_text(build_kib(kib("B", [LAPTOP, CHAIRS])))[0]
    for cell in ("1.3.2.10.01.02.002", "Laptop", "000001", "Lenovo ThinkPad E14", "14 inci", "Campuran"):
        assert cell in text
    for cell in ("PF3ABC12", "Pembelian", "15.000.000", "R. Subbag Umum", "INTRAKOMPTABEL"):
        assert cell in text
    # The chairs' merged register range and the unit count in the totals' label (10 chairs + 1 laptop).
    assert "000001 s/d 000010" in text
    assert re.search(r"Jumlah \(11 barang\) 22\.500\.000", text)
    for line in ("PROVINSI", "Kalimantan Timur", "UPB", "NO. KODE LOKASI", "11.01.34.02.01.001.001.25"):
        assert line in text
    assert "Samarinda, 5 Januari 2026" in text
    assert "Mengetahui," in text
    assert "Dr. Ahmad Fauzi, M.Si." in text and "NIP. 19750101 200003 1 001" in text
    assert "Pengurus Barang" in text and "Siti Rahmawati, S.E." in text
    assert "Halaman 1 dari 1" in text


def test_a_missing_signer_leaves_a_place_to_sign_by_hand() -> None:
    text = pages_text(build_kib(kib("B", [LAPTOP], kepala=None)))[0]
    assert "Kepala SKPD" in text and "Mengetahui," in text


def test_f4_landscape() -> None:
    for page in PdfReader(BytesIO(build_kib(kib("B", [LAPTOP])))).pages:
        assert abs(float(page.mediabox.width) / MM - 330) <= 0.5
        assert abs(float(page.mediabox.height) / MM - 215) <= 0.5


def _sum_rows(pages: list[str], rows: list[KibRow]) -> tuple[list[int], list[int]]:
    """Per page: the harga and jumlah of the rows whose registers appear on it."""
    harga, jumlah = [], []
    for text in pages:
        on_page = [r for r in rows if r.cells[2] in text]
        harga.append(sum(r.harga for r in on_page))
        jumlah.append(sum(r.jumlah for r in on_page))
    return harga, jumlah


def test_a_long_kib_repeats_its_header_and_totals_every_page() -> None:
    rows = many_b_rows(150)
    pages = pages_text(build_kib(kib("B", rows)))
    assert len(pages) >= 3
    harga, jumlah = _sum_rows(pages, rows)
    assert sum(jumlah) == sum(r.jumlah for r in rows)  # every row printed once
    for number, text in enumerate(pages, start=1):
        assert f"Halaman {number} dari {len(pages)}" in text
        # The two-level header on every page, with the column numbers.
        for title in (
            "No Urut",
            "Kode Barang",
            "Nomor",
            "Pabrik",
            "Rangka",
            "BPKB",
            "Harga (Rp)",
            "Keterangan",
        ):
            assert title in text, (number, title)
        found = re.search(r"Jumlah halaman ini \(([\d.]+) barang\) ([\d.]+)", text)
        assert found, number
        assert found.group(1) == format_number(jumlah[number - 1])
        assert found.group(2) == format_number(harga[number - 1])
    grand = re.search(r"Jumlah \(([\d.]+) barang\) ([\d.]+)", pages[-1])
    assert grand and grand.group(2) == format_number(sum(r.harga for r in rows))
    assert grand.group(1) == format_number(sum(r.jumlah for r in rows))
    assert "Siti Rahmawati, S.E." in pages[-1]
    assert all("Siti Rahmawati" not in text for text in pages[:-1])
    # The kop-less title and the lokasi lines stand on the first page only.
    assert KIB_TITLES["B"] in pages[0] and "PROVINSI" not in pages[1]


def test_ribuan_divides_every_value_and_its_totals_exactly() -> None:
    odd = KibRow((*LAPTOP.cells[:2], "000002", *LAPTOP.cells[3:]), 750_500)
    text = pages_text(build_kib(kib("B", [LAPTOP, odd], ribuan=True)))[0]
    assert "dalam ribuan Rupiah" in text
    assert "Harga (Ribuan Rp)" in text
    assert "15.000" in text and "15.000.000" not in text
    assert "750,5" in text
    assert re.search(r"Jumlah halaman ini \(2 barang\) 15\.750,5", text)
    assert re.search(r"Jumlah \(2 barang\) 15\.750,5", text)


def test_kib_e_totals_its_jumlah_column_too() -> None:
    columns = kib_text_columns("E")
    assert "Jumlah" not in columns  # formatted and added up by the card itself
    rows = [
        KibRow(("Buku Pedoman", "1.5.3.01.01.01.001", f"00000{i}") + ("",) * (len(columns) - 3), 125_000, 40)
        for i in (1, 2)
    ]
    text = pages_text(build_kib(kib("E", rows)))[0]
    assert re.search(r"Jumlah halaman ini 80 250\.000", text)
    assert re.search(r"Jumlah 80 250\.000", text)


def test_progress_reaches_the_end_and_cancel_stops_the_build() -> None:
    rows = many_b_rows(300)
    calls: list[tuple[int, int]] = []
    build_kib(kib("B", rows), progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (600, 600)
    assert len(calls) > 50
    assert all(a[0] <= b[0] for a, b in itertools.pairwise(calls))
    asked: list[int] = []

    def cancel_on_third() -> bool:
        asked.append(1)
        return len(asked) >= 3

    with pytest.raises(Cancelled):
        build_kib(kib("B", rows), cancelled=cancel_on_third)


def test_a_row_with_the_wrong_number_of_cells_is_refused_with_the_column_list() -> None:
    with pytest.raises(ValueError, match="KIB B baris 1: 2 isian, seharusnya 14"):
        build_kib(kib("B", [KibRow(("a", "b"), 1)]))
    with pytest.raises(ValueError, match="golongan KIB tidak dikenal"):
        build_kib(kib("G", [LAPTOP]))


def test_an_empty_kib_still_prints_its_form() -> None:
    text = pages_text(build_kib(kib("A", [])))[0]
    assert "Tidak ada barang pada kartu ini." in text
    assert re.search(r"Jumlah \(0 barang\) 0", text)
