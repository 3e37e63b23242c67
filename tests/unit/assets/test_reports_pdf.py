"""The printed Laporan Barang (R31): title, period, grouped headers, totals, notes and the KIB's two signers."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import pytest
from pypdf import PdfReader

from desktop.printing.assets.kib import Lokasi
from desktop.printing.assets.reports import REPORT_KINDS, ReportData, build_report
from desktop.printing.data import OfficeHeader, Signer

HEADER = OfficeHeader("Pemerintah Provinsi Kalimantan Timur", "Dinas Perindustrian", "Jl. Kesuma Bangsa 1")
LOKASI = Lokasi(
    "Kalimantan Timur", "Kota Samarinda", "Perindustrian", "Dinas Perindustrian", "Sekretariat", "Umum"
)
KEPALA = Signer("Kepala Dinas", "Dr. Ahmad Fauzi, M.Si.", "197501012000031001")
PENGURUS = Signer("Pengurus Barang", "Siti Rahmawati, S.E.", "198803152010012004")


def _data(kind: str, rows: list[tuple[str | int, ...]], **extra: object) -> ReportData:
    return ReportData(
        kind=kind, header=HEADER, rows=rows, subtitle="Semester II Tahun 2025", kode_lokasi="11.01.02",
        lokasi=LOKASI, place="Samarinda", tanggal=date(2025, 12, 31), kepala=KEPALA, pengurus=PENGURUS,
        **extra,  # type: ignore[arg-type]
    )  # fmt: skip


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(BytesIO(pdf)).pages)


def test_laporan_barang_pengguna_of_the_worked_example() -> None:
    laptop = ("KIB B", "Peralatan dan Mesin", 1, 15_000_000, 0, 0, 0, 0, 1, 15_000_000, 7_500_000, 7_500_000)
    gedung = ("KIB C", "Gedung dan Bangunan", 1, 500_000_000, 0, 100_000_000, 0, 0, 1, 600_000_000, 0,
              600_000_000)  # fmt: skip
    text = _text(build_report(_data("laporan", [laptop, gedung], notes=("Ekstrakomptabel: 1 barang.",))))
    assert "LAPORAN BARANG PENGGUNA" in text and "Semester II Tahun 2025" in text
    for heading in (
        "Saldo Awal",
        "Bertambah",
        "Berkurang",
        "Saldo Akhir",
        "Akumulasi Penyusutan",
        "Nilai Buku",
    ):
        assert heading in text
    assert "7.500.000" in text and "615.000.000" in text and "607.500.000" in text  # the grand totals
    assert "Ekstrakomptabel: 1 barang." in text
    assert "Samarinda, 31 Desember 2025" in text
    assert "Mengetahui" in text and KEPALA.nama in text and PENGURUS.nama in text
    assert "NO. KODE LOKASI" in text and "11.01.02" in text


def test_every_layout_prints_its_rows_and_a_blank_when_empty() -> None:
    for kind, spec in REPORT_KINDS.items():
        cells = tuple(1 if c.total else "x" for c in spec.columns[1:])
        assert build_report(_data(kind, [cells])).startswith(b"%PDF")
        assert "Tidak ada barang" in _text(build_report(_data(kind, [])))


def test_a_row_of_the_wrong_width_is_refused() -> None:
    with pytest.raises(ValueError, match="isian"):
        build_report(_data("mutasi", [("KIB B", "Peralatan dan Mesin", 1)]))
