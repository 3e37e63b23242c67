"""The Laporan sub-tab: the clerk picks a report and a period; it is built off the GUI thread and opens in the
preview."""

from __future__ import annotations

import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

from pypdf import PdfReader

from desktop.demo import sample_office
from desktop.services.common.permissions import SYSTEM
from desktop.services.letters import incoming
from desktop.services.system import AppContext
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.letters.reports_panel import ReportsPanel


def _letter(app_ctx: AppContext) -> None:
    received = datetime(2025, 6, 2, 9, 0, tzinfo=ZoneInfo("Asia/Makassar"))
    with app_ctx.db.transaction() as s:
        incoming.register_incoming(
            s,
            SYSTEM,
            incoming.IncomingInput(
                tanggal_diterima=received,
                asal_surat="Bank Indonesia",
                nomor_surat="1/BI/2025",
                tanggal_surat=received.date(),
                perihal="Laporan perekonomian",
            ),
        )


def _pdf_text(panel: ReportsPanel) -> str:
    assert panel.preview is not None
    reader = PdfReader(io.BytesIO(panel.preview._pdf))
    return " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def test_year_report_opens_in_the_preview(qtbot, app_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    sample_office.fill(app_ctx, letter_count=0)
    _letter(app_ctx)
    panel = ReportsPanel(UiContext(app_ctx, SYSTEM))
    qtbot.addWidget(panel)
    panel.year.setValue(2025)
    assert panel.period() == (date(2025, 1, 1), date(2025, 12, 31))
    panel.pdf_button.click()
    qtbot.waitUntil(lambda: panel.preview is not None, timeout=20_000)
    assert panel.preview is not None and panel.preview.isVisible()
    panel.preview.close()


REPORTS = [
    ("agenda_masuk", "BUKU AGENDA SURAT MASUK", ("Periode 1 Juni 2025 s.d. 30 Juni 2025", "Bank Indonesia")),
    ("agenda_keluar", "BUKU AGENDA SURAT KELUAR", ("Tidak ada data pada periode ini.",)),
    ("rekap_bulanan", "REKAPITULASI SURAT MASUK DAN SURAT KELUAR", ("Bulan Juni 2025", "Jumlah 1 0 1")),
    # The letter has no disposition yet: every unit is listed with nothing received.
    (
        "tindak_lanjut",
        "LAPORAN TINDAK LANJUT DISPOSISI",
        ("Bidang Perindustrian 0 0 0 0 0", "Jumlah 0 0 0 0 0"),
    ),
]


def test_each_report_builds_its_pdf(qtbot, app_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    sample_office.fill(app_ctx, letter_count=0)
    _letter(app_ctx)
    panel = ReportsPanel(UiContext(app_ctx, SYSTEM))
    qtbot.addWidget(panel)
    panel.by_month.setChecked(True)
    panel.month.setCurrentIndex(5)  # Juni
    panel.month_year.setValue(2025)
    assert [panel.kind.itemData(i) for i in range(panel.kind.count())] == [key for key, *_ in REPORTS]
    for key, title, expected in REPORTS:
        panel.preview = None
        panel.choose(key)
        assert panel.period() == (date(2025, 6, 1), date(2025, 6, 30))
        panel.pdf_button.click()
        qtbot.waitUntil(lambda: panel.preview is not None, timeout=20_000)
        assert panel.preview is not None and panel.preview.isVisible()
        text = _pdf_text(panel)
        assert title in text and all(e in text for e in expected), key
        panel.preview.close()


def test_the_recap_is_for_one_month(qtbot, app_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    panel = ReportsPanel(UiContext(app_ctx, SYSTEM))
    qtbot.addWidget(panel)
    panel.year.setValue(2025)
    assert panel.by_year.isChecked()
    panel.choose("rekap_bulanan")
    # Picking the recap switches to a month of the year shown; a year or a free period cannot be chosen.
    assert panel.by_month.isChecked() and not panel.by_year.isEnabled() and not panel.by_range.isEnabled()
    assert panel.period()[0].year == 2025
    panel.choose("agenda_keluar")
    assert panel.by_year.isEnabled() and panel.by_range.isEnabled() and panel.by_month.isChecked()
    panel.by_range.setChecked(True)
    assert panel.start.isEnabled() and not panel.month.isEnabled() and not panel.year.isEnabled()


def test_a_typed_period_is_read_and_an_impossible_date_builds_nothing(
    qtbot, app_ctx: AppContext, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    sample_office.fill(app_ctx, letter_count=0)
    panel = ReportsPanel(UiContext(app_ctx, SYSTEM))
    qtbot.addWidget(panel)
    said: list[str] = []
    monkeypatch.setattr(dialogs, "error", lambda _parent, _title, text: said.append(text))
    panel.choose("agenda_masuk")
    panel.by_range.setChecked(True)
    panel.start.selectAll()
    qtbot.keyClicks(panel.start, "1/6/2025")
    panel.end.selectAll()
    qtbot.keyClicks(panel.end, "30062025")
    assert panel.period() == (date(2025, 6, 1), date(2025, 6, 30))
    assert panel.end.caption.text() == "Senin, 30 Juni 2025"

    panel.end.selectAll()
    qtbot.keyClicks(panel.end, "31062025")
    panel.pdf_button.click()
    assert said == ["Tanggal akhir periode: Tanggal 31 Juni 2025 tidak ada: Juni 2025 hanya 30 hari."]
    assert panel.preview is None  # nothing built
