"""Dialogs open no larger than the screen's work area, and a tall form scrolls to the field in focus."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.widgets import screen_fit


def test_a_dialog_opens_at_its_size_or_at_the_room_the_screen_has(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dialog = QDialog()
    qtbot.addWidget(dialog)
    QVBoxLayout(dialog).addWidget(QPushButton("Simpan"))
    monkeypatch.setattr(screen_fit, "screen_room", lambda _w: QSize(1366, 698))
    screen_fit.fit_to_screen(dialog, 900, 600)
    assert dialog.size() == QSize(900, 600)
    monkeypatch.setattr(screen_fit, "screen_room", lambda _w: QSize(1024, 530))  # a 1024×600 laptop
    screen_fit.fit_to_screen(dialog, 1120, 640)
    assert dialog.size() == QSize(1024, 530)


def test_the_work_area_less_a_title_bar_is_the_room(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = QWidget()
    qtbot.addWidget(widget)
    area = widget.screen().availableGeometry().size()
    assert screen_fit.screen_room(widget) == QSize(area.width(), area.height() - screen_fit.TITLE_BAR)


def test_a_tall_form_scrolls_to_the_field_that_takes_the_focus(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = QDialog()
    qtbot.addWidget(dialog)
    body = QWidget()
    form = QFormLayout(body)
    fields = [QLineEdit() for _ in range(40)]
    for number, field in enumerate(fields, 1):
        form.addRow(f"Isian {number}", field)
    column = QVBoxLayout(dialog)
    area = screen_fit.scroll_form(body, dialog)
    column.addWidget(area, 1)
    save = QPushButton("Simpan")
    column.addWidget(save)
    dialog.resize(500, 300)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    fields[0].setFocus()
    qtbot.waitUntil(fields[0].hasFocus)
    assert area.verticalScrollBar().value() == 0
    fields[-1].setFocus()  # as Enter moves it: no Tab, so no scrolling by Qt itself
    qtbot.waitUntil(lambda: area.verticalScrollBar().value() > 0)
    top_left = fields[-1].mapTo(area.viewport(), fields[-1].rect().topLeft())
    assert top_left.y() >= 0 and top_left.y() + fields[-1].height() <= area.viewport().height()
    assert save.geometry().bottom() < dialog.height()  # the button stays outside the scrolled part


def test_a_scrolled_pane_grows_with_its_wrapped_lines_instead_of_cutting_them(qtbot) -> None:  # type: ignore[no-untyped-def]
    pane = QScrollArea()
    qtbot.addWidget(pane)
    pane.setWidgetResizable(True)
    content = QWidget()
    column = QVBoxLayout(content)
    reason = QLabel("Tanggal 31 Februari 2026 tidak ada: Februari 2026 hanya 28 hari. " * 3)
    reason.setWordWrap(True)
    column.addWidget(reason)
    column.addWidget(QLineEdit())
    pane.setWidget(content)
    screen_fit.HeightFollowsWidth(content)
    pane.resize(220, 120)  # narrow: the reason needs many lines
    pane.show()
    qtbot.waitExposed(pane)
    qtbot.waitUntil(lambda: reason.height() >= reason.heightForWidth(reason.width()))
    assert content.minimumHeight() > 120  # taller than the pane: it scrolls rather than cut the reason


def test_closing_a_dialog_with_the_focus_in_its_scrolled_form_raises_nothing(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The focus moves while Qt destroys a dialog; the scrolling helper of its deleted form must not follow it
    (pytest-qt fails the test on an exception in the event loop)."""
    outer = QDialog()
    qtbot.addWidget(outer)
    outer.show()
    inner = QDialog(outer)
    content = QWidget()
    field = QLineEdit(content)
    QVBoxLayout(content).addWidget(field)
    QVBoxLayout(inner).addWidget(screen_fit.scroll_form(content, inner))
    inner.show()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=2000)
    inner.close()
    outer.close()
    outer.deleteLater()
    qtbot.wait(50)
