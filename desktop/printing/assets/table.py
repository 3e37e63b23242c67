"""The long table of the Barang forms (KIB A-F, KIR, Kartu Barang): nested column groups, totals per page and overall."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from io import BytesIO

from reportlab.pdfgen.canvas import Canvas

from desktop.core.money import format_number
from desktop.printing.data import Signer
from desktop.printing.document import new_canvas, wrap_greedy
from desktop.printing.fonts import SANS, SANS_BOLD, SANS_ITALIC, register_fonts, string_width
from desktop.printing.pages import F4, MM, PaperSize
from desktop.printing.register_report import Cancelled
from desktop.printing.signature import draw_signature_block, signature_block_height

__all__ = [
    "Cancelled",
    "LongTable",
    "SignatureSpot",
    "TableColumn",
    "Totals",
    "build_long_table",
    "column_widths",
    "signer_or_blank",
    "wrap_cell",
]

LEADING = 1.2
PAD = 1.1 * MM
MARGIN = 12 * MM
FOOTER = 8 * MM
NUMBER_SIZE = 6.5
NOTE_SIZE = 8.0
SIGNATURE_SIZE = 9.0
SIGNATURE_SPACE = 16 * MM
_CAP = 0.73
_SHRINK = (1.0, 0.92, 0.85, 0.78)

Preamble = Callable[[Canvas, float, float, float], float]
"""Draws what stands above the table on the first page between ``left`` and ``right`` from ``top`` down and
returns the y where the table starts."""


@dataclass(frozen=True, slots=True)
class TableColumn:
    """A column. ``width`` is relative (scaled to the page). ``group`` is the path of headers above the column's
    own title, outermost first: ``("Nomor",)`` puts "Nomor" over Pabrik … BPKB, ``("Status Tanah", "Sertifikat")``
    a third level; neighbouring columns whose paths share a prefix share those header cells."""

    title: str
    width: float
    align: str = "left"  # left / center / right
    group: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SignatureSpot:
    """One signature: ``caption`` above the jabatan ("Mengetahui,"); without a signer, ``blank_jabatan`` over a
    dotted line for a name written by hand."""

    caption: str
    signer: Signer | None
    blank_jabatan: str = ""


@dataclass(frozen=True, slots=True)
class Totals:
    """Sums printed under the rows. ``columns`` are the indices of the summed columns, ``values[i]`` the row's
    integers for them (full Rupiah, counts) and ``formats`` turn a sum into its printed text, one per column.
    ``per_page`` adds a "Jumlah halaman ini" row on every page; the grand total closes the table."""

    columns: tuple[int, ...]
    values: Sequence[tuple[int, ...]]
    formats: tuple[Callable[[int], str], ...]
    per_page: bool = True
    page_label: str = "Jumlah halaman ini"
    grand_label: str = "Jumlah"
    count_unit: str = ""  # "barang": the labels say how many they add up ("Jumlah (12 barang)")
    counts: Sequence[int] | None = None  # what each row adds to that number; one per row when not given


@dataclass(frozen=True)
class LongTable:
    """A table over as many pages as it takes: the preamble on the first page, the header (and the column
    numbers) on every page, the totals, then ``notes`` and the signatures, never alone on a page."""

    title: str  # the PDF's title and the footer's label
    columns: tuple[TableColumn, ...]
    rows: Sequence[tuple[str, ...]]
    preamble: Preamble
    paper: PaperSize = field(default_factory=F4.landscape)
    body_size: float = 7.0
    head_size: float = 7.0
    number_row: bool = True
    totals: Totals | None = None
    notes: tuple[str, ...] = ()
    place_date: str = ""
    place_date_spot: int = -1  # the signature the place and date stand over
    signatures: tuple[SignatureSpot, ...] = ()
    empty: str = "Tidak ada data."
    printed_at: str = ""
    author: str = "Sekretariat"


@dataclass(frozen=True, slots=True)
class _HeadCell:
    lines: tuple[str, ...]
    size: float
    left: float
    width: float
    top: float  # offset below the header's top edge
    height: float


def column_widths(columns: Sequence[TableColumn], usable: float) -> list[float]:
    """The columns' widths in points when the table is ``usable`` points wide."""
    total = sum(c.width for c in columns)
    return [c.width * usable / total for c in columns]


def _cut(line: str, font: str, size: float, width: float) -> list[str]:
    """A word wider than the cell (a long nomor rangka) is cut at characters rather than run over the grid."""
    out: list[str] = []
    while string_width(line, font, size) > width and len(line) > 1:
        cut = len(line)
        while cut > 1 and string_width(line[:cut], font, size) > width:
            cut -= 1
        out.append(line[:cut])
        line = line[cut:]
    out.append(line)
    return out


