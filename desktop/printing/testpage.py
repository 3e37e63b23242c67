"""The "Cetak uji" page: kop, what was printed, a ruler, a square and corner marks to check the printer's scale."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from desktop.printing.data import OfficeHeader, Signer
from desktop.printing.document import pdf_bytes
from desktop.printing.fonts import SANS, SANS_BOLD, SERIF, string_width
from desktop.printing.kop import draw_kop
from desktop.printing.pages import MM, Box, Margins, PaperSize
from desktop.printing.signature import draw_signature_block, signature_block_height

TITLE = "HALAMAN CETAK UJI"
RULER_MM = 100
SQUARE_MM = 50
CORNER_MARK_MM = 10
MIN_WIDTH_MM = RULER_MM + 2 * 12  # the ruler must print at full size with a margin each side

SAMPLE_TEXT = (
    "Dengan hormat, bersama ini kami sampaikan bahwa halaman ini dicetak untuk <b>menguji printer</b> dan "
    "<i>pengaturan kertas</i>. Huruf <b>tebal</b>, <i>miring</i> dan <b><i>tebal miring</i></b>, "
    "tanda baca (titik, koma; titik dua: “kutip” – garis/miring) serta huruf besar dan kecil harus "
    "tercetak jelas dan tidak terpotong."
)
SAMPLE_SERIF = "Demikian disampaikan, atas perhatian Bapak/Ibu kami ucapkan terima kasih."
SAMPLE_NUMBERS = "0123456789 · Rp 1.250.000,00 · Rp 75.500 · 12,5% · 800.1.11.1/123/SEK.UM/2026"
INSTRUCTIONS = (
    "Ukur dengan penggaris: garis ukur harus tepat <b>100 mm</b>, persegi tepat <b>50 × 50 mm</b>, dan "
    "titik silang di setiap sudut tepat <b>10 mm</b> dari kedua tepi kertas. Bila tidak tepat, cetak ulang "
    "dengan skala 100% (matikan pilihan <i>Sesuaikan dengan halaman</i> / <i>Fit to page</i> di pengaturan "
    "printer) dan pastikan ukuran kertas di printer sama dengan ukuran di atas."
)


@dataclass(frozen=True, slots=True)
class TestPageData:
    """What the Cetak uji page shows; ``printed_at`` and ``place_date`` are already formatted in Indonesian."""

    __test__ = False  # not a pytest test class, despite the name

    header: OfficeHeader
    signer: Signer | None
    paper: PaperSize
    printed_at: str
    place_date: str
    app_version: str


@dataclass(frozen=True, slots=True)
class _Metrics:
    """Sizes that differ between full sheets (A4, F4) and small ones (½ F4, A5)."""

    margins: Margins
    body: float
    small: float
    title: float
    gap: float
    signature_font: float
    signature_space: float
    signature_share: float  # of the content width
    mark_arm: float

    @classmethod
    def for_paper(cls, paper: PaperSize) -> _Metrics:
        if paper.width_mm >= 180:
            return cls(Margins(15, 20, 15, 20), 10, 9, 14, 6 * MM, 11, 20 * MM, 0.5, 4 * MM)
        return cls(Margins(14, 14, 14, 14), 8.5, 7.5, 12, 4 * MM, 9, 18 * MM, 0.52, 3 * MM)


@dataclass(slots=True)
class _Block:
    height: float
    gap_before: float
    draw: Callable[[float], None]  # called with the block's top y
    drop_rank: int = 0  # 0: always printed; otherwise dropped (lowest first) when the page is too short


def build_test_page(data: TestPageData) -> bytes:
    """The Cetak uji page as PDF bytes, on ``data.paper`` (F4, A4, ½ F4 or A5; anything 124 mm wide or more)."""
    paper = data.paper
    if paper.height_mm is None or paper.width_mm < MIN_WIDTH_MM or paper.height_mm < 180:
        raise ValueError(
            f"Halaman cetak uji memerlukan kertas minimal A5; {paper.description} terlalu kecil."
        )

    def build(canvas: Canvas) -> None:
        _draw_test_page(canvas, data)

    return pdf_bytes(build, paper, f"Cetak uji — {paper.description}", subject="Halaman cetak uji printer")


def _draw_test_page(canvas: Canvas, data: TestPageData) -> None:
    metrics = _Metrics.for_paper(data.paper)
    box = metrics.margins.content_box(data.paper)
    _draw_corner_marks(canvas, data.paper, metrics.mark_arm)
    y = draw_kop(canvas, data.header, left=box.left, right=box.right, top=box.top)

    blocks = _blocks(canvas, data, metrics, box)
    available = y - box.bottom
    while sum(b.height + b.gap_before for b in blocks) > available and any(b.drop_rank for b in blocks):
        lowest = min(b.drop_rank for b in blocks if b.drop_rank)
        blocks = [b for b in blocks if b.drop_rank != lowest]
    # Spread the blocks a little on a tall sheet, squeeze the gaps on a short one.
    gaps = sum(b.gap_before for b in blocks)
    slack = available - sum(b.height for b in blocks) - gaps
    stretch = max(0.3, min(1.8, 1 + slack / gaps))
    for block in blocks:
        y -= block.gap_before * stretch
        block.draw(y)
        y -= block.height


def _styles(metrics: _Metrics) -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "body", fontName=SANS, fontSize=metrics.body, leading=metrics.body * 1.3, alignment=TA_LEFT
    )
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=metrics.small, leading=metrics.small * 1.3),
        "cell": ParagraphStyle(
            "cell", parent=body, fontSize=metrics.small + 0.5, leading=(metrics.small + 0.5) * 1.2
        ),
        "cell_label": ParagraphStyle(
            "cell_label",
            parent=body,
            fontName=SANS_BOLD,
            fontSize=metrics.small + 0.5,
            leading=(metrics.small + 0.5) * 1.2,
        ),
        "serif": ParagraphStyle(
            "serif",
            parent=body,
            fontName=SERIF,
            fontSize=metrics.body + 0.5,
            leading=(metrics.body + 0.5) * 1.3,
        ),
        "heading": ParagraphStyle(
            "heading", parent=body, fontName=SANS_BOLD, fontSize=metrics.body, leading=metrics.body * 1.3
        ),
    }


def _paragraph_block(
    canvas: Canvas, paragraph: Paragraph, left: float, width: float, gap: float, drop_rank: int = 0
) -> _Block:
    _, height = paragraph.wrap(width, 10_000)

    def draw(top: float) -> None:
        paragraph.drawOn(canvas, left, top - height)

    return _Block(float(height), gap, draw, drop_rank)


def _blocks(canvas: Canvas, data: TestPageData, metrics: _Metrics, box: Box) -> list[_Block]:
    styles = _styles(metrics)
    gap = metrics.gap
    blocks: list[_Block] = []

    # Title
    title_size = metrics.title

    def draw_title(top: float) -> None:
        baseline = top - 0.73 * title_size
        canvas.setFont(SANS_BOLD, title_size)
        canvas.drawCentredString(box.center_x, baseline, TITLE)
        half = string_width(TITLE, SANS_BOLD, title_size) / 2
        canvas.setLineWidth(0.06 * title_size)
        canvas.line(box.center_x - half, baseline - 2, box.center_x + half, baseline - 2)

    blocks.append(_Block(0.73 * title_size + 3, gap, draw_title))

    # What was printed
    rows = [
        ("Ukuran kertas", data.paper.description),
        ("Waktu cetak", data.printed_at),
        ("Versi aplikasi", data.app_version),
        ("Huruf", "Liberation Sans dan Liberation Serif, tertanam di PDF"),
    ]
    label_w = 32 * MM if metrics.body >= 10 else 27 * MM
    table_w = min(box.width, 130 * MM)
    table = Table(
        [
            [Paragraph(escape(label), styles["cell_label"]), Paragraph(escape(value), styles["cell"])]
            for label, value in rows
        ],
        colWidths=[label_w, table_w - label_w],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), SANS),  # the default, Helvetica, would not be embedded
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (0, -1), colors.Color(0.9, 0.9, 0.9)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    _, table_h = table.wrap(table_w, 10_000)

    def draw_table(top: float) -> None:
        table.drawOn(canvas, box.center_x - table_w / 2, top - table_h)

    blocks.append(_Block(float(table_h), gap * 0.8, draw_table))

    # Ruler
    ruler_h = 4 * MM + metrics.small + 2

    def draw_ruler(top: float) -> None:
        _draw_ruler(canvas, box.left, top, metrics.small)

    blocks.append(
        _paragraph_block(canvas, Paragraph("Alat ukur", styles["heading"]), box.left, box.width, gap)
    )
    blocks.append(_Block(ruler_h, 2 * MM, draw_ruler))

    # 50 mm square beside the sample text
    column_gap = 6 * MM if metrics.body >= 10 else 5 * MM
    text_left = box.left + SQUARE_MM * MM + column_gap
    text_w = box.right - text_left
    parts = [
        Paragraph("Contoh teks", styles["heading"]),
        Paragraph(SAMPLE_TEXT, styles["body"]),
        Paragraph(escape(SAMPLE_SERIF), styles["serif"]),
        Paragraph(f"<b>Contoh angka:</b> {escape(SAMPLE_NUMBERS)}", styles["body"]),
    ]
    spacing = 1.5 * MM
    heights = [float(p.wrap(text_w, 10_000)[1]) for p in parts]
    text_h = sum(heights) + spacing * (len(parts) - 1)
    square = SQUARE_MM * MM

    def draw_row(top: float) -> None:
        _draw_square(canvas, box.left, top, metrics.small)
        y = top
        for paragraph, height in zip(parts, heights, strict=True):
            paragraph.drawOn(canvas, text_left, y - height)
            y -= height + spacing

    blocks.append(_Block(max(square, text_h), 3 * MM, draw_row))

    # Instructions, with the signature block at the right when there is a signer
    signer = data.signer
    if signer is None:
        blocks.append(
            _paragraph_block(
                canvas,
                Paragraph(f"<b>Petunjuk:</b> {INSTRUCTIONS}", styles["small"]),
                box.left,
                box.width,
                gap,
            )
        )
        return blocks

    sig_w = box.width * metrics.signature_share
    note_w = box.width - sig_w - column_gap
    note = Paragraph(f"<b>Petunjuk:</b> {INSTRUCTIONS}", styles["small"])
    _, note_h = note.wrap(note_w, 10_000)
    sig_h = signature_block_height(
        signer,
        width=sig_w,
        font_size=metrics.signature_font,
        place_date=data.place_date,
        signature_space=metrics.signature_space,
    )

    def draw_bottom(top: float) -> None:
        note.drawOn(canvas, box.left, top - note_h)
        draw_signature_block(
            canvas,
            signer,
            x_center=box.right - sig_w / 2,
            top=top,
            place_date=data.place_date,
            width=sig_w,
            font_size=metrics.signature_font,
            signature_space=metrics.signature_space,
        )

    blocks.append(_Block(max(float(note_h), sig_h), gap * 1.2, draw_bottom))
    return blocks


def _draw_ruler(canvas: Canvas, left: float, top: float, label_size: float) -> None:
    """A 100 mm ruler: a line with ticks hanging from it every millimetre, longer at 5 and 10, cm numbers below."""
    canvas.saveState()
    canvas.setLineWidth(0.5)
    canvas.line(left, top, left + RULER_MM * MM, top)
    canvas.setLineWidth(0.3)
    for i in range(RULER_MM + 1):
        length = 4 * MM if i % 10 == 0 else 2.8 * MM if i % 5 == 0 else 1.6 * MM
        x = left + i * MM
        canvas.line(x, top, x, top - length)
    canvas.setFont(SANS, label_size)
    for cm in range(RULER_MM // 10 + 1):
        canvas.drawCentredString(left + cm * 10 * MM, top - 4 * MM - label_size, str(cm))
    canvas.setFont(SANS_BOLD, label_size + 1)
    canvas.drawString(left + RULER_MM * MM + 3 * MM, top - 2.8 * MM, f"{RULER_MM} mm")
    canvas.restoreState()


def _draw_square(canvas: Canvas, left: float, top: float, label_size: float) -> None:
    """The 50 × 50 mm square (line centred on the edge) with its size written inside."""
    side = SQUARE_MM * MM
    canvas.saveState()
    canvas.setLineWidth(0.5)
    canvas.rect(left, top - side, side, side, stroke=1, fill=0)
    canvas.setLineWidth(0.25)
    canvas.setDash(1, 2)
    middle_x, middle_y = left + side / 2, top - side / 2
    canvas.line(left, middle_y, left + side, middle_y)
    canvas.line(middle_x, top, middle_x, top - side)
    canvas.setDash()
    canvas.setFont(SANS_BOLD, label_size + 1)
    canvas.drawCentredString(
        middle_x - side / 4, middle_y + side / 4 - label_size / 3, f"{SQUARE_MM} × {SQUARE_MM} mm"
    )
    canvas.restoreState()


def _draw_corner_marks(canvas: Canvas, paper: PaperSize, arm: float) -> None:
    """A cross whose centre is exactly 10 mm from both edges, in each corner of the paper."""
    width, height = paper.size_pt
    inset = CORNER_MARK_MM * MM
    canvas.saveState()
    canvas.setLineWidth(0.4)
    for x in (inset, width - inset):
        for y in (inset, height - inset):
            canvas.line(x - arm, y, x + arm, y)
            canvas.line(x, y - arm, x, y + arm)
    canvas.restoreState()
