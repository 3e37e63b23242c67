"""The daftar urut kepangkatan (DUK, staff.md R30; KKA 800.1.11.12) on F4 landscape: the PNS in the order of
``core/staff/duk.py`` with the columns of the PP 15/1979 form (pangkat, jabatan, masa kerja, latihan jabatan,
pendidikan, usia, catatan mutasi)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from desktop.core.dates import format_date, format_date_numeric, month_name
from desktop.core.nip import format_nip
from desktop.core.staff.duk import (
    DukCriteria,
    eselon_rank,
    latihan_jabatan_rank,
    order_duk,
    pendidikan_rank,
)
from desktop.core.staff.months import MasaKerja
from desktop.printing.pages import F4, PaperSize
from desktop.printing.staff.nominatif import usia
from desktop.printing.staff.table import ListFrame, StaffTable, TableColumn, build_staff_table

__all__ = ["COLUMNS", "DukList", "DukPegawai", "build_duk", "duk_cells", "duk_criteria", "duk_order"]

_PANGKAT = "Pangkat"
_JABATAN = "Jabatan"
_MK = "Masa Kerja"
_LATIHAN = "Latihan Jabatan"
_PENDIDIKAN = "Pendidikan"

COLUMNS: tuple[TableColumn, ...] = (
    TableColumn("No Urut", 4.5, "center"),
    TableColumn("Nama / NIP", 26),
    TableColumn("Gol. Ruang", 6, "center", _PANGKAT),
    TableColumn("TMT", 11, "center", _PANGKAT),
    TableColumn("Nama Jabatan", 24, group=_JABATAN),
    TableColumn("Eselon", 6, "center", _JABATAN),
    TableColumn("TMT", 11, "center", _JABATAN),
    TableColumn("Thn", 4.5, "center", _MK),
    TableColumn("Bln", 4.5, "center", _MK),
    TableColumn("Nama", 13, group=_LATIHAN),
    TableColumn("Bln/Thn", 9, "center", _LATIHAN),
    TableColumn("Jml Jam", 6, "center", _LATIHAN),
    TableColumn("Nama / Jurusan", 16, group=_PENDIDIKAN),
    TableColumn("Lulus Thn", 6, "center", _PENDIDIKAN),
    TableColumn("Tingkat Ijazah", 7, "center", _PENDIDIKAN),
    TableColumn("Tgl Lahir / Usia", 11, "center"),
    TableColumn("Catatan Mutasi", 10),
    TableColumn("Ket.", 7),
)
"""The DUK's columns, "No Urut" first."""


@dataclass(frozen=True, slots=True)
class DukPegawai:
    """One PNS in the DUK. ``masa_kerja`` is the whole masa kerja as PNS on the DUK date; ``eselon`` as written
    ("III.a"); ``jabatan_rank`` overrides the rank taken from ``eselon`` (for example for a JF ahli madya, which
    has no eselon); ``latihan_jabatan`` the highest leadership training ("Diklatpim III", "PKA") with its month
    and hours; ``pendidikan_tingkat`` the highest ijazah ("S-1")."""

    nama: str
    nip: str
    golongan_ruang: str
    tmt_golongan: date
    masa_kerja: MasaKerja
    jabatan: str = ""
    eselon: str = ""
    tmt_jabatan: date | None = None
    jabatan_rank: int | None = None
    latihan_jabatan: str = ""
    latihan_tanggal: date | None = None
    latihan_jam: int | None = None
    pendidikan_nama: str = ""
    pendidikan_tingkat: str = ""
    tahun_lulus: int | None = None
    tanggal_lahir: date | None = None
    catatan_mutasi: str = ""
    keterangan: str = ""


@dataclass(frozen=True, slots=True)
class DukList:
    """The DUK of the Dinas as of ``per_tanggal`` (usually 1 January or 1 July); ``ordered=False`` prints the
    rows as given instead of sorting them by :func:`duk_order`."""

    frame: ListFrame
    per_tanggal: date
    pegawai: Sequence[DukPegawai]
    unit: str = ""  # the line under the title; the dinas name from the kop when empty
    ordered: bool = True
    paper: PaperSize = field(default_factory=F4.landscape)


def duk_criteria(p: DukPegawai) -> DukCriteria:
    """What orders ``p`` in the DUK (core/staff/duk.py)."""
    return DukCriteria(
        golongan_ruang=p.golongan_ruang,
        tmt_golongan=p.tmt_golongan,
        nip=p.nip,
        jabatan_rank=eselon_rank(p.eselon) if p.jabatan_rank is None else p.jabatan_rank,
        tmt_jabatan=p.tmt_jabatan,
        masa_kerja=p.masa_kerja,
        latihan_jabatan_rank=latihan_jabatan_rank(p.latihan_jabatan),
        pendidikan_rank=pendidikan_rank(p.pendidikan_tingkat),
        tahun_lulus=p.tahun_lulus,
        tanggal_lahir=p.tanggal_lahir,
    )


def duk_order(pegawai: Sequence[DukPegawai]) -> list[DukPegawai]:
    """``pegawai`` in DUK order."""
    return order_duk(pegawai, duk_criteria)


def _month_year(d: date | None) -> str:
    return f"{month_name(d.month)[:3]} {d.year}" if d else ""


def duk_cells(p: DukPegawai, on: date) -> tuple[str, ...]:
    """A PNS's printed cells after "No Urut", in :data:`COLUMNS` order; ``on`` is the DUK date (for the age)."""
    lahir = ""
    if p.tanggal_lahir is not None:
        lahir = f"{format_date_numeric(p.tanggal_lahir)}\n{usia(p.tanggal_lahir, on)} thn"
    return (
        f"{p.nama}\n{format_nip(p.nip)}",
        p.golongan_ruang,
        format_date_numeric(p.tmt_golongan),
        p.jabatan,
        p.eselon,
        format_date_numeric(p.tmt_jabatan) if p.tmt_jabatan else "",
        str(p.masa_kerja.tahun),
        str(p.masa_kerja.bulan),
        p.latihan_jabatan,
        _month_year(p.latihan_tanggal),
        "" if p.latihan_jam is None else str(p.latihan_jam),
        p.pendidikan_nama,
        "" if p.tahun_lulus is None else str(p.tahun_lulus),
        p.pendidikan_tingkat,
        lahir,
        p.catatan_mutasi,
        p.keterangan,
    )


def build_duk(duk: DukList) -> bytes:
    """The DUK as PDF bytes."""
    pegawai = duk_order(duk.pegawai) if duk.ordered else list(duk.pegawai)
    frame = duk.frame
    unit = duk.unit or frame.header.nama_dinas
    return build_staff_table(
        StaffTable(
            header=frame.header,
            title="DAFTAR URUT KEPANGKATAN PEGAWAI NEGERI SIPIL",
            subtitle=(unit.upper(), f"KEADAAN PER {format_date(duk.per_tanggal).upper()}"),
            columns=COLUMNS,
            rows=[(str(n), *duk_cells(p, duk.per_tanggal)) for n, p in enumerate(pegawai, start=1)],
            place_date=frame.place_date,
            signatures=frame.signatures,
            printed_at=frame.printed_at,
            paper=duk.paper,
            empty="Tidak ada PNS dalam daftar ini.",
            document_title=f"DUK per {format_date(duk.per_tanggal)}",
        )
    )
