"""Label inventaris (assets.md R14, R15): A4 sheets of 3 × 8 labels or single 50 × 25 mm thermal labels."""

from __future__ import annotations

import math
from dataclasses import dataclass
from io import BytesIO

from reportlab.graphics.barcode.code128 import Code128
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import FILL_NON_ZERO, Canvas

from desktop.printing.document import fit_text, pdf_bytes, split_balanced, wrap_greedy
from desktop.printing.fonts import SANS, SANS_BOLD, SANS_ITALIC, register_fonts, string_width
from desktop.printing.kop import logo_size
from desktop.printing.pages import A4, MM, PaperSize

__all__ = [
    "CODES",
    "LABELS_PER_SHEET",
    "LAYOUTS",
    "LAYOUT_LABELS",
    "REPRINT_MARK",
    "THERMAL_50X25",
    "LabelItem",
    "LabelSheetData",
    "build_labels",
    "label_cells",
    "page_count",
]

LAYOUTS: tuple[str, ...] = ("a4_3x8", "thermal_50x25")
LAYOUT_LABELS: dict[str, str] = {
    "a4_3x8": "Lembar label A4 (3 × 8, 70 × 37 mm)",
    "thermal_50x25": "Label termal 50 × 25 mm",
}
"""What a layout picker shows for each key of :data:`LAYOUTS`."""

CODES: tuple[str, ...] = ("qr", "code128")
REPRINT_MARK = "cetak ulang"
THERMAL_50X25 = PaperSize("THERMAL_50X25", "Label termal 50 × 25 mm", 50, 25)

# The common 24-up A4 label sheet: 3 columns × 8 rows of 70 × 37 mm, no gaps between labels, the sheet's
# spare millimetre split above and below (8 × 37 = 296 of 297 mm). Offices buy these as "label 3 × 8".
_COLUMNS = 3
_ROWS = 8
LABELS_PER_SHEET = _COLUMNS * _ROWS
_CELL_W_MM = 70.0
_CELL_H_MM = 37.0
_SHEET_LEFT_MM = 0.0
_SHEET_TOP_MM = 0.5

_CAP = 0.73  # Liberation Sans capital height, in em
_DESC = 0.21  # descender depth, in em
_LEAD = 1.18
_ELLIPSIS = "…"
_QUIET_MODULES = 4  # the QR standard's quiet zone
_C128_QUIET_MODULES = 10  # the Code128 standard's quiet zone
_THERMAL_DOT_MM = 25.4 / 203  # a 203 dpi label printer's dot


@dataclass(frozen=True, slots=True)
class LabelItem:
    """One label: what the service read from the asset.

    ``full_id`` is what the QR encodes, ``"{kode_lokasi}.{kode_barang}.{register}"`` (R7); ``kode_register_text``
    the kode barang and the 6-digit register as printed (``"1.3.2.10.01.02.002.000001"``); ``tahun`` the tahun
    perolehan; ``ruang`` the room's name ("" when the item has none).
    """

    full_id: str
    nibar: str
    kode_lokasi: str
    kode_register_text: str
    nama: str
    tahun: int | None
    ruang: str = ""


@dataclass(frozen=True, slots=True)
class LabelSheetData:
    """A batch of labels (per BAST, room or selection, R15).

    ``layout`` is a key of :data:`LAYOUTS`. ``start_position`` is the 1-based cell (left to right, top to bottom)
    where printing starts on a part-used A4 sheet; it applies to the first sheet only and is ignored for thermal
    labels. ``code`` is ``"qr"`` (the full ID) or ``"code128"`` (the NIBAR, with the full ID printed beneath).
    ``reprint`` adds a small "cetak ulang" mark to every label.
    """

    nama_pemda: str
    nama_dinas: str
    logo_png: bytes | None
    items: tuple[LabelItem, ...]
    layout: str = "a4_3x8"
    start_position: int = 1
    code: str = "qr"
    reprint: bool = False


@dataclass(frozen=True, slots=True)
class _Metrics:
    """Sizes inside one label; millimetres where the name says so, otherwise points (font sizes)."""

    pad_x_mm: float  # white inside the label edge: a laser printer cannot print the outer ~4 mm of a sheet
    pad_y_mm: float
    header_mm: float  # the logo's height and the header text box's height
    rule_gap_mm: float  # header to the rule, and the rule to the body
    qr_mm: float  # the QR's side, quiet zone included
    header_max: float
    header_min: float
    lokasi: float
    kode: float
    nama: float
    info: float
    mark: float
    min_size: float  # below this a line is ellipsised instead of shrunk further
    bars_mm: float  # Code128: the most height the bars take
    dot_mm: float | None  # the printer's dot; Code128 modules are whole dots when known


