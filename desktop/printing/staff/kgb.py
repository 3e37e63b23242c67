"""The surat pemberitahuan kenaikan gaji berkala (staff.md R10, R30; KKA 800.1.11.13) on F4 portrait.

The letter the Kepala Dinas sends, two months before the TMT, to the paying office (BPKAD / bendahara gaji)
with copies to the employee: the kop, the date, nomor/sifat/lampiran/hal and the addressee, then the standard
wording with the employee's data, the last SK (gaji pokok lama, its TMT and masa kerja golongan), the new gaji
pokok in figures and words, the MKG, golongan ruang and TMT, the legal basis, the signature and the tembusan.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from desktop.core.dates import format_date
from desktop.core.money import format_number
from desktop.core.nip import format_nip
from desktop.core.staff.months import MasaKerja
from desktop.core.terbilang import terbilang_rupiah
from desktop.printing.data import OfficeHeader, Signer
from desktop.printing.document import pdf_bytes, split_balanced, wrap_greedy
from desktop.printing.fonts import SANS, SANS_BOLD, SANS_ITALIC, string_width
from desktop.printing.kop import draw_kop
from desktop.printing.pages import F4, MM, Margins, PaperSize
from desktop.printing.signature import draw_signature_block, signature_block_height

__all__ = [
    "DEFAULT_TEMBUSAN",
    "HAL",
    "KgbNotice",
    "KgbPegawai",
    "SkTerakhir",
    "build_kgb_notice",
    "rupiah_text",
    "terbilang_text",
]

HAL = "Pemberitahuan Kenaikan Gaji Berkala"
DEFAULT_TEMBUSAN = ("Pegawai yang bersangkutan", "Arsip")

OPENING = (
    "Dengan ini diberitahukan bahwa berhubung dengan telah dipenuhinya masa kerja dan syarat-syarat lainnya "
    "kepada:"
)
SK_INTRO = "atas dasar surat keputusan terakhir tentang gaji/pangkat yang ditetapkan:"
GRANT = "diberikan kenaikan gaji berkala hingga memperoleh:"

MARGINS = Margins(12, 20, 12, 25)
_SIZES = (
    12.0,
    11.5,
    11.0,
    10.5,
    10.0,
    9.5,
    9.0,
)  # the body shrinks only when a long letter would not fit one page
_LEADING = 1.2
_CAP = 0.73
_DESC = 0.21


def rupiah_text(amount: int) -> str:
    """``Rp 4.576.400``, as gaji pokok is written in KGB letters."""
    return f"Rp {format_number(amount)}"


def terbilang_text(amount: int) -> str:
    """``(empat juta lima ratus tujuh puluh enam ribu empat ratus rupiah)``, first letter capitalised."""
    words = terbilang_rupiah(amount)
    return f"({words[:1].upper()}{words[1:]})"


@dataclass(frozen=True, slots=True)
class KgbPegawai:
    """The employee: ``pangkat`` as named ("Penata Tingkat I"), ``golongan_ruang`` the current one ("III/d")."""

    nama: str
    nip: str
    tempat_lahir: str
    tanggal_lahir: date
    pangkat: str
    golongan_ruang: str
    jabatan: str
    unit_kerja: str


@dataclass(frozen=True, slots=True)
class SkTerakhir:
    """The last SK on pay (KP or KGB) the old gaji pokok rests on."""

    pejabat: str
    nomor: str
    tanggal: date
    tmt: date
    mkg: MasaKerja
    gaji_pokok: int


@dataclass(frozen=True, slots=True)
class KgbNotice:
    """One surat pemberitahuan KGB.

    ``kepada`` is the addressee, one line each ("Kepala Badan Pengelolaan Keuangan dan Aset Daerah Provinsi
    Kalimantan Timur"), printed after "Yth."; ``di`` the place under it. ``dasar`` is the pay regulation the new
    gaji pokok comes from ("Peraturan Pemerintah Nomor 5 Tahun 2024"); ``kgb_berikutnya`` when given prints the
    date of the following KGB. ``tembusan`` lines are numbered in print.
    """

    header: OfficeHeader
    signer: Signer
    nomor: str
    tanggal: date
    tempat: str
    kepada: tuple[str, ...]
    pegawai: KgbPegawai
    sk_terakhir: SkTerakhir
    gaji_pokok_baru: int
    mkg_baru: MasaKerja
    golongan_ruang_baru: str
    tmt: date
    dasar: str = "Peraturan Pemerintah Nomor 5 Tahun 2024"
    di: str = "Tempat"
    sifat: str = "Biasa"
    lampiran: str = "-"
    hal: str = HAL
    kgb_berikutnya: date | None = None
    tembusan: tuple[str, ...] = DEFAULT_TEMBUSAN
    paper: PaperSize = F4


class _Pen:
    """Draws on the canvas, or only measures when ``dry`` (to find the body size that fits the page).

    When drawing, a block that would run past the bottom margin goes onto a new page: only a letter too long
    for one page even at the smallest size (many tembusan, very long names) gets a second.
    """

    def __init__(self, canvas: Canvas, dry: bool, top: float, bottom: float) -> None:
        self.canvas = canvas
        self.dry = dry
        self.top = top
        self.bottom = bottom

    def ensure(self, y: float, below: float, size: float) -> float:
        """``y`` when ``below`` more points fit above the bottom margin; else a new page's first baseline."""
        if self.dry or y - below >= self.bottom:
            return y
        self.canvas.showPage()
        return self.top - _CAP * size

    def text(self, x: float, y: float, text: str, font: str, size: float) -> None:
        if not self.dry:
            self.canvas.setFont(font, size)
            self.canvas.drawString(x, y, text)

    def centred(self, x: float, y: float, text: str, font: str, size: float) -> None:
        if not self.dry:
            self.canvas.setFont(font, size)
            self.canvas.drawCentredString(x, y, text)


def build_kgb_notice(notice: KgbNotice) -> bytes:
    """The letter as PDF bytes: one page, the body at 12 pt unless a long letter needs less (down to 9 pt)."""
    box = MARGINS.content_box(notice.paper)

    def draw(canvas: Canvas) -> None:
        top = draw_kop(canvas, notice.header, left=box.left, right=box.right, top=box.top)
        measured = [
            (size, _draw_body(_Pen(canvas, True, box.top, box.bottom), notice, size, top)) for size in _SIZES
        ]
        # The largest size that fits the whole letter on the page; failing that, the largest that fits it up to
        # the signature, the tembusan running onto a second page.
        chosen = next((size for size, (_, end) in measured if end >= box.bottom), None)
        if chosen is None:
            chosen = next((size for size, (signed, _) in measured if signed >= box.bottom), _SIZES[-1])
        _draw_body(_Pen(canvas, False, box.top, box.bottom), notice, chosen, top)

    return pdf_bytes(
        draw,
        notice.paper,
        f"Pemberitahuan KGB — {notice.pegawai.nama}",
        subject=f"{notice.hal}, TMT {format_date(notice.tmt)}",
    )


def _draw_body(pen: _Pen, notice: KgbNotice, size: float, top: float) -> tuple[float, float]:
    """Everything under the kop, from ``top`` down; returns the y below the signature and the lowest y used."""
    box = MARGINS.content_box(notice.paper)
    left, right, width = box.left, box.right, box.width
    lead = size * _LEADING
    right_col = left + 0.55 * width  # the date and the addressee

    # Place and date, at the right.
    y = top - 6 * MM - _CAP * size
    pen.text(right_col, y, f"{notice.tempat}, {format_date(notice.tanggal)}", SANS, size)

    # Nomor … Hal at the left; Kepada Yth. … at the right, on the same lines.
    y -= 1.6 * lead
    head_top = y
    label_w = max(_width(label, size) for label in ("Nomor", "Sifat", "Lampiran", "Hal"))
    value_x = left + label_w + _width(" : ", size)
    value_w = right_col - 4 * MM - value_x
    for label, value in (
        ("Nomor", notice.nomor),
        ("Sifat", notice.sifat),
        ("Lampiran", notice.lampiran),
        ("Hal", notice.hal),
    ):
        pen.text(left, y, label, SANS, size)
        pen.text(left + label_w, y, " : ", SANS, size)
        for line in wrap_greedy(value, SANS, size, value_w) or [""]:
            pen.text(value_x, y, line, SANS, size)
            y -= lead
    left_bottom = y

    y = head_top
    pen.text(right_col, y, "Kepada", SANS, size)
    y -= lead
    yth_w = _width("Yth. ", size)
    for index, line in enumerate(notice.kepada):
        for k, part in enumerate(_balanced(line, size, right - right_col - yth_w)):
            if index == 0 and k == 0:
                pen.text(right_col, y, "Yth.", SANS, size)
            pen.text(right_col + yth_w, y, part, SANS, size)
            y -= lead
    pen.text(right_col + yth_w, y, "di", SANS, size)
    y -= lead
    pen.text(right_col + yth_w + 6 * MM, y, notice.di, SANS, size)
    y = min(left_bottom, y - lead) - 0.6 * lead

    # The body: indented like the paragraphs of a naskah dinas.
    body_left = left + 12 * MM
    body_w = right - body_left
    y = _paragraph(pen, OPENING, body_left, body_w, y, size)
    y -= 0.3 * lead

    p = notice.pegawai
    sk = notice.sk_terakhir
    number_w = _width("10.", size) + 2 * MM
    label_x = body_left + number_w
    label_w = 74 * MM
    colon_x = label_x + label_w
    value_x = colon_x + _width(": ", size)
    value_w = right - value_x

    def item(number: str, label: str, value: str, y: float, *, font: str = SANS, sub: bool = False) -> float:
        """A numbered line "7. Gaji Pokok Baru : Rp …"; ``sub`` for the lettered lines a.–e. under item 6."""
        number_x = label_x if sub else body_left
        text_x = label_x + _width("a. ", size) if sub else label_x
        label_lines = wrap_greedy(label, SANS, size, colon_x - text_x - 2 * MM) or [""]
        value_lines = wrap_greedy(value, font, size, value_w) or [""]
        y = pen.ensure(y, (max(len(label_lines), len(value_lines)) - 1) * lead + _DESC * size, size)
        pen.text(number_x, y, number, SANS, size)
        line_y = y
        for line in label_lines:
            pen.text(text_x, line_y, line, SANS, size)
            line_y -= lead
        pen.text(colon_x, y, ":", SANS, size)
        value_y = y
        for line in value_lines:
            pen.text(value_x, value_y, line, font, size)
            value_y -= lead
        return min(line_y, value_y)

    def words(amount: int, y: float) -> float:
        for line in wrap_greedy(terbilang_text(amount), SANS_ITALIC, size, value_w):
            y = pen.ensure(y, _DESC * size, size)
            pen.text(value_x, y, line, SANS_ITALIC, size)
            y -= lead
        return y

    y = item("1.", "Nama", p.nama, y, font=SANS_BOLD)
    tempat_lahir = f"{p.tempat_lahir}, " if p.tempat_lahir.strip() else ""
    y = item("2.", "Tempat/Tanggal Lahir", f"{tempat_lahir}{format_date(p.tanggal_lahir)}", y)
    y = item("3.", "NIP", format_nip(p.nip), y)
    y = item("4.", "Pangkat/Jabatan", f"{p.pangkat} ({p.golongan_ruang}) / {p.jabatan}", y)
    y = item("5.", "Kantor/Tempat", p.unit_kerja, y)
    y = item("6.", "Gaji Pokok Lama", rupiah_text(sk.gaji_pokok), y)
    y = words(sk.gaji_pokok, y)
    y = _paragraph(pen, SK_INTRO, label_x, right - label_x, y - 0.2 * lead, size) - 0.2 * lead
    y = item("a.", "Oleh Pejabat", sk.pejabat, y, sub=True)
    y = item("b.", "Tanggal", format_date(sk.tanggal), y, sub=True)
    y = item("c.", "Nomor", sk.nomor, y, sub=True)
    y = item("d.", "Tanggal mulai berlakunya gaji tersebut", format_date(sk.tmt), y, sub=True)
    y = item("e.", "Masa kerja golongan pada tanggal tersebut", str(sk.mkg), y, sub=True)
    y = _paragraph(pen, GRANT, body_left, body_w, y - 0.2 * lead, size) - 0.2 * lead
    y = item("7.", "Gaji Pokok Baru", rupiah_text(notice.gaji_pokok_baru), y, font=SANS_BOLD)
    y = words(notice.gaji_pokok_baru, y)
    y = item("8.", "Berdasarkan masa kerja golongan", str(notice.mkg_baru), y)
    y = item("9.", "Dalam golongan ruang", notice.golongan_ruang_baru, y)
    y = item("10.", "Mulai tanggal", format_date(notice.tmt), y, font=SANS_BOLD)
    if notice.kgb_berikutnya is not None:
        y = item("11.", "Kenaikan gaji berkala berikutnya", format_date(notice.kgb_berikutnya), y)

    closing = (
        f"Diharapkan agar sesuai dengan {notice.dasar}, kepada pegawai tersebut dapat dibayarkan "
        "penghasilannya berdasarkan gaji pokok yang baru."
    )
    y = _paragraph(pen, closing, body_left, body_w, y - 0.4 * lead, size)

    # Signature at the right, then the tembusan at the left.
    sig_w = min(85 * MM, right - right_col + 8 * MM)
    sig_center = right - sig_w / 2
    sig_space = 20 * MM if size >= 11.5 else 17 * MM
    sig_top = y - 0.8 * lead
    sig_h = signature_block_height(notice.signer, width=sig_w, font_size=size, signature_space=sig_space)
    sig_top = pen.ensure(sig_top, sig_h, size) + (
        0 if sig_top - sig_h >= pen.bottom or pen.dry else _CAP * size
    )
    if pen.dry:
        y = sig_top - sig_h
    else:
        y = draw_signature_block(
            pen.canvas,
            notice.signer,
            x_center=sig_center,
            top=sig_top,
            width=sig_w,
            font_size=size,
            signature_space=sig_space,
        )
    signed = y
    if notice.tembusan:
        small = size - 1
        # The heading keeps with the first line.
        y = pen.ensure(y - 1.2 * lead - _CAP * small, small * _LEADING + _DESC * small, small)
        pen.text(left, y, "Tembusan:", SANS, small)
        number_w = _width(f"{len(notice.tembusan)}. ", small)
        for index, line in enumerate(notice.tembusan, start=1):
            text = line.strip()
            end = ";" if index < len(notice.tembusan) else "."
            parts = wrap_greedy(f"{text.rstrip(';.')}{end}", SANS, small, width - number_w)
            for k, part in enumerate(parts):
                y = pen.ensure(y - small * _LEADING, _DESC * small, small)
                if k == 0:
                    pen.text(left, y, f"{index}.", SANS, small)
                pen.text(left + number_w, y, part, SANS, small)
    return signed, y - 0.3 * size


def _balanced(text: str, size: float, width: float) -> list[str]:
    """Greedy line count, then the same number of lines evened out (no lone last word in the address)."""
    greedy = wrap_greedy(text, SANS, size, width)
    balanced = split_balanced(text, SANS, len(greedy))
    return balanced if all(_width(line, size) <= width for line in balanced) else greedy


def _width(text: str, size: float, font: str = SANS) -> float:
    return string_width(text, font, size)


def _paragraph(pen: _Pen, text: str, left: float, width: float, top_baseline: float, size: float) -> float:
    """A justified paragraph whose first baseline is ``top_baseline``; returns the next line's baseline."""
    style = ParagraphStyle(
        "body", fontName=SANS, fontSize=size, leading=size * _LEADING, alignment=TA_JUSTIFY
    )
    paragraph = Paragraph(escape(text), style)
    _, height = paragraph.wrap(width, 10_000)
    top_baseline = pen.ensure(top_baseline, height - size * _LEADING + _DESC * size, size)
    # A Paragraph's first baseline sits one font size below its top, each next one a leading lower.
    top = top_baseline + size
    if not pen.dry:
        paragraph.drawOn(pen.canvas, left, top - height)
    return float(top_baseline - height)
