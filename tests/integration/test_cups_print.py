"""A PDF sent with desktop.printing.spool comes out of a real CUPS queue (cups-pdf) with its size and text.

cups-pdf turns every job back into a PDF. Without a media option CUPS fits the page onto the queue's
default paper (A4 for the CUPS-PDF PPD), so an F4 page would come out as 595 × 842 pt; sending it with
``media=Custom.215x330mm`` (``MEDIA_F4``) keeps 215 × 330 mm (CUPS rounds it to whole points: 609 × 935).
"""

from __future__ import annotations

import io
import os
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from desktop.printing.spool import MEDIA_F4, PrinterError, list_printers, send_pdf
from tests.support.cups import TEST_QUEUE, unavailable_reason, wait_for_pdf

F4 = (215 * mm, 330 * mm)
TEXT = "HALAMAN CETAK UJI"
_LIBERATION = Path("/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf")


@pytest.fixture
def cups_queue() -> str:
    reason = unavailable_reason()
    if reason is not None:
        if os.environ.get("SEKRETARIAT_REQUIRE_CUPS") == "1":
            pytest.fail(f"{reason} (SEKRETARIAT_REQUIRE_CUPS=1)")
        pytest.skip(reason)
    return TEST_QUEUE


def _f4_pdf(title: str) -> bytes:
    font = "Helvetica"
    if _LIBERATION.is_file():
        font = "LiberationSans"
        if font not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(font, str(_LIBERATION)))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=F4)
    pdf.setTitle(title)
    pdf.setFont(font, 24)
    pdf.drawString(30 * mm, 300 * mm, TEXT)
    pdf.rect(10 * mm, 10 * mm, 195 * mm, 310 * mm)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


@pytest.mark.cups
def test_f4_page_reaches_the_queue_with_size_and_text(cups_queue: str) -> None:
    title = f"uji-cetak-{os.getpid()}-{time.time_ns()}"
    since = time.time()
    job = send_pdf(_f4_pdf(title), cups_queue, title=title, media=MEDIA_F4)
    assert job.startswith(f"{cups_queue}-")

    out = wait_for_pdf(since, name_contains=title)
    try:
        reader = PdfReader(out)
        assert len(reader.pages) == 1
        page = reader.pages[0]
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - F4[0]) <= 2 and abs(height - F4[1]) <= 2, (width, height)
        assert TEXT in page.extract_text()
    finally:
        out.unlink(missing_ok=True)


@pytest.mark.cups
def test_queue_is_listed(cups_queue: str) -> None:
    assert cups_queue in list_printers()


@pytest.mark.cups
def test_unknown_printer_gives_a_plain_indonesian_message(cups_queue: str) -> None:
    with pytest.raises(PrinterError) as info:
        send_pdf(_f4_pdf("uji"), "Printer_Yang_Tidak_Ada", title="uji")
    assert "Printer “Printer_Yang_Tidak_Ada” tidak dikenal" in info.value.message


def test_windows_is_sent_to_the_print_dialog(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    with pytest.raises(PrinterError, match="dialog Cetak"):
        send_pdf(_f4_pdf("uji"), "Apa_Saja", title="uji")
