"""The queue slip goes to the printer like every other print: through Qt to a real CUPS queue, on roll paper."""

from __future__ import annotations

import os
import time

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from sqlalchemy import select

from desktop.demo import sample_office
from desktop.models.admin import OrgUnit, User
from desktop.services.common import auth
from desktop.services.guests import visits
from desktop.services.system import AppContext
from desktop.ui.context import UiContext
from desktop.ui.guests import slip_print
from tests.support.cups import TEST_QUEUE, unavailable_reason, wait_for_pdf

MM_PT = 72 / 25.4


@pytest.mark.cups
def test_a_walk_ins_slip_reaches_the_cups_queue_80_mm_wide(qapp, app_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    reason = unavailable_reason()
    if reason is not None:
        if os.environ.get("SEKRETARIAT_REQUIRE_CUPS") == "1":
            pytest.fail(f"{reason} (SEKRETARIAT_REQUIRE_CUPS=1)")
        pytest.skip(reason)
    sample_office.fill(app_ctx, letter_count=0)
    with app_ctx.db.transaction() as s:
        desk = auth.actor_for(s.scalar(select(User).where(User.username == "tamu")))
        unit = s.scalars(select(OrgUnit.id)).first()
        view = visits.check_in(
            s, desk, visits.WalkIn(nama="Tamu Cetak", keperluan="Audiensi", tujuan_unit_id=unit)
        )
    printer = QPrinter(QPrinterInfo.printerInfo(TEST_QUEUE), QPrinter.PrinterMode.HighResolution)
    since = time.time()
    result = slip_print.print_slip(UiContext(app_ctx, desk), view, printer)
    assert result.ok, result.message
    out = wait_for_pdf(since, timeout=90, name_contains="Slip")
    page = PdfReader(out).pages[0]
    # The roll's width is kept (CUPS rounds custom sizes to whole points); the length follows the content.
    assert abs(float(page.mediabox.width) - 80 * MM_PT) <= 3
    assert 60 * MM_PT < float(page.mediabox.height) < 250 * MM_PT
