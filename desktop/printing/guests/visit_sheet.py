"""The lembar kunjungan tamu (guests.md R5, SOP A3): the guest's particulars and the host's yes/no with paraf."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reportlab.pdfgen.canvas import Canvas

from desktop.printing.data import OfficeHeader
from desktop.printing.document import fit_text, pdf_bytes, wrap_greedy
from desktop.printing.fonts import SANS, SANS_BOLD, SANS_ITALIC, register_fonts, string_width
from desktop.printing.guests.slip import issued_text
from desktop.printing.kop import draw_kop
from desktop.printing.pages import MM, Box, Margins, PaperSize, paper_by_key

__all__ = [
    "DECISION_LABEL",
    "TITLE",
    "VISIT_SHEET_PAPERS",
    "VisitSheet",
    "build_visit_sheet",
    "visit_sheet_rows",
]

TITLE = "LEMBAR KUNJUNGAN TAMU"
DECISION_LABEL = "Bersedia menerima:"

VISIT_SHEET_PAPERS: tuple[str, ...] = ("A5", "HALF_F4")
"""Paper keys of pages.py the sheet is laid out for (A5 portrait by default, or ½ F4)."""

_CAP = 0.73  # Liberation Sans capital height, in em
_DESC = 0.21
_MARGINS = Margins(8, 10, 8, 12)  # a wider left margin: the sheet is filed (SOP A3 step 5)
_KOP_SCALE = 0.64
_TITLE = 12.0
_BODY = 9.5
_BODY_MIN = 8.0
_SMALL = 8.0
_LEAD = 1.25
_ROW_PAD = 1.3 * MM
_PAD = 2 * MM
_GAP = 3 * MM
_NOTE_LINE = 6.5 * MM
_MIN_NOTE_LINES = 2
_PARAF_H = 24 * MM
_BOLD_ROWS = {"Nama": SANS_BOLD, "Nomor antrian": SANS_BOLD}  # what the host and the clerk look for first


@dataclass(frozen=True, slots=True)
class VisitSheet:
    """One guest's visit as the host is asked to approve it.

    ``header`` is the kop (as every other document takes it); ``no_hp`` is printed as given (the service masks
    it when it should not leave the desk); ``yang_dituju`` is the person and/or unit to be met; ``datang`` an
    aware datetime printed in the office zone ``zona``. An empty field prints a dotted line to fill by hand.
    """

    header: OfficeHeader
    nama: str
    instansi: str
    alamat: str
    no_hp: str
    keperluan: str
    yang_dituju: str
    datang: datetime
    zona: str
    ticket: str = ""
    kartu: str = ""
    jumlah_orang: int = 1


def visit_sheet_rows(sheet: VisitSheet) -> tuple[tuple[str, str, int], ...]:
    """(label, value, most lines) of the table, in the order the host reads them (R5)."""
    if sheet.jumlah_orang < 1:
        raise ValueError("Jumlah orang sekurang-kurangnya 1.")
    return (
        ("Nama", sheet.nama, 2),
        ("Instansi/asal", sheet.instansi, 2),
        ("Alamat", sheet.alamat, 3),
        ("No. HP", sheet.no_hp, 1),
        ("Jumlah orang", f"{sheet.jumlah_orang} orang", 1),
        ("Keperluan", sheet.keperluan, 4),
        ("Yang dituju", sheet.yang_dituju, 2),
        ("Waktu datang", issued_text(sheet.datang, sheet.zona), 1),
        ("Nomor antrian", sheet.ticket, 1),
        ("Kartu tamu", sheet.kartu, 1),
    )


def _fit_value(text: str, font: str, width: float, max_lines: int) -> tuple[tuple[str, ...], float]:
    """Left-aligned value: wrapped as running text at the body size, shrunk only when the lines run out."""
    text = " ".join(text.split())
    if not text:
        return (), _BODY
    size = _BODY
    while size >= _BODY_MIN - 1e-9:
        lines = wrap_greedy(text, font, size, width)
        if len(lines) <= max_lines and all(string_width(line, font, size) <= width for line in lines):
            return tuple(lines), size
        size -= 0.25
    fitted = fit_text(text, font, width, max_size=_BODY_MIN, min_size=_BODY_MIN, max_lines=max_lines)
    return fitted.lines, fitted.font_size


def _dotted(canvas: Canvas, x1: float, x2: float, y: float) -> None:
    canvas.saveState()
    canvas.setLineWidth(0.6)
    canvas.setLineCap(1)
    canvas.setDash(0.1, 2.2)
    canvas.line(x1, y, x2, y)
    canvas.restoreState()


def _tick_box(canvas: Canvas, x: float, baseline: float, size: float) -> float:
    """An empty square sitting on ``baseline``; returns its side."""
    side = 0.95 * size
    canvas.saveState()
    canvas.setLineWidth(0.7)
    canvas.rect(x, baseline - 0.08 * size, side, side, stroke=1, fill=0)
    canvas.restoreState()
    return side


def build_visit_sheet(sheet: VisitSheet, paper: str = "A5") -> bytes:
    """The lembar kunjungan tamu as a one-page PDF on A5 (default) or ½ F4."""
    if paper not in VISIT_SHEET_PAPERS:
        raise ValueError(f"Lembar kunjungan tamu dicetak pada A5 atau ½ F4, bukan {paper!r}.")
    page = paper_by_key(paper)
    register_fonts()
    rows = visit_sheet_rows(sheet)
    title = f"Lembar kunjungan tamu — {' '.join(sheet.nama.split())}".rstrip(" —")

    def build(canvas: Canvas) -> None:
        _draw(canvas, sheet, rows, page)

    return pdf_bytes(build, page, title, subject="Lembar kunjungan tamu")


def _draw(canvas: Canvas, sheet: VisitSheet, rows: tuple[tuple[str, str, int], ...], page: PaperSize) -> None:
    box = _MARGINS.content_box(page)
    y = draw_kop(canvas, sheet.header, left=box.left, right=box.right, top=box.top, scale=_KOP_SCALE)

    # Title, underlined
    baseline = y - _GAP - _CAP * _TITLE
    canvas.setFont(SANS_BOLD, _TITLE)
    canvas.drawCentredString(box.center_x, baseline, TITLE)
    half = string_width(TITLE, SANS_BOLD, _TITLE) / 2
    canvas.setLineWidth(0.7)
    canvas.line(box.center_x - half, baseline - 2, box.center_x + half, baseline - 2)
    y = baseline - 2 - _GAP

    # The particulars: label : value, a hairline between rows, in a frame.
    label_w = max(string_width(label, SANS, _BODY) for label, _, _ in rows)
    colon_w = string_width(" : ", SANS, _BODY)
    value_x = box.left + _PAD + label_w + colon_w
    value_w = box.right - _PAD - value_x
    lead = _LEAD * _BODY
    laid = []
    for label, value, most in rows:
        font = _BOLD_ROWS.get(label, SANS)
        lines, size = _fit_value(value, font, value_w, most)
        laid.append((label, font, lines, size))
    # The first line of a value shares the label's baseline; further lines follow at the value's own leading.
    heights = [lead + max(0, len(lines) - 1) * _LEAD * size + 2 * _ROW_PAD for _, _, lines, size in laid]
    table_top = y
    table_bottom = table_top - sum(heights)

    decision_h = 2 * _PAD + lead
    paraf_top_min = box.bottom + _PARAF_H
    notes_h = table_bottom - _GAP - decision_h - paraf_top_min
    note_lines = int((notes_h - _PAD - lead) // _NOTE_LINE)
    if note_lines < _MIN_NOTE_LINES:
        raise ValueError("Isi lembar kunjungan tamu terlalu panjang untuk satu halaman.")

    canvas.saveState()
    canvas.setLineWidth(0.8)
    canvas.rect(box.left, table_bottom, box.width, table_top - table_bottom, stroke=1, fill=0)
    canvas.setLineWidth(0.3)
    row_top = table_top
    for (label, font, lines, size), height in zip(laid, heights, strict=True):
        if row_top != table_top:
            canvas.line(box.left, row_top, box.right, row_top)
        first = row_top - _ROW_PAD - lead / 2 - (_CAP - _DESC) / 2 * _BODY
        canvas.setFont(SANS, _BODY)
        canvas.drawString(box.left + _PAD, first, label)
        canvas.drawString(box.left + _PAD + label_w, first, " :")
        if not lines:
            _dotted(canvas, value_x, box.right - _PAD, first - 0.15 * _BODY)
        canvas.setFont(font, size)
        for index, line in enumerate(lines):
            canvas.drawString(value_x, first - index * _LEAD * size, line)
        row_top -= height
    canvas.restoreState()

    # The host's part: decision with the time, a note, then paraf boxes for both.
    host_top = table_bottom - _GAP
    host_bottom = paraf_top_min
    canvas.saveState()
    canvas.setLineWidth(0.8)
    canvas.rect(box.left, host_bottom, box.width, host_top - host_bottom, stroke=1, fill=0)
    canvas.restoreState()
    _draw_decision(canvas, box, host_top - _PAD - lead / 2 - (_CAP - _DESC) / 2 * _BODY)
    rule_y = host_top - decision_h
    canvas.setLineWidth(0.3)
    canvas.line(box.left, rule_y, box.right, rule_y)
    note_base = rule_y - _PAD - _CAP * _BODY
    canvas.setFont(SANS_BOLD, _BODY)
    canvas.drawString(box.left + _PAD, note_base, "Catatan:")
    line_y = note_base - _NOTE_LINE + 0.3 * _BODY
    while line_y > host_bottom + _PAD:
        _dotted(canvas, box.left + _PAD, box.right - _PAD, line_y)
        line_y -= _NOTE_LINE

    _draw_paraf(canvas, box, box.bottom + _PARAF_H - _GAP)


def _draw_decision(canvas: Canvas, box: Box, baseline: float) -> None:
    """ "Bersedia menerima: □ Ya  □ Tidak        Jam ........" on one line."""
    size = _BODY
    x = box.left + _PAD
    canvas.setFont(SANS_BOLD, size)
    canvas.drawString(x, baseline, DECISION_LABEL)
    x += string_width(DECISION_LABEL, SANS_BOLD, size) + 1.2 * size
    canvas.setFont(SANS, size)
    for label in ("Ya", "Tidak"):
        x += _tick_box(canvas, x, baseline, size) + 0.45 * size
        canvas.setFont(SANS, size)
        canvas.drawString(x, baseline, label)
        x += string_width(label, SANS, size) + 1.6 * size
    jam = "Jam"
    jam_x = max(x + size, box.center_x + 0.15 * box.width)
    canvas.drawString(jam_x, baseline, jam)
    _dotted(canvas, jam_x + string_width(jam + " ", SANS, size), box.right - _PAD, baseline - 0.15 * size)


def _draw_paraf(canvas: Canvas, box: Box, top: float) -> None:
    """Two boxes side by side: the guest's and the host's paraf, with a line for the name."""
    gutter = _GAP
    width = (box.width - gutter) / 2
    bottom = box.bottom
    for index, label in enumerate(("Paraf tamu", "Paraf yang dituju")):
        left = box.left + index * (width + gutter)
        canvas.saveState()
        canvas.setLineWidth(0.8)
        canvas.rect(left, bottom, width, top - bottom, stroke=1, fill=0)
        canvas.restoreState()
        canvas.setFont(SANS_BOLD, _SMALL)
        canvas.drawCentredString(left + width / 2, top - _PAD - _CAP * _SMALL, label)
        name_y = bottom + _PAD + 0.2 * _SMALL
        canvas.setFont(SANS_ITALIC, _SMALL - 1)
        canvas.drawString(left + _PAD, name_y, "Nama:")
        _dotted(
            canvas,
            left + _PAD + string_width("Nama: ", SANS_ITALIC, _SMALL - 1),
            left + width - _PAD,
            name_y - 1,
        )