def wrap_cell(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width``; a newline in ``text`` always starts a new line."""
    if "\n" not in text and string_width(text, font, size) <= width:
        return [text]  # the common case, worth skipping the word loop for 40,000 rows
    lines: list[str] = []
    for part in text.split("\n"):
        for line in wrap_greedy(part, font, size, width) or [""]:
            lines.extend(_cut(line, font, size, width))
    return lines


def _fit_body(text: str, size: float, width: float) -> tuple[tuple[str, ...], float]:
    """A body cell: as typed when it fits; a word too wide for the cell (a 17-character nomor rangka) is set a
    little smaller before it is cut in two."""
    if "\n" not in text and string_width(text, SANS, size) <= width:
        return (text,), size
    return _fit(text, SANS, size, width)


def _fit(text: str, font: str, size: float, width: float) -> tuple[tuple[str, ...], float]:
    """A header title wrapped at ``size``, or a little smaller when a word would otherwise be cut in two."""
    # "Pembuatan/Pembelian" may break after its slash before it is made smaller.
    candidates = [text, text.replace("/", "/ ")] if "/" in text else [text]
    for factor in _SHRINK:
        fitted = size * factor
        for candidate in candidates:
            if all(string_width(word, font, fitted) <= width for word in candidate.split()):
                return _unslash(wrap_cell(candidate, font, fitted, width), candidate is not text), fitted
    fitted = size * _SHRINK[-1]
    return _unslash(wrap_cell(candidates[-1], font, fitted, width), len(candidates) > 1), fitted


def _unslash(lines: list[str], split: bool) -> tuple[str, ...]:
    """Undo the space put after a slash to let a line break there, where no break came."""
    return tuple(line.replace("/ ", "/") for line in lines) if split else tuple(lines)


def _head_cells(
    columns: Sequence[TableColumn], widths: list[float], left: float, size: float
) -> tuple[list[_HeadCell], float]:
    """The header's cells, group cells above the titles they span, and the header's height."""
    xs = [left]
    for w in widths:
        xs.append(xs[-1] + w)
    depth = max((len(c.group) for c in columns), default=0)
    # Group cells per level: runs of neighbouring columns whose paths agree up to that level.
    levels: list[list[tuple[str, int, int]]] = []
    for level in range(depth):
        runs: list[tuple[str, int, int]] = []
        index = 0
        while index < len(columns):
            path = columns[index].group
            end = index + 1
            if len(path) > level:
                while end < len(columns) and columns[end].group[: level + 1] == path[: level + 1]:
                    end += 1
                runs.append((path[level], index, end))
            index = end
        levels.append(runs)

    def text_h(fit: tuple[tuple[str, ...], float]) -> float:
        return len(fit[0]) * fit[1] * LEADING + 2 * PAD

    group_fits = [
        {first: _fit(title, SANS_BOLD, size, xs[end] - xs[first] - 2 * PAD) for title, first, end in runs}
        for runs in levels
    ]
    level_h = [max((text_h(f) for f in fits.values()), default=0.0) for fits in group_fits]
    title_fits = [_fit(c.title, SANS_BOLD, size, w - 2 * PAD) for c, w in zip(columns, widths, strict=True)]
    # The bottom level is as tall as the tallest title needs, less the group levels that title also spans.
    bottom_h = max(
        text_h(fit) - sum(level_h[len(c.group) :]) for c, fit in zip(columns, title_fits, strict=True)
    )
    bottom_h = max(bottom_h, size * LEADING + 2 * PAD)
    height = sum(level_h) + bottom_h
    cells: list[_HeadCell] = []
    for level, runs in enumerate(levels):
        top = sum(level_h[:level])
        for _title, first, end in runs:
            lines, fitted = group_fits[level][first]
            cells.append(_HeadCell(lines, fitted, xs[first], xs[end] - xs[first], top, level_h[level]))
    for i, (c, (lines, fitted)) in enumerate(zip(columns, title_fits, strict=True)):
        top = sum(level_h[: len(c.group)])
        cells.append(_HeadCell(lines, fitted, xs[i], widths[i], top, height - top))
    return cells, height


def _signature_height(spot: SignatureSpot, width: float) -> float:
    caption = 4.5 * MM if spot.caption else 0.0
    if spot.signer is None:
        return caption + 30 * MM
    block = signature_block_height(
        spot.signer, width=width, font_size=SIGNATURE_SIZE, signature_space=SIGNATURE_SPACE
    )
    return caption + 1 * MM + block


def build_long_table(
    table: LongTable,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> bytes:
    """The table as PDF bytes. ``progress(done, total)`` is called about a hundred times; ``cancelled()`` is
    asked between rows and a true answer raises :class:`Cancelled`."""
    register_fonts()
    page_w, page_h = table.paper.size_pt
    left, right = MARGIN, page_w - MARGIN
    usable = right - left
    widths = column_widths(table.columns, usable)
    xs = [left]
    for w in widths:
        xs.append(xs[-1] + w)
    size = table.body_size
    line_h = size * LEADING
    totals = table.totals
    n = len(table.rows)
    if totals is not None and (
        len(totals.values) != n or (totals.counts is not None and len(totals.counts) != n)
    ):
        raise ValueError("jumlah nilai total tidak sama dengan jumlah baris")
    total_work = 2 * n
    every = max(1, n // 100)

    # Pass 1: wrap every cell. Most cells repeat (bahan, asal usul, tahun), so each text is wrapped once per column.
    cell_w = [w - 2 * PAD for w in widths]
    seen: list[dict[str, tuple[tuple[str, ...], float]]] = [{} for _ in widths]
    wrapped: list[list[tuple[tuple[str, ...], float]]] = []
    heights: list[float] = []
    for i, row in enumerate(table.rows):
        if i % every == 0:
            if cancelled is not None and cancelled():
                raise Cancelled()
            if progress is not None:
                progress(i, total_work)
        if len(row) != len(widths):
            raise ValueError(f"baris {i + 1}: {len(row)} sel untuk {len(widths)} kolom")
        cells: list[tuple[tuple[str, ...], float]] = []
        tallest = line_h
        for cell, w, known in zip(row, cell_w, seen, strict=True):
            fit = known.get(cell)
            if fit is None:
                fit = known[cell] = _fit_body(cell, size, w)
            cells.append(fit)
            tall = len(fit[0]) * fit[1] * LEADING
            if tall > tallest:
                tallest = tall
        wrapped.append(cells)
        heights.append(tallest + 2 * PAD)

    head_cells, head_h = _head_cells(table.columns, widths, left, table.head_size)
    number_h = NUMBER_SIZE * LEADING + 1.2 * PAD if table.number_row else 0.0
    sum_h = size * LEADING + 2 * PAD + 1.0
    page_sum_h = sum_h if totals is not None and totals.per_page else 0.0
    grand_h = sum_h if totals is not None else 0.0
    empty_h = 0.0 if n else line_h + 4 * PAD
    note_lines = [line for note in table.notes for line in wrap_cell(note, SANS, NOTE_SIZE, usable)]
    notes_h = (2 * MM + len(note_lines) * NOTE_SIZE * LEADING) if note_lines else 0.0
    slot = usable / max(1, len(table.signatures))
    sig_w = min(80 * MM, slot - 6 * MM)
    sig_h = 0.0
    if table.signatures:
        sig_h = 7 * MM + max(_signature_height(s, sig_w) for s in table.signatures)
        if table.place_date:
            sig_h += 4.5 * MM
    tail_h = grand_h + empty_h + notes_h + sig_h

    buffer = BytesIO()
    canvas = new_canvas(buffer, table.paper, table.title, table.author)
    first_top = table.preamble(canvas, left, right, page_h - MARGIN)

    # Pass 2: paginate. Every page keeps room for its header and its page total.
    bottom_limit = MARGIN + FOOTER
    full_room = page_h - MARGIN - bottom_limit - head_h - number_h - page_sum_h
    room = first_top - bottom_limit - head_h - number_h - page_sum_h
    pages: list[list[int]] = [[]]
    for i, h in enumerate(heights):
        if h > room and pages[-1]:
            pages.append([])
            room = full_room
        pages[-1].append(i)
        room -= h
    tail_page = tail_h > room
    if tail_page:
        # The grand total and the signatures never stand alone: the last two rows go over with them.
        moved = pages[-1][-2:]
        if len(pages[-1]) > len(moved) and sum(heights[i] for i in moved) + tail_h <= full_room:
            del pages[-1][-2:]
            pages.append(moved)
            tail_page = False
    page_count = len(pages) + tail_page

    def footer(number: int) -> None:
        canvas.setFont(SANS, 7.0)
        canvas.setFillGray(0.35)
        canvas.drawString(left, MARGIN - 2 * MM, table.title)
        canvas.drawRightString(
            right, MARGIN - 2 * MM, f"Halaman {number} dari {page_count}  {table.printed_at}".rstrip()
        )
        canvas.setFillGray(0)

    def header(top: float) -> float:
        canvas.setFillGray(0.9)
        canvas.rect(left, top - head_h, usable, head_h, stroke=0, fill=1)
        canvas.setFillGray(0)
        canvas.setLineWidth(0.5)
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
            for number in range(len(widths)):
                canvas.drawCentredString(
                    xs[number] + widths[number] / 2, y - 0.6 * PAD - _CAP * NUMBER_SIZE - 0.5, str(number + 1)
                )
            verticals(y, y - number_h)
            canvas.line(left, y - number_h, right, y - number_h)
            y -= number_h
        return y

    def verticals(top: float, bottom: float) -> None:
        canvas.setLineWidth(0.4)
        for x in xs:
            canvas.line(x, top, x, bottom)

    def sum_row(y: float, label: str, sums: list[int], *, shaded: bool) -> float:
        assert totals is not None
        bottom = y - sum_h
        canvas.setFillGray(0.93 if shaded else 0.97)
        canvas.rect(left, bottom, usable, sum_h, stroke=0, fill=1)
        canvas.setFillGray(0)
        first = min(totals.columns)
        # The label spans every column before the first sum; the columns after it keep their own cells.
        canvas.setLineWidth(0.4)
        canvas.rect(left, bottom, usable, sum_h, stroke=1, fill=0)
        for x in xs[first:-1]:
            canvas.line(x, y, x, bottom)
        canvas.setFont(SANS_BOLD, size)
        baseline = y - PAD - size * 0.85
        canvas.drawRightString(xs[first] - PAD, baseline, label)
        for column, value, fmt in zip(totals.columns, sums, totals.formats, strict=True):
            text = fmt(value)
            for line in wrap_cell(text, SANS_BOLD, size, cell_w[column])[:1]:
                align = table.columns[column].align
                if align == "center":
                    canvas.drawCentredString(xs[column] + widths[column] / 2, baseline, line)
                elif align == "right":
                    canvas.drawRightString(xs[column + 1] - PAD, baseline, line)
                else:
                    canvas.drawString(xs[column] + PAD, baseline, line)
        return bottom

    def label(base: str, counted: int) -> str:
        assert totals is not None
        return f"{base} ({format_number(counted)} {totals.count_unit})" if totals.count_unit else base

    def count(rows: Sequence[int]) -> int:
        assert totals is not None
        return len(rows) if totals.counts is None else sum(totals.counts[i] for i in rows)

    grand = [0] * (len(totals.columns) if totals is not None else 0)
    drawn = 0
    for number, rows in enumerate(pages, start=1):
        y = header(first_top if number == 1 else page_h - MARGIN)
        rows_top = y
        page_sums = [0] * len(grand)
        canvas.setFont(SANS, size)
        for i in rows:
            if drawn % every == 0:
                if cancelled is not None and cancelled():
                    raise Cancelled()
                if progress is not None:
                    progress(n + drawn, total_work)
            for column, (lines, cell_size) in enumerate(wrapped[i]):
                if not lines[0] and len(lines) == 1:
                    continue
                if cell_size != size:
                    canvas.setFont(SANS, cell_size)
                align = table.columns[column].align
                ty = y - PAD - cell_size * 0.85
                for line in lines:
                    if align == "center":
                        canvas.drawCentredString(xs[column] + widths[column] / 2, ty, line)
                    elif align == "right":
                        canvas.drawRightString(xs[column + 1] - PAD, ty, line)
                    else:
                        canvas.drawString(xs[column] + PAD, ty, line)
                    ty -= cell_size * LEADING
                if cell_size != size:
                    canvas.setFont(SANS, size)
            y -= heights[i]
            canvas.setLineWidth(0.4)
            canvas.line(left, y, right, y)
            if totals is not None:
                for k, value in enumerate(totals.values[i]):
                    page_sums[k] += value
            drawn += 1
        verticals(rows_top, y)
        for k, value in enumerate(page_sums):
            grand[k] += value
        last = number == len(pages)
        if not n and last:
            canvas.setLineWidth(0.4)
            canvas.rect(left, y - empty_h, usable, empty_h, stroke=1, fill=0)
            canvas.setFont(SANS_ITALIC, size)
            canvas.drawCentredString(page_w / 2, y - empty_h / 2 - size * 0.3, table.empty)
            y -= empty_h
        if totals is not None and totals.per_page:
            y = sum_row(y, label(totals.page_label, count(rows)), page_sums, shaded=False)
        if totals is not None and last and not tail_page:
            y = sum_row(y, label(totals.grand_label, count(range(n))), grand, shaded=True)
        footer(number)
        if last and not tail_page:
            _tail(canvas, table, note_lines, left, usable, y, sig_w)
        canvas.showPage()
    if tail_page:
        y = page_h - MARGIN
        if totals is not None:
            y = sum_row(y, label(totals.grand_label, count(range(n))), grand, shaded=True)
        _tail(canvas, table, note_lines, left, usable, y, sig_w)
        footer(page_count)
        canvas.showPage()
    canvas.save()
    if progress is not None:
        progress(total_work, total_work)
    return buffer.getvalue()


def _tail(
    canvas: Canvas,
    table: LongTable,
    note_lines: list[str],
    left: float,
    usable: float,
    top: float,
    width: float,
) -> None:
    """The notes under the table, then the signature blocks side by side."""
    y = top
    if note_lines:
        y -= 2 * MM
        canvas.setFont(SANS, NOTE_SIZE)
        for line in note_lines:
            y -= NOTE_SIZE * LEADING
            canvas.drawString(left, y + 0.25 * NOTE_SIZE, line)
    spots = table.signatures
    if not spots:
        return
    y -= 7 * MM
    slot = usable / len(spots)
    # A lone signature stands on the right, as under a letter.
    first_center = left + usable * 0.72 if len(spots) == 1 else left + slot / 2
    date_spot = table.place_date_spot % len(spots)
    if table.place_date:
        canvas.setFont(SANS, SIGNATURE_SIZE)
        canvas.drawCentredString(first_center + slot * date_spot, y, table.place_date)
        y -= 4.5 * MM
    # The jabatan lines stand level even when only one block has a caption ("Mengetahui,").
    caption_h = 4.5 * MM if any(spot.caption for spot in spots) else 0.0
    for k, spot in enumerate(spots):
        x_center = first_center + slot * k
        canvas.setFont(SANS, SIGNATURE_SIZE)
        if spot.caption:
            canvas.drawCentredString(x_center, y, spot.caption)
        sy = y - caption_h
        if spot.signer is not None:
            draw_signature_block(
                canvas,
                spot.signer,
                x_center=x_center,
                top=sy + SIGNATURE_SIZE * _CAP,
                font_size=SIGNATURE_SIZE,
                signature_space=SIGNATURE_SPACE,
                width=width,
            )
        else:
            canvas.drawCentredString(x_center, sy, spot.blank_jabatan)
            canvas.drawCentredString(x_center, sy - 22 * MM, "(" + "." * 40 + ")")
            canvas.drawString(x_center - 30 * MM, sy - 26.5 * MM, "NIP.")


def signer_or_blank(signer: Signer | None, jabatan: str) -> Signer | None:
    """``signer`` with ``jabatan`` when it has none; ``None`` (a blank spot) when there is no signer or name."""
    if signer is None or not signer.nama.strip():
        return None
    if signer.jabatan.strip():
        return signer
    return Signer(jabatan=jabatan, nama=signer.nama, nip=signer.nip, pangkat_golongan=signer.pangkat_golongan)


def draw_titles(
    canvas: Canvas, lines: Sequence[tuple[str, float]], left: float, right: float, top: float
) -> float:
    """Centred bold ``(text, size)`` lines from ``top`` down, wrapped within the page; returns the y below."""
    y = top
    for text, size in lines:
        if not text:
            continue
        canvas.setFont(SANS_BOLD, size)
        for line in wrap_cell(text, SANS_BOLD, size, right - left):
            y -= size * LEADING
            canvas.drawCentredString((left + right) / 2, y + 0.2 * size, line)
    return y


def draw_fields(
    canvas: Canvas, fields: Sequence[tuple[str, str]], x: float, top: float, width: float, size: float = 8.5
) -> float:
    """``LABEL : value`` lines with the colons in one column, from ``top`` down within ``width``; returns the y
    below. A value too long for its line wraps under itself, never under the labels."""
    if not fields:
        return top
    label_w = max(string_width(label, SANS, size) for label, _ in fields) + 2 * MM
    colon_w = string_width(": ", SANS, size)
    value_w = max(20 * MM, width - label_w - colon_w)
    y = top
    canvas.setFont(SANS, size)
    for label, value in fields:
        y -= size * LEADING
        canvas.drawString(x, y, label)
        canvas.drawString(x + label_w, y, ":")
        for k, line in enumerate(wrap_cell(value, SANS, size, value_w)):
            if k:
                y -= size * LEADING
            canvas.drawString(x + label_w + colon_w, y, line)
    return y - 0.3 * size
