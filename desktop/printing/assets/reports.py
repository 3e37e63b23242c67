"""Laporan Barang of R31 on F4 landscape: Laporan Barang Pengguna, mutasi, rekap and penyusutan, KIB-style."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from reportlab.pdfgen.canvas import Canvas

from desktop.core.dates import format_date
from desktop.core.money import format_number
from desktop.printing.assets.kib import Lokasi
from desktop.printing.assets.table import (
    LongTable,
    SignatureSpot,
    TableColumn,
    Totals,
    build_long_table,
    draw_fields,
    draw_titles,
    signer_or_blank,
)
from desktop.printing.data import OfficeHeader, Signer
from desktop.printing.kop import draw_kop
from desktop.printing.pages import F4, MM, PaperSize

__all__ = ["REPORT_KINDS", "ReportColumn", "ReportData", "ReportKind", "build_report"]


@dataclass(frozen=True, slots=True)
class ReportColumn:
    """A printed column; ``total`` columns hold integers (counts, Rupiah), summed per page and overall."""

    title: str
    width: float
    align: str = "left"
    group: tuple[str, ...] = ()
    total: bool = False
    xlsx_width: float = 14

    @property
    def flat_title(self) -> str:
        """The title with its group, for a one-row spreadsheet header ("Saldo Awal Nilai (Rp)")."""
        return " ".join((*self.group, self.title))


@dataclass(frozen=True, slots=True)
class ReportKind:
    title: str
    columns: tuple[ReportColumn, ...]  # "No" first: numbered here


_NO = ReportColumn("No", 7, "center")


def _saldo(group: str) -> tuple[ReportColumn, ...]:
    return (
        ReportColumn("Jumlah Barang", 12, "right", (group,), True, 10),
        ReportColumn("Nilai (Rp)", 26, "right", (group,), True, 18),
    )


_GOLONGAN = (
    ReportColumn("Golongan", 14, "center", (), False, 10),
    ReportColumn("Uraian", 40, "left", (), False, 30),
)
_MUTASI = (*_saldo("Saldo Awal"), *_saldo("Bertambah"), *_saldo("Berkurang"), *_saldo("Saldo Akhir"))

REPORT_KINDS: dict[str, ReportKind] = {
    "laporan": ReportKind(
        "LAPORAN BARANG PENGGUNA",
        (
            _NO,
            *_GOLONGAN,
            *_MUTASI,
            ReportColumn("Akumulasi Penyusutan (Rp)", 26, "right", (), True, 20),
            ReportColumn("Nilai Buku (Rp)", 26, "right", (), True, 18),
        ),
    ),
    "mutasi": ReportKind("LAPORAN MUTASI BARANG", (_NO, *_GOLONGAN, *_MUTASI)),
    "rekap_golongan": ReportKind(
        "REKAPITULASI BARANG PER GOLONGAN",
        (_NO, *_GOLONGAN, *_saldo("Intrakomptabel"), *_saldo("Ekstrakomptabel"), *_saldo("Jumlah")),
    ),
    "rekap_kode": ReportKind(
        "REKAPITULASI BARANG PER KODE BARANG",
        (
            _NO,
            ReportColumn("Kode Barang", 26, "left", (), False, 22),
            ReportColumn("Uraian", 50, "left", (), False, 36),
            *_saldo("Intrakomptabel"),
            *_saldo("Ekstrakomptabel"),
            *_saldo("Jumlah"),
        ),
    ),
    "penyusutan_golongan": ReportKind(
        "DAFTAR PENYUSUTAN BARANG PER GOLONGAN",
        (
            _NO,
            *_GOLONGAN,
            ReportColumn("Jumlah Barang", 16, "right", (), True, 12),
            ReportColumn("Nilai Perolehan (Rp)", 30, "right", (), True, 20),
            ReportColumn("Akumulasi Penyusutan (Rp)", 30, "right", (), True, 20),
            ReportColumn("Nilai Buku (Rp)", 30, "right", (), True, 20),
        ),
    ),
    "penyusutan_barang": ReportKind(
        "DAFTAR PENYUSUTAN BARANG",
        (
            _NO,
            ReportColumn("Kode Barang", 27, "left", (), False, 22),
            ReportColumn("Register", 15, "center", (), False, 10),
            ReportColumn("Nama Barang", 45, "left", (), False, 36),
            ReportColumn("Tahun", 11, "center", (), False, 8),
            ReportColumn("Tanggal Perolehan", 22, "center", (), False, 16),
            ReportColumn("Nilai Perolehan (Rp)", 25, "right", (), True, 18),
            ReportColumn("Masa Manfaat (Tahun)", 13, "center", (), False, 12),
            ReportColumn("Semester Berjalan", 13, "center", (), False, 12),
            ReportColumn("Akumulasi Penyusutan (Rp)", 25, "right", (), True, 20),
            ReportColumn("Nilai Buku (Rp)", 25, "right", (), True, 18),
        ),
    ),
}
"""The layouts by report key; the services fill the rows in this column order (without "No")."""


@dataclass(frozen=True)
class ReportData:
    """A report to print. ``rows`` hold the cells after "No": text, or integers in the ``total`` columns
    (printed 15.000.000 and summed). Signed as the KIB: "Mengetahui, Kepala SKPD" left, "Pengurus Barang"
    right under ``place``, ``tanggal``; a missing signer leaves a blank to sign by hand."""

    kind: str
    header: OfficeHeader
    rows: Sequence[tuple[str | int, ...]]
    subtitle: str
    kode_lokasi: str
    lokasi: Lokasi
    place: str
    tanggal: date
    kepala: Signer | None = None
    pengurus: Signer | None = None
    notes: tuple[str, ...] = ()
    printed_at: str = ""
    kop: bool = False
    paper: PaperSize = field(default_factory=F4.landscape)


def _cell(value: str | int) -> str:
    return value if isinstance(value, str) else format_number(value)


def build_report(
    data: ReportData,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> bytes:
    """The report as PDF bytes; ``progress``/``cancelled`` as the KIB (raises ``Cancelled``)."""
    kind = REPORT_KINDS.get(data.kind)
    if kind is None:
        raise ValueError(f"laporan tidak dikenal: {data.kind!r}")
    columns = kind.columns
    summed = tuple(i for i, c in enumerate(columns) if c.total)
    printed: list[tuple[str, ...]] = []
    values: list[tuple[int, ...]] = []
    for number, row in enumerate(data.rows, start=1):
        if len(row) != len(columns) - 1:
            raise ValueError(f"baris {number}: {len(row)} isian untuk {len(columns) - 1} kolom")
        cells = (str(number), *row)
        printed.append(tuple(_cell(c) for c in cells))
        values.append(tuple(int(cells[i]) for i in summed))
    totals = Totals(columns=summed, values=values, formats=tuple(format_number for _ in summed))

    def preamble(canvas: Canvas, left: float, right: float, top: float) -> float:
        y = top
        if data.kop:
            y = draw_kop(canvas, data.header, left=left, right=right, top=y) - 3 * MM
        y = draw_titles(canvas, [(kind.title, 12.0), (data.subtitle, 10.0)], left, right, y)
        y -= 2 * MM
        width = right - left
        low = draw_fields(canvas, data.lokasi.fields(), left, y, width * 0.62)
        side = draw_fields(
            canvas, [("NO. KODE LOKASI", data.kode_lokasi)], left + width * 0.64, y, width * 0.36
        )
        return min(low, side) - 2.5 * MM

    place = data.place.strip()
    table = LongTable(
        title=f"{kind.title.title()} · {data.subtitle}",
        columns=tuple(TableColumn(c.title, c.width, c.align, c.group) for c in columns),
        rows=printed,
        preamble=preamble,
        paper=data.paper,
        totals=totals,
        notes=data.notes,
        place_date=f"{place}, {format_date(data.tanggal)}" if place else format_date(data.tanggal),
        place_date_spot=-1,
        signatures=(
            SignatureSpot("Mengetahui,", signer_or_blank(data.kepala, "Kepala SKPD"), "Kepala SKPD"),
            SignatureSpot("", signer_or_blank(data.pengurus, "Pengurus Barang"), "Pengurus Barang"),
        ),
        empty="Tidak ada barang pada laporan ini.",
        printed_at=data.printed_at,
        author=data.header.nama_dinas or "Sekretariat",
    )
    return build_long_table(table, progress, cancelled)
