"""The table the Kepegawaian lists share (DUK, nominatif, usul KP, rekap cuti): kop and title on the first page,
a header row with column groups ("Pangkat" over "Gol." and "TMT") and the column numbers 1, 2, 3 …, repeated on
every page, page numbers, and the signature blocks at the end, never alone on a page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.pdfgen.canvas import Canvas

from desktop.printing.data import OfficeHeader
from desktop.printing.document import pdf_bytes, wrap_greedy
from desktop.printing.fonts import SANS, SANS_BOLD, SANS_ITALIC, string_width
from desktop.printing.kop import draw_kop
from desktop.printing.pages import F4, MM, PaperSize
from desktop.printing.register_report import SignatureSpot
from desktop.printing.signature import draw_signature_block, signature_block_height

__all__ = [
    "ListFrame",
    "SignatureSpot",
    "StaffTable",
    "TableColumn",
    "build_staff_table",
    "table_columns_fit",
]

HEAD_SIZE = 7.5
NUMBER_SIZE = 6.5
TITLE_SIZE = 12.0
SUBTITLE_SIZE = 10.0
NOTE_SIZE = 7.5
LEADING = 1.2
PAD = 1.2 * MM
MARGIN = 12 * MM
FOOTER = 8 * MM
SIGNATURE_SIZE = 9.5
SIGNATURE_SPACE = 18 * MM
_CAP = 0.73


@dataclass(frozen=True, slots=True)
class TableColumn:
    """A column: ``width`` is relative (scaled to the page); consecutive columns with the same non-empty
    ``group`` get one header cell above their own titles, e.g. "Pangkat" over "Gol. Ruang" and "TMT"."""

    title: str
    width: float
    align: str = "left"  # left / center / right
    group: str = ""


@dataclass(frozen=True, slots=True)
class ListFrame:
    """What every Kepegawaian list shares, built once by the service: the kop, the place and date over the
    last signature ("Samarinda, 5 Januari 2026"), the signatures and the print time for the footer."""

    header: OfficeHeader
    place_date: str = ""
    signatures: tuple[SignatureSpot, ...] = ()
    printed_at: str = ""


@dataclass(frozen=True, slots=True)
class StaffTable:
    """One list. ``rows`` hold display strings, one per column; a newline in a cell starts a new line (the NIP
    under the nama). ``subtitle`` lines go under the title; ``notes`` in small type under the table."""

    header: OfficeHeader
    title: str
    subtitle: tuple[str, ...]
    columns: tuple[TableColumn, ...]
    rows: Sequence[tuple[str, ...]]
    place_date: str = ""
    signatures: tuple[SignatureSpot, ...] = ()
    printed_at: str = ""
    paper: PaperSize = field(default_factory=F4.landscape)
    number_row: bool = True
    notes: tuple[str, ...] = ()
    empty: str = "Tidak ada data."
    body_size: float = 8.0
    document_title: str = ""  # the PDF's title; defaults to the printed title


@dataclass(frozen=True, slots=True)
class _HeadCell:
    lines: tuple[str, ...]
    size: float
    left: float
    width: float
    top: float  # offset below the header's top edge
    height: float


def table_columns_fit(columns: Sequence[TableColumn], paper: PaperSize) -> list[float]:
    """The columns' widths in points on ``paper`` between the margins."""
    usable = paper.size_pt[0] - 2 * MARGIN
    total = sum(c.width for c in columns)
    return [c.width * usable / total for c in columns]


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    for part in text.split("\n"):
        for line in wrap_greedy(part, font, size, width) or [""]:
            # A single word wider than the cell (a long nomor SK) is cut at characters.
            while string_width(line, font, size) > width and len(line) > 1:
                cut = len(line)
                while cut > 1 and string_width(line[:cut], font, size) > width:
                    cut -= 1
                lines.append(line[:cut])
                line = line[cut:]
            lines.append(line)
    return lines


_SHRINK = (1.0, 0.92, 0.85)


def _fit(text: str, font: str, size: float, width: float) -> tuple[tuple[str, ...], float]:
    """``text`` wrapped at ``size``, or a little smaller when one word (a date, a NIP, "Tingkat") would
    otherwise be cut in two; only past the smallest size is a word cut."""
    words = text.split()
    for factor in _SHRINK:
        fitted = size * factor
        if all(string_width(word, font, fitted) <= width for word in words):
            return tuple(_wrap(text, font, fitted, width)), fitted
    fitted = size * _SHRINK[-1]
    return tuple(_wrap(text, font, fitted, width)), fitted


def _groups(columns: Sequence[TableColumn]) -> list[tuple[str, int, int]]:
    """(group title, first column, column count) for every run of columns sharing a non-empty group."""
    runs: list[tuple[str, int, int]] = []
    index = 0
    while index < len(columns):
        group = columns[index].group
        end = index + 1
        while group and end < len(columns) and columns[end].group == group:
            end += 1
        if group:
            runs.append((group, index, end - index))
        index = end
    return runs


