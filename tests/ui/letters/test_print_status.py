"""Honest print status (issue 13 item 3): the lembar disposisi preview closed by Esc, ✕ or Tutup marks nothing;
saved as PDF or accepted by a printer queue, the letter is "Disposisi dicetak", the status bar says where it
went and the preview closes; a printer that fails leaves the letter unmarked with a message."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QFileDialog, QMainWindow, QMessageBox

from desktop.core import clock
from desktop.core.dates import office_tz
from desktop.services.common import audit
from desktop.services.common.permissions import SYSTEM
from desktop.services.letters import incoming
from desktop.services.system import AppContext
from desktop.ui.context import UiContext
from desktop.ui.letters import SuratTab
from desktop.ui.print_preview import PrintPreviewDialog
from tests.support.cups import TEST_QUEUE, unavailable_reason, wait_for_pdf
from tests.ui.office import demo_actor


@pytest.fixture(autouse=True)
def office_morning() -> Iterator[None]:
    """The clerk's day: 20 November 2026, 10.00 WITA (the agenda shows that year)."""
    with clock.fixed(datetime(2026, 11, 20, 10, 0, tzinfo=office_tz("WITA"))):
        yield


def _window(qtbot, ctx: AppContext) -> tuple[QMainWindow, SuratTab, int]:  # type: ignore[no-untyped-def]
    """The Surat tab inside a main window (whose status bar the clerk reads), one letter selected."""
    actor = demo_actor(ctx)
    with ctx.db.transaction() as s:
        info = incoming.register_incoming(
            s,
            actor,
            incoming.IncomingInput(
                tanggal_diterima=datetime(2026, 11, 20, 9, 0, tzinfo=office_tz("WITA")),
                asal_surat="Bank Indonesia Perwakilan Kalimantan Timur",
                nomor_surat="B/12/KPw-Kaltim/2026",
                tanggal_surat=date(2026, 11, 18),
                perihal="Undangan rapat koordinasi pengendalian inflasi daerah",
            ),
            today=date(2026, 11, 20),
        )
    window = QMainWindow()
    tab = SuratTab(UiContext(ctx, actor))
    window.setCentralWidget(tab)
    qtbot.addWidget(window)
    window.resize(1366, 700)
    window.show()
    qtbot.waitExposed(window)
    tab.list.reload(select_id=info.id)
    assert tab.list.selected_id() == info.id
    return window, tab, int(info.id)


def _activate(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    widget.activateWindow()  # offscreen windows are not always activated on show; shortcuts need it
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=2000)


