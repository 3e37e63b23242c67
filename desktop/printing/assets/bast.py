"""The Berita Acara Serah Terima (BAST) of goods: assets.md B7, rules R16-R18, A4 or F4 portrait."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop.core.dates import format_date
from desktop.core.money import format_number
from desktop.core.nip import format_nip
from desktop.core.terbilang import berita_acara_date, terbilang, terbilang_rupiah
from desktop.printing.data import OfficeHeader, Signer
from desktop.printing.document import CREATOR
from desktop.printing.fonts import SANS, SANS_BOLD, SANS_ITALIC, register_fonts, string_width
from desktop.printing.kop import draw_kop
from desktop.printing.pages import A4, F4, MM, Margins, PaperSize
from desktop.printing.signature import draw_signature_block, signature_block_height

__all__ = [
    "BAST_PAPERS",
    "COLUMN_TITLES",
    "DEFAULT_KETENTUAN",
    "DRAFT_MARK",
    "EMPTY_NOMOR",
    "JENIS",
    "REPRINT_MARK",
    "TITLE",
    "TYPE_LINES",
    "BastData",
    "BastLine",
    "BastParty",
    "build_bast",
    "closing_text",
    "handover_text",
    "ketentuan_of",
    "terbilang_text",
]

TITLE = "BERITA ACARA SERAH TERIMA"
REPRINT_MARK = "CETAK ULANG"
DRAFT_MARK = "DRAF"
EMPTY_NOMOR = "……"  # a draft printed before it has a number: written in by hand or on the final print

JENIS: tuple[str, ...] = ("penyerahan", "pengembalian", "pengamanan", "penerimaan", "penyaluran")

TYPE_LINES: dict[str, str] = {
    "penyerahan": "PENGGUNAAN BARANG MILIK DAERAH",
    "pengembalian": "PENGEMBALIAN BARANG MILIK DAERAH",
    "pengamanan": "PENGAMANAN BARANG MILIK DAERAH",
    "penerimaan": "PENERIMAAN BARANG",
    "penyaluran": "PENYALURAN BARANG PERSEDIAAN",
}
"""The line under the title, per jenis (R17)."""

BAST_PAPERS: tuple[PaperSize, ...] = (A4, F4)

_USE_CONDITIONS = (
    "Sejak penandatanganan Berita Acara ini, tanggung jawab penggunaan, pemeliharaan dan pengamanan barang "
    "tersebut beralih kepada PIHAK KEDUA.",
    "Barang tersebut hanya dipergunakan untuk kepentingan dinas.",
    "Apabila barang tersebut hilang atau rusak karena kelalaian PIHAK KEDUA, PIHAK KEDUA wajib menggantinya "
    "sesuai ketentuan Tuntutan Ganti Rugi (TGR).",
    "Barang tersebut wajib dikembalikan kepada PIHAK PERTAMA apabila PIHAK KEDUA pindah tugas, pensiun atau "
    "tidak lagi memerlukannya.",
    "Label inventaris yang terpasang pada barang tidak boleh dilepas.",
)

DEFAULT_KETENTUAN: dict[str, tuple[str, ...]] = {
    "penyerahan": _USE_CONDITIONS,
    "pengamanan": (
        *_USE_CONDITIONS[:4],
        "Barang tersebut tidak boleh dipindahtangankan, dipinjamkan atau disewakan kepada pihak lain.",
        _USE_CONDITIONS[4],
    ),
    "pengembalian": (
        "Sejak penandatanganan Berita Acara ini, tanggung jawab penggunaan, pemeliharaan dan pengamanan barang "
        "tersebut kembali kepada PIHAK PERTAMA.",
        "PIHAK PERTAMA telah memeriksa barang tersebut; jumlah dan kondisinya sesuai dengan rincian di atas.",
        "Kehilangan atau kerusakan karena kelalaian selama barang berada pada PIHAK KEDUA yang tidak tercatat "
        "di atas tetap menjadi tanggung jawab PIHAK KEDUA.",
    ),
    "penerimaan": (
        "PIHAK KEDUA telah memeriksa dan menerima barang tersebut dalam jumlah dan kondisi sesuai dengan "
        "rincian di atas.",
        "Sejak penandatanganan Berita Acara ini, barang tersebut dicatat dan ditatausahakan sebagai barang "
        "milik daerah oleh PIHAK KEDUA.",
        "Setiap barang diberi label inventaris yang tidak boleh dilepas.",
    ),
    "penyaluran": (
        "PIHAK KEDUA telah menerima barang persediaan tersebut dalam jumlah dan kondisi sesuai dengan rincian "
        "di atas.",
        "Barang persediaan tersebut hanya dipergunakan untuk kepentingan dinas sesuai dengan permintaan.",
    ),
}
"""The numbered conditions printed when a BAST does not bring its own (assets.md B7, (c) "R7 text")."""

COLUMN_TITLES: tuple[str, ...] = (
    "No",
    "Kode Barang",
    "Register/ NIBAR",
    "Nama Barang",
    "Merk/Type/ Spesifikasi",
    "Tahun",
    "Jumlah",
    "Satuan",
    "Nilai (Rp)",
    "Kondisi",
    "Ket",
)
# Relative widths (mm on a 175 mm line) and alignment of the item table's columns.
_COLUMN_WIDTHS = (7.0, 24.0, 17.0, 29.0, 24.0, 10.0, 11.0, 12.0, 17.0, 12.0, 12.0)
_COLUMN_ALIGN = (TA_CENTER, TA_LEFT, TA_CENTER, TA_LEFT, TA_LEFT, TA_CENTER, TA_RIGHT, TA_CENTER, TA_RIGHT,
                 TA_CENTER, TA_LEFT)  # fmt: skip

_MARGINS = Margins(12, 15, 17, 20)  # the left edge is bound in the arsip file
_BODY = 10.0
_LEADING = 1.25
_CELL = 7.5
_TITLE_SIZE = 12.5
_SIGN_SIZE = 10.0
_SIGN_SPACE = 18 * MM
_GRID = 0.5
_BELOW_GAP = 4 * MM  # between the two parties' signatures and "Mengetahui"
_FOOTER_SIZE = 7.5


@dataclass(frozen=True, slots=True)
class BastParty:
    """A signing party as snapshotted when the BAST was drawn up (R16)."""

    nama: str
    nip: str
    jabatan: str


@dataclass(frozen=True, slots=True)
class BastLine:
    """One line of the item table, already in print form except the numbers.

    ``register_text`` is "000001", a range "000001 s/d 000010" or a NIBAR; ``nilai`` is the line's whole value
    in Rupiah (jumlah × harga satuan), summed in the total row; ``kondisi_text`` "Baik", "RR" … as configured.
    """

    kode_barang: str
    register_text: str
    nama: str
    merk_tipe: str
    tahun: int | None
    jumlah: int
    satuan: str
    nilai: int
    kondisi_text: str
    keterangan: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class BastData:
    """Everything one BAST prints.

    ``jenis`` is one of :data:`JENIS`. ``nomor`` may be empty on a draft (printed "Nomor: ……").
    ``dasar_text`` is the basis ("berdasarkan SPPB Nomor … Tanggal …") and ``tujuan_text`` the purpose ("untuk
    dipergunakan di Ruang Subbag Umum"), both optional. ``ketentuan`` ``None`` prints
    :data:`DEFAULT_KETENTUAN` of the jenis; an empty tuple prints none. ``kelengkapan`` (label, value) pairs,
    e.g. nomor polisi, rangka, mesin, BPKB, STNK, kunci of a vehicle, print as a lampiran after the signatures.
    ``place`` (the kota) prints with the date over the signatures when given.
    """

    header: OfficeHeader
    jenis: str
    nomor: str
    tanggal: date
    pihak_pertama: BastParty
    pihak_kedua: BastParty
    lines: Sequence[BastLine]
    mengetahui: BastParty | None = None
    dasar_text: str = ""
    tujuan_text: str = ""
    ketentuan: tuple[str, ...] | None = None
    kelengkapan: tuple[tuple[str, str], ...] = ()
    rangkap: int = 2
    paper: PaperSize = field(default=A4)
    place: str = ""
    reprint: bool = False
    draft: bool = False


def _clean(text: str) -> str:
    return " ".join(text.split())


def ketentuan_of(data: BastData) -> tuple[str, ...]:
    """The conditions the BAST prints: its own, or the default of its jenis."""
    if data.ketentuan is not None:
        return tuple(_clean(item) for item in data.ketentuan if item.strip())
    return DEFAULT_KETENTUAN[data.jenis]


def handover_text(data: BastData) -> str:
    """The sentence before the item table; a pengembalian runs the other way (PIHAK KEDUA returns, R17)."""
    if data.jenis == "pengembalian":
        clause = (
            "PIHAK KEDUA menyerahkan kembali kepada PIHAK PERTAMA, dan PIHAK PERTAMA menerima kembali dari "
            "PIHAK KEDUA,"
        )
    elif data.jenis == "pengamanan":
        clause = (
            "PIHAK PERTAMA menyerahkan kepada PIHAK KEDUA, dan PIHAK KEDUA menerima dari PIHAK PERTAMA untuk "
            "digunakan dan diamankan,"
        )
    else:
        clause = "PIHAK PERTAMA menyerahkan kepada PIHAK KEDUA, dan PIHAK KEDUA menerima dari PIHAK PERTAMA,"
    goods = {
        "penyaluran": "berupa barang persediaan",
        "penerimaan": "barang",
    }.get(data.jenis, "barang milik daerah")
    extra = [_clean(text).rstrip(",;.") for text in (data.dasar_text, data.tujuan_text) if text.strip()]
    if extra:
        return f"{clause} {goods}, {', '.join(extra)}, dengan rincian sebagai berikut:"
    return f"{clause} {goods} dengan rincian sebagai berikut:"


def closing_text(rangkap: int) -> str:
    """The closing sentence, the number of copies in figures and words: ``… dalam rangkap 2 (dua), …``."""
    return (
        f"Demikian Berita Acara ini dibuat dalam rangkap {rangkap} ({terbilang(rangkap)}), masing-masing "
        "mempunyai kekuatan hukum yang sama, untuk dipergunakan sebagaimana mestinya."
    )


def terbilang_text(amount: int) -> str:
    """``Lima belas juta rupiah``: the words of a sum, first letter capitalised as on the house's letters."""
    words = terbilang_rupiah(amount)
    return f"{words[:1].upper()}{words[1:]}"


def _validate(data: BastData) -> None:
    if data.jenis not in TYPE_LINES:
        raise ValueError(f"Jenis BAST tidak dikenal: {data.jenis!r}.")
    if data.rangkap < 1:
        raise ValueError("Jumlah rangkap BAST sekurang-kurangnya 1.")
    if data.paper.is_roll or data.paper.is_landscape or data.paper.key not in {p.key for p in BAST_PAPERS}:
        raise ValueError(f"BAST dicetak pada A4 atau F4 tegak, bukan {data.paper.description}.")
    for line in data.lines:
        if line.jumlah < 0 or line.nilai < 0:
            raise ValueError(f"Jumlah dan nilai barang {line.nama!r} tidak boleh negatif.")


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "body", fontName=SANS, fontSize=_BODY, leading=_BODY * _LEADING, alignment=TA_JUSTIFY
    )
    cell = ParagraphStyle("cell", fontName=SANS, fontSize=_CELL, leading=_CELL * 1.2, splitLongWords=True)
    return {
        "body": body,
        "title": ParagraphStyle(
            "title",
            parent=body,
            fontName=SANS_BOLD,
            fontSize=_TITLE_SIZE,
            leading=_TITLE_SIZE * 1.25,
            alignment=TA_CENTER,
        ),
        "nomor": ParagraphStyle("nomor", parent=body, alignment=TA_CENTER),
        "plain": ParagraphStyle("plain", parent=body, alignment=TA_LEFT),
        "bold": ParagraphStyle("bold", parent=body, fontName=SANS_BOLD, alignment=TA_LEFT),
        "words": ParagraphStyle(
            "words",
            parent=body,
            fontName=SANS_ITALIC,
            fontSize=_BODY - 1,
            leading=(_BODY - 1) * _LEADING,
            alignment=TA_LEFT,
        ),
        "item": ParagraphStyle(
            "item", parent=body, leftIndent=7 * MM, bulletIndent=0, bulletFontName=SANS, bulletFontSize=_BODY
        ),
        "cell": cell,
        "head": ParagraphStyle("head", parent=cell, fontName=SANS_BOLD, alignment=TA_CENTER),
        **{
            f"cell{index}": ParagraphStyle(f"cell{index}", parent=cell, alignment=align)
            for index, align in enumerate(_COLUMN_ALIGN)
        },
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(_clean(text)), style)


