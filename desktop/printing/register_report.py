"""Register reports (buku agenda masuk/keluar, later ekspedisi and KIB lists): a table on F4 landscape with
the kop on the first page, the header row repeated on every page, page numbers and signature blocks.

Rows are measured and laid out by hand rather than as platypus Paragraphs: a year of a busy Dinas is
15,000 rows, and this keeps it to seconds with progress reported and cancel possible between rows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from io import BytesIO

from reportlab.pdfgen.canvas import Canvas

from desktop.printing.data import OfficeHeader, Signer
from desktop.printing.document import new_canvas, wrap_greedy
from desktop.printing.fonts import SANS, SANS_BOLD, string_width
from desktop.printing.kop import draw_kop
from desktop.printing.pages import F4, MM, PaperSize
from desktop.printing.signature import draw_signature_block, signature_block_height

BODY_SIZE = 7.5
HEAD_SIZE = 8.0
LEADING = 1.2
PAD = 1.2 * MM
MARGIN = 12 * MM
FOOTER = 8 * MM


class Cancelled(Exception):
    """Raised between rows when the caller's ``cancelled()`` says so."""


@dataclass(frozen=True)
class Column:
    title: str
    width: float  # relative; scaled to the printable width
    align: str = "left"  # left / center / right


@dataclass(frozen=True)
class SignatureSpot:
    caption: str  # "Mengetahui," (printed above the jabatan), may be empty
    signer: Signer | None
    blank_jabatan: str = ""  # printed when there is no signer (e.g. "Pengelola Surat")


@dataclass(frozen=True)
class RegisterReport:
    header: OfficeHeader
    title: str
    subtitle: str
    columns: tuple[Column, ...]
    rows: Sequence[tuple[str, ...]]
    place_date: str = ""
    signatures: tuple[SignatureSpot, ...] = ()
    printed_at: str = ""
    paper: PaperSize = field(default_factory=F4.landscape)
    min_row_height: float = 0.0  # e.g. room for a handwritten signature in the buku ekspedisi


def _wrap(text: str, width: float) -> list[str]:
    lines: list[str] = []
    for part in text.split("\n"):
        wrapped = wrap_greedy(part, SANS, BODY_SIZE, width) or [""]
        for line in wrapped:
            # A single word wider than the cell (long letter numbers) is cut at characters.
            while string_width(line, SANS, BODY_SIZE) > width and len(line) > 1:
                cut = len(line)
                while cut > 1 and string_width(line[:cut], SANS, BODY_SIZE) > width:
                    cut -= 1
                lines.append(line[:cut])
                line = line[cut:]
            lines.append(line)
    return lines


