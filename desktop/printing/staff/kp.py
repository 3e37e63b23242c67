"""The daftar usul kenaikan pangkat for one KP period (staff.md SOP #14 step 3, R30; KKA 800.1.3.2): the
matriks sent with the usul letter, one row per PNS with the pangkat lama and baru, TMT and jenis KP, on F4
landscape."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from desktop.core.dates import format_date, format_date_numeric
from desktop.core.nip import format_nip
from desktop.core.staff.months import MasaKerja
from desktop.printing.pages import F4, PaperSize
from desktop.printing.staff.table import ListFrame, StaffTable, TableColumn, build_staff_table

__all__ = ["COLUMNS", "KpUsulList", "KpUsulan", "build_kp_usul_list", "kp_usul_cells"]

_LAMA = "Pangkat Lama"
_BARU = "Pangkat Baru"
_MKG = "Masa Kerja Gol."

COLUMNS: tuple[TableColumn, ...] = (
    TableColumn("No", 4, "center"),
    TableColumn("Nama / NIP", 27),
    TableColumn("Pangkat", 15, group=_LAMA),
    TableColumn("Gol.", 6, "center", _LAMA),
    TableColumn("TMT", 10, "center", _LAMA),
    TableColumn("Pangkat", 15, group=_BARU),
    TableColumn("Gol.", 6, "center", _BARU),
    TableColumn("TMT", 10, "center", _BARU),
    TableColumn("Thn", 5, "center", _MKG),
    TableColumn("Bln", 5, "center", _MKG),
    TableColumn("Jabatan / Unit Kerja", 26),
    TableColumn("Pendidikan Terakhir", 11, "center"),
    TableColumn("Jenis KP", 14),
    TableColumn("Ket.", 12),
)
"""The list's columns ("No" first); the PDF and any workbook use the same."""


@dataclass(frozen=True, slots=True)
class KpUsulan:
    """One proposal: ``pangkat_*`` the names ("Penata"), ``golongan_*`` the ruang ("III/c"), ``mkg`` the masa
    kerja golongan on the new TMT, ``jenis_kp`` as printed ("KP reguler")."""

    nama: str
    nip: str
    pangkat_lama: str
    golongan_lama: str
    tmt_lama: date
    pangkat_baru: str
    golongan_baru: str
    tmt_baru: date
    jenis_kp: str
    mkg: MasaKerja | None = None
    jabatan: str = ""
    unit_kerja: str = ""
    pendidikan: str = ""
    keterangan: str = ""


@dataclass(frozen=True, slots=True)
class KpUsulList:
    """The proposals for the KP period with TMT ``periode``; ``lampiran`` names the usul letter the list goes
    with ("Lampiran Surat Kepala Dinas Nomor 800.1.3.2/…/SEK.UM/2026 Tanggal 1 September 2026")."""

    frame: ListFrame
    periode: date
    usulan: Sequence[KpUsulan]
    lampiran: str = ""
    paper: PaperSize = field(default_factory=F4.landscape)


def kp_usul_cells(u: KpUsulan) -> tuple[str, ...]:
    """A proposal's printed cells after "No", in :data:`COLUMNS` order."""
    jabatan_unit = "\n".join(part for part in (u.jabatan.strip(), u.unit_kerja.strip()) if part)
    return (
        f"{u.nama}\n{format_nip(u.nip)}",
        u.pangkat_lama,
        u.golongan_lama,
        format_date_numeric(u.tmt_lama),
        u.pangkat_baru,
        u.golongan_baru,
        format_date_numeric(u.tmt_baru),
        "" if u.mkg is None else str(u.mkg.tahun),
        "" if u.mkg is None else str(u.mkg.bulan),
        jabatan_unit,
        u.pendidikan,
        u.jenis_kp,
        u.keterangan,
    )


def build_kp_usul_list(usul: KpUsulList) -> bytes:
    """The daftar usul KP as PDF bytes, rows in the order given."""
    frame = usul.frame
    subtitle = [frame.header.nama_dinas.upper(), f"PERIODE {format_date(usul.periode).upper()}"]
    if usul.lampiran.strip():
        subtitle.insert(0, usul.lampiran.strip())
    return build_staff_table(
        StaffTable(
            header=frame.header,
            title="DAFTAR USUL KENAIKAN PANGKAT PEGAWAI NEGERI SIPIL",
            subtitle=tuple(subtitle),
            columns=COLUMNS,
            rows=[(str(n), *kp_usul_cells(u)) for n, u in enumerate(usul.usulan, start=1)],
            place_date=frame.place_date,
            signatures=frame.signatures,
            printed_at=frame.printed_at,
            paper=usul.paper,
            empty="Tidak ada usul kenaikan pangkat pada periode ini.",
            document_title=f"Daftar usul KP periode {format_date(usul.periode)}",
        )
    )
