"""The Laporan sub-tab builds the Buku Agenda off the GUI thread and opens it in the preview."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from desktop.services import demo, letters
from desktop.services.permissions import SYSTEM
from desktop.services.system import AppContext
from desktop.ui.context import UiContext
from desktop.ui.letters.reports_panel import ReportsPanel


def test_year_report_opens_in_the_preview(qtbot, app_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    demo.fill(app_ctx, letter_count=0)
    received = datetime(2025, 6, 2, 9, 0, tzinfo=ZoneInfo("Asia/Makassar"))
    with app_ctx.db.transaction() as s:
        letters.register_incoming(
            s,
            SYSTEM,
            letters.IncomingInput(
                tanggal_diterima=received,
                asal_surat="Bank Indonesia",
                nomor_surat="1/BI/2025",
                tanggal_surat=received.date(),
                perihal="Laporan perekonomian",
            ),
        )
    panel = ReportsPanel(UiContext(app_ctx, SYSTEM))
    qtbot.addWidget(panel)
    panel.year.setValue(2025)
    assert panel.period() == (date(2025, 1, 1), date(2025, 12, 31))
    panel.pdf_button.click()
    qtbot.waitUntil(lambda: panel.preview is not None, timeout=20_000)
    assert panel.preview is not None and panel.preview.isVisible()
    panel.preview.close()
