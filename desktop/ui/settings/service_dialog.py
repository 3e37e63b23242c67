"""A settings dialog that saves through a service call and stays open, the error at its field, until it succeeds."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop.services.common.errors import ServiceError, ValidationError
from desktop.ui.settings.common import tr
from desktop.ui.settings.error_form import ErrorForm
from desktop.ui.widgets.drafts import DraftKeeper


class ServiceDialog(QDialog):
    """A form dialog that saves through a service on OK and stays open, with what was typed, on an error.

    Subclasses fill ``self.form`` and implement ``commit()``: call the service and return normally, or raise
    ``ValidationError``/``ServiceError``; the message then appears beside the field. A subclass whose fields
    hold typed input ends its constructor with ``self.keep_drafts(ctx, key, title)``: the input is then kept as
    a draft and Esc, ✕ or Batal ask before throwing it away.
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
        self.drafts: DraftKeeper | None = None

    def keep_drafts(self, ctx: Any, key: str, title: str) -> DraftKeeper:
        """Keep what is typed as a draft under ``key`` (e.g. ``unit/12``), named ``title`` in the questions.
        Called last in the constructor: what the form shows then is its untouched state."""
        for name, widget in self.form.fields.items():
            # The keeper finds fields by objectName; a row's service field name is stable and unique here.
            if not widget.objectName():
                widget.setObjectName(name)
        self.drafts = DraftKeeper(self, ctx, key, title)
        return self.drafts

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
        super().accept()  # finished: the keeper drops the draft

    def reject(self) -> None:
        """Esc, ✕ and Batal: typed input is thrown away only when the clerk says so."""
        if self.drafts is not None and not self.drafts.confirm_discard(self):
            return
        super().reject()
