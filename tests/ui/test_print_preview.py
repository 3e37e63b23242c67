"""Print preview: real reportlab PDFs printed through QPrinter to a PDF file, and the preview dialog."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, QSizeF
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from desktop.ui.print_preview import PrintError, PrintPreviewDialog, page_layout_for, paper_name, print_pdf

F4 = (215 * mm, 330 * mm)
F4_SIZE_PT = QSizeF(*F4)
PT_TO_MM = 25.4 / 72


def make_pdf(*page_sizes: tuple[float, float]) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=page_sizes[0])
    for number, size in enumerate(page_sizes, start=1):
        c.setPageSize(size)
        width, height = size
        c.setLineWidth(3)
        c.rect(15 * mm, 15 * mm, width - 30 * mm, height - 30 * mm, fill=0)
        c.setFont("Helvetica-Bold", 28)
        c.drawString(25 * mm, height - 40 * mm, f"LEMBAR DISPOSISI {number}")
        c.rect(25 * mm, height - 80 * mm, 60 * mm, 25 * mm, fill=1)
        c.showPage()
    c.save()
    return buf.getvalue()


@pytest.fixture
def f4_pdf() -> bytes:
    return make_pdf(F4, F4)


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def dark_fraction(pdf: bytes, page: int) -> float:
    """Share of clearly dark pixels when the page is rendered (0 for a blank page)."""
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    doc = QPdfDocument()
    doc.load(buffer)
    assert doc.status() == QPdfDocument.Status.Ready
    image = doc.render(page, QSize(215, 330)).convertToFormat(QImage.Format.Format_ARGB32)
    dark = 0
    for y in range(image.height()):
        for x in range(image.width()):
            colour = image.pixelColor(x, y)
            if colour.alpha() > 128 and colour.lightness() < 100:
                dark += 1
    return dark / (image.width() * image.height())


def test_print_pdf_keeps_f4_paper_and_content(qapp, tmp_path: Path, f4_pdf: bytes) -> None:
    out = tmp_path / "printed.pdf"
    printer = pdf_printer(out)

    assert print_pdf(f4_pdf, printer) == 2

    reader = pypdf.PdfReader(out)
    assert len(reader.pages) == 2
    for page in reader.pages:
        width_mm = float(page.mediabox.width) * PT_TO_MM
        height_mm = float(page.mediabox.height) * PT_TO_MM
        assert width_mm == pytest.approx(215, abs=1)  # F4, not Qt's Folio (210 mm)
        assert height_mm == pytest.approx(330, abs=1)
    printed = out.read_bytes()
    for page in range(2):
        assert dark_fraction(printed, page) > 0.02, f"page {page + 1} came out blank"


def test_print_pdf_gives_each_page_its_own_paper(qapp, tmp_path: Path) -> None:
    out = tmp_path / "mixed.pdf"
    pdf = make_pdf(F4, landscape(A4), (85.6 * mm, 54 * mm))

    assert print_pdf(pdf, pdf_printer(out), dpi=72) == 3

    sizes = [
        (round(float(p.mediabox.width) * PT_TO_MM), round(float(p.mediabox.height) * PT_TO_MM))
        for p in pypdf.PdfReader(out).pages
    ]
    assert sizes == [(215, 330), (297, 210), (86, 54)]


def test_print_pdf_rejects_a_broken_pdf_in_indonesian(qapp, tmp_path: Path) -> None:
    with pytest.raises(PrintError, match="tidak dapat dibuka"):
        print_pdf(b"%PDF-1.4 bukan pdf", pdf_printer(tmp_path / "x.pdf"))


def test_print_pdf_reports_a_printer_that_cannot_start(qapp, tmp_path: Path, f4_pdf: bytes) -> None:
    printer = pdf_printer(tmp_path / "no-such-dir" / "x.pdf")
    with pytest.raises(PrintError, match="Printer tidak dapat mulai"):
        print_pdf(f4_pdf, printer)


def test_page_layout_is_custom_f4_not_folio(qapp) -> None:
    layout = page_layout_for(F4_SIZE_PT)
    size = layout.fullRectPoints().size()
    assert round(size.width() * PT_TO_MM) == 215
    assert round(size.height() * PT_TO_MM) == 330
    assert layout.pageSize().id().name != "Folio"
    assert paper_name(F4_SIZE_PT) == "F4 (215 × 330 mm)"


def test_preview_dialog_shows_pages_and_saves_identical_bytes(
    qtbot, tmp_path: Path, f4_pdf: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = PrintPreviewDialog(f4_pdf, "Lembar disposisi", suggested_filename="disposisi.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    assert dialog.page_count() == 2
    assert dialog.page_count_label.text() == "2 halaman"
    assert "F4" in dialog.paper_label.text()

    target = tmp_path / "simpan" / "disposisi.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Dokumen PDF (*.pdf)"))
    assert dialog.save_pdf() == target
    assert target.read_bytes() == f4_pdf


def test_preview_dialog_reports_a_failed_save(
    qtbot, tmp_path: Path, f4_pdf: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = PrintPreviewDialog(f4_pdf, "Lembar disposisi")
    qtbot.addWidget(dialog)
    missing = tmp_path / "tidak-ada" / "x.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(missing), ""))
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warnings.append(text))

    assert dialog.save_pdf() is None
    assert len(warnings) == 1
    assert "tidak dapat disimpan" in warnings[0]


def test_preview_zoom_leaves_fit_to_width_and_back(qtbot, f4_pdf: bytes) -> None:
    dialog = PrintPreviewDialog(f4_pdf, "Lembar disposisi")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    fitted = dialog.effective_zoom()

    dialog.zoom_in()
    assert dialog.view.zoomFactor() == pytest.approx(fitted * dialog.ZOOM_STEP)
    dialog.zoom_out()
    dialog.zoom_out()
    assert dialog.view.zoomFactor() == pytest.approx(fitted / dialog.ZOOM_STEP)
    assert not dialog.fit_width_button.isChecked()
    dialog.fit_width()
    assert dialog.fit_width_button.isChecked()
    assert dialog.zoom_label.text() == f"{round(fitted * 100)}%"
