"""A settings dialog that saves through a service call and stays open, the error at its field, until it succeeds."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop.services.common.errors import ServiceError, ValidationError
from desktop.ui.settings.common import tr
from desktop.ui.settings.error_form import ErrorForm


class ServiceDialog(QDialog):
    """A form dialog that saves through a service on OK and stays open, with what was typed, on an error.

    Subclasses fill ``self.form`` and implement ``commit()``: call the service and return normally, or raise
    ``ValidationError``/``ServiceError``; the message then appears beside the field.
    """

    def __init__(self, title: str, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.form = ErrorForm()
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    def commit(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def accept(self) -> None:
        self.form.clear_errors()
        try:
            self.commit()
        except (ValidationError, ServiceError) as exc:
            self.form.show_error(exc)
            return
        super().accept()
