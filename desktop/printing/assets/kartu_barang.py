"""The Kartu Barang (assets.md R30): one item's identity, its photo and every mutation of it, on A4 portrait."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from io import BytesIO

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from desktop.core.dates import format_date, format_date_numeric
from desktop.core.money import format_number
from desktop.printing.assets.table import (
    LongTable,
    SignatureSpot,
    TableColumn,
    build_long_table,
    draw_fields,
    draw_titles,
    signer_or_blank,
)
from desktop.printing.data import OfficeHeader, Signer
from desktop.printing.fonts import SANS_ITALIC
from desktop.printing.kop import draw_kop
from desktop.printing.pages import A4, MM, PaperSize

__all__ = ["COLUMNS", "TITLE", "KartuBarangData", "KartuBarangItem", "MutasiLine", "build_kartu_barang"]

TITLE = "KARTU BARANG"
PHOTO_BOX = 45 * MM

COLUMNS: tuple[TableColumn, ...] = (
    TableColumn("No", 7, "center"),
    TableColumn("Tanggal", 18, "center"),
    TableColumn("Jenis Mutasi", 22),
    TableColumn("Dokumen", 30),
    TableColumn("Uraian (sebelum → sesudah)", 55),
    TableColumn("Nilai (Rp)", 22, "right"),
    TableColumn("Petugas", 26),
)


@dataclass(frozen=True, slots=True)
class KartuBarangItem:
    """Who the item is (R11) as the card shows it; ``kondisi`` and ``intra_ekstra`` in words ("Baik",
    "Intrakomptabel"), ``register`` as printed (``"000001"``), ``harga`` in full Rupiah."""

    kode_barang: str
    register: str
    nama: str
    nibar: str = ""
    merk_tipe: str = ""
    tahun: str = ""
    harga: int = 0
    kondisi: str = ""
    ruang: str = ""
    pemegang: str = ""
    intra_ekstra: str = ""
    kode_lokasi: str = ""
    spesifikasi: str = ""
    asal_usul: str = ""


@dataclass(frozen=True, slots=True)
class MutasiLine:
    """One mutation (R30): ``jenis`` in words ("Pindah ruang"), ``dokumen`` its number and date as printed,
    ``uraian`` what changed ("R. Subbag Umum → R. Kepala Dinas"); ``nilai`` in Rupiah when the change has one."""

    tanggal: date
    jenis: str
    dokumen: str = ""
    uraian: str = ""
    nilai: int | None = None
    petugas: str = ""


@dataclass(frozen=True)
class KartuBarangData:
    """An item's card. ``photo`` is the item's photo as PNG or JPEG bytes (a thumbnail beside the identity);
    ``history`` oldest first, as the ledger holds it."""

    header: OfficeHeader
    item: KartuBarangItem
    history: Sequence[MutasiLine]
    place: str
    tanggal: date
    pengurus: Signer | None = None
    photo: bytes | None = None
    printed_at: str = ""
    kop: bool = False
    paper: PaperSize = field(default_factory=lambda: A4)


def _identity(item: KartuBarangItem) -> list[tuple[str, str]]:
    kode = item.kode_barang
    if item.register:
        kode = f"{kode} / {item.register}"
    fields = [
        ("Kode Barang / Register", kode),
        ("NIBAR", item.nibar),
        ("Nama Barang", item.nama),
        ("Spesifikasi", item.spesifikasi),
        ("Merk/Tipe", item.merk_tipe),
        ("Tahun Perolehan", item.tahun),
        ("Harga Perolehan", f"Rp {format_number(item.harga)}"),
        ("Asal Usul", item.asal_usul),
        ("Kondisi", item.kondisi),
        ("Ruang", item.ruang),
        ("Pemegang", item.pemegang),
        ("Intra/Ekstrakomptabel", item.intra_ekstra),
        ("Kode Lokasi", item.kode_lokasi),
    ]
    # Spesifikasi, asal usul and kode lokasi are left out when unknown; the rest is printed even when empty.
    optional = {"Spesifikasi", "Asal Usul", "Kode Lokasi"}
    return [(label, value) for label, value in fields if value.strip() or label not in optional]


def _draw_photo(canvas: Canvas, photo: bytes, right: float, top: float) -> float:
    """The photo fitted into a square box at the top right; returns the box's bottom."""
    left = right - PHOTO_BOX
    bottom = top - PHOTO_BOX
    canvas.setLineWidth(0.4)
    canvas.rect(left, bottom, PHOTO_BOX, PHOTO_BOX, stroke=1, fill=0)
    try:
        image = ImageReader(BytesIO(photo))
        px_w, px_h = image.getSize()
        if px_w <= 0 or px_h <= 0:
            raise ValueError("gambar kosong")
    except Exception:  # a broken photo must not stop the card from printing
        canvas.setFont(SANS_ITALIC, 7.5)
        canvas.drawCentredString(left + PHOTO_BOX / 2, bottom + PHOTO_BOX / 2, "Foto tidak dapat dibaca")
        return bottom
    inner = PHOTO_BOX - 2 * MM
    scale = min(inner / px_w, inner / px_h)
    w, h = px_w * scale, px_h * scale
    canvas.drawImage(image, left + (PHOTO_BOX - w) / 2, bottom + (PHOTO_BOX - h) / 2, w, h, mask="auto")
    return bottom


def build_kartu_barang(data: KartuBarangData) -> bytes:
    """The Kartu Barang as PDF bytes; the history flows over as many pages as it takes, its header repeated."""
    item = data.item

    def preamble(canvas: Canvas, left: float, right: float, top: float) -> float:
        y = top
        if data.kop:
            y = draw_kop(canvas, data.header, left=left, right=right, top=y) - 3 * MM
        y = draw_titles(canvas, [(TITLE, 14.0), (item.nama, 11.0)], left, right, y) - 3 * MM
        width = right - left
        photo_bottom = y
        text_width = width
        if data.photo:
            photo_bottom = _draw_photo(canvas, data.photo, right, y)
            text_width = width - PHOTO_BOX - 4 * MM
        y = draw_fields(canvas, _identity(item), left, y, text_width, size=9)
        y = min(y, photo_bottom) - 4 * MM
        return draw_titles(canvas, [("Riwayat Barang", 10.0)], left, right, y) - 1.5 * MM

    rows = [
        (
            str(number),
            format_date_numeric(line.tanggal),
            line.jenis,
            line.dokumen,
            line.uraian,
            "" if line.nilai is None else format_number(line.nilai),
            line.petugas,
        )
        for number, line in enumerate(data.history, start=1)
    ]
    place = data.place.strip()
    place_date = f"{place}, {format_date(data.tanggal)}" if place else format_date(data.tanggal)
    table = LongTable(
        title=f"{TITLE} · {item.kode_barang} / {item.register} · {item.nama}",
        columns=COLUMNS,
        rows=rows,
        preamble=preamble,
        paper=data.paper,
        body_size=8.0,
        head_size=8.0,
        number_row=False,
        place_date=place_date,
        signatures=(SignatureSpot("", signer_or_blank(data.pengurus, "Pengurus Barang"), "Pengurus Barang"),),
        empty="Belum ada riwayat mutasi.",
        printed_at=data.printed_at,
        author=data.header.nama_dinas or "Sekretariat",
    )
    return build_long_table(table)
