"""Cancelling an outgoing number as the clerk does, and searching another year's number from this year's book."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QWidget

from desktop.core import clock
from desktop.services import system
from desktop.services.letters import outgoing
from desktop.services.system import AppContext
from desktop.ui.context import UiContext
from desktop.ui.letters.outgoing_panel import OutgoingPanel
from desktop.ui.widgets.reason import ReasonDialog
from tests.ui.office import demo_actor

TUJUAN = "Kepala Dinas Perdagangan Kota Samarinda"
PERIHAL = "Undangan Rapat Koordinasi Stabilisasi Harga"
# 10 March 2026, 09:00 WITA: a working morning in the year the book shows.
MORNING_2026 = datetime(2026, 3, 10, 1, 0, tzinfo=UTC)


@pytest.fixture
def filled(prepared: Path, tmp_path: Path) -> Iterator[AppContext]:
    data = tmp_path / "data"
    shutil.copytree(prepared, data)
    ctx = system.open_context(data)
    with clock.fixed(MORNING_2026):
        yield ctx
    ctx.db.dispose()


def _panel(qtbot, app_ctx: AppContext) -> OutgoingPanel:  # type: ignore[no-untyped-def]
    panel = OutgoingPanel(UiContext(app_ctx, demo_actor(app_ctx, "surat")))
    qtbot.addWidget(panel)
    panel.resize(1366, 700)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def _when_modal(kind: type[QWidget], act: Callable[[QWidget], None]) -> None:
    """Answer the next modal dialog of ``kind`` as soon as it is open (exec() blocks the test)."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            act(dialog)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def _button(widget: QWidget, text: str) -> QPushButton:
    return next(b for b in widget.findChildren(QPushButton) if b.text() == text)


def test_a_cancelled_number_leaves_the_green_box_struck_and_uncopyable(qtbot, filled: AppContext) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, filled)
    form, book = panel.form, panel.list
    qtbot.keyClicks(form.tujuan, TUJUAN)
    form.perihal.setPlainText(PERIHAL)
    qtbot.keyClicks(form.kode, "000.1.5")
    form.code_completer.popup().hide()
    with qtbot.waitSignal(form.issued):
        qtbot.keyClick(form.kode, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    number = "000.1.5/1/DP2KUKM/2026"
    assert form.number_label.text() == number and form.copy_button.isVisible()

    seen: dict[str, object] = {}

    def empty_then_reason(dialog: QWidget) -> None:
        assert isinstance(dialog, ReasonDialog)
        seen["buttons"] = [b.text() for b in dialog.findChildren(QPushButton)]
        qtbot.keyClicks(dialog.edit, "   ")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # only spaces: no reason
        seen["stayed"] = dialog.isVisible()
        seen["message"] = dialog.message.text() if dialog.message.isVisible() else ""
        seen["focus"] = dialog.focusWidget() is dialog.edit
        qtbot.keyClicks(dialog.edit, "Surat tidak jadi dikirim")
        seen["message_after_typing"] = dialog.message.isVisible()
        _when_modal(QMessageBox, confirm)
        qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)

    def confirm(box: QWidget) -> None:
        seen["confirm_buttons"] = [b.text() for b in box.findChildren(QPushButton)]
        seen["question"] = box.findChild(QLabel, "qt_msgbox_label").text()
        qtbot.mouseClick(_button(box, "Batalkan nomor ini"), Qt.MouseButton.LeftButton)

    _when_modal(ReasonDialog, empty_then_reason)
    qtbot.mouseClick(book.cancel_button, Qt.MouseButton.LeftButton)

    assert seen["stayed"] is True and seen["message"] == "Alasan pembatalan wajib diisi."
    assert seen["focus"] is True and seen["message_after_typing"] is False
    assert sorted(seen["buttons"]) == ["Batalkan nomor ini…", "Kembali"]  # type: ignore[arg-type]
    assert sorted(seen["confirm_buttons"]) == ["Batalkan nomor ini", "Kembali"]  # type: ignore[arg-type]
    assert "Surat tidak jadi dikirim" in str(seen["question"])
    assert book.model.index(0, 6).data() == "Batal"

    # The green box no longer offers the number: struck through, BATAL with the reason, nothing to copy.
    assert form.number_label.text() == number and form.number_label.font().strikeOut()
    assert "BATAL" in form.number_detail.text() and "Surat tidak jadi dikirim" in form.number_detail.text()
    assert not form.copy_button.isVisible()
    QApplication.clipboard().setText("kosong")
    qtbot.keyClick(
        form.tujuan, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert QApplication.clipboard().text() == "kosong"

    # The next number is a live one again, with its copy button.
    form.tujuan.setText(TUJUAN)
    form.perihal.setPlainText(PERIHAL)
    form.kode.setText("000.1.5")
    assert form.issue() is not None
    assert form.number_label.text() == "000.1.5/2/DP2KUKM/2026" and not form.number_label.font().strikeOut()
    assert form.copy_button.isVisible() and "BATAL" not in form.number_detail.text()


def test_backing_out_of_the_reason_cancels_nothing(qtbot, filled: AppContext) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, filled)
    form, book = panel.form, panel.list
    form.tujuan.setText(TUJUAN)
    form.perihal.setPlainText(PERIHAL)
    form.kode.setText("000.1.5")
    assert form.issue() is not None
    _when_modal(ReasonDialog, lambda d: qtbot.keyClick(d, Qt.Key.Key_Escape))
    assert not book.cancel_selected()
    assert book.model.index(0, 6).data() == "Ditandatangani" and form.copy_button.isVisible()


