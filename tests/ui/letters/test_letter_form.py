"""What the two letter forms share: Enter walks the chain, the form's keys win, a code is told from a word."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QKeyCombination, Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit, QPushButton

from desktop.ui.letters.letter_form import LetterForm, looks_like_code
from desktop.ui.widgets.keys import sequence


class TinyForm(LetterForm):
    def __init__(self) -> None:
        super().__init__(None)  # type: ignore[arg-type]  # no field here reads the database
        self.ran: list[str] = []
        header = self.build_header("Surat uji", "Enter: isian berikutnya", "lastNumber")
        self.build_perihal("hal surat")
        self.first = QLineEdit(self)
        self.hidden = QLineEdit(self)
        self.hidden.hide()
        self.check = QCheckBox("Pesan", self)
        self.button = QPushButton("Simpan", self)
        self.button.clicked.connect(lambda: self.ran.append("clicked"))
        chain = [self.first, self.perihal, self.hidden, self.check, self.button]
        self.chain_keys(chain, chain)
        self.header = header

    def form_keys(self) -> dict[QKeyCombination, Callable[[], object]]:
        return {sequence("Ctrl+S"): lambda: self.ran.append("save")}


def test_looks_like_code() -> None:
    assert looks_like_code("800.1.11.1") and looks_like_code("045")
    assert not looks_like_code("cuti") and not looks_like_code("")


def test_enter_walks_the_chain_and_the_keys_stay_with_the_form(qtbot) -> None:  # type: ignore[no-untyped-def]
    form = TinyForm()
    qtbot.addWidget(form)
    form.show()
    assert form.last_label.objectName() == "lastNumber"
    form.first.setFocus()
    qtbot.keyClick(form.first, Qt.Key.Key_Return)
    assert form.focusWidget() is form.perihal
    qtbot.keyClick(form.perihal, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert form.perihal.toPlainText() == "\n"  # Shift+Enter is a new line in perihal
    qtbot.keyClick(form.perihal, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert form.focusWidget() is form.check  # the hidden field is skipped
    qtbot.keyClick(form.check, Qt.Key.Key_Return)
    qtbot.keyClick(form.button, Qt.Key.Key_Return)
    assert form.ran == ["clicked"]  # Enter on the button presses it
    qtbot.keyClick(form.check, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.ran == ["clicked", "save"]
