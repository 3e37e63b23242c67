"""Reports made of several titled tables (laporan tindak lanjut disposisi, rekap bulanan surat) on F4 landscape:
the kop on the first page, a table's header row repeated when it runs onto the next page, a bold totals row,
page numbers and the signature blocks at the end, never alone on a page when rows can go over with them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from io import BytesIO

from reportlab.pdfgen.canvas import Canvas

from desktop.printing.data import OfficeHeader
from desktop.printing.document import new_canvas, wrap_greedy
from desktop.printing.fonts import SANS, SANS_BOLD, SANS_ITALIC, string_width
from desktop.printing.kop import draw_kop
from desktop.printing.pages import F4, MM, PaperSize
from desktop.printing.register_report import Cancelled, Column, SignatureSpot
from desktop.printing.signature import draw_signature_block, signature_block_height

__all__ = ["Cancelled", "Column", "Section", "SectionReport", "SignatureSpot", "build_section_report"]

BODY_SIZE = 8.0
HEAD_SIZE = 8.0
TITLE_SIZE = 9.5
NOTE_SIZE = 7.5
LEADING = 1.2
PAD = 1.2 * MM
MARGIN = 12 * MM
FOOTER = 8 * MM
SECTION_GAP = 5 * MM
SIGNATURE_SIZE = 9.0
SIGNATURE_SPACE = 16 * MM


@dataclass(frozen=True)
class Section:
    """One titled table; ``totals`` is printed as a last, bold row; ``note`` in small type under the table."""

    title: str
    columns: tuple[Column, ...]
    rows: Sequence[tuple[str, ...]]
    totals: tuple[str, ...] | None = None
    empty: str = "Tidak ada data."
    note: str = ""


@dataclass(frozen=True)
class SectionReport:
    header: OfficeHeader
    title: str
    subtitle: str
    sections: tuple[Section, ...]
    place_date: str = ""
    signatures: tuple[SignatureSpot, ...] = ()
    printed_at: str = ""
    paper: PaperSize = field(default_factory=F4.landscape)


@dataclass(frozen=True)
class _Block:
    """Something placed on a page, in order: a section title, a header row, a row, an empty-table line, a note."""

    kind: str  # title / head / row / empty / note
    section: int
    height: float
    cells: tuple[tuple[str, ...], ...] = ()  # wrapped lines per cell (rows and header rows)
    bold: bool = False


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    for part in text.split("\n"):
        for line in wrap_greedy(part, font, size, width) or [""]:
            # A single word wider than the cell (long letter numbers) is cut at characters.
            while string_width(line, font, size) > width and len(line) > 1:
                cut = len(line)
                while cut > 1 and string_width(line[:cut], font, size) > width:
                    cut -= 1
                lines.append(line[:cut])
                line = line[cut:]
            lines.append(line)
    return lines


def _row_block(cells: Sequence[str], cols: list[float], section: int, *, bold: bool = False) -> _Block:
    font = SANS_BOLD if bold else SANS
    wrapped = tuple(
        tuple(_wrap(cell, font, BODY_SIZE, w - 2 * PAD)) for cell, w in zip(cells, cols, strict=True)
    )
    height = max(len(c) for c in wrapped) * BODY_SIZE * LEADING + 2 * PAD
    return _Block("row", section, height, wrapped, bold)


def build_section_report(
    report: SectionReport,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> bytes:
    page_w, page_h = report.paper.size_pt
    left, right = MARGIN, page_w - MARGIN
    usable = right - left
    bottom_limit = MARGIN + FOOTER
    total = sum(len(s.rows) + (s.totals is not None) for s in report.sections)
    every = max(1, total // 100)
    done = 0

    def check() -> None:
        if cancelled is not None and done % every == 0 and cancelled():
            raise Cancelled()

    # Pass 1: wrap every cell into blocks of known height.
    widths: list[list[float]] = []
    sections: list[list[_Block]] = []  # per section: title, head, rows / empty, note
    heads: list[_Block] = []
    for index, section in enumerate(report.sections):
        scale = usable / sum(c.width for c in section.columns)
        cols = [c.width * scale for c in section.columns]
        widths.append(cols)

        head_cells = tuple(
            tuple(wrap_greedy(c.title, SANS_BOLD, HEAD_SIZE, w - 2 * PAD) or [""])
            for c, w in zip(section.columns, cols, strict=True)
        )
        head = _Block(
            "head", index, max(len(c) for c in head_cells) * HEAD_SIZE * LEADING + 2 * PAD, head_cells
        )
        heads.append(head)
        blocks = [_Block("title", index, SECTION_GAP + TITLE_SIZE * LEADING), head]
        for row in section.rows:
            check()
            blocks.append(_row_block(row, cols, index))
            done += 1
            if progress is not None and done % every == 0:
                progress(done, total * 2)
        if section.totals is not None:
            blocks.append(_row_block(section.totals, cols, index, bold=True))
            done += 1
        if not section.rows:
            blocks.insert(2, _Block("empty", index, BODY_SIZE * LEADING + 4 * PAD))
        if section.note:
            lines = _wrap(section.note, SANS_ITALIC, NOTE_SIZE, usable)
            blocks.append(_Block("note", index, 1.5 * MM + len(lines) * NOTE_SIZE * LEADING, ((*lines,),)))
        sections.append(blocks)

    buffer = BytesIO()
    canvas = new_canvas(buffer, report.paper, report.title)

    # The kop and title go on the first page now, so the table knows where it starts.
    y = draw_kop(canvas, report.header, left=left, right=right, top=page_h - MARGIN) - 6 * MM
    canvas.setFont(SANS_BOLD, 12)
    canvas.drawCentredString(page_w / 2, y, report.title)
    y -= 5 * MM
    if report.subtitle:
        canvas.setFont(SANS, 9.5)
        canvas.drawCentredString(page_w / 2, y, report.subtitle)
        y -= 2 * MM
    first_top = y

    # Pass 2: paginate. A title keeps with its header and first row; a header is repeated on a new page.
    pages: list[list[_Block]] = [[]]
    room = first_top - bottom_limit
    for blocks in sections:
        start = blocks[:3]
        if sum(b.height for b in start) > room and pages[-1]:
            pages.append([])
            room = page_h - 2 * MARGIN - FOOTER
        for block in blocks:
            if block.height > room and block.kind in ("row", "note") and pages[-1]:
                pages.append([])
                room = page_h - 2 * MARGIN - FOOTER
                if block.kind == "row":
                    pages[-1].append(heads[block.section])
                    room -= heads[block.section].height
            pages[-1].append(block)
            room -= block.height
    sig_h = 0.0
    if report.signatures:
        sig_h = 6 * MM + max(
            signature_block_height(spot.signer, font_size=SIGNATURE_SIZE, signature_space=SIGNATURE_SPACE)
            if spot.signer
            else 30 * MM
            for spot in report.signatures
        )
    signature_page = bool(report.signatures) and sig_h > room
    if signature_page:
        # Signatures never stand alone on a page: the last two rows go over with them, under their header; when
        # that would leave a header without a row, the last table's part on this page goes over whole.
        last = pages[-1]
        cut = len(last) - 2
        if cut < 1 or any(b.kind != "row" for b in last[cut:]) or last[cut - 1].kind != "row":
            cut = len(last) - 1
            while cut > 0 and last[cut].kind not in ("title", "head"):
                cut -= 1
            if last[cut].kind == "head" and cut > 0 and last[cut - 1].kind == "title":
                cut -= 1
        moved = last[cut:]
        if moved and moved[0].kind == "row":
            moved = [heads[moved[0].section], *moved]
        if cut > 0 and sum(b.height for b in moved) + sig_h <= page_h - 2 * MARGIN - FOOTER:
            del last[cut:]
            pages.append(moved)
            signature_page = False
    page_count = len(pages) + signature_page

    def footer(number: int) -> None:
        canvas.setFont(SANS, 7.5)
        canvas.setFillGray(0.35)
        canvas.drawString(left, MARGIN - 2 * MM, f"{report.title} · {report.subtitle}")
        canvas.drawRightString(
            right, MARGIN - 2 * MM, f"Halaman {number} dari {page_count}  {report.printed_at}".rstrip()
        )
        canvas.setFillGray(0)

    def grid(cols: list[float], top: float, bottom: float) -> None:
        canvas.setLineWidth(0.4)
        canvas.line(left, top, right, top)
        canvas.line(left, bottom, right, bottom)
        x = left
        for w in cols:
            canvas.line(x, top, x, bottom)
            x += w
        canvas.line(right, top, right, bottom)

    # Pass 3: draw.
    drawn = 0
    for number, blocks in enumerate(pages, start=1):
        y = first_top if number == 1 else page_h - MARGIN
        for block in blocks:
            section = report.sections[block.section]
            cols = widths[block.section]
            if block.kind == "title":
                canvas.setFont(SANS_BOLD, TITLE_SIZE)
                canvas.drawString(left, y - block.height + TITLE_SIZE * 0.45, section.title)
            elif block.kind == "head":
                canvas.setFillGray(0.9)
                canvas.rect(left, y - block.height, usable, block.height, stroke=0, fill=1)
                canvas.setFillGray(0)
                canvas.setFont(SANS_BOLD, HEAD_SIZE)
                x = left
                for cell_lines, w in zip(block.cells, cols, strict=True):
                    ty = y - PAD - HEAD_SIZE * 0.85
                    for line in cell_lines:
                        canvas.drawCentredString(x + w / 2, ty, line)
                        ty -= HEAD_SIZE * LEADING
                    x += w
                grid(cols, y, y - block.height)
            elif block.kind == "row":
                if cancelled is not None and drawn % every == 0 and cancelled():
                    raise Cancelled()
                if block.bold:
                    canvas.setFillGray(0.95)
                    canvas.rect(left, y - block.height, usable, block.height, stroke=0, fill=1)
                    canvas.setFillGray(0)
                canvas.setFont(SANS_BOLD if block.bold else SANS, BODY_SIZE)
                x = left
                for cell_lines, w, col in zip(block.cells, cols, section.columns, strict=True):
                    ty = y - PAD - BODY_SIZE * 0.85
                    for line in cell_lines:
                        if col.align == "center":
                            canvas.drawCentredString(x + w / 2, ty, line)
                        elif col.align == "right":
                            canvas.drawRightString(x + w - PAD, ty, line)
                        else:
                            canvas.drawString(x + PAD, ty, line)
                        ty -= BODY_SIZE * LEADING
                    x += w
                grid(cols, y, y - block.height)
                drawn += 1
                if progress is not None and drawn % every == 0:
                    progress(total + drawn, total * 2)
            elif block.kind == "empty":
                canvas.setLineWidth(0.4)
                canvas.rect(left, y - block.height, usable, block.height, stroke=1, fill=0)
                canvas.setFont(SANS_ITALIC, BODY_SIZE)
                canvas.drawCentredString(page_w / 2, y - block.height / 2 - BODY_SIZE * 0.3, section.empty)
            elif block.kind == "note":
                canvas.setFont(SANS_ITALIC, NOTE_SIZE)
                canvas.setFillGray(0.25)
                ty = y - 1.5 * MM - NOTE_SIZE * 0.85
                for line in block.cells[0]:
                    canvas.drawString(left, ty, line)
                    ty -= NOTE_SIZE * LEADING
                canvas.setFillGray(0)
            y -= block.height
        footer(number)
        if number == len(pages) and report.signatures and not signature_page:
            _signatures(canvas, report, left, usable, y - 6 * MM)
        canvas.showPage()
    if signature_page:
        _signatures(canvas, report, left, usable, page_h - MARGIN)
        footer(page_count)
        canvas.showPage()
    canvas.save()
    if progress is not None:
        progress(total * 2, total * 2)
    return buffer.getvalue()


def _signatures(canvas: Canvas, report: SectionReport, left: float, usable: float, top: float) -> None:
    spots = report.signatures
    slot = usable / len(spots)
    for k, spot in enumerate(spots):
        x_center = left + slot * (k + 0.5) if len(spots) > 1 else left + usable - 45 * MM
        y = top
        canvas.setFont(SANS, SIGNATURE_SIZE)
        if k == len(spots) - 1 and report.place_date:
            canvas.drawCentredString(x_center, y, report.place_date)
        y -= 4.5 * MM
        if spot.caption:
            canvas.drawCentredString(x_center, y, spot.caption)
        y -= 1 * MM
        if spot.signer is not None:
            draw_signature_block(
                canvas,
                spot.signer,
                x_center=x_center,
                top=y,
                font_size=SIGNATURE_SIZE,
                signature_space=SIGNATURE_SPACE,
            )
        else:
            canvas.drawCentredString(x_center, y - 3.5 * MM, spot.blank_jabatan)
            canvas.drawCentredString(x_center, y - 24 * MM, "(" + "." * 40 + ")")