class _Kop(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """The kop surat, measured on a scratch canvas and drawn in place (first page only)."""

    def __init__(self, header: OfficeHeader, width: float) -> None:
        super().__init__()
        self.header = header
        self.kop_width = width
        self.kop_height = 1000 - draw_kop(Canvas(BytesIO()), header, left=0, right=width, top=1000)

    def wrap(self, _avail_width: float, _avail_height: float) -> tuple[float, float]:
        return self.kop_width, self.kop_height

    def draw(self) -> None:
        draw_kop(self.canv, self.header, left=0, right=self.kop_width, top=self.kop_height)


@dataclass(frozen=True, slots=True)
class _Spot:
    """One signature block: the party heading ("PIHAK KEDUA" / "Mengetahui,") over the signer."""

    heading: str
    signer: Signer


class _Signatures(Flowable):  # type: ignore[misc]
    """PIHAK KEDUA at the left, PIHAK PERTAMA at the right, "Mengetahui" centred under both."""

    def __init__(self, left: _Spot, right: _Spot, below: _Spot | None, place_date: str, width: float) -> None:
        super().__init__()
        self.left_spot, self.right_spot, self.below = left, right, below
        self.place_date = place_date
        self.sign_width = width
        self.block_width = min(78 * MM, width / 2 - 4 * MM)
        self.place_h = _SIGN_SIZE * 1.4 if place_date else 0.0
        self.pair_h = max(self._height(left), self._height(right))
        self.below_h = self._height(below) + _BELOW_GAP if below else 0.0

    def _height(self, spot: _Spot | None) -> float:
        if spot is None:
            return 0.0
        return signature_block_height(
            spot.signer,
            width=self.block_width,
            font_size=_SIGN_SIZE,
            place_date=spot.heading,
            signature_space=_SIGN_SPACE,
        )

    def wrap(self, _avail_width: float, _avail_height: float) -> tuple[float, float]:
        return self.sign_width, self.place_h + self.pair_h + self.below_h

    def _draw_spot(self, spot: _Spot, x_center: float, top: float) -> None:
        draw_signature_block(
            self.canv,
            spot.signer,
            x_center=x_center,
            top=top,
            place_date=spot.heading,
            width=self.block_width,
            font_size=_SIGN_SIZE,
            signature_space=_SIGN_SPACE,
        )

    def draw(self) -> None:
        top = self.place_h + self.pair_h + self.below_h
        left_x = self.sign_width * 0.25
        right_x = self.sign_width * 0.75
        if self.place_date:
            self.canv.setFont(SANS, _SIGN_SIZE)
            self.canv.drawCentredString(right_x, top - 0.73 * _SIGN_SIZE, self.place_date)
            top -= self.place_h
        self._draw_spot(self.left_spot, left_x, top)
        self._draw_spot(self.right_spot, right_x, top)
        if self.below is not None:
            self._draw_spot(self.below, self.sign_width / 2, top - self.pair_h - _BELOW_GAP)


def _signer(party: BastParty, jabatan: str) -> Signer:
    return Signer(jabatan=jabatan, nama=_clean(party.nama), nip=party.nip)


def _signatures(data: BastData, width: float) -> _Signatures:
    # The receiving side signs "Yang Menerima"; a pengembalian swaps who gives and who receives.
    giver, receiver = "Yang Menyerahkan", "Yang Menerima"
    if data.jenis == "pengembalian":
        giver, receiver = receiver, giver
    below = None
    if data.mengetahui is not None:
        below = _Spot("Mengetahui,", _signer(data.mengetahui, data.mengetahui.jabatan))
    place_date = f"{_clean(data.place)}, {format_date(data.tanggal)}" if data.place.strip() else ""
    return _Signatures(
        _Spot("PIHAK KEDUA", _signer(data.pihak_kedua, receiver)),
        _Spot("PIHAK PERTAMA", _signer(data.pihak_pertama, giver)),
        below,
        place_date,
        width,
    )


def _party_table(number: int, party: BastParty, label: str, width: float, st: dict[str, Any]) -> Table:
    """ "1. Nama : …" / "NIP : …" / "Jabatan : …" / "selanjutnya disebut PIHAK PERTAMA."."""
    number_w, label_w, colon_w = 7 * MM, 20 * MM, 4 * MM
    nip = format_nip(party.nip) if party.nip.strip() else "-"
    rows = [
        [f"{number}.", "Nama", ":", _p(party.nama, st["bold"])],
        ["", "NIP", ":", _p(nip, st["plain"])],
        ["", "Jabatan", ":", _p(party.jabatan or "-", st["plain"])],
        ["", Paragraph(f"selanjutnya disebut <b>{label}</b>.", st["plain"]), "", ""],
    ]
    table = Table(rows, colWidths=[number_w, label_w, colon_w, width - number_w - label_w - colon_w])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), SANS, _BODY),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("SPAN", (1, 3), (3, 3)),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
            ]
        )
    )
    return table


