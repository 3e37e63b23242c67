"""Inventarisasi (R23, R24): the Lembar Kerja (LKI) to tick, the LHI lists and the BA Hasil Inventarisasi."""

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
    CondPageBreak,
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
from desktop.core.terbilang import berita_acara_date
from desktop.printing.assets.table import (
    Cancelled,
    LongTable,
    SignatureSpot,
    TableColumn,
    build_long_table,
    draw_fields,
    draw_titles,
    signer_or_blank,
)
from desktop.printing.data import OfficeHeader, Signer
from desktop.printing.document import CREATOR
from desktop.printing.fonts import SANS, SANS_BOLD, register_fonts
from desktop.printing.kop import draw_kop
from desktop.printing.pages import A4, F4, MM, PaperSize
from desktop.printing.signature import draw_signature_block, signature_block_height

__all__ = [
    "BA_TITLE",
    "LHI_TITLE",
    "LKI_TITLE",
    "BaCounts",
    "BaData",
    "Cancelled",
    "LhiData",
    "LhiLine",
    "LhiSection",
    "LkiData",
    "LkiLine",
    "build_ba",
    "build_lhi",
    "build_lki",
    "lki_columns",
]

LKI_TITLE = "LEMBAR KERJA INVENTARISASI"
LHI_TITLE = "LAPORAN HASIL INVENTARISASI"
BA_TITLE = "BERITA ACARA HASIL INVENTARISASI BARANG MILIK DAERAH"

# The LKI format per golongan (Format III.A.1-A.6 pattern); a room holds several golongan and prints A.x.
LKI_FORMAT = {"A": "III.A.1", "B": "III.A.2", "C": "III.A.3", "D": "III.A.4", "E": "III.A.5", "F": "III.A.6"}

_KEBERADAAN = ("Keberadaan Barang",)
_KONDISI = ("Kondisi Barang",)


@dataclass(frozen=True, slots=True)
class LkiLine:
    """One recorded item on the worksheet, as printed; the team fills in the empty columns by hand."""

    kode_barang: str
    register: str
    nama: str
    merk_tipe: str = ""
    nibar: str = ""
    tahun: str = ""
    ruang: str = ""
    kondisi_tercatat: str = ""  # "B" / "RR" / "RB" as recorded in the KIB


@dataclass(frozen=True)
class LkiData:
    """The LKI printed before the census: ``scope_text`` is the room or golongan, ``with_room`` adds the
    recorded room's column (a census of a golongan or of everything walks several rooms)."""

    header: OfficeHeader
    nama: str
    scope_text: str
    kode_lokasi: str
    lines: Sequence[LkiLine]
    place: str
    tanggal: date
    sk_nomor: str = ""
    golongan: str = ""
    with_room: bool = False
    kondisi_letters: tuple[str, str, str] = ("B", "RR", "RB")
    ketua: Signer | None = None
    printed_at: str = ""
    paper: PaperSize | None = None


def lki_columns(data: LkiData) -> tuple[TableColumn, ...]:
    b, rr, rb = data.kondisi_letters
    room = (TableColumn("Ruang Tercatat", 26),) if data.with_room else ()
    return (
        TableColumn("No", 7, "center"),
        TableColumn("Kode Barang", 26),
        TableColumn("Register", 13, "center"),
        TableColumn("NIBAR", 19, "center"),
        TableColumn("Nama Barang", 36),
        TableColumn("Merk/Tipe", 28),
        TableColumn("Tahun", 10, "center"),
        *room,
        TableColumn("Kondisi Tercatat", 13, "center"),
        TableColumn("Ada", 10, "center", _KEBERADAAN),
        TableColumn("Hilang", 10, "center", _KEBERADAAN),
        TableColumn("Tidak Ditemukan", 15, "center", _KEBERADAAN),
        TableColumn(b, 8, "center", _KONDISI),
        TableColumn(rr, 8, "center", _KONDISI),
        TableColumn(rb, 8, "center", _KONDISI),
        TableColumn("Penggunaan", 22),
        TableColumn("Keterangan", 30),
    )