_METRICS: dict[str, _Metrics] = {
    "a4_3x8": _Metrics(4.0, 3.5, 7.0, 0.9, 21.0, 7.0, 3.6, 6.8, 7.5, 8.5, 6.8, 5.5, 4.8, 9.0, None),
    "thermal_50x25": _Metrics(
        1.5, 1.2, 5.0, 0.55, 16.0, 5.2, 3.2, 5.2, 5.8, 6.4, 5.2, 4.4, 3.8, 7.0, _THERMAL_DOT_MM
    ),
}


def _check(data: LabelSheetData) -> None:
    if data.layout not in _METRICS:
        raise ValueError(f"Tata letak label tidak dikenal: {data.layout!r} (pilih {', '.join(LAYOUTS)}).")
    if data.code not in CODES:
        raise ValueError(f"Jenis kode label tidak dikenal: {data.code!r} (pilih {', '.join(CODES)}).")
    if not data.items:
        raise ValueError("Tidak ada barang yang dipilih untuk dicetak labelnya.")
    if data.layout == "a4_3x8" and not 1 <= data.start_position <= LABELS_PER_SHEET:
        raise ValueError(f"Posisi awal label harus antara 1 dan {LABELS_PER_SHEET}.")
    for item in data.items:
        if data.code == "qr" and not item.full_id.strip():
            raise ValueError(f"Barang {item.nama!r} belum punya ID lengkap untuk kode QR.")
        if data.code == "code128" and not item.nibar.strip():
            raise ValueError(f"Barang {item.nama!r} belum punya NIBAR untuk kode batang.")


def page_count(count: int, layout: str = "a4_3x8", start_position: int = 1) -> int:
    """Pages a batch of ``count`` labels takes: whole A4 sheets after the skipped cells, or one per thermal label."""
    if layout == "thermal_50x25":
        return count
    return math.ceil((count + start_position - 1) / LABELS_PER_SHEET)


def label_cells(count: int, start_position: int = 1) -> list[tuple[int, int, int]]:
    """``(page, row, column)`` (0-based) of each of ``count`` labels on A4 sheets, skipping the used cells."""
    cells = []
    for index in range(count):
        slot = index + start_position - 1
        page, cell = divmod(slot, LABELS_PER_SHEET)
        row, column = divmod(cell, _COLUMNS)
        cells.append((page, row, column))
    return cells


# --- fitting text ---------------------------------------------------------------------------------------


def _clean(text: str) -> str:
    return " ".join(text.split())


