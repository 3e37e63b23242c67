"""The print path a clerk uses (preview → Cetak) delivers the Cetak uji page through a real CUPS queue."""

from __future__ import annotations

import os
import time

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from desktop.demo import sample_office
from desktop.services import system
from desktop.services.common import documents
from desktop.services.system import AppContext
from desktop.ui.print_preview import print_pdf
from tests.support.cups import TEST_QUEUE, unavailable_reason, wait_for_pdf

MM_PT = 72 / 25.4


@pytest.fixture
def cups_queue() -> str:
    reason = unavailable_reason()
    if reason is not None:
        if os.environ.get("SEKRETARIAT_REQUIRE_CUPS") == "1":
            pytest.fail(f"{reason} (SEKRETARIAT_REQUIRE_CUPS=1)")
        pytest.skip(reason)
    return TEST_QUEUE


@pytest.mark.cups
def test_cetak_uji_through_qprinter_reaches_the_cups_queue_on_f4(
    qapp, app_ctx: AppContext, cups_queue: str
) -> None:  # type: ignore[no-untyped-def]
    sample_office.fill(app_ctx, letter_count=0)
    with app_ctx.db.transaction() as s:
        pdf = documents.test_page_pdf(s, system.SYSTEM, "F4")

    info = QPrinterInfo.printerInfo(cups_queue)
    assert not info.isNull(), f"Qt does not see the CUPS queue {cups_queue}"
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setDocName("cetakuji-qt")
    since = time.time()
    assert print_pdf(pdf, printer, dpi=150) == 1

    out = wait_for_pdf(since, timeout=90, name_contains="cetakuji")
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    # F4 is 215 × 330 mm (609.4 × 935.4 pt); CUPS rounds custom sizes to whole points.
    assert abs(float(box.width) - 215 * MM_PT) <= 3
    assert abs(float(box.height) - 330 * MM_PT) <= 3
    # The page is the rendered test page, not an empty sheet.
    resources = reader.pages[0].get("/Resources") or {}
    xobjects = resources.get("/XObject") or {}
    assert xobjects or len(reader.pages[0].get_contents().get_data()) > 10_000
