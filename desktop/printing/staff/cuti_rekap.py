"""The rekap cuti (staff.md R30): one row per employee for a year, cuti tahunan hak / diambil / sisa and the
days taken per other jenis, on F4 landscape with the kop and signatures."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from desktop.core.nip import format_nip
from desktop.core.staff.cuti import CutiJenis
from desktop.printing.pages import F4, PaperSize
from desktop.printing.staff.cuti_form import FORM_JENIS
from desktop.printing.staff.table import ListFrame, StaffTable, TableColumn, build_staff_table

__all__ = ["OTHER_JENIS", "RekapCuti", "RekapCutiRow", "build_rekap_cuti", "rekap_cells", "rekap_columns"]

OTHER_JENIS: tuple[CutiJenis, ...] = FORM_JENIS[1:]
"""The jenis after cuti tahunan, one column each (cuti bersama is not counted: it is not taken per person)."""

_TAHUNAN = "Cuti Tahunan (hari kerja)"
_LAIN = "Jenis Cuti Lain (hari)"
_SHORT = {
    CutiJenis.BESAR: "Besar",
    CutiJenis.SAKIT: "Sakit",
    CutiJenis.MELAHIRKAN: "Melahirkan",
    CutiJenis.ALASAN_PENTING: "Alasan Penting",
    CutiJenis.CLTN: "CLTN",
}


@dataclass(frozen=True, slots=True)
class RekapCutiRow:
    """One employee's year: the cuti tahunan ``hak_tahunan`` (this year's days plus those carried over) and the
    days ``diambil`` per jenis; the sisa is ``hak_tahunan`` minus the tahunan days taken."""

    nama: str
    nip: str
    unit_kerja: str
    hak_tahunan: int
    diambil: Mapping[CutiJenis, int]
    keterangan: str = ""

    @property
    def sisa_tahunan(self) -> int:
        return self.hak_tahunan - self.diambil.get(CutiJenis.TAHUNAN, 0)


@dataclass(frozen=True, slots=True)
class RekapCuti:
    """The rekap for ``tahun``; ``periode`` replaces "TAHUN 2026" under the title for part of a year."""

    frame: ListFrame
    tahun: int
    rows: Sequence[RekapCutiRow]
    periode: str = ""
    paper: PaperSize = field(default_factory=F4.landscape)


def rekap_columns() -> tuple[TableColumn, ...]:
    """The rekap's columns, "No" first."""
    return (
        TableColumn("No", 4, "center"),
        TableColumn("Nama / NIP", 26),
        TableColumn("Unit Kerja", 22),
        TableColumn("Hak", 6, "center", _TAHUNAN),
        TableColumn("Diambil", 6.5, "center", _TAHUNAN),
        TableColumn("Sisa", 6, "center", _TAHUNAN),
        *(TableColumn(_SHORT[jenis], 8, "center", _LAIN) for jenis in OTHER_JENIS),
        TableColumn("Keterangan", 16),
    )


def rekap_cells(row: RekapCutiRow) -> tuple[int | str, ...]:
    """A row's values after "No", in :func:`rekap_columns` order (ints for the day counts)."""
    return (
        f"{row.nama}\n{format_nip(row.nip)}",
        row.unit_kerja,
        row.hak_tahunan,
        row.diambil.get(CutiJenis.TAHUNAN, 0),
        row.sisa_tahunan,
        *(row.diambil.get(jenis, 0) for jenis in OTHER_JENIS),
        row.keterangan,
    )


def build_rekap_cuti(rekap: RekapCuti) -> bytes:
    """The rekap cuti as PDF bytes; a zero day count prints as "-"."""
    rows = [
        (str(number), *("-" if cell == 0 else str(cell) for cell in rekap_cells(row)))
        for number, row in enumerate(rekap.rows, start=1)
    ]
    frame = rekap.frame
    return build_staff_table(
        StaffTable(
            header=frame.header,
            title="REKAPITULASI CUTI PEGAWAI",
            subtitle=(rekap.periode or f"TAHUN {rekap.tahun}",),
            columns=rekap_columns(),
            rows=rows,
            place_date=frame.place_date,
            signatures=frame.signatures,
            printed_at=frame.printed_at,
            paper=rekap.paper,
            notes=(
                "Cuti tahunan dalam hari kerja (di luar akhir pekan, libur nasional dan cuti bersama); hak termasuk "
                "sisa cuti tahun sebelumnya yang dibawa. Cuti bersama tidak mengurangi hak cuti tahunan "
                "(PP 11/2017 Pasal 333 ayat (2)).",
            ),
            empty="Tidak ada pegawai dalam rekap ini.",
        )
    )