def _ellipsise(text: str, font: str, size: float, width: float) -> str:
    """The longest start of ``text`` that fits ``width`` with "…" after it."""
    if string_width(text, font, size) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the largest k with text[:k] + "…" fitting
        middle = (low + high + 1) // 2
        if string_width(text[:middle].rstrip() + _ELLIPSIS, font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + _ELLIPSIS if low else ""


def _fit_line(text: str, font: str, width: float, size: float, min_size: float) -> tuple[str, float]:
    """One line: shrunk down to ``min_size`` to fit, then cut with "…" — it never runs past ``width``."""
    text = _clean(text)
    natural = string_width(text, font, 1.0)
    if natural * size <= width:
        return text, size
    if natural * min_size <= width:
        return text, width / natural
    return _ellipsise(text, font, min_size, width), min_size


def _fit_lines(
    text: str, font: str, width: float, size: float, min_size: float, max_lines: int
) -> tuple[tuple[str, ...], float]:
    """Up to ``max_lines`` lines; wraps before it shrinks below ~90 %, and ellipsises what is left at ``min_size``."""
    text = _clean(text)
    if not text:
        return (), size
    fitted = fit_text(
        text, font, width, max_size=size, min_size=max(min_size, 0.88 * size), max_lines=max_lines
    )
    if fitted.font_size >= min_size:
        return fitted.lines, fitted.font_size
    lines = wrap_greedy(text, font, min_size, width)
    kept = lines[: max_lines - 1]
    kept.append(" ".join(lines[max_lines - 1 :]))
    # An over-long word keeps its own line in wrap_greedy, so every line is checked, not only the last.
    return tuple(_ellipsise(line, font, min_size, width) for line in kept), min_size


@dataclass(frozen=True, slots=True)
class _Lines:
    lines: tuple[str, ...]
    font: str
    size: float

    @property
    def height(self) -> float:
        return len(self.lines) * _LEAD * self.size


def _header_lines(pemda: str, dinas: str, width: float, height: float, m: _Metrics) -> list[_Lines]:
    """PEMERINTAH … and DINAS … as large as the header box allows (the same for every label of the batch)."""
    pemda, dinas = _clean(pemda).upper(), _clean(dinas).upper()
    # The pemda line is set a little smaller than the dinas, as on the kop, but never below the minimum.
    texts = [(pemda, SANS, 0.9), (dinas, SANS_BOLD, 1.0)]  # (text, font, share of the dinas size)
    widest: list[list[float]] = []
    for text, font, _ in texts:
        per_count = [
            max(string_width(line, font, 1.0) for line in split_balanced(text, font, n)) for n in (1, 2, 3)
        ]
        widest.append(per_count if text else [0.0, 0.0, 0.0])
    size = m.header_max
    while size >= m.header_min - 1e-9:
        blocks: list[_Lines] = []
        for (text, font, share), per_count in zip(texts, widest, strict=True):
            if not text:
                continue
            text_size = max(share * size, m.header_min)
            fitting = [n for n in (1, 2, 3) if per_count[n - 1] * text_size <= width]
            if not fitting:
                break
            blocks.append(_Lines(tuple(split_balanced(text, font, fitting[0])), font, text_size))
        else:
            if sum(block.height for block in blocks) <= height:
                return blocks
        size -= 0.1
    # Even the smallest size does not fit: the pemda keeps one line, the dinas gets what is left, ellipsised.
    size = m.header_min
    blocks = []
    room = int(height // (_LEAD * size))
    if pemda and room:
        line, pemda_size = _fit_line(pemda, SANS, width, size, size)
        blocks.append(_Lines((line,), SANS, pemda_size))
        room -= 1
    if dinas and room:
        lines, dinas_size = _fit_lines(dinas, SANS_BOLD, width, size, size, room)
        blocks.append(_Lines(lines, SANS_BOLD, dinas_size))
    return blocks


def _draw_lines(canvas: Canvas, block: _Lines, x: float, top: float, *, centre: bool = False) -> float:
    """Draw ``block`` from ``top`` down (left-aligned at ``x``, or centred on it); return its bottom."""
    canvas.setFont(block.font, block.size)
    lead = _LEAD * block.size
    for line in block.lines:
        baseline = top - lead / 2 - (_CAP - _DESC) / 2 * block.size
        if centre:
            canvas.drawCentredString(x, baseline, line)
        else:
            canvas.drawString(x, baseline, line)
        top -= lead
    return top


# --- codes ----------------------------------------------------------------------------------------------


def _qr_modules(value: str) -> list[list[bool]]:
    """The QR of ``value``, error correction M: a label is rubbed and scratched for years on a desk or a chair."""
    widget = QrCodeWidget(value, barLevel="M")
    qr = widget.qr
    if qr.version is None:
        qr.version = qr.calculate_version()
    # A fixed mask pattern: any of the eight is valid QR, and choosing the "best" one builds the symbol eight
    # times, 85 % of a 240-label sheet's time. Scanners read every mask; the tests decode the labels.
    qr.makeImpl(False, 0)
    return [[bool(cell) for cell in row] for row in widget.qr.modules]


def _draw_qr(canvas: Canvas, value: str, left: float, bottom: float, side: float) -> None:
    """The QR in a ``side`` square whose outer 4 modules are the white quiet zone."""
    modules = _qr_modules(value)
    count = len(modules)
    module = side / (count + 2 * _QUIET_MODULES)
    x0 = left + _QUIET_MODULES * module
    top = bottom + side - _QUIET_MODULES * module
    path = canvas.beginPath()
    for row_index, row in enumerate(modules):
        y = top - (row_index + 1) * module
        column = 0
        while column < count:
            if not row[column]:
                column += 1
                continue
            start = column
            while column < count and row[column]:
                column += 1
            # A hair taller than a module, so no white seam shows between rows on screen or in a raster.
            path.rect(x0 + start * module, y, (column - start) * module, module * 1.03)
    canvas.setFillColorRGB(0, 0, 0)
    # Non-zero winding: under reportlab's default even-odd rule those overlaps would print as white slivers.
    canvas.drawPath(path, stroke=0, fill=1, fillMode=FILL_NON_ZERO)


def _code128(value: str, width: float, height: float, dot_mm: float | None) -> Code128 | None:
    """Code128 of ``value`` as wide as ``width`` allows with its quiet zones; ``None`` if a module would be
    narrower than 0.19 mm (or than 2 dots on a thermal printer), which scanners no longer read reliably."""
    probe = Code128(value, barWidth=1.0, barHeight=height, quiet=0, humanReadable=0)
    probe.validate()
    probe.encode()
    probe.decompose()
    modules = probe.width + 2 * _C128_QUIET_MODULES
    bar = width / modules
    if dot_mm is not None:
        dot = dot_mm * MM
        bar = math.floor(bar / dot) * dot  # whole dots, so every bar of one width prints equally wide
        if bar < 2 * dot:
            return None
    elif bar < 0.19 * MM:
        return None
    return Code128(value, barWidth=bar, barHeight=height, quiet=0, humanReadable=0)


# --- one label ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Frame:
    """What is the same on every label of a batch: sizes and the header (a PDF form drawn once)."""

    m: _Metrics
    width: float  # label size in points
    height: float
    header_form: str
    header_bottom: float  # y of the body's top, from the label's bottom edge
    code: str
    reprint: bool


def _define_header(canvas: Canvas, data: LabelSheetData, m: _Metrics, width: float, height: float) -> float:
    """Draw logo + pemda/dinas + rule into the form ``"labelHeader"``; return the y where the body starts."""
    left, top = m.pad_x_mm * MM, height - m.pad_y_mm * MM
    inner = width - 2 * m.pad_x_mm * MM
    box_h = m.header_mm * MM
    canvas.beginForm("labelHeader", 0, 0, width, height)
    text_left, text_width = left, inner
    if data.logo_png:
        px_w, px_h = logo_size(data.logo_png)
        logo_h = box_h
        logo_w = logo_h * px_w / px_h
        if logo_w > 1.3 * logo_h:  # a wide emblem keeps its aspect ratio within the header's height
            logo_w = 1.3 * logo_h
            logo_h = logo_w * px_h / px_w
        image = ImageReader(BytesIO(data.logo_png))
        canvas.drawImage(image, left, top - (box_h + logo_h) / 2, logo_w, logo_h, mask="auto")
        gap = 1.2 * MM
        text_left, text_width = left + logo_w + gap, inner - logo_w - gap
    blocks = _header_lines(data.nama_pemda, data.nama_dinas, text_width, box_h, m)
    y = top - (box_h - sum(block.height for block in blocks)) / 2
    canvas.setFillColorRGB(0, 0, 0)
    for block in blocks:
        y = _draw_lines(canvas, block, text_left + text_width / 2, y, centre=True)
    rule_y = top - box_h - m.rule_gap_mm * MM
    canvas.setLineWidth(0.5)
    canvas.line(left, rule_y, left + inner, rule_y)
    canvas.endForm()
    return rule_y - m.rule_gap_mm * MM


def _info_text(item: LabelItem) -> str:
    parts = [str(item.tahun) if item.tahun else "", _clean(item.ruang)]
    return " · ".join(part for part in parts if part)


def _stack(canvas: Canvas, blocks: list[_Lines], x: float, top: float, height: float) -> None:
    """Draw ``blocks`` top-down within ``height``, the spare height shared out as gaps (at most 1.2 mm each)."""
    used = sum(block.height for block in blocks)
    gap = min(1.2 * MM, max(0.0, height - used) / max(1, len(blocks) - 1))
    for block in blocks:
        top = _draw_lines(canvas, block, x, top) - gap


def _draw_label(canvas: Canvas, frame: _Frame, item: LabelItem) -> None:
    """One label with its bottom-left corner at the origin (the caller translates)."""
    m = frame.m
    canvas.doForm(frame.header_form)
    left = m.pad_x_mm * MM
    inner = frame.width - 2 * left
    body_top = frame.header_bottom
    body_h = body_top - m.pad_y_mm * MM
    canvas.setFillColorRGB(0, 0, 0)
    mark = [_Lines((REPRINT_MARK,), SANS_ITALIC, m.mark)] if frame.reprint else []
    if frame.code == "qr":
        side = min(m.qr_mm * MM, body_h)
        column = inner - side  # the QR's own quiet zone is the gap between the text and the code
        lokasi = _fit_line(item.kode_lokasi, SANS, column, m.lokasi, m.min_size)
        kode = _fit_line(item.kode_register_text, SANS_BOLD, column, m.kode, m.min_size)
        nama = _fit_lines(item.nama, SANS_BOLD, column, m.nama, m.min_size, 2)
        info = _fit_line(_info_text(item), SANS, column, m.info, m.min_size)
        blocks = [
            _Lines((lokasi[0],), SANS, lokasi[1]),
            _Lines((kode[0],), SANS_BOLD, kode[1]),
            _Lines(nama[0], SANS_BOLD, nama[1]),
            _Lines((info[0],), SANS, info[1]) if info[0] else None,
            *mark,
        ]
        _stack(canvas, [b for b in blocks if b is not None and b.lines], left, body_top, body_h)
        _draw_qr(canvas, item.full_id, left + inner - side, body_top - (body_h + side) / 2, side)
        return
    # Code128 of the NIBAR: name and NIBAR line above the bars, the full ID as text beneath them.
    nama_line = _fit_line(item.nama, SANS_BOLD, inner, m.nama, m.min_size)
    info = _fit_line(
        " · ".join(p for p in (f"NIBAR {_clean(item.nibar)}", _info_text(item)) if p),
        SANS,
        inner,
        m.info,
        m.min_size,
    )
    full = _fit_line(item.full_id, SANS, inner, m.lokasi, m.min_size)
    above = [_Lines((nama_line[0],), SANS_BOLD, nama_line[1]), _Lines((info[0],), SANS, info[1]), *mark]
    below = _Lines((full[0],), SANS, full[1])
    text_h = sum(block.height for block in above) + below.height
    bars_h = max(3 * MM, min(m.bars_mm * MM, body_h - text_h - 0.8 * MM))
    y = body_top
    for block in above:
        y = _draw_lines(canvas, block, left, y)
    bars_top = y - 0.5 * MM
    barcode = _code128(_clean(item.nibar), inner, bars_h, m.dot_mm)
    if barcode is None:
        raise ValueError(
            f"NIBAR {item.nibar!r} terlalu panjang untuk kode batang pada label ini; pakai kode QR."
        )
    bars_left = left + (inner - barcode.width) / 2
    barcode.drawOn(canvas, bars_left, bars_top - bars_h)
    _draw_lines(canvas, below, left + inner / 2, bars_top - bars_h - 0.3 * MM, centre=True)


# --- the document ---------------------------------------------------------------------------------------


def build_labels(data: LabelSheetData) -> bytes:
    """The labels as a PDF: A4 sheets of 24 (the first from ``start_position``) or one thermal page per label."""
    _check(data)
    register_fonts()
    m = _METRICS[data.layout]
    thermal = data.layout == "thermal_50x25"
    paper = THERMAL_50X25 if thermal else A4
    cell_w = (THERMAL_50X25.width_mm if thermal else _CELL_W_MM) * MM
    cell_h = (25.0 if thermal else _CELL_H_MM) * MM
    sheet_h = paper.size_pt[1]

    def build(canvas: Canvas) -> None:
        header_bottom = _define_header(canvas, data, m, cell_w, cell_h)
        frame = _Frame(m, cell_w, cell_h, "labelHeader", header_bottom, data.code, data.reprint)
        if thermal:
            for index, item in enumerate(data.items):
                if index:
                    canvas.showPage()
                _draw_label(canvas, frame, item)
            return
        current = 0
        for item, (page, row, column) in zip(
            data.items, label_cells(len(data.items), data.start_position), strict=True
        ):
            while current < page:
                canvas.showPage()
                current += 1
            x = _SHEET_LEFT_MM * MM + column * cell_w
            y = sheet_h - _SHEET_TOP_MM * MM - (row + 1) * cell_h
            canvas.saveState()
            canvas.translate(x, y)
            _draw_label(canvas, frame, item)
            canvas.restoreState()

    title = "Label inventaris barang" + (" (cetak ulang)" if data.reprint else "")
    return pdf_bytes(build, paper, title, subject=f"{len(data.items)} label")