def _lki_rows(data: LkiData) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for number, line in enumerate(data.lines, start=1):
        room = (line.ruang,) if data.with_room else ()
        rows.append(
            (
                str(number),
                line.kode_barang,
                line.register,
                line.nibar,
                line.nama,
                line.merk_tipe,
                line.tahun,
                *room,
                line.kondisi_tercatat,
                *("" for _ in range(8)),
            )
        )
    return rows


def build_lki(
    data: LkiData,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> bytes:
    """The worksheet as PDF bytes, F4 landscape: the recorded items with empty columns to tick."""
    fmt = LKI_FORMAT.get(data.golongan, "III.A.2") if data.golongan else "III.A"
    fields = [
        ("NAMA INVENTARISASI", data.nama),
        ("CAKUPAN", data.scope_text),
        ("NOMOR SK TIM", data.sk_nomor or "-"),
        ("KODE LOKASI", data.kode_lokasi or "-"),
        ("TANGGAL PEMERIKSAAN", "…………………………"),
    ]

    def preamble(canvas: Canvas, left: float, right: float, top: float) -> float:
        canvas.setFont(SANS, 7.5)
        canvas.drawRightString(right, top - 7.5, f"Format {fmt}")
        y = draw_titles(canvas, [(LKI_TITLE, 12.0), (data.scope_text.upper(), 10.0)], left, right, top)
        return draw_fields(canvas, fields, left, y - 2 * MM, (right - left) * 0.7) - 2.5 * MM

    b, rr, rb = data.kondisi_letters
    notes = (
        "Isi dengan tanda centang (✓): keberadaan Ada / Hilang / Tidak Ditemukan; kondisi "
        f"{b} (Baik), {rr} (Rusak Ringan), {rb} (Rusak Berat). Penggunaan: Pemda sendiri / Pemerintah Pusat / "
        "Pemda lain / Pihak lain. Barang yang ditemukan tetapi tidak tercatat ditulis pada lembar A.7.",
    )
    table = LongTable(
        title=f"{LKI_TITLE} · {data.scope_text}",
        columns=lki_columns(data),
        rows=_lki_rows(data),
        preamble=preamble,
        paper=data.paper or F4.landscape(),
        body_size=7.5,
        head_size=7.5,
        notes=notes,
        place_date=f"{data.place.strip()}, {format_date(data.tanggal)}".lstrip(", "),
        signatures=(
            SignatureSpot("", None, "Petugas Inventarisasi"),
            SignatureSpot(
                "", signer_or_blank(data.ketua, "Ketua Tim Inventarisasi"), "Ketua Tim Inventarisasi"
            ),
        ),
        empty="Tidak ada barang tercatat dalam cakupan ini.",
        printed_at=data.printed_at,
        author=data.header.nama_dinas or "Sekretariat",
    )
    return build_long_table(table, progress, cancelled)


# --- LHI ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LhiLine:
    """One item of an LHI list; ``tercatat`` / ``hasil`` say what the KIB holds and what the team found
    (a kondisi, a room), empty when the list is about presence only."""

    kode_barang: str
    register: str
    nama: str
    merk_tipe: str = ""
    tahun: str = ""
    nilai: int = 0
    ruang: str = ""
    tercatat: str = ""
    hasil: str = ""
    keterangan: str = ""


@dataclass(frozen=True, slots=True)
class LhiSection:
    """One list of the LHI (Format III.B.x pattern) and the follow-up it asks for."""

    format_kode: str
    judul: str
    tindak_lanjut: str
    lines: Sequence[LhiLine]
    tercatat_title: str = "Tercatat"
    hasil_title: str = "Hasil Inventarisasi"


@dataclass(frozen=True)
class LhiData:
    header: OfficeHeader
    nama: str
    scope_text: str
    kode_lokasi: str
    sections: Sequence[LhiSection]
    place: str
    tanggal: date
    sk_nomor: str = ""
    ketua: Signer | None = None
    pengguna_barang: Signer | None = None
    printed_at: str = ""


_LHI_COLUMNS = (
    ("No", 7.0, TA_CENTER),
    ("Kode Barang", 27.0, TA_LEFT),
    ("Register", 14.0, TA_CENTER),
    ("Nama Barang", 38.0, TA_LEFT),
    ("Merk/Tipe", 28.0, TA_LEFT),
    ("Tahun", 10.0, TA_CENTER),
    ("Nilai (Rp)", 21.0, TA_RIGHT),
    ("Ruang", 28.0, TA_LEFT),
    ("", 22.0, TA_CENTER),  # tercatat
    ("", 22.0, TA_CENTER),  # hasil
    ("Keterangan", 36.0, TA_LEFT),
)
_CELL = 7.5
_BODY = 10.0
_GRID = 0.5
_SIGN_SIZE = 9.5
_SIGN_SPACE = 17 * MM


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName=SANS, fontSize=_BODY, leading=_BODY * 1.3, alignment=TA_JUSTIFY)
    cell = ParagraphStyle("cell", fontName=SANS, fontSize=_CELL, leading=_CELL * 1.2, splitLongWords=True)
    return {
        "body": body,
        "plain": ParagraphStyle("plain", parent=body, alignment=TA_LEFT),
        "title": ParagraphStyle(
            "title", parent=body, fontName=SANS_BOLD, fontSize=12.0, leading=15.0, alignment=TA_CENTER
        ),
        "center": ParagraphStyle("center", parent=body, alignment=TA_CENTER),
        "section": ParagraphStyle("section", parent=body, fontName=SANS_BOLD, fontSize=9.5, leading=12.0),
        "note": ParagraphStyle("note", parent=body, fontSize=8.5, leading=10.5, alignment=TA_LEFT),
        "small": ParagraphStyle("small", parent=body, fontSize=7.5, leading=9.0, alignment=TA_RIGHT),
        "cell": cell,
        "head": ParagraphStyle("head", parent=cell, fontName=SANS_BOLD, alignment=TA_CENTER),
        **{
            f"c{i}": ParagraphStyle(f"c{i}", parent=cell, alignment=a)
            for i, (_, _, a) in enumerate(_LHI_COLUMNS)
        },
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(" ".join(text.split())), style)