def _issue_in(app_ctx: AppContext, day: date, tujuan: str) -> str:
    """A number taken on ``day`` (the clock stopped at 09:00 WITA of that day)."""
    actor = demo_actor(app_ctx, "surat")
    at = datetime(day.year, day.month, day.day, 1, 0, tzinfo=UTC)
    with clock.fixed(at), app_ctx.db.transaction() as s:
        info = outgoing.issue_number(
            s,
            actor,
            outgoing.OutgoingInput(
                tanggal_surat=day, tujuan=tujuan, perihal=PERIHAL, kode_klasifikasi="000.1.5"
            ),
        )
    return info.nomor_surat


def test_a_search_that_finds_nothing_this_year_offers_every_year(qtbot, filled: AppContext) -> None:  # type: ignore[no-untyped-def]
    old = _issue_in(filled, date(2025, 11, 20), "Bank Indonesia Perwakilan Kalimantan Timur")
    _issue_in(filled, date(2026, 3, 9), TUJUAN)
    panel = _panel(qtbot, filled)
    book = panel.list
    assert book.year.value() == 2026 and book.model.total == 1

    qtbot.keyClicks(book.search, "/2025")
    qtbot.keyClick(book.search, Qt.Key.Key_Return)
    assert book.model.total == 0
    hint, label, button = book.year_search_hint, book.year_search_label, book.year_search_button
    assert hint.isVisible() and "Tidak ada yang cocok di tahun 2026" in label.text()
    assert button.isVisible() and button.text() == "Cari di semua tahun? (1 surat)"

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert book.model.total == 1 and book.model.index(0, 0).data() == old
    assert book.selected_info() is not None and book.selected_info().nomor_surat == old  # type: ignore[union-attr]
    assert label.text() == "Hasil dari semua tahun." and button.text() == "Kembali ke tahun 2026"

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # back to this year's book, the search kept
    assert book.model.total == 0 and button.text() == "Cari di semua tahun? (1 surat)"

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert book.model.total == 1
    book.search.clear()  # an emptied search goes back to one year's book
    qtbot.keyClick(book.search, Qt.Key.Key_Return)
    assert book.model.total == 1 and book.model.index(0, 0).data() != old and not hint.isVisible()


def test_nothing_in_any_year_says_so_without_a_link(qtbot, filled: AppContext) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, filled)
    book = panel.list
    qtbot.keyClicks(book.search, "/1999")
    qtbot.keyClick(book.search, Qt.Key.Key_Return)
    assert book.model.total == 0 and book.year_search_hint.isVisible()
    assert "tahun mana pun" in book.year_search_label.text() and not book.year_search_button.isVisible()
