"""Fields the Barang forms share: Rupiah typed with dot thousands, and Enter walking a dialog's fields."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QWidget

from desktop.core.money import format_number, parse_rupiah
from desktop.services.common.errors import ValidationError
from desktop.ui.widgets.keys import focus_next, is_enter


class RupiahEdit(QLineEdit):
    """Whole Rupiah: typing ``15000000`` shows ``15.000.000`` as it is typed, the cursor staying after the digit
    just typed; ``amount()`` is the integer (None when empty), a ValidationError for text that is no amount."""

    def __init__(self, parent: QWidget | None = None, *, placeholder: str = "") -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText(placeholder or "0")
        self.setMaxLength(30)
        self.textEdited.connect(self._group)

    def _group(self, text: str) -> None:
        if not text.strip() or text.strip().startswith("-") or "," in text:
            return  # a sign or a ",00" is left as typed: amount() says what is wrong with it
        digits = "".join(c for c in text if c.isdigit())
        if not digits or any(
            not (c.isdigit() or c in ". ") for c in text.replace("Rp", "").replace("rp", "")
        ):
            return
        before = sum(c.isdigit() for c in text[: self.cursorPosition()])
        grouped = format_number(int(digits))
        if grouped == text:
            return
        self.setText(grouped)
        seen = 0
        position = 0
        for position, char in enumerate(grouped, start=1):  # noqa: B007 - the position is what is wanted
            seen += char.isdigit()
            if seen >= before:
                break
        self.setCursorPosition(position if before else 0)

    def amount(self, field: str = "harga") -> int | None:
        text = self.text().strip()
        if not text:
            return None
        try:
            return parse_rupiah(text)
        except ValueError:
            raise ValidationError(
                "Tulis nilai dalam Rupiah penuh, mis. 15.000.000 (tanpa sen).", field
            ) from None

    def set_amount(self, value: int | None) -> None:
        self.setText("" if value is None else format_number(value))


class EnterNext(QObject):
    """Enter in a field of ``owner`` moves on as Tab does (a form is walked by Enter); an open combo list and a
    button keep their own Enter. The dialog's keyPressEvent calls ``handle``: the Enter a field ignores arrives
    there."""

    def __init__(self, owner: QWidget) -> None:
        super().__init__(owner)
        self.owner = owner

    def handle(self, event: QKeyEvent) -> bool:
        if not is_enter(event) or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        widget = self.owner.focusWidget()
        if widget is None or isinstance(widget, QAbstractButton):
            return False
        if isinstance(widget, QComboBox) and widget.view().isVisible():
            return False
        focus_next(widget if not isinstance(widget.parentWidget(), QComboBox) else widget.parentWidget())
        return True


def line(parent: QWidget, name: str, placeholder: str = "", *, limit: int = 0) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    if limit:
        edit.setMaxLength(limit)
    return edit
