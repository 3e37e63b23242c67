"""The daftar nominatif pegawai (staff.md R30): the staff list with the columns the user chooses, on F4
landscape. The column catalogue here serves the PDF and the xlsx writer in ``services/staff/documents.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from desktop.core.dates import format_date, format_date_numeric
from desktop.core.nip import bare_nip, format_nip
from desktop.core.staff.months import MasaKerja, months_between
from desktop.printing.pages import F4, PaperSize
from desktop.printing.staff.table import ListFrame, StaffTable, TableColumn, build_staff_table

__all__ = [
    "COLUMNS",
    "DEFAULT_COLUMNS",
    "NominatifColumn",
    "NominatifList",
    "NominatifPegawai",
    "Value",
    "build_nominatif",
    "chosen_columns",
    "display",
    "usia",
]

Value = str | int | date | None


@dataclass(frozen=True, slots=True)
class NominatifPegawai:
    """One employee as the list shows them; empty strings and None print as blank cells.

    ``nip`` may be typed with or without spaces; ``masa_kerja_golongan`` is the MKG on ``per_tanggal`` of the
    list (the service computes it); ``status`` PNS / CPNS / PPPK.
    """

    nama: str
    nip: str
    tempat_lahir: str = ""
    tanggal_lahir: date | None = None
    jenis_kelamin: str = ""
    agama: str = ""
    status: str = ""
    pangkat: str = ""
    golongan_ruang: str = ""
    tmt_golongan: date | None = None
    masa_kerja_golongan: MasaKerja | None = None
    jenis_jabatan: str = ""
    jabatan: str = ""
    eselon: str = ""
    tmt_jabatan: date | None = None
    unit_kerja: str = ""
    pendidikan: str = ""
    jurusan: str = ""
    tahun_lulus: int | None = None
    tmt_cpns: date | None = None
    tmt_pns: date | None = None
    kgb_berikutnya: date | None = None
    tmt_pensiun: date | None = None
    keterangan: str = ""


def usia(tanggal_lahir: date | None, on: date) -> int | None:
    """Age in whole years on ``on``."""
    if tanggal_lahir is None:
        return None
    return months_between(tanggal_lahir, on) // 12


@dataclass(frozen=True, slots=True)
class NominatifColumn:
    """One choosable column: ``values`` gives its cell values (one per sheet column: "nama_nip" is one printed
    column but two in a workbook, Nama and NIP); ``sheet_titles`` names them. ``group`` joins adjacent columns
    under one header cell in print."""

    key: str
    title: str
    width: float
    values: Callable[[NominatifPegawai, date], tuple[Value, ...]]
    sheet_titles: tuple[str, ...]
    align: str = "left"
    group: str = ""
    printed: Callable[[NominatifPegawai, date], str] | None = (
        None  # the printed cell when not the values joined
    )


def _one(
    key: str,
    title: str,
    width: float,
    getter: Callable[[NominatifPegawai, date], Value],
    *,
    align: str = "left",
    group: str = "",
    sheet_title: str = "",
) -> NominatifColumn:
    return NominatifColumn(
        key, title, width, lambda p, on: (getter(p, on),), (sheet_title or title,), align, group
    )


def display(value: Value) -> str:
    """A cell value as printed: dates ``01-03-2027``, None blank."""
    if value is None:
        return ""
    if isinstance(value, date):
        return format_date_numeric(value)
    return str(value)


def _ttl(p: NominatifPegawai, on: date) -> str:
    lahir = format_date(p.tanggal_lahir) if p.tanggal_lahir else ""
    return ", ".join(part for part in (p.tempat_lahir.strip(), lahir) if part)


_PANGKAT = "Pangkat / Golongan"
_MKG = "Masa Kerja Gol."
_JABATAN = "Jabatan"
_PENDIDIKAN = "Pendidikan Terakhir"

COLUMNS: dict[str, NominatifColumn] = {
    c.key: c
    for c in (
        NominatifColumn(
            "nama_nip",
            "Nama / NIP",
            30,
            lambda p, on: (p.nama, bare_nip(p.nip) or p.nip.strip()),
            ("Nama", "NIP"),
            printed=lambda p, on: f"{p.nama}\n{format_nip(p.nip)}",
        ),
        _one("nama", "Nama", 26, lambda p, on: p.nama),
        NominatifColumn(
            "nip",
            "NIP",
            20,
            lambda p, on: (bare_nip(p.nip) or p.nip.strip(),),
            ("NIP",),
            printed=lambda p, on: format_nip(p.nip),
        ),
        NominatifColumn(
            "tempat_tanggal_lahir",
            "Tempat, Tanggal Lahir",
            20,
            lambda p, on: (p.tempat_lahir, p.tanggal_lahir),
            ("Tempat Lahir", "Tanggal Lahir"),
            printed=_ttl,
        ),
        _one("tanggal_lahir", "Tanggal Lahir", 11, lambda p, on: p.tanggal_lahir, align="center"),
        _one("usia", "Usia (thn)", 7, lambda p, on: usia(p.tanggal_lahir, on), align="center"),
        _one("jenis_kelamin", "L/P", 5, lambda p, on: p.jenis_kelamin, align="center"),
        _one("agama", "Agama", 9, lambda p, on: p.agama),
        _one("status", "Status", 8, lambda p, on: p.status, align="center"),
        _one("pangkat", "Pangkat", 17, lambda p, on: p.pangkat, group=_PANGKAT),
        _one(
            "golongan_ruang", "Gol. Ruang", 7, lambda p, on: p.golongan_ruang, align="center", group=_PANGKAT
        ),
        _one(
            "tmt_golongan",
            "TMT",
            11,
            lambda p, on: p.tmt_golongan,
            align="center",
            group=_PANGKAT,
            sheet_title="TMT Golongan",
        ),
        _one(
            "mkg_tahun",
            "Thn",
            5,
            lambda p, on: p.masa_kerja_golongan.tahun if p.masa_kerja_golongan else None,
            align="center",
            group=_MKG,
            sheet_title="MKG Tahun",
        ),
        _one(
            "mkg_bulan",
            "Bln",
            5,
            lambda p, on: p.masa_kerja_golongan.bulan if p.masa_kerja_golongan else None,
            align="center",
            group=_MKG,
            sheet_title="MKG Bulan",
        ),
        _one("jenis_jabatan", "Jenis Jabatan", 12, lambda p, on: p.jenis_jabatan, group=_JABATAN),
        _one("jabatan", "Nama Jabatan", 28, lambda p, on: p.jabatan, group=_JABATAN, sheet_title="Jabatan"),
        _one("eselon", "Eselon", 7, lambda p, on: p.eselon, align="center", group=_JABATAN),
        _one(
            "tmt_jabatan",
            "TMT",
            11,
            lambda p, on: p.tmt_jabatan,
            align="center",
            group=_JABATAN,
            sheet_title="TMT Jabatan",
        ),
        _one("unit_kerja", "Unit Kerja", 22, lambda p, on: p.unit_kerja),
        _one(
            "pendidikan",
            "Tingkat",
            8,
            lambda p, on: p.pendidikan,
            align="center",
            group=_PENDIDIKAN,
            sheet_title="Pendidikan",
        ),
        _one("jurusan", "Jurusan", 18, lambda p, on: p.jurusan, group=_PENDIDIKAN),
        _one(
            "tahun_lulus",
            "Lulus",
            7,
            lambda p, on: p.tahun_lulus,
            align="center",
            group=_PENDIDIKAN,
            sheet_title="Tahun Lulus",
        ),
        _one("tmt_cpns", "TMT CPNS", 11, lambda p, on: p.tmt_cpns, align="center"),
        _one("tmt_pns", "TMT PNS", 11, lambda p, on: p.tmt_pns, align="center"),
        _one("kgb_berikutnya", "KGB Berikutnya", 11, lambda p, on: p.kgb_berikutnya, align="center"),
        _one("tmt_pensiun", "TMT Pensiun", 11, lambda p, on: p.tmt_pensiun, align="center"),
        _one("keterangan", "Keterangan", 16, lambda p, on: p.keterangan),
    )
}
"""Every column a nominatif may have, in the order a column picker lists them."""

DEFAULT_COLUMNS: tuple[str, ...] = (
    "nama_nip",
    "tempat_tanggal_lahir",
    "pangkat",
    "golongan_ruang",
    "tmt_golongan",
    "mkg_tahun",
    "mkg_bulan",
    "jabatan",
    "tmt_jabatan",
    "pendidikan",
    "tahun_lulus",
    "unit_kerja",
    "keterangan",
)


@dataclass(frozen=True, slots=True)
class NominatifList:
    """A nominatif as of ``per_tanggal`` (ages and the subtitle use it); ``columns`` are keys of :data:`COLUMNS`
    in the order to print; the rows are printed in the order given."""

    frame: ListFrame
    pegawai: Sequence[NominatifPegawai]
    per_tanggal: date
    columns: tuple[str, ...] = DEFAULT_COLUMNS
    title: str = "DAFTAR NOMINATIF PEGAWAI"
    unit: str = ""  # the line under the title; the dinas name from the kop when empty
    paper: PaperSize = field(default_factory=F4.landscape)


def chosen_columns(keys: Sequence[str]) -> list[NominatifColumn]:
    """The columns for ``keys``; ValueError in Indonesian for an unknown or repeated key or none at all."""
    if not keys:
        raise ValueError("Pilih sedikitnya satu kolom untuk daftar nominatif.")
    unknown = [key for key in keys if key not in COLUMNS]
    if unknown:
        raise ValueError(f"Kolom daftar nominatif tidak dikenal: {', '.join(unknown)}")
    if len(set(keys)) != len(keys):
        raise ValueError("Kolom daftar nominatif dipilih lebih dari sekali.")
    return [COLUMNS[key] for key in keys]


def _printed(column: NominatifColumn, p: NominatifPegawai, on: date) -> str:
    if column.printed is not None:
        return column.printed(p, on)
    return " ".join(display(v) for v in column.values(p, on) if v is not None and v != "")


def build_nominatif(nominatif: NominatifList) -> bytes:
    """The nominatif as PDF bytes (F4 landscape by default): "No" and the chosen columns."""
    columns = chosen_columns(nominatif.columns)
    on = nominatif.per_tanggal
    rows = [
        (str(number), *(_printed(column, p, on) for column in columns))
        for number, p in enumerate(nominatif.pegawai, start=1)
    ]
    frame = nominatif.frame
    unit = nominatif.unit or frame.header.nama_dinas
    return build_staff_table(
        StaffTable(
            header=frame.header,
            title=nominatif.title,
            subtitle=(unit.upper(), f"KEADAAN PER {format_date(on).upper()}"),
            columns=(
                TableColumn("No", 4, "center"),
                *(TableColumn(c.title, c.width, c.align, c.group) for c in columns),
            ),
            rows=rows,
            place_date=frame.place_date,
            signatures=frame.signatures,
            printed_at=frame.printed_at,
            paper=nominatif.paper,
            empty="Tidak ada pegawai dalam daftar ini.",
        )
    )
