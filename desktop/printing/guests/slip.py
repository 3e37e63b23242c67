"""The queue ticket slip (guests.md R16) on an 80 mm or 58 mm thermal roll or on A6."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from desktop.core.dates import day_name, format_datetime, office_tz
from desktop.printing.document import FittedText, fit_text, pdf_bytes
from desktop.printing.fonts import SANS, SANS_BOLD, SANS_ITALIC, register_fonts, string_width
from desktop.printing.kop import logo_size
from desktop.printing.pages import MM, THERMAL_58, THERMAL_80, PaperSize

__all__ = [
    "A6",
    "DEFAULT_PRIVACY_NOTICE",
    "HEADING",
    "QR_CAPTION",
    "SLIP_PAPERS",
    "SLIP_PAPER_LABELS",
    "TicketSlip",
    "build_slip",
    "issued_text",
    "qr_modules",
    "slip_paper",
    "waiting_text",
]

DEFAULT_PRIVACY_NOTICE = (
    "Data Anda dipakai untuk pelayanan tamu (tugas pelayanan publik, UU 27/2022 Pasal 20 ayat (2) huruf e), "
    "disimpan sesuai JRA, lalu dianonimkan."
)
"""R30: the lawful basis is the public task, so the slip informs rather than asks for consent."""

HEADING = "NOMOR ANTRIAN"
QR_CAPTION = "Pindai untuk mengisi Survei Kepuasan Masyarakat"

A6 = PaperSize("A6", "A6", 105, 148)
"""A6 for offices that print the slip on an ordinary printer (not in the general paper list of pages.py)."""

SLIP_PAPERS: tuple[str, ...] = ("80mm", "58mm", "A6")
"""Keys stored in Pengaturan; 80 mm is the default slip printer (guests.md, configurable items)."""

SLIP_PAPER_LABELS: dict[str, str] = {
    "80mm": "Rol termal 80 mm",
    "58mm": "Rol termal 58 mm",
    "A6": "Kertas A6 (105 × 148 mm)",
}
"""What the Pengaturan combo shows for each key of :data:`SLIP_PAPERS`."""

_CAP = 0.73  # Liberation Sans capital height, in em
_DESC = 0.21  # descender depth, in em
_LEADING = 1.2


@dataclass(frozen=True, slots=True)
class TicketSlip:
    """Everything one queue slip shows, already decided by the service.

    ``issued_at`` is an aware datetime; it is printed in the office zone ``zona`` (WIB, WITA, WIT).
    ``waiting`` is the number of people ahead in the same queue. ``kartu`` is the kartu tamu number handed
    over, or "". ``survey_url`` is the QR content carrying the visit's one-time survey token; ``None`` prints
    no QR (the survey page is off).
    """

    nama_instansi: str
    nama_pemda: str
    logo_png: bytes | None
    ticket: str
    layanan: str
    issued_at: datetime
    zona: str
    waiting: int
    kartu: str = ""
    survey_url: str | None = None
    privacy_notice: str = DEFAULT_PRIVACY_NOTICE


@dataclass(frozen=True, slots=True)
class _Metrics:
    """Sizes for one paper; points unless the name says mm."""

    paper: PaperSize
    side_mm: float  # left and right margins: the printable width of a roll is narrower than the paper
    top_mm: float
    bottom_mm: float  # a roll printer cuts a few millimetres below the last printed dot
    logo_h: float
    pemda: float
    instansi: float
    heading: float
    number_max: float
    layanan: float
    body: float
    small: float
    min_size: float  # below this thermal print is hard to read; only extreme names go smaller
    qr: float
    gap: float

    @property
    def left(self) -> float:
        return self.side_mm * MM

    @property
    def width(self) -> float:
        return (self.paper.width_mm - 2 * self.side_mm) * MM


_METRICS: dict[str, _Metrics] = {
    # 80 mm roll: 72 mm printable (576 dots at 203 dpi).
    "80mm": _Metrics(THERMAL_80, 4, 4, 6, 12 * MM, 7.5, 9, 11, 72, 12, 9.5, 7, 6, 34 * MM, 2.2 * MM),
    # 58 mm roll: 48 mm printable (384 dots).
    "58mm": _Metrics(THERMAL_58, 5, 3, 6, 10 * MM, 6.5, 7.5, 9.5, 56, 10, 8, 6.5, 5.5, 30 * MM, 1.8 * MM),
    "A6": _Metrics(A6, 8, 7, 7, 14 * MM, 8, 10, 12, 80, 13, 10, 7.5, 6.5, 34 * MM, 2.6 * MM),
}


def slip_paper(key: str) -> PaperSize:
    """The paper of a slip key; a roll comes back without a length (the slip sets it)."""
    if key not in _METRICS:
        choices = ", ".join(SLIP_PAPERS)
        raise ValueError(f"Ukuran kertas slip tidak dikenal: {key!r} (pilih {choices}).")
    return _METRICS[key].paper


def issued_text(issued_at: datetime, zona: str) -> str:
    """``"Senin, 2 Maret 2026 08.15 WITA"``: the day name too, since a slip is read the same day at the desk."""
    local = issued_at.astimezone(office_tz(zona)) if issued_at.tzinfo is not None else issued_at
    return f"{day_name(local.date())}, {format_datetime(local, zona)}"


def waiting_text(waiting: int) -> str:
    """``"Menunggu: 3 orang"`` (people ahead in the same queue)."""
    if waiting < 0:
        raise ValueError("Jumlah yang menunggu tidak boleh negatif.")
    return f"Menunggu: {waiting} orang"


def qr_modules(value: str) -> tuple[tuple[bool, ...], ...]:
    """The QR symbol of ``value`` as rows of dark (True) modules, error correction M.

    M rather than reportlab's default L: thermal print fades and smudges, and M still keeps a URL with a
    token at a size a cheap phone camera reads from a 30 mm square.
    """
    widget = QrCodeWidget(value, barLevel="M")
    widget.qr.make()
    return tuple(tuple(bool(cell) for cell in row) for row in widget.qr.modules)


@dataclass(slots=True)
class _Block:
    height: float
    draw: Callable[[Canvas, float], None]  # called with the block's top y


def _text_block(
    text: str, font: str, width: float, x_center: float, size: float, min_size: float, max_lines: int
) -> _Block | None:
    fitted = fit_text(
        " ".join(text.split()), font, width, max_size=size, min_size=min_size, max_lines=max_lines
    )
    if not fitted.fits:
        return None
    return _lines_block(fitted, font, x_center)


def _lines_block(fitted: FittedText, font: str, x_center: float) -> _Block:
    size = fitted.font_size
    lead = _LEADING * size

    def draw(canvas: Canvas, top: float) -> None:
        canvas.setFont(font, size)
        for index, line in enumerate(fitted.lines):
            # Capitals and descenders centred in each line's box.
            baseline = top - index * lead - lead / 2 - (_CAP - _DESC) / 2 * size
            canvas.drawCentredString(x_center, baseline, line)

    return _Block(len(fitted.lines) * lead, draw)


def _number_block(ticket: str, m: _Metrics, x_center: float) -> _Block:
    """The ticket number as large as the width allows (``A1000`` after 999 still fits, R15)."""
    text = ticket.strip()
    natural = string_width(text, SANS_BOLD, 1.0)
    size = min(m.number_max, m.width / natural) if natural > 0 else m.number_max
    top_pad = 0.1 * size
    # Capitals and digits have no descenders, but the same white below keeps the service name clear of it.
    bottom_pad = 0.22 * size

    def draw(canvas: Canvas, top: float) -> None:
        canvas.setFont(SANS_BOLD, size)
        canvas.drawCentredString(x_center, top - top_pad - _CAP * size, text)

    return _Block(_CAP * size + top_pad + bottom_pad, draw)


def _rule_block(m: _Metrics, *, dashed: bool) -> _Block:
    def draw(canvas: Canvas, top: float) -> None:
        y = top - m.gap / 2
        canvas.saveState()
        canvas.setLineWidth(0.6)
        if dashed:
            canvas.setDash(2.5, 2)
        canvas.line(m.left, y, m.left + m.width, y)
        canvas.restoreState()

    return _Block(m.gap, draw)


def _logo_block(png: bytes, m: _Metrics, x_center: float) -> _Block:
    px_w, px_h = logo_size(png)
    height = m.logo_h
    width = height * px_w / px_h
    if width > 2 * height:  # a wide emblem keeps its aspect ratio within two heights
        width = 2 * height
        height = width * px_h / px_w

    def draw(canvas: Canvas, top: float) -> None:
        image = ImageReader(BytesIO(png))
        canvas.drawImage(image, x_center - width / 2, top - height, width, height, mask="auto")

    return _Block(height, draw)


def _qr_block(url: str, m: _Metrics, x_center: float) -> _Block:
    """The QR with its quiet zone (4 modules of white, inside :attr:`_Metrics.qr`)."""
    modules = qr_modules(url)
    count = len(modules)
    module = m.qr / (count + 8)

    def draw(canvas: Canvas, top: float) -> None:
        left = x_center - m.qr / 2 + 4 * module
        first_top = top - 4 * module
        canvas.saveState()
        canvas.setFillColorRGB(0, 0, 0)
        path = canvas.beginPath()
        for row_index, row in enumerate(modules):
            y = first_top - (row_index + 1) * module
            column = 0
            while column < count:
                if not row[column]:
                    column += 1
                    continue
                start = column
                while column < count and row[column]:
                    column += 1
                # A hair of overlap with the row above, so no white seam shows between rows on screen.
                path.rect(left + start * module, y, (column - start) * module, module * 1.02)
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.restoreState()

    return _Block(m.qr, draw)


def _blocks(slip: TicketSlip, m: _Metrics) -> list[_Block | None]:
    x_center = m.left + m.width / 2
    width = m.width
    low = m.min_size
    blocks: list[_Block | None] = []
    if slip.logo_png:
        blocks += [_logo_block(slip.logo_png, m, x_center), _Block(0.25 * m.gap, lambda c, t: None)]
    blocks += [
        _text_block(slip.nama_pemda.upper(), SANS, width, x_center, m.pemda, low, 2),
        _text_block(slip.nama_instansi.upper(), SANS_BOLD, width, x_center, m.instansi, low, 4),
        _rule_block(m, dashed=False),
        _text_block(HEADING, SANS_BOLD, width, x_center, m.heading, low, 1),
        _number_block(slip.ticket, m, x_center),
        _text_block(slip.layanan, SANS_BOLD, width, x_center, m.layanan, m.body, 2),
        _Block(0.3 * m.gap, lambda c, t: None),
        _text_block(issued_text(slip.issued_at, slip.zona), SANS, width, x_center, m.body, low, 2),
        _text_block(waiting_text(slip.waiting), SANS, width, x_center, m.body, low, 1),
    ]
    if slip.kartu.strip():
        blocks.append(
            _text_block(f"Kartu tamu: {slip.kartu.strip()}", SANS_BOLD, width, x_center, m.body, low, 1)
        )
    if slip.survey_url:
        blocks += [
            _rule_block(m, dashed=True),
            _qr_block(slip.survey_url, m, x_center),
            _text_block(QR_CAPTION, SANS, width, x_center, m.small, low, 2),
        ]
    else:
        blocks.append(_rule_block(m, dashed=True))
    blocks += [
        _Block(0.3 * m.gap, lambda c, t: None),
        _text_block(slip.privacy_notice, SANS_ITALIC, width, x_center, m.small - 0.5, low, 4),
    ]
    return blocks


def build_slip(slip: TicketSlip, paper: str = "80mm") -> bytes:
    """The slip as a one-page PDF: a roll slip is exactly as long as its content, an A6 slip is centred."""
    paper_size = slip_paper(paper)
    if not slip.ticket.strip():
        raise ValueError("Nomor antrian kosong.")
    register_fonts()
    m = _METRICS[paper]
    blocks = [block for block in _blocks(slip, m) if block is not None]
    content = sum(block.height for block in blocks)
    if paper_size.is_roll:
        page = paper_size.with_height((content + (m.top_mm + m.bottom_mm) * MM) / MM)
        top = page.size_pt[1] - m.top_mm * MM
    else:
        page = paper_size
        usable = page.size_pt[1] - (m.top_mm + m.bottom_mm) * MM
        if content > usable:
            raise ValueError(f"Isi slip tidak muat pada kertas {page.description}.")
        top = page.size_pt[1] - m.top_mm * MM - (usable - content) / 2

    def build(canvas: Canvas) -> None:
        y = top
        for block in blocks:
            block.draw(canvas, y)
            y -= block.height

    return pdf_bytes(build, page, f"Slip antrian {slip.ticket.strip()}", subject="Nomor antrian tamu")
