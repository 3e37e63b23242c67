"""The ranking of ASN Berprestasi for one month (staff.md B9 R26, R30; SOP #10 step 4): the list attached to
the SK penetapan pegawai berprestasi, one row per employee with the score of each criterion (its weight in the
heading), the final score and the place, the awardees marked, on F4 landscape with the kop and the signature."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from desktop.core.dates import format_date, month_name
from desktop.core.nip import format_nip
from desktop.core.staff.award import format_skor
from desktop.printing.pages import F4, PaperSize
from desktop.printing.staff.table import ListFrame, StaffTable, TableColumn, build_staff_table

__all__ = ["AwardList", "AwardRow", "Unranked", "award_cells", "award_columns", "build_award_list"]

_NILAI = "Nilai Kriteria (bobot)"
PENERIMA = "Pegawai berprestasi"


@dataclass(frozen=True, slots=True)
class AwardRow:
    """One place: ``pangkat_golongan`` as printed ("Penata (III/c)"), ``nilai`` one score per criterion in the
    list's order, ``skor`` in hundredths, ``penentu`` what decided a tie with the next place."""

    peringkat: int
    nama: str
    nip: str
    pangkat_golongan: str
    jabatan: str
    unit_kerja: str
    nilai: tuple[int, ...]
    skor: int
    penentu: str = ""
    penerima: bool = False


@dataclass(frozen=True, slots=True)
class Unranked:
    """An employee left out of the ranking, with the reason (active hukuman disiplin, an incomplete sheet)."""

    nama: str
    nip: str
    alasan: str


@dataclass(frozen=True, slots=True)
class AwardList:
    """The ranking of ``periode`` (any day of the month). ``kriteria`` are (name, weight in percent) in the
    order of ``AwardRow.nilai``. Without ``nomor_sk`` the SK line is left to fill in by hand; ``konsep`` marks a
    ranking the Kepala Dinas has not approved yet."""

    frame: ListFrame
    periode: date
    kriteria: tuple[tuple[str, int], ...]
    rows: Sequence[AwardRow]
    unranked: Sequence[Unranked] = ()
    nomor_sk: str = ""
    tanggal_sk: date | None = None
    konsep: bool = False
    paper: PaperSize = field(default_factory=F4.landscape)


def award_columns(kriteria: Sequence[tuple[str, int]]) -> tuple[TableColumn, ...]:
    """Peringkat, Nama / NIP, pangkat, jabatan, one column per criterion, the final score and the remarks."""
    width = max(7.0, min(12.0, 60.0 / max(len(kriteria), 1)))
    return (
        TableColumn("Pering-\nkat", 6.5, "center"),
        TableColumn("Nama / NIP", 26),
        TableColumn("Pangkat / Gol.", 14),
        TableColumn("Jabatan / Unit Kerja", 28),
        *(TableColumn(f"{nama} ({bobot}%)", width, "center", _NILAI) for nama, bobot in kriteria),
        TableColumn("Skor Akhir", 8, "center"),
        TableColumn("Keterangan", 20),
    )


def award_cells(row: AwardRow) -> tuple[str, ...]:
    """A row's printed cells, in :func:`award_columns` order."""
    keterangan = "\n".join(part for part in (PENERIMA if row.penerima else "", row.penentu) if part)
    jabatan = "\n".join(part for part in (row.jabatan, row.unit_kerja) if part)
    return (
        str(row.peringkat),
        f"{row.nama}\n{format_nip(row.nip)}",
        row.pangkat_golongan,
        jabatan,
        *(str(n) for n in row.nilai),
        format_skor(row.skor),
        keterangan,
    )


def _bulan(d: date) -> str:
    return f"{month_name(d.month)} {d.year}"


def build_award_list(data: AwardList) -> bytes:
    """The ranking as PDF bytes."""
    frame = data.frame
    sk = "LAMPIRAN KEPUTUSAN KEPALA DINAS NOMOR " + (data.nomor_sk or "." * 30)
    sk += " TANGGAL " + (format_date(data.tanggal_sk).upper() if data.tanggal_sk else "." * 20)
    subtitle = [sk, f"BULAN {_bulan(data.periode).upper()}"]
    if data.konsep:
        subtitle.append("KONSEP — BELUM DITETAPKAN KEPALA DINAS")
    weights = " + ".join(f"{bobot}% × {nama}" for nama, bobot in data.kriteria)
    notes = [
        f"Skor akhir = {weights} (nilai tiap kriteria 0-100).",
        "Skor sama diurutkan menurut nilai kriteria berbobot tertinggi, lalu golongan, masa kerja, dan nama.",
    ]
    if data.unranked:
        notes.append(
            "Tidak diperingkat: "
            + "; ".join(f"{u.nama} ({format_nip(u.nip)}): {u.alasan}" for u in data.unranked)
            + "."
        )
    return build_staff_table(
        StaffTable(
            header=frame.header,
            title="DAFTAR PERINGKAT ASN BERPRESTASI",
            subtitle=tuple(subtitle),
            columns=award_columns(data.kriteria),
            rows=[award_cells(row) for row in data.rows],
            place_date=frame.place_date,
            signatures=frame.signatures,
            printed_at=frame.printed_at,
            paper=data.paper,
            notes=tuple(notes),
            empty="Belum ada lembar penilaian yang lengkap untuk bulan ini.",
            document_title=f"ASN Berprestasi {_bulan(data.periode)}",
        )
    )
