"""Kartu Inventaris Ruangan in the 17/2007 Lamp. 31 and 47/2021 Format III.K.2 layouts, and the copy posted in the room."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from reportlab.pdfgen.canvas import Canvas

from desktop.core.dates import format_date
from desktop.core.money import format_number
from desktop.printing.assets.kib import Lokasi, rupiah_cell
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
from desktop.printing.pages import A4, F4, MM, PaperSize

__all__ = [
    "LAYOUTS",
    "LAYOUT_17_2007",
    "LAYOUT_47_2021",
    "POSTED_TITLE",
    "Cancelled",
    "KirData",
    "KirLine",
    "build_kir",
    "kir_columns",
    "kondisi_summary",
]

LAYOUT_17_2007 = "17/2007"
LAYOUT_47_2021 = "47/2021"
LAYOUTS = (LAYOUT_17_2007, LAYOUT_47_2021)
POSTED_TITLE = "DAFTAR BARANG RUANGAN"

_KEADAAN = ("Keadaan Barang",)

_COLUMNS: dict[str, tuple[TableColumn, ...]] = {
    LAYOUT_17_2007: (
        TableColumn("No Urut", 8, "center"),
        TableColumn("Nama Barang/Jenis Barang", 38),
        TableColumn("Merk/Model", 30),
        TableColumn("No. Seri Pabrik", 24),
        TableColumn("Ukuran", 15),
        TableColumn("Bahan", 15),
        TableColumn("Tahun Pembuatan/Pembelian", 17, "center"),
        TableColumn("No. Kode Barang", 28),
        TableColumn("Jumlah Barang/Register", 24, "center"),
        TableColumn("Harga Beli/Perolehan (Rp)", 26, "right"),
        TableColumn("Baik (B)", 12, "center", _KEADAAN),
        TableColumn("Kurang Baik (KB)", 12, "center", _KEADAAN),
        TableColumn("Rusak Berat (RB)", 12, "center", _KEADAAN),
        TableColumn("Keterangan Mutasi dll", 30),
    ),
    LAYOUT_47_2021: (
        TableColumn("No", 8, "center"),
        TableColumn("NIBAR", 37),
        TableColumn("Nomor Register", 18, "center"),
        TableColumn("Kode Barang", 28),
        TableColumn("Nama Barang", 40),
        TableColumn("Spesifikasi Nama Barang", 41),
        TableColumn("Merk/Tipe", 32),
        TableColumn("Tahun Perolehan", 16, "center"),
        TableColumn("Jumlah", 13, "right"),
        TableColumn("Satuan", 16, "center"),
        TableColumn("Keterangan", 37),
    ),
}

# The copy posted in the room: what a visitor or an inspector checks against the room, no money.
_POSTED = (
    TableColumn("No", 7, "center"),
    TableColumn("Kode Barang", 29),
    TableColumn("Register", 18, "center"),
    TableColumn("Nama Barang", 38),
    TableColumn("Merk/Tipe", 31),
    TableColumn("Tahun", 11, "center"),
    TableColumn("Jumlah", 12, "right"),
    TableColumn("Kondisi", 21, "center"),
)

# Kondisi letters (R23): the old forms say Kurang Baik, 47/2021 Rusak Ringan.
_KONDISI_WORDS: dict[str, tuple[tuple[str, str], tuple[str, str], tuple[str, str]]] = {
    LAYOUT_17_2007: (("B", "Baik"), ("KB", "Kurang Baik"), ("RB", "Rusak Berat")),
    LAYOUT_47_2021: (("B", "Baik"), ("RR", "Rusak Ringan"), ("RB", "Rusak Berat")),
}


@dataclass(frozen=True, slots=True)
class KirLine:
    """One line of a KIR: one item, or several identical ones on one register range (``register`` as printed,
    ``"000001 s/d 000010"``). ``baik``/``rusak_ringan``/``rusak_berat`` count its units by kondisi (codes 1/2/3)
    and add up to ``jumlah``; ``harga`` is the line's whole value in Rupiah (17/2007 only)."""

    nama: str
    kode_barang: str
    register: str
    jumlah: int = 1
    harga: int = 0
    baik: int = 0
    rusak_ringan: int = 0
    rusak_berat: int = 0
    merk_tipe: str = ""
    no_seri_pabrik: str = ""
    ukuran: str = ""
    bahan: str = ""
    tahun: str = ""
    nibar: str = ""
    spesifikasi: str = ""
    satuan: str = "Unit"
    keterangan: str = ""


