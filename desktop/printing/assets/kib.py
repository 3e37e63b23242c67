"""Kartu Inventaris Barang (KIB) A-F on F4 landscape (assets.md R8-R10, columns of kib_kir_columns.csv)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from reportlab.pdfgen.canvas import Canvas

from desktop.core.dates import format_date
from desktop.core.money import format_number
from desktop.printing.assets.table import (
    Cancelled,
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

__all__ = [
    "GOLONGAN",
    "KIB_TITLES",
    "Cancelled",
    "KibData",
    "KibRow",
    "Lokasi",
    "build_kib",
    "kib_columns",
    "kib_text_columns",
    "rupiah_cell",
]

GOLONGAN = ("A", "B", "C", "D", "E", "F")

KIB_TITLES: dict[str, str] = {
    "A": "KARTU INVENTARIS BARANG (KIB) A. TANAH",
    "B": "KARTU INVENTARIS BARANG (KIB) B. PERALATAN DAN MESIN",
    "C": "KARTU INVENTARIS BARANG (KIB) C. GEDUNG DAN BANGUNAN",
    "D": "KARTU INVENTARIS BARANG (KIB) D. JALAN, IRIGASI DAN JARINGAN",
    "E": "KARTU INVENTARIS BARANG (KIB) E. ASET TETAP LAINNYA",
    "F": "KARTU INVENTARIS BARANG (KIB) F. KONSTRUKSI DALAM PENGERJAAN",
}

# What a column is filled from: the running number, one of the row's text cells, its harga or its jumlah.
_NO, _TEXT, _HARGA, _JUMLAH = "no", "text", "harga", "jumlah"
_MONEY = "money"  # the title of the harga column is chosen at print time (Rupiah or ribuan)

_NOMOR = ("Nomor",)
_KONSTRUKSI = ("Konstruksi Bangunan",)

# (title, relative width ≈ mm on F4 landscape, align, group path, kind) in print order.
_Spec = tuple[str, float, str, tuple[str, ...], str]
_COLUMNS: dict[str, tuple[_Spec, ...]] = {
    "A": (
        ("No Urut", 8, "center", (), _NO),
        ("Jenis Barang/Nama Barang", 36, "left", (), _TEXT),
        ("Kode Barang", 27, "left", _NOMOR, _TEXT),
        ("Register", 15, "center", _NOMOR, _TEXT),
        ("Luas (M2)", 16, "right", (), _TEXT),
        ("Tahun Pengadaan", 14, "center", (), _TEXT),
        ("Letak/Alamat", 40, "left", (), _TEXT),
        ("Hak", 20, "left", ("Status Tanah",), _TEXT),
        ("Tanggal", 17, "center", ("Status Tanah", "Sertifikat"), _TEXT),
        ("Nomor", 22, "left", ("Status Tanah", "Sertifikat"), _TEXT),
        ("Penggunaan", 26, "left", (), _TEXT),
        ("Asal Usul", 18, "left", (), _TEXT),
        (_MONEY, 25, "right", (), _HARGA),
        ("Keterangan", 22, "left", (), _TEXT),
    ),
    "B": (
        ("No Urut", 8, "center", (), _NO),
        ("Kode Barang", 25, "left", (), _TEXT),
        ("Nama Barang/Jenis Barang", 30, "left", (), _TEXT),
        ("Nomor Register", 17, "center", (), _TEXT),
        ("Merk/Type", 26, "left", (), _TEXT),
        ("Ukuran/CC", 13, "left", (), _TEXT),
        ("Bahan", 13, "left", (), _TEXT),
        ("Tahun Pembelian", 13, "center", (), _TEXT),
        ("Pabrik", 22, "left", _NOMOR, _TEXT),
        ("Rangka", 25, "left", _NOMOR, _TEXT),
        ("Mesin", 21, "left", _NOMOR, _TEXT),
        ("Polisi", 15, "left", _NOMOR, _TEXT),
        ("BPKB", 16, "left", _NOMOR, _TEXT),
        ("Asal Usul/Cara Perolehan", 17, "left", (), _TEXT),
        (_MONEY, 24, "right", (), _HARGA),
        ("Keterangan", 20, "left", (), _TEXT),
    ),
    "C": (
        ("No Urut", 8, "center", (), _NO),
        ("Jenis Barang/Nama Barang", 29, "left", (), _TEXT),
        ("Kode Barang", 27, "left", _NOMOR, _TEXT),
        ("Register", 15, "center", _NOMOR, _TEXT),
        ("Kondisi Bangunan (B, KB, RB)", 14, "center", (), _TEXT),
        ("Bertingkat/Tidak", 15, "center", _KONSTRUKSI, _TEXT),
        ("Beton/Tidak", 13, "center", _KONSTRUKSI, _TEXT),
        ("Luas Lantai (M2)", 14, "right", (), _TEXT),
        ("Letak/Lokasi Alamat", 30, "left", (), _TEXT),
        ("Tanggal", 16, "center", ("Dokumen Gedung",), _TEXT),
        ("Nomor", 19, "left", ("Dokumen Gedung",), _TEXT),
        ("Luas (M2) Tanah", 14, "right", (), _TEXT),
        ("Status Tanah", 17, "left", (), _TEXT),
        ("Nomor Kode Tanah", 27, "left", (), _TEXT),
        ("Asal Usul", 16, "left", (), _TEXT),
        (_MONEY, 25, "right", (), _HARGA),
        ("Keterangan", 16, "left", (), _TEXT),
    ),
    "D": (
        ("No Urut", 8, "center", (), _NO),
        ("Jenis Barang/Nama Barang", 29, "left", (), _TEXT),
        ("Kode Barang", 27, "left", _NOMOR, _TEXT),
        ("Register", 15, "center", _NOMOR, _TEXT),
        ("Konstruksi", 16, "left", (), _TEXT),
        ("Panjang (Km)", 13, "right", (), _TEXT),
        ("Lebar (M)", 12, "right", (), _TEXT),
        ("Luas (M2)", 14, "right", (), _TEXT),
        ("Letak/Lokasi", 30, "left", (), _TEXT),
        ("Tanggal", 16, "center", ("Dokumen",), _TEXT),
        ("Nomor", 19, "left", ("Dokumen",), _TEXT),
        ("Status Tanah", 17, "left", (), _TEXT),
        ("Nomor Kode Tanah", 27, "left", (), _TEXT),
        ("Asal Usul", 16, "left", (), _TEXT),
        (_MONEY, 25, "right", (), _HARGA),
        ("Kondisi (B, KB, RB)", 13, "center", (), _TEXT),
        ("Keterangan", 16, "left", (), _TEXT),
    ),
    "E": (
        ("No Urut", 8, "center", (), _NO),
        ("Nama Barang/Jenis Barang", 28, "left", (), _TEXT),
        ("Kode Barang", 27, "left", _NOMOR, _TEXT),
        ("Register", 15, "center", _NOMOR, _TEXT),
        ("Judul/Pencipta", 22, "left", ("Buku/Perpustakaan",), _TEXT),
        ("Spesifikasi", 19, "left", ("Buku/Perpustakaan",), _TEXT),
        ("Asal Daerah", 17, "left", ("Barang Bercorak Kesenian/Kebudayaan",), _TEXT),
        ("Pencipta", 17, "left", ("Barang Bercorak Kesenian/Kebudayaan",), _TEXT),
        ("Bahan", 15, "left", ("Barang Bercorak Kesenian/Kebudayaan",), _TEXT),
        ("Jenis", 17, "left", ("Hewan/Ternak dan Tumbuhan",), _TEXT),
        ("Ukuran", 13, "left", ("Hewan/Ternak dan Tumbuhan",), _TEXT),
        ("Jumlah", 12, "right", (), _JUMLAH),
        ("Tahun Cetak/Pembelian", 15, "center", (), _TEXT),
        ("Asal Usul", 16, "left", (), _TEXT),
        (_MONEY, 25, "right", (), _HARGA),
        ("Keterangan", 18, "left", (), _TEXT),
    ),
    "F": (
        ("No Urut", 8, "center", (), _NO),
        ("Jenis Barang/Nama Barang", 33, "left", (), _TEXT),
        ("Bangunan (P, SP, D)", 15, "center", (), _TEXT),
        ("Bertingkat/Tidak", 15, "center", _KONSTRUKSI, _TEXT),
        ("Beton/Tidak", 13, "center", _KONSTRUKSI, _TEXT),
        ("Luas (M2)", 14, "right", (), _TEXT),
        ("Letak/Lokasi Alamat", 38, "left", (), _TEXT),
        ("Tanggal", 16, "center", ("Dokumen",), _TEXT),
        ("Nomor", 21, "left", ("Dokumen",), _TEXT),
        ("Tgl, Bln, Thn Mulai", 17, "center", (), _TEXT),
        ("Status Tanah", 18, "left", (), _TEXT),
        ("Nomor Kode Tanah", 27, "left", (), _TEXT),
        ("Asal-usul Pembiayaan", 22, "left", (), _TEXT),
        (_MONEY, 25, "right", (), _HARGA),
        ("Keterangan", 19, "left", (), _TEXT),
    ),
}


@dataclass(frozen=True, slots=True)
class KibRow:
    """One printed line of a KIB, any golongan.

    ``cells`` are the card's text columns in print order, as :func:`kib_text_columns` names them: every column
    but "No Urut" (numbered here), the harga (``Nilai Kontrak`` on KIB F) and, on KIB E, the jumlah — those
    three are formatted here, so the ribuan option and the totals stay right. Already formatted by the caller:
    the register (``"000001"`` or a merged range ``"000001 s/d 000010"``), dates, kondisi letters and luas.
    ``harga`` is the line's whole value in full Rupiah (all units of a merged range); ``jumlah`` its units.
    One row type for every golongan keeps the service's query and this card apart: the column list is data.
    """

    cells: tuple[str, ...]
    harga: int
    jumlah: int = 1


@dataclass(frozen=True, slots=True)
class Lokasi:
    """The organisation lines of the KIB/KIR header (R8), as the BPKAD names them; any may be empty."""

    provinsi: str = ""
    kabupaten_kota: str = ""
    bidang: str = ""
    unit_organisasi: str = ""
    sub_unit: str = ""
    upb: str = ""

    def fields(self) -> list[tuple[str, str]]:
        return [
            ("PROVINSI", self.provinsi),
            ("KABUPATEN/KOTA", self.kabupaten_kota),
            ("BIDANG", self.bidang),
            ("UNIT ORGANISASI", self.unit_organisasi),
            ("SUB UNIT ORGANISASI", self.sub_unit),
            ("UPB", self.upb),
        ]


@dataclass(frozen=True)
class KibData:
    """A KIB to print. ``jenis_text`` says which rows it holds ("Intrakomptabel", "Ekstrakomptabel",
    "Gabungan", R10); ``ribuan`` prints every value ÷ 1000 for the old forms (R9) — exactly, with decimals
    when a value is not whole thousands, so the totals still add up. ``kepala`` signs "Mengetahui, Kepala
    SKPD" on the left, ``pengurus`` "Pengurus Barang" on the right, under ``place``, ``tanggal``; a missing
    one leaves a blank to sign by hand. ``kop`` prints the kop surat above the title."""

    header: OfficeHeader
    golongan: str
    rows: Sequence[KibRow]
    kode_lokasi: str
    lokasi: Lokasi
    place: str
    tanggal: date
    kepala: Signer | None = None
    pengurus: Signer | None = None
    ribuan: bool = False
    jenis_text: str = "Gabungan"
    printed_at: str = ""
    kop: bool = False
    paper: PaperSize = field(default_factory=F4.landscape)


def _specs(golongan: str) -> tuple[_Spec, ...]:
    specs = _COLUMNS.get(golongan.upper())
    if specs is None:
        raise ValueError(f"golongan KIB tidak dikenal: {golongan!r} (A sampai F)")
    return specs


def kib_text_columns(golongan: str) -> tuple[str, ...]:
    """The titles of :attr:`KibRow.cells` for ``golongan``, in order."""
    return tuple(title for title, _w, _a, _g, kind in _specs(golongan) if kind == _TEXT)


def kib_columns(golongan: str, *, ribuan: bool = False) -> tuple[TableColumn, ...]:
    """The printed columns of a KIB, "No Urut" first."""
    money = "Nilai Kontrak" if golongan.upper() == "F" else "Harga"
    money = f"{money} (Ribuan Rp)" if ribuan else f"{money} (Rp)"
    return tuple(
        TableColumn(money if title == _MONEY else title, width, align, group)
        for title, width, align, group, _kind in _specs(golongan)
    )


def rupiah_cell(value: int, *, ribuan: bool = False) -> str:
    """``15.000.000``; in ribuan ``15.000``, and ``750,5`` for 750.500 (exact: never rounded)."""
    if not ribuan:
        return format_number(value)
    sign = "-" if value < 0 else ""
    whole, rest = divmod(abs(value), 1000)
    text = format_number(whole)
    if rest:
        text += "," + f"{rest:03d}".rstrip("0")
    return sign + text


def _place_date(place: str, tanggal: date) -> str:
    place = place.strip()
    return f"{place}, {format_date(tanggal)}" if place else format_date(tanggal)


def build_kib(
    data: KibData,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> bytes:
    """The KIB as PDF bytes; ``progress(done, total)`` and ``cancelled()`` as in the register reports (a true
    ``cancelled()`` raises :class:`Cancelled` between rows)."""
    golongan = data.golongan.upper()
    specs = _specs(golongan)
    kinds = [kind for *_rest, kind in specs]
    text_count = kinds.count(_TEXT)
    ribuan = data.ribuan
    money = kinds.index(_HARGA)
    jumlah = kinds.index(_JUMLAH) if _JUMLAH in kinds else None

    rows: list[tuple[str, ...]] = []
    for number, row in enumerate(data.rows, start=1):
        if len(row.cells) != text_count:
            raise ValueError(
                f"KIB {golongan} baris {number}: {len(row.cells)} isian, seharusnya {text_count} "
                f"({', '.join(kib_text_columns(golongan))})"
            )
        cells = iter(row.cells)
        printed: list[str] = []
        for kind in kinds:
            if kind == _NO:
                printed.append(str(number))
            elif kind == _HARGA:
                printed.append(rupiah_cell(row.harga, ribuan=ribuan))
            elif kind == _JUMLAH:
                printed.append(format_number(row.jumlah))
            else:
                printed.append(next(cells))
        rows.append(tuple(printed))

    if jumlah is None:
        totals = Totals(
            columns=(money,),
            values=[(r.harga,) for r in data.rows],
            formats=(lambda v: rupiah_cell(v, ribuan=ribuan),),
            count_unit="barang",
            counts=[r.jumlah for r in data.rows],
        )
    else:
        totals = Totals(
            columns=(jumlah, money),
            values=[(r.jumlah, r.harga) for r in data.rows],
            formats=(format_number, lambda v: rupiah_cell(v, ribuan=ribuan)),
        )

    title = KIB_TITLES[golongan]
    subtitle = data.jenis_text.strip().upper()
    note = "(nilai dalam ribuan Rupiah)" if ribuan else ""

    def preamble(canvas: Canvas, left: float, right: float, top: float) -> float:
        y = top
        if data.kop:
            y = draw_kop(canvas, data.header, left=left, right=right, top=y) - 3 * MM
        y = draw_titles(canvas, [(title, 12.0), (subtitle, 10.0), (note, 9.0)], left, right, y)
        y -= 2 * MM
        width = right - left
        low = draw_fields(canvas, data.lokasi.fields(), left, y, width * 0.62)
        side = draw_fields(
            canvas, [("NO. KODE LOKASI", data.kode_lokasi)], left + width * 0.64, y, width * 0.36
        )
        return min(low, side) - 2.5 * MM

    kepala = signer_or_blank(data.kepala, "Kepala SKPD")
    pengurus = signer_or_blank(data.pengurus, "Pengurus Barang")
    table = LongTable(
        title=f"{title} · {data.jenis_text}".strip(" ·"),
        columns=kib_columns(golongan, ribuan=ribuan),
        rows=rows,
        preamble=preamble,
        paper=data.paper,
        totals=totals,
        place_date=_place_date(data.place, data.tanggal),
        place_date_spot=-1,
        signatures=(
            SignatureSpot("Mengetahui,", kepala, "Kepala SKPD"),
            SignatureSpot("", pengurus, "Pengurus Barang"),
        ),
        empty="Tidak ada barang pada kartu ini.",
        printed_at=data.printed_at,
        author=data.header.nama_dinas or "Sekretariat",
    )
    return build_long_table(table, progress, cancelled)