def _open_preview(qtbot, tab: SuratTab) -> PrintPreviewDialog:  # type: ignore[no-untyped-def]
    tab.list.table.setFocus()
    qtbot.keyClick(tab.list.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    preview = tab.list.preview
    assert isinstance(preview, PrintPreviewDialog) and preview.page_count() == 1
    qtbot.waitExposed(preview)
    _activate(qtbot, preview)
    return preview


def _status(tab: SuratTab) -> str:
    row = tab.list.model.row_of(tab.list.selected_id() or -1)
    return str(tab.list.model.index(row, 8).data())


def _printed(ctx: AppContext, letter_id: int) -> tuple[int, list[str]]:
    """The letter's print count and the summaries of its "cetak" audit rows, oldest first."""
    with ctx.db.transaction() as s:
        count = incoming.get_incoming(s, SYSTEM, letter_id).jumlah_cetak
        rows, _total = audit.list_entries(s, SYSTEM, entity="surat_masuk")
    return count, [r.summary for r in reversed(rows) if r.action == "cetak" and r.entity_id == str(letter_id)]


def test_looking_at_the_preview_and_closing_it_marks_nothing(qtbot, filled: AppContext) -> None:  # type: ignore[no-untyped-def]
    window, tab, letter_id = _window(qtbot, filled)

    def by_esc(preview: PrintPreviewDialog) -> None:
        qtbot.keyClick(preview.view, Qt.Key.Key_Escape)

    def by_tutup(preview: PrintPreviewDialog) -> None:
        qtbot.mouseClick(preview.close_button, Qt.MouseButton.LeftButton)

    def by_window_close(preview: PrintPreviewDialog) -> None:  # the ✕ of the title bar
        preview.close()

    closers: tuple[Callable[[PrintPreviewDialog], None], ...] = (by_esc, by_tutup, by_window_close)
    for close in closers:
        preview = _open_preview(qtbot, tab)
        close(preview)
        qtbot.waitUntil(lambda: tab.list.preview is None, timeout=2000)
        assert _status(tab) == "Baru", close.__name__
        assert preview.delivery is None
    assert _printed(filled, letter_id) == (0, [])
    assert window.statusBar().currentMessage() == ""


def test_saved_as_pdf_marks_the_letter_and_the_status_bar_names_the_file(  # type: ignore[no-untyped-def]
    qtbot, filled: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, tab, letter_id = _window(qtbot, filled)
    target = tmp_path / "arsip" / "lembar-disposisi-1-2026.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Dokumen PDF (*.pdf)"))

    preview = _open_preview(qtbot, tab)
    qtbot.keyClick(preview.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert target.read_bytes().startswith(b"%PDF")
    qtbot.waitUntil(lambda: tab.list.preview is None, timeout=2000)  # the preview closed itself
    assert _status(tab) == "Disposisi dicetak"
    assert window.statusBar().currentMessage() == f"Disimpan sebagai PDF: {target}"
    count, summaries = _printed(filled, letter_id)
    assert count == 1 and len(summaries) == 1 and target.name in summaries[0]

    # A second real print is a reprint: counted once more, and the audit says so.
    preview = _open_preview(qtbot, tab)
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    count, summaries = _printed(filled, letter_id)
    assert count == 2 and "cetak ulang" in summaries[1]


def test_a_printer_that_fails_leaves_the_letter_unmarked_and_says_why(  # type: ignore[no-untyped-def]
    qtbot, filled: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, tab, letter_id = _window(qtbot, filled)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warnings.append(text))
    broken = QPrinter(QPrinter.PrinterMode.HighResolution)
    broken.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    broken.setOutputFileName(str(tmp_path / "tidak-ada" / "x.pdf"))  # the job cannot start

    preview = _open_preview(qtbot, tab)
    assert not preview.print_on(broken)

    assert len(warnings) == 1 and "Printer tidak dapat mulai mencetak" in warnings[0]
    assert tab.list.preview is preview and preview.isVisible()  # the clerk can try another printer
    assert _status(tab) == "Baru" and _printed(filled, letter_id) == (0, [])
    assert window.statusBar().currentMessage() == ""
    preview.close()


def _answer_print_dialog(qtbot, queue: str, answered: list[str]) -> None:  # type: ignore[no-untyped-def]
    """When Qt's print dialog is up: choose ``queue`` in its printer list and click its Print button."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QPrintDialog):
            QTimer.singleShot(100, answer)
            return
        printers = dialog.findChild(QComboBox, "printers")
        assert printers is not None
        printers.setCurrentIndex(printers.findText(queue))
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        (accept,) = [b for b in box.buttons() if box.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole]
        answered.append(printers.currentText())
        qtbot.mouseClick(accept, Qt.MouseButton.LeftButton)

    QTimer.singleShot(100, answer)


@pytest.mark.cups
def test_printed_on_a_cups_queue_marks_the_letter_with_the_printers_name(  # type: ignore[no-untyped-def]
    qtbot, filled: AppContext
) -> None:
    reason = unavailable_reason()
    if reason is not None:
        if os.environ.get("SEKRETARIAT_REQUIRE_CUPS") == "1":
            pytest.fail(f"{reason} (SEKRETARIAT_REQUIRE_CUPS=1)")
        pytest.skip(reason)
    window, tab, letter_id = _window(qtbot, filled)

    preview = _open_preview(qtbot, tab)
    answered: list[str] = []
    _answer_print_dialog(qtbot, TEST_QUEUE, answered)
    since = time.time()
    qtbot.keyClick(preview.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # Cetak… → print dialog

    assert answered == [TEST_QUEUE]
    qtbot.waitUntil(lambda: tab.list.preview is None, timeout=5000)
    assert _status(tab) == "Disposisi dicetak"
    assert (
        window.statusBar().currentMessage().startswith(f"Dikirim ke printer {TEST_QUEUE}: Lembar disposisi")
    )
    count, summaries = _printed(filled, letter_id)
    assert count == 1 and f"dikirim ke printer {TEST_QUEUE}" in summaries[0]
    # And the queue really printed it: cups-pdf wrote the page.
    out = wait_for_pdf(since, timeout=90)
    assert len(PdfReader(out).pages) == 1


def test_a_report_is_audited_as_printed_only_when_saved(  # type: ignore[no-untyped-def]
    qtbot, filled: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same rule for every document the Surat tab prints: the Laporan panel's books and recaps."""
    window, tab, _letter_id = _window(qtbot, filled)
    panel = tab.reports
    tab.tabs.setCurrentWidget(panel)
    saved: list[Path] = []

    def save_as(*_a: object, **_k: object) -> tuple[str, str]:
        saved.append(tmp_path / f"laporan-{len(saved)}.pdf")
        return str(saved[-1]), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    for report in REPORT_ENTITIES:
        panel.choose(report)
        for action in ("esc", "save"):
            panel.preview = None
            panel.pdf_button.click()
            qtbot.waitUntil(lambda: panel.preview is not None, timeout=20_000)
            preview = panel.preview
            assert preview is not None
            qtbot.waitExposed(preview)
            _activate(qtbot, preview)
            if action == "esc":
                qtbot.keyClick(preview.view, Qt.Key.Key_Escape)
                assert _report_rows(filled, REPORT_ENTITIES[report]) == [], report
            else:
                qtbot.keyClick(preview.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
                (row,) = _report_rows(filled, REPORT_ENTITIES[report])
                assert saved[-1].name in row, report
                assert window.statusBar().currentMessage() == f"Disimpan sebagai PDF: {saved[-1]}"
            assert not preview.isVisible()


# The Laporan panel's keys and the audit entity each report's print is recorded under.
REPORT_ENTITIES = {
    "agenda_masuk": "buku_agenda_masuk",
    "agenda_keluar": "buku_agenda_keluar",
    "rekap_bulanan": "rekap_surat",
    "tindak_lanjut": "tindak_lanjut_disposisi",
}


def _report_rows(ctx: AppContext, entity: str) -> list[str]:
    with ctx.db.transaction() as s:
        rows, _total = audit.list_entries(s, SYSTEM, entity=entity)
    return [r.summary for r in rows if r.action == "cetak"]