@dataclass(frozen=True)
class KirData:
    """The KIR of one room (R12, R13). ``layout`` is "17/2007" or "47/2021" (Pengaturan). 17/2007 prints the
    ``lokasi`` lines and is signed by ``kepala`` (Mengetahui, Kepala SKPD), ``pengurus`` and
    ``penanggung_jawab``; 47/2021 prints Kuasa Pengguna Barang / Pengguna Barang and is signed by the last
    two. ``posted=True`` gives the copy to post in the room (``DAFTAR BARANG RUANGAN``, no money, A4 portrait
    unless ``paper`` says otherwise). The counts by kondisi are added up from the lines."""

    header: OfficeHeader
    layout: str
    ruang_nama: str
    ruang_kode: str
    kode_lokasi: str
    lines: Sequence[KirLine]
    place: str
    tanggal: date
    pengurus: Signer | None = None
    penanggung_jawab: Signer | None = None
    kepala: Signer | None = None
    lokasi: Lokasi = field(default_factory=Lokasi)
    pengguna_barang: str = ""
    kuasa_pengguna_barang: str = ""
    posted: bool = False
    paper: PaperSize | None = None  # F4 landscape (A4 portrait when posted) when not given
    printed_at: str = ""
    kop: bool = False


def _check_layout(layout: str) -> str:
    if layout not in LAYOUTS:
        raise ValueError(f"format KIR tidak dikenal: {layout!r} ({' atau '.join(LAYOUTS)})")
    return layout


def kir_columns(layout: str, *, posted: bool = False) -> tuple[TableColumn, ...]:
    """The printed columns of a KIR in ``layout`` (the posted copy's when ``posted``)."""
    return _POSTED if posted else _COLUMNS[_check_layout(layout)]


def kondisi_summary(layout: str, lines: Sequence[KirLine]) -> str:
    """``"Jumlah barang: 12 — Baik (B) 9, Kurang Baik (KB) 2, Rusak Berat (RB) 1"`` in the layout's words."""
    words = _KONDISI_WORDS[_check_layout(layout)]
    counts = (
        sum(line.baik for line in lines),
        sum(line.rusak_ringan for line in lines),
        sum(line.rusak_berat for line in lines),
    )
    parts = ", ".join(
        f"{word} ({letter}) {format_number(count)}"
        for (letter, word), count in zip(words, counts, strict=True)
    )
    total = format_number(sum(line.jumlah for line in lines))
    return f"Jumlah barang: {total} — {parts}"


def _count(value: int) -> str:
    return format_number(value) if value else ""


def _kondisi_cell(layout: str, line: KirLine) -> str:
    """``"B"`` for a line all in one kondisi; ``"B 8, RB 2"`` when its units differ."""
    letters = [letter for letter, _word in _KONDISI_WORDS[layout]]
    counts = (line.baik, line.rusak_ringan, line.rusak_berat)
    present = [(letter, count) for letter, count in zip(letters, counts, strict=True) if count]
    if len(present) == 1:
        return present[0][0]
    return ", ".join(f"{letter} {count}" for letter, count in present)


def _rows(data: KirData) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for number, line in enumerate(data.lines, start=1):
        no = str(number)
        if data.posted:
            rows.append(
                (
                    no,
                    line.kode_barang,
                    line.register,
                    line.nama,
                    line.merk_tipe,
                    line.tahun,
                    format_number(line.jumlah),
                    _kondisi_cell(data.layout, line),
                )
            )
        elif data.layout == LAYOUT_17_2007:
            rows.append(
                (
                    no,
                    line.nama,
                    line.merk_tipe,
                    line.no_seri_pabrik,
                    line.ukuran,
                    line.bahan,
                    line.tahun,
                    line.kode_barang,
                    f"{format_number(line.jumlah)} / {line.register}",
                    rupiah_cell(line.harga),
                    _count(line.baik),
                    _count(line.rusak_ringan),
                    _count(line.rusak_berat),
                    line.keterangan,
                )
            )
        else:
            rows.append(
                (
                    no,
                    line.nibar,
                    line.register,
                    line.kode_barang,
                    line.nama,
                    line.spesifikasi,
                    line.merk_tipe,
                    line.tahun,
                    format_number(line.jumlah),
                    line.satuan,
                    line.keterangan,
                )
            )
    return rows