class _Kop(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """The kop surat, measured on a scratch canvas and drawn in place."""

    def __init__(self, header: OfficeHeader, width: float) -> None:
        super().__init__()
        self.header = header
        self.kop_width = width
        self.kop_height = 1000 - draw_kop(Canvas(BytesIO()), header, left=0, right=width, top=1000)

    def wrap(self, _avail_width: float, _avail_height: float) -> tuple[float, float]:
        return self.kop_width, self.kop_height

    def draw(self) -> None:
        draw_kop(self.canv, self.header, left=0, right=self.kop_width, top=self.kop_height)


class _Signatures(Flowable):  # type: ignore[misc]
    """Signature blocks side by side, the place and date over the right-most one; a missing signer leaves
    the jabatan over a dotted line to write the name by hand."""

    def __init__(
        self, spots: Sequence[tuple[str, Signer | None, str]], place_date: str, width: float
    ) -> None:
        super().__init__()
        self.spots = list(spots)
        if place_date and self.spots and not self.spots[-1][0]:
            # The place and date take the caption line of the right-most block, so the names line up.
            _caption, signer, jabatan = self.spots[-1]
            self.spots[-1] = (place_date, signer, jabatan)
            place_date = ""
        self.place_date = place_date
        self.total_width = width
        self.block_width = min(80 * MM, width / max(1, len(self.spots)) - 6 * MM)
        self.place_h = _SIGN_SIZE * 1.5 if place_date else 0.0
        self.heights = [self._height(caption, signer) for caption, signer, _ in self.spots]

    def _height(self, caption: str, signer: Signer | None) -> float:
        if signer is None:
            return (
                (_SIGN_SIZE * 1.3 if caption else 0) + _SIGN_SIZE * 1.3 + _SIGN_SPACE + 2 * _SIGN_SIZE * 1.3
            )
        return signature_block_height(
            signer,
            width=self.block_width,
            font_size=_SIGN_SIZE,
            place_date=caption,
            signature_space=_SIGN_SPACE,
        )

    def wrap(self, _avail_width: float, _avail_height: float) -> tuple[float, float]:
        return self.total_width, self.place_h + max(self.heights, default=0.0)

    def draw(self) -> None:
        top = self.place_h + max(self.heights, default=0.0)
        step = self.total_width / max(1, len(self.spots))
        centers = [step * (i + 0.5) for i in range(len(self.spots))]
        canvas = self.canv
        if self.place_date and centers:
            canvas.setFont(SANS, _SIGN_SIZE)
            canvas.drawCentredString(centers[-1], top - 0.73 * _SIGN_SIZE, self.place_date)
            top -= self.place_h
        for (caption, signer, jabatan), x in zip(self.spots, centers, strict=True):
            if signer is not None:
                draw_signature_block(
                    canvas,
                    signer,
                    x_center=x,
                    top=top,
                    place_date=caption,
                    width=self.block_width,
                    font_size=_SIGN_SIZE,
                    signature_space=_SIGN_SPACE,
                )
                continue
            y = top - 0.73 * _SIGN_SIZE
            canvas.setFont(SANS, _SIGN_SIZE)
            if caption:
                canvas.drawCentredString(x, y, caption)
                y -= _SIGN_SIZE * 1.3
            canvas.drawCentredString(x, y, f"{jabatan},")
            y -= _SIGN_SPACE
            canvas.drawCentredString(x, y, "(" + "." * 40 + ")")
            canvas.drawString(x - 30 * MM, y - _SIGN_SIZE * 1.3, "NIP.")


def _lhi_table(section: LhiSection, width: float, st: dict[str, ParagraphStyle]) -> Table:
    scale = width / sum(w for _, w, _ in _LHI_COLUMNS)
    widths = [w * scale for _, w, _ in _LHI_COLUMNS]
    titles = [t for t, _, _ in _LHI_COLUMNS]
    titles[8], titles[9] = section.tercatat_title, section.hasil_title
    rows: list[list[Any]] = [[_p(t, st["head"]) for t in titles]]
    for number, line in enumerate(section.lines, start=1):
        values = (
            str(number),
            line.kode_barang,
            line.register,
            line.nama,
            line.merk_tipe,
            line.tahun,
            format_number(line.nilai) if line.nilai else "",
            line.ruang,
            line.tercatat,
            line.hasil,
            line.keterangan,
        )
        rows.append([_p(v, st[f"c{i}"]) for i, v in enumerate(values)])
    style: list[Any] = [
        ("GRID", (0, 0), (-1, -1), _GRID, (0, 0, 0)),
        ("BACKGROUND", (0, 0), (-1, 0), (0.9, 0.9, 0.9)),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if not section.lines:
        rows.append([_p("Nihil.", st["cell"])] + [""] * (len(titles) - 1))
        style.append(("SPAN", (0, 1), (-1, 1)))
    else:
        total = sum(line.nilai for line in section.lines)
        total_row: list[Any] = [""] * len(titles)
        total_row[0] = Paragraph(f"<b>JUMLAH ({format_number(len(section.lines))} barang)</b>", st["c6"])
        total_row[6] = Paragraph(f"<b>{format_number(total)}</b>", st["c6"])
        rows.append(total_row)
        style.append(("SPAN", (0, -1), (5, -1)))
    return Table(rows, colWidths=widths, repeatRows=1, style=TableStyle(style))


def _document(
    pdf_title: str,
    paper: PaperSize,
    story: Callable[[float], list[Any]],
    footer: str,
    margins: tuple[float, ...],
) -> bytes:
    """Lay the story out twice: the footer's "Halaman x dari y" needs y."""
    register_fonts()
    page_w, page_h = paper.size_pt
    left, right, top, bottom = margins
    width = page_w - left - right

    def render(page_count: int) -> tuple[bytes, int]:
        buffer = BytesIO()
        doc = BaseDocTemplate(
            buffer,
            pagesize=(page_w, page_h),
            leftMargin=left,
            rightMargin=right,
            topMargin=top,
            bottomMargin=bottom,
            title=pdf_title,
            author="Sekretariat",
            creator=CREATOR,
            initialFontName=SANS,
            initialFontSize=10,
            initialLeading=12,
        )
        frame = Frame(
            left,
            bottom,
            width,
            page_h - top - bottom,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )

        def marks(canvas: Canvas, document: Any) -> None:
            canvas.saveState()
            canvas.setFont(SANS, 7.0)
            canvas.setFillGray(0.35)
            canvas.drawString(left, bottom - 6 * MM, footer)
            pages = f" dari {page_count}" if page_count else ""
            canvas.drawRightString(page_w - right, bottom - 6 * MM, f"Halaman {document.page}{pages}")
            canvas.restoreState()

        doc.addPageTemplates([PageTemplate("page", frames=[frame], onPage=marks)])
        doc.build(story(width))
        return buffer.getvalue(), int(doc.page)

    _, pages = render(0)
    pdf, again = render(pages)
    if again != pages:
        pdf, _ = render(again)
    return pdf


def build_lhi(data: LhiData) -> bytes:
    """The LHI as PDF bytes, F4 landscape: one list per group, each with its follow-up, "Nihil." when empty."""
    st = _styles()

    def story(width: float) -> list[Any]:
        out: list[Any] = [
            Paragraph(LHI_TITLE, st["title"]),
            _p(data.nama, st["center"]),
            Spacer(1, 2 * MM),
            _p(
                f"Cakupan: {data.scope_text}   ·   Nomor SK Tim: {data.sk_nomor or '-'}   ·   "
                f"Kode lokasi: {data.kode_lokasi or '-'}",
                st["plain"],
            ),
            Spacer(1, 3 * MM),
        ]
        for number, section in enumerate(data.sections, start=1):
            heading = Paragraph(
                f"{number}. {escape(section.judul)} "
                f"<font size='7.5' color='#555555'>(Format {escape(section.format_kode)})</font>",
                st["section"],
            )
            follow = _p(f"Tindak lanjut: {section.tindak_lanjut}", st["note"])
            out += [
                CondPageBreak(30 * MM),
                KeepTogether([heading, Spacer(1, 1 * MM), follow, Spacer(1, 1.5 * MM)]),
                _lhi_table(section, width, st),
                Spacer(1, 5 * MM),
            ]
        place_date = f"{data.place.strip()}, {format_date(data.tanggal)}".lstrip(", ")
        out.append(
            KeepTogether(
                [
                    Spacer(1, 3 * MM),
                    _Signatures(
                        [
                            ("Mengetahui,", data.pengguna_barang, "Pengguna Barang"),
                            ("", data.ketua, "Ketua Tim Inventarisasi"),
                        ],
                        place_date,
                        width,
                    ),
                ]
            )
        )
        return out

    margins = (12 * MM, 12 * MM, 12 * MM, 14 * MM)
    footer = f"{LHI_TITLE} · {data.nama}" + (f" · {data.printed_at}" if data.printed_at else "")
    return _document(f"{LHI_TITLE} {data.nama}", F4.landscape(), story, footer, margins)


# --- BA -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BaCounts:
    diinventarisasi: int
    ada: int
    hilang: int
    tidak_ditemukan: int
    rusak_berat: int
    belum_tercatat: int
    rusak_ringan: int = 0
    nilai_diinventarisasi: int = 0

    def rows(self) -> list[tuple[str, int]]:
        return [
            ("Barang yang diinventarisasi (tercatat dalam KIB)", self.diinventarisasi),
            ("Barang yang ada", self.ada),
            ("Barang hilang", self.hilang),
            ("Barang tidak ditemukan", self.tidak_ditemukan),
            ("Barang dalam kondisi rusak ringan", self.rusak_ringan),
            ("Barang dalam kondisi rusak berat", self.rusak_berat),
            ("Barang ditemukan tetapi belum tercatat", self.belum_tercatat),
        ]


@dataclass(frozen=True)
class BaData:
    """The BA Hasil Inventarisasi (A4 portrait): signed by the team leader and the Pengguna Barang;
    ``tindak_lanjut`` lists the follow-up groups with their counts."""

    header: OfficeHeader
    tanggal: date
    nama: str
    scope_text: str
    sk_nomor: str
    counts: BaCounts
    place: str
    nomor: str = ""
    ketua: Signer | None = None
    pengguna_barang: Signer | None = None
    tindak_lanjut: Sequence[tuple[str, int]] = field(default_factory=tuple)
    paper: PaperSize = field(default=A4)


def build_ba(data: BaData) -> bytes:
    """The BA as PDF bytes: kop, title, the date line in words, the counts, the follow-up, two signatures."""
    if data.paper.is_landscape or data.paper.is_roll:
        raise ValueError("Berita Acara dicetak pada kertas tegak.")
    st = _styles()

    def story(width: float) -> list[Any]:
        sk = " ".join(data.sk_nomor.split()) or "……"
        counts = [[_p("No", st["head"]), _p("Uraian", st["head"]), _p("Jumlah", st["head"])]]
        for number, (label, value) in enumerate(data.counts.rows(), start=1):
            counts.append(
                [
                    _p(str(number), st["c0"]),
                    _p(label, st["c3"]),
                    _p(f"{format_number(value)} barang", st["c6"]),
                ]
            )
        count_table = Table(
            counts,
            colWidths=[10 * MM, width - 45 * MM, 35 * MM],
            style=TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), _GRID, (0, 0, 0)),
                    ("BACKGROUND", (0, 0), (-1, 0), (0.9, 0.9, 0.9)),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("FONTSIZE", (0, 0), (-1, -1), 9),
                ]
            ),
        )
        nomor = " ".join(data.nomor.split()) or "……"
        out: list[Any] = [
            _Kop(data.header, width),
            Spacer(1, 4 * MM),
            Paragraph(BA_TITLE, st["title"]),
            _p(f"Nomor: {nomor}", st["center"]),
            Spacer(1, 5 * MM),
            _p(
                f"{berita_acara_date(data.tanggal)}, kami yang bertanda tangan di bawah ini, Tim Inventarisasi "
                f"Barang Milik Daerah yang dibentuk dengan Surat Keputusan Nomor {sk}, telah melaksanakan "
                f"inventarisasi ({data.nama}) atas barang milik daerah dengan cakupan {data.scope_text}, "
                "dengan hasil sebagai berikut:",
                st["body"],
            ),
            Spacer(1, 3 * MM),
            count_table,
            Spacer(1, 3 * MM),
        ]
        if data.counts.nilai_diinventarisasi:
            out += [
                _p(
                    f"Nilai perolehan barang yang diinventarisasi Rp {format_number(data.counts.nilai_diinventarisasi)}.",
                    st["plain"],
                ),
                Spacer(1, 2 * MM),
            ]
        follow = [(label, n) for label, n in data.tindak_lanjut if n]
        if follow:
            out.append(_p("Hasil tersebut ditindaklanjuti sebagai berikut:", st["plain"]))
            for number, (label, n) in enumerate(follow, start=1):
                out.append(
                    Paragraph(
                        escape(f"{label}: {format_number(n)} barang."),
                        ParagraphStyle("item", parent=st["body"], leftIndent=7 * MM),
                        bulletText=f"{number}.",
                    )
                )
            out.append(Spacer(1, 2 * MM))
        out += [
            _p(
                "Rincian hasil inventarisasi tercantum dalam Laporan Hasil Inventarisasi (LHI) yang merupakan "
                "bagian tidak terpisahkan dari Berita Acara ini.",
                st["body"],
            ),
            Spacer(1, 2 * MM),
            KeepTogether(
                [
                    _p(
                        "Demikian Berita Acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.",
                        st["body"],
                    ),
                    Spacer(1, 6 * MM),
                    _Signatures(
                        [
                            ("Mengetahui,", data.pengguna_barang, "Pengguna Barang"),
                            ("", data.ketua, "Ketua Tim Inventarisasi"),
                        ],
                        f"{data.place.strip()}, {format_date(data.tanggal)}".lstrip(", "),
                        width,
                    ),
                ]
            ),
        ]
        return out

    margins = (20 * MM, 17 * MM, 15 * MM, 15 * MM)
    return _document(
        f"{BA_TITLE} {data.nama}", data.paper, story, f"BA Hasil Inventarisasi · {data.nama}", margins
    )