def _head_cells(
    columns: Sequence[TableColumn], widths: list[float], left: float
) -> tuple[list[_HeadCell], float]:
    """The header's cells (group cells on top, spanning their columns) and the header's height."""
    xs = [left]
    for w in widths:
        xs.append(xs[-1] + w)
    groups = _groups(columns)
    group_fits = {
        first: _fit(title, SANS_BOLD, HEAD_SIZE, xs[first + count] - xs[first] - 2 * PAD)
        for title, first, count in groups
    }
    grouped = {i for _, first, count in groups for i in range(first, first + count)}
    title_fits = [
        _fit(c.title, SANS_BOLD, HEAD_SIZE, w - 2 * PAD) for c, w in zip(columns, widths, strict=True)
    ]

    def text_h(fit: tuple[tuple[str, ...], float]) -> float:
        return len(fit[0]) * fit[1] * LEADING

    top_h = max((text_h(f) for f in group_fits.values()), default=0.0) + 2 * PAD
    low_h = max((text_h(title_fits[i]) for i in grouped), default=0.0) + 2 * PAD
    whole_h = max((text_h(title_fits[i]) for i in range(len(columns)) if i not in grouped), default=0.0)
    height = max(top_h + low_h, whole_h + 2 * PAD) if groups else whole_h + 2 * PAD
    low_h = height - top_h
    cells: list[_HeadCell] = []
    for _title, first, count in groups:
        lines, size = group_fits[first]
        cells.append(_HeadCell(lines, size, xs[first], xs[first + count] - xs[first], 0, top_h))
    for i, (lines, size) in enumerate(title_fits):
        if i in grouped:
            cells.append(_HeadCell(lines, size, xs[i], widths[i], top_h, low_h))
        else:
            cells.append(_HeadCell(lines, size, xs[i], widths[i], 0, height))
    return cells, height


