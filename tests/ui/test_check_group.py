"""The shared CheckGroup: a dozen checkboxes the keyboard passes as one field (issue 13 item 5)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from desktop.ui.widgets.check_group import CheckGroup
from desktop.ui.widgets.keys import focus_next

ITEMS = (
    "Tanggapan dan saran",
    "Proses lebih lanjut",
    "Koordinasikan/konfirmasikan",
    "Untuk diketahui",
    "Untuk ditindaklanjuti",
    "Wakili/hadiri",
    "Siapkan bahan/jawaban",
    "Jadwalkan/agendakan",
)


def _form(qtbot):  # type: ignore[no-untyped-def]
    window = QWidget()
    before, after = QLineEdit(), QLineEdit()
    group = CheckGroup(ITEMS, columns=2)
    layout = QVBoxLayout(window)
    for w in (before, group, after):
        layout.addWidget(w)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    return window, before, group, after


def _pause(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.wait(QApplication.keyboardInputInterval() + 50)


def test_one_tab_passes_the_group_and_shift_tab_returns_to_the_last_box(qtbot) -> None:  # type: ignore[no-untyped-def]
    window, before, group, after = _form(qtbot)
    before.setFocus()
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    assert window.focusWidget() is group.boxes[0]
    qtbot.keyClick(group.boxes[0], Qt.Key.Key_Down)
    qtbot.keyClick(group.boxes[1], Qt.Key.Key_Right)  # the next column, same row
    assert window.focusWidget() is group.boxes[5]
    qtbot.keyClick(group.boxes[5], Qt.Key.Key_Tab)
    assert window.focusWidget() is after
    qtbot.keyClick(after, Qt.Key.Key_Backtab)
    assert window.focusWidget() is group.boxes[5]
    qtbot.keyClick(group.boxes[5], Qt.Key.Key_Backtab)
    assert window.focusWidget() is before


def test_typing_moves_to_the_item_space_ticks_enter_goes_on(qtbot) -> None:  # type: ignore[no-untyped-def]
    window, _before, group, after = _form(qtbot)
    group.setFocus()
    qtbot.keyClicks(group.boxes[0], "unt")
    assert window.focusWidget() is group.boxes[3]  # "Untuk diketahui", the first "unt…"
    _pause(qtbot)
    qtbot.keyClicks(window.focusWidget(), "uu")  # one letter again: the next item starting with it
    assert window.focusWidget() is group.boxes[4]
    _pause(qtbot)
    qtbot.keyClicks(window.focusWidget(), "hadir")  # a word inside the text counts too
    assert window.focusWidget() is group.boxes[5]
    _pause(qtbot)
    qtbot.keyClicks(window.focusWidget(), "xyz")  # nothing matches: stay put
    assert window.focusWidget() is group.boxes[5]
    qtbot.keyClick(group.boxes[5], Qt.Key.Key_Space)
    assert group.checked_texts() == ["Wakili/hadiri"]
    qtbot.keyClick(group.boxes[5], Qt.Key.Key_Return)
    assert window.focusWidget() is after
    group.clear()
    assert group.checked_texts() == [] and group.current_index() == 0


def test_a_click_makes_the_box_the_tab_stop(qtbot) -> None:  # type: ignore[no-untyped-def]
    window, before, group, after = _form(qtbot)
    qtbot.mouseClick(group.boxes[6], Qt.MouseButton.LeftButton)
    assert group.boxes[6].isChecked() and group.current_index() == 6
    after.setFocus()
    qtbot.keyClick(after, Qt.Key.Key_Backtab)
    assert window.focusWidget() is group.boxes[6]
    before.setFocus()
    focus_next(before)  # Enter-as-Tab for any form
    assert window.focusWidget() is group.boxes[6]
