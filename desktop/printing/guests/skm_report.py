"""The printed SKM report of a period (guests.md R21-R24): per-unsur table, IKM and grade, sample, RTL, trend."""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from desktop.printing.data import OfficeHeader, Signer
from desktop.printing.document import CREATOR
from desktop.printing.fonts import SANS, SANS_BOLD, SANS_ITALIC, register_fonts
from desktop.printing.kop import draw_kop
from desktop.printing.pages import MM, PaperSize, paper_by_key
from desktop.printing.signature import draw_signature_block, signature_block_height

__all__ = [
    "GRADE_MEANING",
    "SKM_PAPERS",
    "TITLE",
    "SkmProfile",
    "SkmReportData",
    "SkmRtlLine",
    "SkmTrendBar",
    "SkmUnsurLine",
    "build_skm_report",
]

TITLE = "LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT"
SKM_PAPERS: tuple[str, ...] = ("A4", "F4")
GRADE_MEANING: dict[str, str] = {
    "A": "Sangat baik (88,31-100,00)",
    "B": "Baik (76,61-88,30)",
    "C": "Kurang baik (65,00-76,60)",
    "D": "Tidak baik (25,00-64,99)",
}
_MARGIN = 15 * MM
_BODY = 9.0
_SMALL = 8.0
_GRID = colors.Color(0.45, 0.45, 0.45)
_HEAD_FILL = colors.Color(0.87, 0.9, 0.94)
_BAR = colors.Color(0.25, 0.42, 0.62)
_BAR_NOW = colors.Color(0.85, 0.55, 0.15)


@dataclass(frozen=True)
class SkmUnsurLine:
    """One row of the per-unsur table, figures already rounded and written with a decimal comma."""

    kode: str
    nama: str
    responden: str
    nrr: str
    nilai: str
    mutu: str


@dataclass(frozen=True)
class SkmRtlLine:
    unsur: str
    program: str
    waktu: str
    penanggung_jawab: str


@dataclass(frozen=True)
class SkmTrendBar:
    """A bar of the trend chart: the period's short label and its IKM x 25; the last bar is this period."""

    label: str
    nilai: float
    mutu: str


@dataclass(frozen=True)
class SkmProfile:
    """One respondent-profile question and how many gave each answer."""

    title: str
    counts: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class SkmReportData:
    """Everything the printed report shows; built by the SKM service from its report and the office profile."""

    header: OfficeHeader
    periode: str
    unsur: tuple[SkmUnsurLine, ...]
    ikm_nrr: str
    ikm_nilai: str
    mutu: str
    kinerja: str
    bobot_label: str
    responden: int
    populasi: int
    sampel: int
    sample_warning: str = ""
    lowest: str = ""
    rtl: tuple[SkmRtlLine, ...] = ()
    trend: tuple[SkmTrendBar, ...] = ()
    profil: tuple[SkmProfile, ...] = ()
    signer: Signer | None = None
    place_date: str = ""
    paper: str = "A4"
    printed_at: str = ""


