"""The reason asked before a record is cancelled: an empty reason keeps the dialog open with a message."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.ui.widgets.messages import set_message
from desktop.ui.widgets.palette import ERROR_COLOR


class ReasonDialog(QDialog):
    """One line for the reason, and buttons that say what they do (``ok`` / ``cancel``). Pressing ``ok`` with
    nothing typed (or only spaces) shows why under the field and keeps what the clerk sees: the dialog never
    closes as if it had been backed out of."""

    def __init__(self, parent: QWidget | None, title: str, label: str, *, ok: str, cancel: str) -> None:
        super().__init__(parent)
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

    def reason(self) -> str:
        return self.edit.text().strip()

    def accept(self) -> None:
        if not self.reason():
            set_message(self.message, self.tr("Alasan pembatalan wajib diisi."), ERROR_COLOR)
            self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
            self.edit.selectAll()
            return
        super().accept()


def ask_reason(
    parent: QWidget, title: str, label: str, *, cancel: str, width: int, ok: str = "Lanjut"
) -> str | None:
    """The reason for cancelling a record, asked before the confirmation; None only when the user backs out."""
    dialog = ReasonDialog(parent, title, label, ok=ok, cancel=cancel)
    dialog.resize(width, dialog.sizeHint().height())
    if not dialog.exec():
        return None
    return dialog.reason()