def _item_table(data: BastData, width: float, st: dict[str, Any]) -> Table:
    """The item table: header repeated on every page, a total row at the end."""
    scale = width / sum(_COLUMN_WIDTHS)
    widths = [w * scale for w in _COLUMN_WIDTHS]
    rows: list[list[Any]] = [[Paragraph(escape(title), st["head"]) for title in COLUMN_TITLES]]
    for number, line in enumerate(data.lines, start=1):
        values = (
            str(number),
            line.kode_barang,
            line.register_text,
            line.nama,
            line.merk_tipe,
            "" if line.tahun is None else str(line.tahun),
            format_number(line.jumlah),
            line.satuan,
            format_number(line.nilai),
            line.kondisi_text,
            line.keterangan,
        )
        rows.append([_p(value, st[f"cell{index}"]) for index, value in enumerate(values)])
    style = [
        ("FONT", (0, 0), (-1, -1), SANS, _CELL),
        ("GRID", (0, 0), (-1, -1), _GRID, (0, 0, 0)),
        ("BACKGROUND", (0, 0), (-1, 0), (0.9, 0.9, 0.9)),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if not data.lines:
        rows.append([Paragraph("Belum ada barang.", st["cell"])] + [""] * (len(COLUMN_TITLES) - 1))
        style.append(("SPAN", (0, 1), (-1, 1)))
    total_jumlah = sum(line.jumlah for line in data.lines)
    total_nilai = sum(line.nilai for line in data.lines)
    total_row: list[Any] = [""] * len(COLUMN_TITLES)
    total_row[0] = Paragraph("<b>JUMLAH</b>", st["cell6"])
    total_row[6] = Paragraph(f"<b>{format_number(total_jumlah)}</b>", st["cell6"])
    total_row[8] = Paragraph(f"<b>{format_number(total_nilai)}</b>", st["cell8"])
    rows.append(total_row)
    style.append(("SPAN", (0, -1), (5, -1)))
    return Table(rows, colWidths=widths, repeatRows=1, style=TableStyle(style))


def _kelengkapan(data: BastData, width: float, st: dict[str, Any]) -> list[Any]:
    """The lampiran of a vehicle's or laptop's papers and parts (nopol, rangka, mesin, BPKB, STNK, kunci)."""
    pairs = [(label, value) for label, value in data.kelengkapan if label.strip()]
    if not pairs:
        return []
    nomor = _clean(data.nomor) or EMPTY_NOMOR
    heading = Paragraph(
        f"<b>Lampiran Berita Acara Serah Terima Nomor {escape(nomor)}</b><br/>Kelengkapan barang:",
        st["plain"],
    )
    rows = [[_p(label, st["cell"]), _p(value or "-", st["cell"])] for label, value in pairs]
    table = Table(rows, colWidths=[55 * MM, width - 55 * MM])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), SANS, _CELL),
                ("GRID", (0, 0), (-1, -1), _GRID, (0, 0, 0)),
                ("BACKGROUND", (0, 0), (0, -1), (0.93, 0.93, 0.93)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return [Spacer(1, 8 * MM), KeepTogether([heading, Spacer(1, 2 * MM), table])]


def _story(data: BastData, width: float) -> list[Any]:
    st = _styles()
    nomor = _clean(data.nomor) or EMPTY_NOMOR
    story: list[Any] = [
        _Kop(data.header, width),
        Spacer(1, 4 * MM),
        Paragraph(f"{TITLE}<br/>{TYPE_LINES[data.jenis]}", st["title"]),
        Paragraph(f"Nomor: {escape(nomor)}", st["nomor"]),
        Spacer(1, 4 * MM),
        Paragraph(
            f"{escape(berita_acara_date(data.tanggal))}, kami yang bertanda tangan di bawah ini:", st["body"]
        ),
        Spacer(1, 2 * MM),
        _party_table(1, data.pihak_pertama, "PIHAK PERTAMA", width, st),
        Spacer(1, 1.5 * MM),
        _party_table(2, data.pihak_kedua, "PIHAK KEDUA", width, st),
        Spacer(1, 2 * MM),
        _p(handover_text(data), st["body"]),
        Spacer(1, 2 * MM),
        _item_table(data, width, st),
        Spacer(1, 1.5 * MM),
        Paragraph(
            f"Terbilang: {escape(terbilang_text(sum(line.nilai for line in data.lines)))}", st["words"]
        ),
    ]
    conditions = ketentuan_of(data)
    if conditions:
        items: list[Any] = []
        for number, text in enumerate(conditions, start=1):
            items.append(Paragraph(escape(text), st["item"], bulletText=f"{number}."))
        heading = Paragraph("Dengan ketentuan sebagai berikut:", st["plain"])
        story += [Spacer(1, 3 * MM), KeepTogether([heading, items[0]]), *items[1:]]
    # The closing sentence and the signatures stay on one page: a signature alone proves nothing.
    story.append(
        KeepTogether(
            [
                Spacer(1, 3 * MM),
                _p(closing_text(data.rangkap), st["body"]),
                Spacer(1, 4 * MM),
                _signatures(data, width),
            ]
        )
    )
    story += _kelengkapan(data, width, st)
    return story


def _page_marks(data: BastData, page_count: int) -> Callable[[Canvas, Any], None]:
    page_w, page_h = data.paper.size_pt
    nomor = _clean(data.nomor) or EMPTY_NOMOR

    def marks(canvas: Canvas, document: Any) -> None:
        canvas.saveState()
        if data.draft:
            # Under the text (page marks are drawn before the page's content), light enough to read through.
            canvas.setFillGray(0.86)
            canvas.setFont(SANS_BOLD, 130)
            canvas.translate(page_w / 2, page_h / 2)
            canvas.rotate(40)
            canvas.drawCentredString(0, -45, DRAFT_MARK)
            canvas.rotate(-40)
            canvas.translate(-page_w / 2, -page_h / 2)
            canvas.setFillGray(0)
        if data.reprint:
            size = 9.0
            pad = 1.5 * MM
            text_w = string_width(REPRINT_MARK, SANS_BOLD, size)
            right = page_w - _MARGINS.right
            base = page_h - 8.5 * MM  # in the top margin, clear of the kop
            canvas.setLineWidth(0.8)
            canvas.rect(right - text_w - 2 * pad, base - pad, text_w + 2 * pad, size + pad, stroke=1, fill=0)
            canvas.setFont(SANS_BOLD, size)
            canvas.drawRightString(right - pad, base + 0.5, REPRINT_MARK)
        canvas.setFont(SANS, _FOOTER_SIZE)
        canvas.setFillGray(0.35)
        label = f"BAST Nomor {nomor}"
        if data.draft:
            label = f"{DRAFT_MARK} (belum final) · {label}"
        y = _MARGINS.bottom - 7 * MM
        canvas.drawString(_MARGINS.left, y, label)
        canvas.drawRightString(page_w - _MARGINS.right, y, f"Halaman {document.page} dari {page_count}")
        canvas.restoreState()

    return marks


def build_bast(data: BastData) -> bytes:
    """The BAST as PDF bytes on A4 or F4 portrait, fonts embedded; a long item table flows over pages."""
    _validate(data)
    register_fonts()
    page_w, page_h = data.paper.size_pt
    width = page_w - _MARGINS.left - _MARGINS.right
    nomor = _clean(data.nomor) or EMPTY_NOMOR
    title = f"{TITLE} {TYPE_LINES[data.jenis]} Nomor {nomor}"

    def render(page_count: int) -> tuple[bytes, int]:
        buffer = BytesIO()
        doc = BaseDocTemplate(
            buffer,
            pagesize=(page_w, page_h),
            leftMargin=_MARGINS.left,
            rightMargin=_MARGINS.right,
            topMargin=_MARGINS.top,
            bottomMargin=_MARGINS.bottom,
            title=title,
            author="Sekretariat",
            creator=CREATOR,
            subject=f"Berita Acara Serah Terima {format_date(data.tanggal)}",
            # Without these reportlab names Helvetica on every page, a font that is never embedded.
            initialFontName=SANS,
            initialFontSize=10,
            initialLeading=12,
        )
        # No frame padding: the table, the paragraphs and the kop share one left and right edge.
        frame = Frame(
            _MARGINS.left,
            _MARGINS.bottom,
            width,
            page_h - _MARGINS.top - _MARGINS.bottom,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        doc.addPageTemplates([PageTemplate("bast", frames=[frame], onPage=_page_marks(data, page_count))])
        doc.build(_story(data, width))
        return buffer.getvalue(), int(doc.page)

    # "Halaman x dari y" needs y: lay out once to count the pages, then again with the count.
    _, pages = render(0)
    pdf, again = render(pages)
    if again != pages:  # the footer never changes the layout; guard against a future one that does
        pdf, _ = render(again)
    return pdf
