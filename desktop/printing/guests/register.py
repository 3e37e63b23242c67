"""The printed buku tamu for a period (F4 landscape, with the "Bertemu" column) and its recapitulation."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from desktop.printing.data import OfficeHeader
from desktop.printing.register_report import Column, RegisterReport, SignatureSpot, build_register_report
from desktop.printing.section_report import Section, SectionReport, build_section_report

GUEST_BOOK_COLUMNS = (
    Column("No", 4, "center"),
    Column("Tanggal", 8, "center"),
    Column("Jam Datang", 5.5, "center"),
    Column("Jam Pulang", 5.5, "center"),
    Column("Nama", 15),
    Column("Instansi / Asal", 14),
    Column("No. HP", 10),
    Column("Keperluan", 14),
    Column("Tujuan", 15),
    Column("Bertemu", 12),
    Column("Tiket / Kartu", 7, "center"),
)
RECAP_PERIOD_COLUMNS = (
    Column("No", 4, "center"),
    Column("Tanggal / Bulan", 60),
    Column("Kunjungan", 12, "center"),
    Column("Orang", 12, "center"),
)
RECAP_GROUP_COLUMNS = (
    Column("No", 4, "center"),
    Column("Uraian", 60),
    Column("Kunjungan", 12, "center"),
    Column("Orang", 12, "center"),
)
RECAP_NOTE = (
    "Kunjungan: tamu yang tercatat datang (tanpa yang batal, tidak hadir dan pra-registrasi). Orang: jumlah "
    "orang rombongan."
)


@dataclass(frozen=True)
class PrintFrame:
    """What both documents share: the kop, the place and date, the signatures, the print time."""

    header: OfficeHeader
    place_date: str
    signatures: tuple[SignatureSpot, ...]
    printed_at: str


@dataclass(frozen=True)
class RecapPrint:
    """The recap's tables as text rows (No, label, kunjungan, orang) and the totals (kunjungan, orang)."""

    subtitle: str
    per_label: str  # "Per hari" / "Per bulan"
    periods: Sequence[tuple[str, ...]]
    keperluan: Sequence[tuple[str, ...]]
    tujuan: Sequence[tuple[str, ...]]
    instansi: Sequence[tuple[str, ...]]
    totals: tuple[str, str]


def build_guest_book(
    frame: PrintFrame,
    subtitle: str,
    rows: Sequence[tuple[str, ...]],
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> bytes:
    """BUKU TAMU: one row per visit in ``GUEST_BOOK_COLUMNS`` order."""
    report = RegisterReport(
        header=frame.header,
        title="BUKU TAMU",
        subtitle=subtitle,
        columns=GUEST_BOOK_COLUMNS,
        rows=rows,
        place_date=frame.place_date,
        signatures=frame.signatures,
        printed_at=frame.printed_at,
    )
    return build_register_report(report, progress, cancelled)


def build_guest_recap(
    frame: PrintFrame,
    recap: RecapPrint,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> bytes:
    """REKAPITULASI KUNJUNGAN TAMU: per day or month, then by keperluan, tujuan and instansi, each with totals."""
    totals = ("", "Jumlah", *recap.totals)
    sections = (
        Section(f"A. {recap.per_label}", RECAP_PERIOD_COLUMNS, recap.periods, totals=totals, note=RECAP_NOTE),
        Section("B. Menurut keperluan", RECAP_GROUP_COLUMNS, recap.keperluan, totals=totals),
        Section("C. Menurut tujuan", RECAP_GROUP_COLUMNS, recap.tujuan, totals=totals),
        Section("D. Menurut instansi / asal", RECAP_GROUP_COLUMNS, recap.instansi, totals=totals),
    )
    report = SectionReport(
        header=frame.header,
        title="REKAPITULASI KUNJUNGAN TAMU",
        subtitle=recap.subtitle,
        sections=sections,
        place_date=frame.place_date,
        signatures=frame.signatures,
        printed_at=frame.printed_at,
    )
    return build_section_report(report, progress, cancelled)
