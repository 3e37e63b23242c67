"""The reason asked before a record is cancelled: an empty reason keeps the dialog open with a message."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.ui.widgets.messages import set_message
from desktop.ui.widgets.palette import ERROR_COLOR
from desktop.ui.widgets.screen_fit import screen_room


class ReasonDialog(QDialog):
    """One line for the reason, and buttons that say what they do (``ok`` / ``cancel``). Pressing ``ok`` with
    nothing typed (or only spaces) shows why under the field and keeps what the clerk sees: the dialog never
    closes as if it had been backed out of."""

    def __init__(
        self, parent: QWidget | None, title: str, label: str, *, ok: str, cancel: str, empty: str = ""
    ) -> None:
        super().__init__(parent)
        # What an empty reason is told: a cancellation by default; a withdrawal or a loss says its own word.
        self.empty = empty or self.tr("Alasan pembatalan wajib diisi.")
        self.setWindowTitle(title)
        self.prompt = QLabel(label, self)
        self.prompt.setWordWrap(True)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("reason")
        self.edit.setAccessibleName(self.tr("Alasan"))
        self.prompt.setBuddy(self.edit)
        self.message = QLabel(self)
        self.message.setObjectName("reasonError")
        self.message.setWordWrap(True)
        self.message.hide()
        buttons = QDialogButtonBox(self)
        self.ok_button: QPushButton = buttons.addButton(ok, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button: QPushButton = buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.edit.textChanged.connect(lambda _t: set_message(self.message, "", ERROR_COLOR))
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.edit)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def fit_height(self) -> None:
        """As tall as the wrapped question and message need at the dialog's width: a window's minimum counts
        a wrapped line once, and the message appearing cut the question short."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
        needed = max(self.heightForWidth(self.width()), self.minimumSizeHint().height())
        if needed > self.height():
            self.resize(self.width(), needed)

    def reason(self) -> str:
        return self.edit.text().strip()

    def accept(self) -> None:
        if not self.reason():
            set_message(self.message, self.empty, ERROR_COLOR)
            self.fit_height()
            self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
            self.edit.selectAll()
            return
        super().accept()


def ask_reason(
    parent: QWidget, title: str, label: str, *, cancel: str, width: int, ok: str = "Lanjut", empty: str = ""
) -> str | None:
    """The reason for cancelling a record, asked before the confirmation; None only when the user backs out."""
    dialog = ReasonDialog(parent, title, label, ok=ok, cancel=cancel, empty=empty)
    # The question wraps: as tall as its lines need at this width (the size hint counts a narrower one and
    # cut a long question to one line), no wider than the screen.
    dialog.resize(min(width, screen_room(dialog).width()), dialog.sizeHint().height())
    dialog.fit_height()
    if not dialog.exec():
        return None
    return dialog.reason()