def _totals(data: KirData) -> Totals:
    lines = data.lines
    if data.posted:
        return Totals((6,), [(line.jumlah,) for line in lines], (format_number,), per_page=False)
    if data.layout == LAYOUT_17_2007:
        return Totals(
            (9, 10, 11, 12),
            [(line.harga, line.baik, line.rusak_ringan, line.rusak_berat) for line in lines],
            (rupiah_cell, format_number, format_number, format_number),
            per_page=False,
            count_unit="barang",
            counts=[line.jumlah for line in lines],
        )
    return Totals((8,), [(line.jumlah,) for line in lines], (format_number,), per_page=False)


def _ruang_text(data: KirData) -> str:
    nama, kode = data.ruang_nama.strip(), data.ruang_kode.strip()
    return f"{nama} ({kode})" if nama and kode else nama or kode


def build_kir(
    data: KirData,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> bytes:
    """The KIR (or its posted copy) as PDF bytes."""
    layout = _check_layout(data.layout)
    paper = data.paper or (A4 if data.posted else F4.landscape())
    pengurus = signer_or_blank(data.pengurus, "Pengurus Barang")
    penanggung_jawab = signer_or_blank(data.penanggung_jawab, "Penanggung Jawab Ruangan")
    signatures: tuple[SignatureSpot, ...] = (
        SignatureSpot("", pengurus, "Pengurus Barang"),
        SignatureSpot("", penanggung_jawab, "Penanggung Jawab Ruangan"),
    )
    if layout == LAYOUT_17_2007 and not data.posted:
        kepala = signer_or_blank(data.kepala, "Kepala SKPD")
        signatures = (SignatureSpot("Mengetahui,", kepala, "Kepala SKPD"), *signatures)

    if data.posted:
        title = POSTED_TITLE
        fields = [("KODE LOKASI", data.kode_lokasi), ("KODE RUANGAN", data.ruang_kode)]
    elif layout == LAYOUT_17_2007:
        title = "KARTU INVENTARIS RUANGAN (KIR)"
        fields = [*((k, v) for k, v in data.lokasi.fields()), ("RUANGAN", _ruang_text(data))]
    else:
        title = "KARTU INVENTARIS RUANGAN"
        fields = [
            ("KUASA PENGGUNA BARANG", data.kuasa_pengguna_barang),
            ("PENGGUNA BARANG", data.pengguna_barang),
            ("KODE LOKASI", data.kode_lokasi),
            ("NAMA RUANGAN", _ruang_text(data)),
        ]

    def preamble(canvas: Canvas, left: float, right: float, top: float) -> float:
        y = top
        if data.kop:
            y = draw_kop(canvas, data.header, left=left, right=right, top=y) - 3 * MM
        width = right - left
        if data.posted:
            # Read from across the room: a big title and the room's name under it.
            y = draw_titles(canvas, [(title, 18.0), (data.ruang_nama.strip().upper(), 14.0)], left, right, y)
            y -= 3 * MM
            return draw_fields(canvas, fields, left, y, width, size=10) - 3 * MM
        y = draw_titles(canvas, [(title, 12.0)], left, right, y) - 2 * MM
        if layout == LAYOUT_17_2007:
            low = draw_fields(canvas, fields, left, y, width * 0.62)
            side = draw_fields(
                canvas, [("NO. KODE LOKASI", data.kode_lokasi)], left + width * 0.64, y, width * 0.36
            )
            return min(low, side) - 2.5 * MM
        return draw_fields(canvas, fields, left, y, width * 0.7) - 2.5 * MM

    table = LongTable(
        title=f"{title} · {_ruang_text(data)}",
        columns=kir_columns(layout, posted=data.posted),
        rows=_rows(data),
        preamble=preamble,
        paper=paper,
        body_size=9.0 if data.posted else 7.5,
        head_size=9.0 if data.posted else 7.5,
        number_row=not data.posted,
        totals=_totals(data),
        notes=(kondisi_summary(layout, data.lines),),
        place_date=f"{data.place.strip()}, {format_date(data.tanggal)}".lstrip(", "),
        signatures=signatures,
        empty="Tidak ada barang di ruangan ini.",
        printed_at=data.printed_at,
        author=data.header.nama_dinas or "Sekretariat",
    )
    return build_long_table(table, progress, cancelled)