class _Kop(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """The kop surat as a flowable: measured once on a scratch canvas, then drawn in place."""

    def __init__(self, header: OfficeHeader, width: float) -> None:
        super().__init__()
        self.header = header
        self.kop_width = width
        scratch = Canvas(BytesIO())
        self.kop_height = 1000 - draw_kop(scratch, header, left=0, right=width, top=1000)

    def wrap(self, _avail_width: float, _avail_height: float) -> tuple[float, float]:
        return self.kop_width, self.kop_height

    def draw(self) -> None:
        draw_kop(self.canv, self.header, left=0, right=self.kop_width, top=self.kop_height)


class _Signature(Flowable):  # type: ignore[misc]
    """The place and date, then the signer's block, on the right half; dotted lines when nobody is set."""

    def __init__(self, signer: Signer | None, place_date: str, width: float) -> None:
        super().__init__()
        self.signer = signer
        self.place_date = place_date
        self.block_width = width
        self.block_height = (
            signature_block_height(
                signer, font_size=_BODY + 1, place_date=place_date, signature_space=18 * MM
            )
            if signer is not None
            else 34 * MM
        )

    def wrap(self, _avail_width: float, _avail_height: float) -> tuple[float, float]:
        return self.block_width, self.block_height

    def draw(self) -> None:
        x_center = self.block_width * 0.72
        if self.signer is not None:
            draw_signature_block(
                self.canv,
                self.signer,
                x_center=x_center,
                top=self.block_height,
                place_date=self.place_date,
                font_size=_BODY + 1,
                signature_space=18 * MM,
            )
            return
        self.canv.setFont(SANS, _BODY + 1)
        self.canv.drawCentredString(x_center, self.block_height - 4 * MM, self.place_date)
        self.canv.drawCentredString(x_center, self.block_height - 9 * MM, "Penanggung jawab SKM,")
        self.canv.drawCentredString(x_center, 3 * MM, "(" + "." * 40 + ")")


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName=SANS, fontSize=_BODY, leading=_BODY * 1.3)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=_SMALL, leading=_SMALL * 1.25),
        "cell": ParagraphStyle("cell", parent=body, fontSize=_SMALL + 0.5, leading=(_SMALL + 0.5) * 1.2),
        "title": ParagraphStyle(
            "title", parent=body, fontName=SANS_BOLD, fontSize=12.5, leading=15, alignment=TA_CENTER
        ),
        "subtitle": ParagraphStyle("subtitle", parent=body, fontSize=10, leading=13, alignment=TA_CENTER),
        "heading": ParagraphStyle(
            "heading", parent=body, fontName=SANS_BOLD, fontSize=10, leading=13, spaceBefore=6, spaceAfter=3
        ),
        "warning": ParagraphStyle(
            "warning", parent=body, fontName=SANS_ITALIC, textColor=colors.Color(0.62, 0.0, 0.02)
        ),
    }


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _table(rows: list[list[Any]], widths: list[float], *, bold_last: bool = False, align: str = "") -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    style: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), SANS, _SMALL + 0.5),
        ("FONT", (0, 0), (-1, 0), SANS_BOLD, _SMALL + 0.5),
        ("BACKGROUND", (0, 0), (-1, 0), _HEAD_FILL),
        ("GRID", (0, 0), (-1, -1), 0.5, _GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if align:
        # e.g. "0C,2R": columns 0 centred, 2 right-aligned in the body rows
        for spec in align.split(","):
            column, where = int(spec[:-1]), {"C": "CENTER", "R": "RIGHT"}[spec[-1]]
            style.append(("ALIGN", (column, 1), (column, -1), where))
    if bold_last:
        style.append(("FONT", (0, -1), (-1, -1), SANS_BOLD, _SMALL + 0.5))
        style.append(("BACKGROUND", (0, -1), (-1, -1), colors.Color(0.95, 0.95, 0.95)))
    table.setStyle(TableStyle(style))
    return table


def _trend_chart(bars: tuple[SkmTrendBar, ...], width: float) -> Drawing:
    height = 46 * MM
    drawing = Drawing(width, height)
    # The renderer starts every drawing in Helvetica (never embedded) unless told otherwise.
    drawing.initialFontName = SANS
    drawing.initialFontSize = _SMALL
    chart = VerticalBarChart()
    chart.x, chart.y = 12 * MM, 10 * MM
    # About 3 cm a period, so two periods do not stretch into two slabs across the page.
    chart.width, chart.height = min(width - 20 * MM, len(bars) * 30 * MM), height - 18 * MM
    chart.data = [[bar.nilai for bar in bars]]
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = 100
    chart.valueAxis.valueStep = 25
    chart.valueAxis.labels.fontName = SANS
    chart.valueAxis.labels.fontSize = _SMALL - 0.5
    chart.categoryAxis.categoryNames = [bar.label for bar in bars]
    chart.categoryAxis.labels.fontName = SANS
    chart.categoryAxis.labels.fontSize = _SMALL - 0.5
    chart.barWidth = 8 * MM
    chart.bars[0].fillColor = _BAR
    chart.bars[0].strokeColor = None
    for index in range(len(bars)):
        if index == len(bars) - 1:
            chart.bars[(0, index)].fillColor = _BAR_NOW
    chart.barLabelFormat = lambda value: f"{value:.2f}".replace(".", ",")
    chart.barLabels.fontName = SANS_BOLD
    chart.barLabels.fontSize = _SMALL - 0.5
    chart.barLabels.nudge = 6
    drawing.add(chart)
    drawing.add(
        String(
            12 * MM,
            height - 4 * MM,
            "Nilai IKM (x 25) per periode; batang terakhir = periode laporan ini",
            fontName=SANS,
            fontSize=_SMALL - 0.5,
        )
    )
    return drawing


def _profile_table(groups: tuple[SkmProfile, ...], width: float, styles: dict[str, ParagraphStyle]) -> Table:
    """One row per profile question: its title, then "answer count (share)" run on as a line."""
    rows: list[list[Any]] = []
    for group in groups:
        total = sum(count for _, count in group.counts)
        parts = []
        for label, count in group.counts:
            share = f" ({count * 100 / total:.0f}%)" if total and count else ""
            parts.append(f"{_esc(label)} {count}{share}")
        rows.append(
            [Paragraph(_esc(group.title), styles["cell"]), Paragraph(" \u00b7 ".join(parts), styles["cell"])]
        )
    if not rows:
        rows = [["", Paragraph("Tidak ada data profil responden.", styles["cell"])]]
    table = Table(rows, colWidths=[0.2 * width, 0.8 * width])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), SANS, _SMALL + 0.5),  # the cell default is Helvetica
                ("BOX", (0, 0), (-1, -1), 0.5, _GRID),
                ("INNERGRID", (0, 0), (-1, -1), 0.5, _GRID),
                ("BACKGROUND", (0, 0), (0, -1), _HEAD_FILL),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def build_skm_report(data: SkmReportData) -> bytes:
    """The report as PDF bytes on A4 (default) or F4 portrait, fonts embedded."""
    if data.paper not in SKM_PAPERS:
        raise ValueError(f"Laporan SKM dicetak pada A4 atau F4, bukan {data.paper!r}.")
    register_fonts()
    paper: PaperSize = paper_by_key(data.paper)
    page_w, page_h = paper.size_pt
    width = page_w - 2 * _MARGIN
    styles = _styles()
    buffer = BytesIO()
    title = f"Laporan SKM {data.periode}"
    doc = SimpleDocTemplate(
        buffer,
        pagesize=(page_w, page_h),
        leftMargin=_MARGIN,
        rightMargin=_MARGIN,
        topMargin=_MARGIN,
        bottomMargin=_MARGIN + 4 * MM,
        title=title,
        author="Sekretariat",
        creator=CREATOR,
        subject="Laporan hasil survei kepuasan masyarakat",
        # Every page starts in the embedded Sans: without it reportlab names Helvetica, which is never embedded.
        initialFontName=SANS,
        initialFontSize=10,
        initialLeading=12,
    )
    story: list[Any] = [
        _Kop(data.header, width),
        Spacer(1, 5 * MM),
        Paragraph(TITLE, styles["title"]),
        Paragraph(f"Periode {_esc(data.periode)}", styles["subtitle"]),
        Spacer(1, 4 * MM),
    ]

    rows: list[list[Any]] = [["No", "Unsur pelayanan", "Responden", "NRR", "NRR x 25 (nilai)", "Mutu"]]
    for index, line in enumerate(data.unsur, start=1):
        rows.append(
            [
                str(index),
                Paragraph(f"{_esc(line.kode)} {_esc(line.nama)}", styles["cell"]),
                line.responden,
                line.nrr,
                line.nilai,
                line.mutu,
            ]
        )
    rows.append(
        ["", f"IKM ({data.bobot_label})", str(data.responden), data.ikm_nrr, data.ikm_nilai, data.mutu]
    )
    story.append(
        _table(
            rows,
            [w * width for w in (0.06, 0.44, 0.12, 0.12, 0.16, 0.10)],
            bold_last=True,
            align="0C,2R,3R,4R,5C",
        )
    )
    story.append(Spacer(1, 3 * MM))

    meaning = GRADE_MEANING.get(data.mutu, "")
    facts = [
        f"Nilai IKM: <font name='{SANS_BOLD}'>{_esc(data.ikm_nilai)}</font>, mutu pelayanan "
        f"<font name='{SANS_BOLD}'>{_esc(data.mutu)}</font>"
        + (f" — kinerja unit pelayanan {_esc(data.kinerja.lower())}" if data.kinerja else "")
        + (f"; rentang {_esc(meaning.split('(')[1].rstrip(')'))}" if "(" in meaning else "")
        + ".",
        f"IKM dihitung dengan {_esc(data.bobot_label)}: IKM = jumlah NRR x bobot; nilai = IKM x 25, "
        "dibulatkan sekali di akhir (setengah ke atas).",
        f"Responden: {data.responden} orang; orang yang dilayani pada periode ini (N): {data.populasi}; "
        + (
            f"sampel minimal (Krejcie-Morgan): {data.sampel}."
            if data.populasi
            else "sampel minimal tidak dapat dihitung karena belum ada kunjungan tercatat."
        ),
    ]
    if data.lowest:
        facts.append(f"Unsur dengan nilai terendah: <font name='{SANS_BOLD}'>{_esc(data.lowest)}</font>.")
    for fact in facts:
        story.append(Paragraph(fact, styles["body"]))
    if data.sample_warning:
        story.append(Paragraph(f"Peringatan: {_esc(data.sample_warning)}", styles["warning"]))

    story.append(Paragraph("Rencana tindak lanjut", styles["heading"]))
    rtl_rows: list[list[Any]] = [["No", "Prioritas unsur", "Program/kegiatan", "Waktu", "Penanggung jawab"]]
    for index, rtl in enumerate(data.rtl, start=1):
        rtl_rows.append(
            [
                str(index),
                Paragraph(_esc(rtl.unsur), styles["cell"]),
                Paragraph(_esc(rtl.program) or "&nbsp;", styles["cell"]),
                Paragraph(_esc(rtl.waktu), styles["cell"]),
                Paragraph(_esc(rtl.penanggung_jawab), styles["cell"]),
            ]
        )
    if len(rtl_rows) == 1:
        rtl_rows.append(["", Paragraph("Belum ada rencana tindak lanjut.", styles["cell"]), "", "", ""])
    story.append(_table(rtl_rows, [w * width for w in (0.06, 0.26, 0.36, 0.14, 0.18)], align="0C"))

    story.append(Paragraph("Perkembangan nilai IKM", styles["heading"]))
    if len(data.trend) > 1:
        story[-1:] = [KeepTogether([story[-1], _trend_chart(data.trend, width)])]
    else:
        story.append(
            Paragraph("Belum ada periode sebelumnya yang berisi jawaban untuk dibandingkan.", styles["body"])
        )
    story.append(Paragraph("Profil responden", styles["heading"]))
    story.append(_profile_table(data.profil, width, styles))
    # The signature never stands alone on a page: the profile goes over with it when they do not both fit.
    signature = _Signature(data.signer, data.place_date, width)
    story[-2:] = [KeepTogether([*story[-2:], Spacer(1, 6 * MM), signature])]

    def footer(canvas: Canvas, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(SANS, 7.5)
        canvas.setFillGray(0.35)
        canvas.drawString(_MARGIN, _MARGIN - 2 * MM, f"{title}")
        canvas.drawRightString(
            page_w - _MARGIN, _MARGIN - 2 * MM, f"Halaman {document.page}  {data.printed_at}".rstrip()
        )
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