def build_register_report(
    report: RegisterReport,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> bytes:
    page_w, page_h = report.paper.size_pt
    left, right = MARGIN, page_w - MARGIN
    usable = right - left
    scale = usable / sum(c.width for c in report.columns)
    widths = [c.width * scale for c in report.columns]
    line_h = BODY_SIZE * LEADING
    total = len(report.rows)
    every = max(1, total // 100)

    # Pass 1: wrap every cell (the slow part), so rows can be paginated before anything is drawn. Most cells
    # repeat (status, sifat, kode, the same senders and recipients): each text is wrapped once per column.
    wrapped: list[list[list[str]]] = []
    seen: list[dict[str, list[str]]] = [{} for _ in widths]
    cell_widths = [w - 2 * PAD for w in widths]
    for i, row in enumerate(report.rows):
        if cancelled is not None and i % every == 0 and cancelled():
            raise Cancelled()
        row_lines: list[list[str]] = []
        for cell, w, known in zip(row, cell_widths, seen, strict=True):
            lines = known.get(cell)
            if lines is None:
                lines = known[cell] = _wrap(cell, w)
            row_lines.append(lines)
        wrapped.append(row_lines)
        if progress is not None and i % every == 0:
            progress(i, total * 2)

    head_lines = [
        wrap_greedy(c.title, SANS_BOLD, HEAD_SIZE, w - 2 * PAD)
        for c, w in zip(report.columns, widths, strict=True)
    ]
    head_h = max(len(x) for x in head_lines) * HEAD_SIZE * LEADING + 2 * PAD

    buffer = BytesIO()
    canvas = new_canvas(buffer, report.paper, report.title)

    def table_top_first_page() -> float:
        y = draw_kop(canvas, report.header, left=left, right=right, top=page_h - MARGIN)
        y -= 6 * MM
        canvas.setFont(SANS_BOLD, 12)
        canvas.drawCentredString(page_w / 2, y, report.title)
        y -= 5 * MM
        if report.subtitle:
            canvas.setFont(SANS, 9.5)
            canvas.drawCentredString(page_w / 2, y, report.subtitle)
            y -= 5 * MM
        return y

    def draw_header(y: float) -> float:
        canvas.setFillGray(0.9)
        canvas.rect(left, y - head_h, usable, head_h, stroke=0, fill=1)
        canvas.setFillGray(0)
        canvas.setFont(SANS_BOLD, HEAD_SIZE)
        x = left
        for lines, w in zip(head_lines, widths, strict=True):
            ty = y - PAD - HEAD_SIZE * 0.85
            for line in lines:
                canvas.drawCentredString(x + w / 2, ty, line)
                ty -= HEAD_SIZE * LEADING
            x += w
        _grid(y, y - head_h)
        return y - head_h

    def _grid(top: float, bottom: float) -> None:
        canvas.setLineWidth(0.4)
        canvas.line(left, top, right, top)
        canvas.line(left, bottom, right, bottom)
        x = left
        for w in widths:
            canvas.line(x, top, x, bottom)
            x += w
        canvas.line(right, top, right, bottom)

    # Pass 2: paginate. The first page's table starts under the kop: draw the kop now to know where.
    pages: list[list[int]] = [[]]
    bottom_limit = MARGIN + FOOTER
    row_heights = [
        max(max(len(c) for c in cells) * line_h + 2 * PAD, report.min_row_height) for cells in wrapped
    ]
    first_top = table_top_first_page()
    y = first_top - head_h
    for i, h in enumerate(row_heights):
        if y - h < bottom_limit and pages[-1]:
            pages.append([])
            y = page_h - MARGIN - head_h
        pages[-1].append(i)
        y -= h
    sig_h = 0.0
    if report.signatures:
        sig_h = 6 * MM + max(
            signature_block_height(spot.signer, font_size=9, signature_space=16 * MM)
            if spot.signer
            else 30 * MM
            for spot in report.signatures
        )
    needs_signature_page = bool(report.signatures) and y - sig_h < bottom_limit
    if needs_signature_page and len(pages[-1]) > 2:
        # Signatures never stand alone on a page: the last two rows go over with them.
        pages.append(pages[-1][-2:])
        del pages[-2][-2:]
        needs_signature_page = False
    page_count = len(pages) + (1 if needs_signature_page else 0)

    def footer(number: int) -> None:
        canvas.setFont(SANS, 7.5)
        canvas.setFillGray(0.35)
        canvas.drawString(left, MARGIN - 2 * MM, f"{report.title} · {report.subtitle}")
        canvas.drawRightString(
            right, MARGIN - 2 * MM, f"Halaman {number} dari {page_count}  {report.printed_at}".rstrip()
        )
        canvas.setFillGray(0)

    done = 0
    for number, rows in enumerate(pages, start=1):
        top = first_top if number == 1 else page_h - MARGIN
        y = draw_header(top)
        canvas.setFont(SANS, BODY_SIZE)
        for i in rows:
            if cancelled is not None and done % every == 0 and cancelled():
                raise Cancelled()
            h = row_heights[i]
            x = left
            for cells, w, col in zip(wrapped[i], widths, report.columns, strict=True):
                ty = y - PAD - BODY_SIZE * 0.85
                for line in cells:
                    if col.align == "center":
                        canvas.drawCentredString(x + w / 2, ty, line)
                    elif col.align == "right":
                        canvas.drawRightString(x + w - PAD, ty, line)
                    else:
                        canvas.drawString(x + PAD, ty, line)
                    ty -= line_h
                x += w
            _grid(y, y - h)
            y -= h
            done += 1
            if progress is not None and done % every == 0:
                progress(total + done, total * 2)
        if not rows:
            canvas.setFont(SANS, 9)
            canvas.drawCentredString(page_w / 2, y - 8 * MM, "Tidak ada data pada periode ini.")
            y -= 12 * MM
        footer(number)
        last_page = number == len(pages)
        if last_page and report.signatures and not needs_signature_page:
            _signatures(canvas, report, left, usable, y - 6 * MM)
        canvas.showPage()
    if needs_signature_page:
        _signatures(canvas, report, left, usable, page_h - MARGIN)
        footer(page_count)
        canvas.showPage()
    canvas.save()
    if progress is not None:
        progress(total * 2, total * 2)
    return buffer.getvalue()


def _signatures(canvas: Canvas, report: RegisterReport, left: float, usable: float, top: float) -> None:
    spots = report.signatures
    slot = usable / len(spots)
    for k, spot in enumerate(spots):
        x_center = left + slot * (k + 0.5) if len(spots) > 1 else left + usable - 45 * MM
        y = top
        canvas.setFont(SANS, 9)
        if k == len(spots) - 1 and report.place_date:
            canvas.drawCentredString(x_center, y, report.place_date)
        y -= 4.5 * MM
        if spot.caption:
            canvas.drawCentredString(x_center, y, spot.caption)
        y -= 1 * MM
        if spot.signer is not None:
            draw_signature_block(
                canvas, spot.signer, x_center=x_center, top=y, font_size=9, signature_space=16 * MM
            )
        else:
            canvas.drawCentredString(x_center, y - 3.5 * MM, spot.blank_jabatan)
            canvas.drawCentredString(x_center, y - 24 * MM, "(" + "." * 40 + ")")