def build_staff_table(table: StaffTable) -> bytes:
    """The list as PDF bytes."""
    page_w, page_h = table.paper.size_pt
    left, right = MARGIN, page_w - MARGIN
    usable = right - left
    widths = table_columns_fit(table.columns, table.paper)
    size = table.body_size
    line_h = size * LEADING
    bottom_limit = MARGIN + FOOTER

    wrapped = [
        [_fit(cell, SANS, size, w - 2 * PAD) for cell, w in zip(row, widths, strict=True)]
        for row in table.rows
    ]
    row_heights = [max(len(lines) * s * LEADING for lines, s in cells) + 2 * PAD for cells in wrapped]
    head_cells, head_h = _head_cells(table.columns, widths, left)
    number_h = NUMBER_SIZE * LEADING + 1.2 * PAD if table.number_row else 0.0
    note_lines = [line for note in table.notes for line in _wrap(note, SANS_ITALIC, NOTE_SIZE, usable)]
    notes_h = (2 * MM + len(note_lines) * NOTE_SIZE * LEADING) if note_lines else 0.0
    empty_h = 0.0 if table.rows else line_h + 4 * PAD

    def draw(canvas: Canvas) -> None:
        # The kop and title go on the first page first, so the table knows where it starts.
        y = draw_kop(canvas, table.header, left=left, right=right, top=page_h - MARGIN) - 4 * MM
        for text, font_size in (
            (table.title, TITLE_SIZE),
            *((line, SUBTITLE_SIZE) for line in table.subtitle),
        ):
            canvas.setFont(SANS_BOLD, font_size)
            for line in _wrap(text, SANS_BOLD, font_size, usable):
                y -= font_size * LEADING
                canvas.drawCentredString(page_w / 2, y + 0.25 * font_size, line)
        first_top = y - 4 * MM

        # Paginate: every page starts with the header (and the number row).
        full_room = page_h - 2 * MARGIN - FOOTER - head_h - number_h
        pages: list[list[int]] = [[]]
        room = first_top - bottom_limit - head_h - number_h
        for i, h in enumerate(row_heights):
            if h > room and pages[-1]:
                pages.append([])
                room = full_room
            pages[-1].append(i)
            room -= h
        room -= empty_h
        sig_h = 0.0
        if table.signatures:
            sig_h = 7 * MM + max(
                signature_block_height(spot.signer, font_size=SIGNATURE_SIZE, signature_space=SIGNATURE_SPACE)
                if spot.signer
                else 32 * MM
                for spot in table.signatures
            )
        tail_h = notes_h + sig_h
        signature_page = tail_h > room
        if signature_page and len(pages[-1]) > 2:
            # Signatures never stand alone: the last two rows go over with them.
            moved = pages[-1][-2:]
            if sum(row_heights[i] for i in moved) + tail_h <= full_room:
                del pages[-1][-2:]
                pages.append(moved)
                signature_page = False
        page_count = len(pages) + signature_page

        def footer(number: int) -> None:
            canvas.setFont(SANS, 7.5)
            canvas.setFillGray(0.35)
            label = " · ".join(part for part in (table.title, *table.subtitle[-1:]) if part)
            canvas.drawString(left, MARGIN - 2 * MM, label)
            canvas.drawRightString(
                right, MARGIN - 2 * MM, f"Halaman {number} dari {page_count}  {table.printed_at}".rstrip()
            )
            canvas.setFillGray(0)

        def grid(top: float, bottom: float) -> None:
            canvas.setLineWidth(0.4)
            canvas.line(left, top, right, top)
            canvas.line(left, bottom, right, bottom)
            x = left
            for w in widths:
                canvas.line(x, top, x, bottom)
                x += w
            canvas.line(right, top, right, bottom)

        def header_rows(top: float) -> float:
            canvas.setFillGray(0.9)
            canvas.rect(left, top - head_h, usable, head_h, stroke=0, fill=1)
            canvas.setFillGray(0)
            canvas.setLineWidth(0.4)
            for cell in head_cells:
                cell_top = top - cell.top
                canvas.rect(cell.left, cell_top - cell.height, cell.width, cell.height, stroke=1, fill=0)
                canvas.setFont(SANS_BOLD, cell.size)
                text_h = (len(cell.lines) - 1) * cell.size * LEADING + _CAP * cell.size
                ty = cell_top - (cell.height - text_h) / 2 - _CAP * cell.size
                for line in cell.lines:
                    canvas.drawCentredString(cell.left + cell.width / 2, ty, line)
                    ty -= cell.size * LEADING
            y = top - head_h
            if table.number_row:
                canvas.setFont(SANS_ITALIC, NUMBER_SIZE)
                x = left
                for number, w in enumerate(widths, start=1):
                    canvas.drawCentredString(x + w / 2, y - PAD * 0.6 - _CAP * NUMBER_SIZE - 0.5, str(number))
                    x += w
                grid(y, y - number_h)
                y -= number_h
            return y

        for number, rows in enumerate(pages, start=1):
            y = header_rows(first_top if number == 1 else page_h - MARGIN)
            for i in rows:
                x = left
                for (cells, cell_size), w, col in zip(wrapped[i], widths, table.columns, strict=True):
                    canvas.setFont(SANS, cell_size)
                    ty = y - PAD - cell_size * 0.85
                    for line in cells:
                        if col.align == "center":
                            canvas.drawCentredString(x + w / 2, ty, line)
                        elif col.align == "right":
                            canvas.drawRightString(x + w - PAD, ty, line)
                        else:
                            canvas.drawString(x + PAD, ty, line)
                        ty -= cell_size * LEADING
                    x += w
                grid(y, y - row_heights[i])
                y -= row_heights[i]
            if not table.rows:
                canvas.setLineWidth(0.4)
                canvas.rect(left, y - empty_h, usable, empty_h, stroke=1, fill=0)
                canvas.setFont(SANS_ITALIC, size)
                canvas.drawCentredString(page_w / 2, y - empty_h / 2 - size * 0.3, table.empty)
                y -= empty_h
            footer(number)
            if number == len(pages) and not signature_page:
                _tail(canvas, table, note_lines, left, usable, y)
            canvas.showPage()
        if signature_page:
            _tail(canvas, table, note_lines, left, usable, page_h - MARGIN)
            footer(page_count)
            canvas.showPage()

    return pdf_bytes(draw, table.paper, table.document_title or table.title)


def _tail(
    canvas: Canvas, table: StaffTable, note_lines: list[str], left: float, usable: float, top: float
) -> None:
    """The notes under the table, then the signature blocks."""
    y = top
    if note_lines:
        y -= 2 * MM
        canvas.setFont(SANS_ITALIC, NOTE_SIZE)
        canvas.setFillGray(0.2)
        for line in note_lines:
            y -= NOTE_SIZE * LEADING
            canvas.drawString(left, y + 0.25 * NOTE_SIZE, line)
        canvas.setFillGray(0)
    if table.signatures:
        _signatures(canvas, table, left, usable, y - 7 * MM)


def _signatures(canvas: Canvas, table: StaffTable, left: float, usable: float, top: float) -> None:
    spots = table.signatures
    slot = usable / len(spots)
    for k, spot in enumerate(spots):
        x_center = left + slot * (k + 0.5) if len(spots) > 1 else left + usable - 55 * MM
        y = top
        canvas.setFont(SANS, SIGNATURE_SIZE)
        if k == len(spots) - 1 and table.place_date:
            canvas.drawCentredString(x_center, y, table.place_date)
        if spot.caption:
            y -= 4.5 * MM
            canvas.drawCentredString(x_center, y, spot.caption)
        y -= 1.5 * MM
        if spot.signer is not None:
            draw_signature_block(
                canvas,
                spot.signer,
                x_center=x_center,
                top=y,
                font_size=SIGNATURE_SIZE,
                signature_space=SIGNATURE_SPACE,
                width=min(90 * MM, slot - 4 * MM),
            )
        else:
            canvas.drawCentredString(x_center, y - 3.5 * MM, spot.blank_jabatan)
            canvas.drawCentredString(x_center, y - 26 * MM, "(" + "." * 40 + ")")
